import { bank, COMPETENCIES } from '../questions/index.js';
import table from './competencies.json' with { type: 'json' };
import { rootLine } from './words.js';

/** Each competency with its synonyms as padded root lines, built once on first use. */
let phrases: [competency: string, roots: string[]][] | null = null;
function synonymRoots(): [string, string[]][] {
  phrases ??= Object.entries(table.synonyms as Record<string, string[]>).map(([competency, words]) => [
    competency,
    [...new Set([competency, ...words].map((word) => rootLine(word)))],
  ]);
  return phrases;
}

/** The competencies whose name or synonyms a text says, in the table's order. */
export function competenciesIn(text: string): string[] {
  const line = rootLine(text);
  return synonymRoots()
    .filter(([, roots]) => roots.some((phrase) => line.includes(phrase)))
    .map(([competency]) => competency);
}

/**
 * A competency tag as the candidate typed it, folded onto the bank's name when it is one of its
 * synonyms ("disagreement" → "conflict", "Teamwork" → "teamwork"); any other tag is kept as typed.
 */
export function normaliseCompetency(tag: string): string {
  const typed = tag.trim().toLowerCase();
  if ((COMPETENCIES as readonly string[]).includes(typed)) return typed;
  const line = rootLine(typed);
  return synonymRoots().find(([, roots]) => roots.includes(line))?.[0] ?? typed;
}

/** A question text compared loosely: case, spacing and final punctuation ignored. */
function sameQuestion(a: string, b: string): boolean {
  const fold = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').replace(/[\s.?!]+$/, '').trim();
  return fold(a) === fold(b);
}

/**
 * What a question probes: the question bank's tags when the question is in the bank (by id or by
 * text), the tags given with it, and the competencies its words name.
 */
export function questionCompetencies(question: { text: string; competencies?: readonly string[]; bankId?: string | null }): string[] {
  const inBank = bank.find((q) => (question.bankId ? q.id === question.bankId : sameQuestion(q.text, question.text)));
  return [...new Set([...(inBank?.competencies ?? []), ...(question.competencies ?? []).map(normaliseCompetency), ...competenciesIn(question.text)])];
}

export { sameQuestion };
