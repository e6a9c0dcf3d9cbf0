import { StarlError } from './errors.js';
import { wordsOf } from './lexicon/lexicon.js';
import otherLanguages from './lexicon/other-languages.json' with { type: 'json' };

/** Each other language's frequent words, to recognise an answer written in it. */
const OTHER_LANGUAGES: Set<string>[] = Object.entries(otherLanguages)
  .filter(([language]) => language !== 'about')
  .map(([, words]) => new Set(words as string[]));
/** Each such word with the languages it belongs to, by index: one lookup per word of the answer counts them all. */
const LANGUAGES_OF = new Map<string, number[]>();
OTHER_LANGUAGES.forEach((language, k) => {
  for (const word of language) LANGUAGES_OF.set(word, [...(LANGUAGES_OF.get(word) ?? []), k]);
});

/**
 * The longest answer Starl judges, in UTF-16 code units: about 3,500 words, far beyond a spoken answer
 * (two minutes is about 300 words), and small enough to judge in milliseconds.
 */
export const MAX_ANSWER_LENGTH = 20_000;
/** The longest question Starl reads. */
export const MAX_QUESTION_LENGTH = 2_000;

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/;
/** Common English function words: an answer in English has many of them. */
const ENGLISH = new Set(
  'the a an and or but i me my we our you your it is was were be been to of in on at for with that this so as not no yes if then they he she them his her have had has do did just about from by what when how like really'.split(' '),
);

export function checkQuestion(question: unknown): string {
  if (typeof question !== 'string') throw new StarlError('E_INPUT_BAD_FIELD', 'the question must be text', { field: 'question' });
  if (!question.trim()) throw new StarlError('E_INPUT_EMPTY_QUESTION', 'the question is empty', { field: 'question' });
  if (question.length > MAX_QUESTION_LENGTH) {
    throw new StarlError('E_INPUT_TOO_LONG', `the question is ${question.length} characters; the limit is ${MAX_QUESTION_LENGTH}`, { field: 'question' });
  }
  checkPlainText(question, 'question');
  return question;
}

/** Refuses answers Starl cannot judge honestly, with a message that says what is wrong. */
export function checkAnswer(answer: unknown): string {
  if (typeof answer !== 'string') throw new StarlError('E_INPUT_BAD_FIELD', 'the answer must be text', { field: 'answer' });
  if (!answer.trim()) throw new StarlError('E_INPUT_EMPTY_ANSWER', 'the answer is empty', { field: 'answer' });
  if (answer.length > MAX_ANSWER_LENGTH) {
    throw new StarlError('E_INPUT_TOO_LONG', `the answer is ${answer.length} characters; the limit is ${MAX_ANSWER_LENGTH} (about 3,500 words)`, { field: 'answer' });
  }
  checkPlainText(answer, 'answer');
  // The lexicons read these same words later, so splitting the answer here costs nothing extra.
  const words = wordsOf(answer).filter((w) => LETTER_OR_DIGIT.test(w.key)).map((w) => w.key);
  if (words.length === 0) throw new StarlError('E_INPUT_NO_WORDS', 'the answer has no words to judge (only symbols or emoji)', { field: 'answer' });
  if (!looksEnglish(answer, words)) {
    throw new StarlError('E_INPUT_NOT_ENGLISH', 'the answer does not look like English; Starl judges English answers only', { field: 'answer' });
  }
  return answer;
}

function checkPlainText(text: string, field: string): void {
  const control = CONTROL.exec(text);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    const what = control[0] === '\uFFFD' ? 'an undecodable byte (U+FFFD)' : `a control character (U+${code})`;
    throw new StarlError('E_INPUT_BINARY', `the ${field} contains ${what} at character ${control.index + 1}; Starl reads plain text`, { field });
  }
}

const LETTER = /\p{L}/u;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]/u;

/**
 * An answer is refused as not English only on positive evidence: another script, or another language's
 * own words outnumbering English ones. An English answer made of names (a list of technologies, tools,
 * places) has neither, and is judged.
 */
function looksEnglish(text: string, words: string[]): boolean {
  let letters = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const ascii = (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
    if (ascii || (code >= 0xc0 && code <= 0x24f)) {
      letters++;
      latin++;
    } else if (code > 0x24f && LETTER.test(text[i]!)) letters++;
  }
  if (letters >= 8 && latin / letters < 0.6) return false;
  let english = 0;
  const perLanguage = OTHER_LANGUAGES.map(() => 0);
  for (const word of words) {
    if (ENGLISH.has(word)) english++;
    for (const k of LANGUAGES_OF.get(word) ?? []) perLanguage[k]!++;
  }
  const foreign = Math.max(...perLanguage);
  if (/[¿¡]/.test(text)) return english > foreign * 2;
  // "Soy enfermera.": a short answer in another language has no English word to weigh against.
  if (words.length < 5) return !(english === 0 && foreign * 2 >= words.length);
  return !(foreign > english && foreign / words.length >= 0.12);
}
