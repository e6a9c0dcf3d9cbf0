// Checks Starl's labelled corpus against the record format of the judging specification
// (docs/judging.md, "Labelled files", "Verdicts" and "STAR(L) sentence labels"), and
// the question-type records of corpus/question-types.jsonl (corpus/README.md).
//
// Usage: node scripts/check-corpus.mjs [corpus/file.jsonl ...]   (default: every corpus/*.jsonl)
// Prints `file:line: problem` for each violation and exits 1 if there is any, 2 if a file cannot be read.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const QUESTION_TYPES = ['opener', 'introduction', 'personal', 'motivation', 'behavioral', 'closing', 'other'];
const STAR_LABELS = ['S', 'T', 'A', 'R', 'L', 'O'];
const RECORD_FIELDS = ['id', 'question', 'answer', 'context', 'questionType', 'reasons', 'sentences', 'note'];
// corpus/question-types.jsonl holds questions alone: {id, question, questionType, note?}.
const QUESTION_FIELDS = ['id', 'question', 'questionType', 'note'];
const ANSWER_ONLY_FIELDS = ['answer', 'context', 'reasons', 'sentences'];

// The guide's "applies to" column: a reason outside its types must be n/a, inside them pass or miss.
const APPLIES_TO = {
  opportunity: QUESTION_TYPES,
  memorable: ['introduction', 'personal', 'motivation', 'behavioral'],
  specificReason: ['motivation'],
  starl: ['behavioral'],
};

/**
 * Splits an answer into sentences the way the guide does: a sentence ends at ".", "?", "!" or "…"
 * followed by a space, and at line breaks.
 */
export function splitSentences(answer) {
  return answer
    .split(/(?<=[.?!…])[ ]+|\r?\n+/)
    .map((text) => text.trim())
    .filter((text) => text.length > 0);
}

function isNonEmptyString(value) {
  return typeof value === 'string' && value.trim().length > 0;
}

function checkQuestionType(type) {
  if (QUESTION_TYPES.includes(type)) return [];
  return [`"questionType" is ${JSON.stringify(type)}, expected one of ${QUESTION_TYPES.join(', ')}`];
}

/** A record with none of the answer fields is a question-type record, not an answer with fields missing. */
function isQuestionRecord(record) {
  return ANSWER_ONLY_FIELDS.every((field) => !(field in record));
}

function checkQuestionRecord(record) {
  const problems = [];
  for (const field of Object.keys(record)) {
    if (!QUESTION_FIELDS.includes(field)) problems.push(`unknown field "${field}" in a question-type record`);
  }
  for (const field of ['id', 'question']) {
    if (!isNonEmptyString(record[field])) problems.push(`"${field}" must be a non-empty string`);
  }
  if ('note' in record && !isNonEmptyString(record.note)) problems.push('"note" must be a non-empty string when present');
  return [...problems, ...checkQuestionType(record.questionType)];
}

/**
 * Returns the problems of one parsed record, as plain messages: an answer record in the guide's
 * record format, or a question-type record ({id, question, questionType, note?}).
 */
export function checkRecord(record) {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) {
    return ['a record must be a JSON object'];
  }
  if (isQuestionRecord(record)) return checkQuestionRecord(record);
  const problems = [];
  for (const field of Object.keys(record)) {
    if (!RECORD_FIELDS.includes(field)) problems.push(`unknown field "${field}"`);
  }
  for (const field of ['id', 'question', 'answer', 'note']) {
    if (!isNonEmptyString(record[field])) problems.push(`"${field}" must be a non-empty string`);
  }
  if (!('context' in record)) problems.push('"context" is missing (use null when there is none)');
  else if (record.context !== null && !isNonEmptyString(record.context)) {
    problems.push('"context" must be null or a non-empty string');
  }

  const type = record.questionType;
  const typeIsKnown = QUESTION_TYPES.includes(type);
  problems.push(...checkQuestionType(type));

  const reasons = record.reasons;
  if (reasons === null || typeof reasons !== 'object' || Array.isArray(reasons)) {
    problems.push('"reasons" must be an object with opportunity, memorable, specificReason and starl');
  } else {
    for (const key of Object.keys(reasons)) {
      if (!(key in APPLIES_TO)) problems.push(`unknown reason "${key}"`);
    }
    for (const [reason, types] of Object.entries(APPLIES_TO)) {
      const verdict = reasons[reason];
      if (!['pass', 'miss', 'n/a'].includes(verdict)) {
        problems.push(`reasons.${reason} is ${JSON.stringify(verdict)}, expected pass, miss or n/a`);
      } else if (typeIsKnown && types.includes(type) && verdict === 'n/a') {
        problems.push(`reasons.${reason} is n/a, but it applies to ${type} questions (pass or miss)`);
      } else if (typeIsKnown && !types.includes(type) && verdict !== 'n/a') {
        problems.push(`reasons.${reason} is ${verdict}, but it does not apply to ${type} questions (n/a)`);
      }
    }
  }

  if (type === 'behavioral') problems.push(...checkSentences(record));
  else if (typeIsKnown && 'sentences' in record) problems.push(`"sentences" is only for behavioral answers, not ${type}`);
  return problems;
}

