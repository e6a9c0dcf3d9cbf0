import { StarlError } from '../core/errors.js';
import type { Company, CompanyFact } from '../storage/records.js';

/** The kinds of research a candidate collects about a company, as the practice issue lists them. */
export const FACT_KINDS = ['product', 'mission', 'values', 'team', 'news', 'interviewer', 'other'] as const;
/** One kind of research fact. */
export type FactKind = (typeof FACT_KINDS)[number];

/** What each kind of research means, for the checklist and `--help`. */
export const FACT_KIND_HINTS: Record<FactKind, string> = {
  product: 'a product or service they sell, by name',
  mission: 'their mission in their own words',
  values: 'a value they say they hire for',
  team: 'the team you would join and what it works on',
  news: 'something recent: a launch, a result, a move',
  interviewer: "your interviewer's own projects or writing",
  other: 'anything else worth knowing',
};

/** Checks a fact kind typed on the command line. */
export function parseFactKind(value: string): FactKind {
  const kind = value.trim().toLowerCase();
  if ((FACT_KINDS as readonly string[]).includes(kind)) return kind as FactKind;
  throw new StarlError('E_USAGE', `unknown kind of fact "${value}"; use one of: ${FACT_KINDS.join(', ')}`, { field: 'kind' });
}

/** One line of the homework checklist. */
export interface ChecklistItem {
  item: string;
  done: boolean;
  hint: string;
}

/**
 * The homework checklist: the posting, the competitors (for the swap test: would the answer still
 * fit them?) and each kind of research except `other`, each marked done or not.
 */
export function homeworkChecklist(company: Company, facts: readonly CompanyFact[]): ChecklistItem[] {
  const researched = new Set(facts.map((fact) => fact.kind));
  return [
    { item: 'job posting', done: company.contextText !== null, hint: 'starl company add NAME --file posting.txt (or --url)' },
    { item: 'competitors', done: company.competitors.length > 0, hint: 'who else they compete with: --competitor NAME' },
    ...FACT_KINDS.filter((kind) => kind !== 'other').map((kind) => ({
      item: kind,
      done: researched.has(kind),
      hint: FACT_KIND_HINTS[kind],
    })),
  ];
}

/** What to ask about each kind of fact, after saying what you learned. */
const FOLLOW_ON: Record<FactKind, string> = {
  news: 'How has that changed the priorities for this role?',
  interviewer: 'What did that work teach you that shapes how the team works now?',
  product: 'What is next for it, and where would this role make the biggest difference?',
  team: 'What would a great first six months on that team look like?',
  values: 'Could you tell me about a recent decision where that value made the difference?',
  mission: 'How does that show up in the team’s day-to-day decisions?',
  other: 'How does that affect the work of this role?',
};

/** The order kinds are drawn in: the most specific research makes the best question. */
const QUESTION_PRIORITY: readonly FactKind[] = ['news', 'interviewer', 'product', 'team', 'values', 'mission', 'other'];

/** Words that start a fact but read wrongly capitalised after "I read that". */
const LOWERCASE_STARTS = /^(The|A|An|Its|Their|This|These|They|It|Our|Every|Each)\b/;

/** A fact as the middle of a sentence: no final full stop, a leading article lower-cased. */
function asClause(fact: string): string {
  const trimmed = fact.trim().replace(/[.!]+$/, '');
  return LOWERCASE_STARTS.test(trimmed) ? trimmed[0]!.toLowerCase() + trimmed.slice(1) : trimmed;
}

/**
 * Up to three questions to ask the interviewer, each built from one saved fact and nothing else, so
 * every question shows homework. Facts of different kinds come first, most specific kind first,
 * newest fact first within a kind.
 */
export function questionsToAsk(facts: readonly CompanyFact[], limit = 3): { question: string; fact: CompanyFact }[] {
  const rank = (fact: CompanyFact) => QUESTION_PRIORITY.indexOf((FACT_KINDS as readonly string[]).includes(fact.kind) ? (fact.kind as FactKind) : 'other');
  const ordered = [...facts].sort((a, b) => rank(a) - rank(b) || b.id - a.id);
  const chosen: CompanyFact[] = [];
  for (const fact of ordered) if (!chosen.some((c) => c.kind === fact.kind)) chosen.push(fact);
  for (const fact of ordered) if (!chosen.includes(fact)) chosen.push(fact);
  return chosen.slice(0, limit).map((fact) => {
    const kind = (FACT_KINDS as readonly string[]).includes(fact.kind) ? (fact.kind as FactKind) : 'other';
    const lead = kind === 'interviewer' ? `I saw that you ${asClause(fact.text).replace(/^(you|You) /, '')}` : `I read that ${asClause(fact.text)}`;
    return { question: `${lead}. ${FOLLOW_ON[kind]}`, fact };
  });
}

/** Everything `starl company show` prints, as plain text. */
export function describeCompany(company: Company, facts: readonly CompanyFact[]): string {
  const lines: string[] = [company.name];
  if (company.aliases.length) lines.push(`  also known as: ${company.aliases.join(', ')}`);
  lines.push(`  competitors: ${company.competitors.length ? company.competitors.join(', ') : '(none saved)'}`);
  lines.push(
    company.contextText
      ? `  posting: ${company.contextSource ?? 'saved text'} (${company.contextText.length} characters)`
      : '  posting: (none saved)',
  );
  lines.push('', 'Distinctive terms (used when your answers are judged for this company):');
  lines.push(company.terms.length ? `  ${company.terms.join(' · ')}` : '  (none: save the job posting to get them)');
  lines.push('', 'Research:');
  if (facts.length === 0) lines.push('  (no facts saved yet: starl company fact NAME KIND "TEXT" --source WHERE)');
  for (const kind of FACT_KINDS) {
    for (const fact of facts.filter((f) => f.kind === kind)) lines.push(`  [${kind}] ${fact.text}  (source: ${fact.source})`);
  }
  lines.push('', 'Homework checklist:');
  for (const item of homeworkChecklist(company, facts)) {
    lines.push(`  [${item.done ? 'x' : ' '}] ${item.item}${item.done ? '' : ` — ${item.hint}`}`);
  }
  lines.push('', 'Questions to ask them (built from your facts):');
  const questions = questionsToAsk(facts);
  if (questions.length === 0) lines.push('  (save some facts first; each question is built from one of them)');
  questions.forEach(({ question }, i) => lines.push(`  ${i + 1}. ${question}`));
  if (questions.length > 0 && questions.length < 3) lines.push('  (save more facts for more questions)');
  return `${lines.join('\n')}\n`;
}