function checkSentences(record) {
  const { sentences, answer } = record;
  if (!Array.isArray(sentences) || sentences.length === 0) {
    return ['"sentences" must be a non-empty array for a behavioral answer'];
  }
  const problems = [];
  sentences.forEach((sentence, index) => {
    const where = `sentences[${index}]`;
    if (sentence === null || typeof sentence !== 'object') return problems.push(`${where} must be an object {text, star}`);
    if (!isNonEmptyString(sentence.text)) problems.push(`${where}.text must be a non-empty string`);
    if (!STAR_LABELS.includes(sentence.star)) {
      problems.push(`${where}.star is ${JSON.stringify(sentence.star)}, expected one of ${STAR_LABELS.join(', ')}`);
    }
  });
  if (problems.length > 0 || typeof answer !== 'string') return problems;

  const texts = sentences.map((sentence) => sentence.text);
  if (texts.join(' ') !== answer) problems.push('the sentence texts joined with single spaces do not give back the answer');
  const expected = splitSentences(answer);
  const firstDifference = expected.findIndex((text, index) => text !== texts[index]);
  if (firstDifference >= 0 || expected.length !== texts.length) {
    const index = firstDifference >= 0 ? firstDifference : Math.min(expected.length, texts.length);
    problems.push(
      `sentence ${index + 1} does not follow the guide's splitting: expected ${JSON.stringify(expected[index] ?? '(none)')}, found ${JSON.stringify(texts[index] ?? '(none)')}`,
    );
  }
  return problems;
}

function corpusFiles(args) {
  if (args.length > 0) return args;
  return readdirSync('corpus')
    .filter((name) => name.endsWith('.jsonl'))
    .sort()
    .map((name) => join('corpus', name));
}

function main(args) {
  let files;
  try {
    files = corpusFiles(args);
  } catch (error) {
    console.error(`corpus: cannot list the corpus directory (${error.code ?? error.message})`);
    return 2;
  }
  const firstSeen = new Map();
  let violations = 0;
  let records = 0;
  let unreadable = false;
  const report = (file, line, message) => {
    violations += 1;
    console.log(`${file}:${line}: ${message}`);
  };

  for (const file of files) {
    let text;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      console.error(`${file}: cannot read the file (${error.code ?? error.message})`);
      unreadable = true;
      continue;
    }
    const lines = text.split('\n');
    if (lines.at(-1) === '') lines.pop();
    lines.forEach((raw, index) => {
      const line = index + 1;
      if (raw.trim() === '') return report(file, line, 'empty line (one JSON record per line)');
      let record;
      try {
        record = JSON.parse(raw);
      } catch (error) {
        return report(file, line, `not valid JSON (${error.message})`);
      }
      records += 1;
      for (const problem of checkRecord(record)) report(file, line, problem);
      if (isNonEmptyString(record?.id)) {
        const previous = firstSeen.get(record.id);
        if (previous) report(file, line, `id "${record.id}" is already used at ${previous}`);
        else firstSeen.set(record.id, `${file}:${line}`);
      }
    });
  }

  const summary = `${records} records in ${files.length} file(s), ${violations} problem(s)`;
  console.error(summary);
  if (unreadable) return 2;
  return violations > 0 ? 1 : 0;
}

// Run only when called as a script, so the checks can also be imported.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
