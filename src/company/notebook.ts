import type { Company, CompanyFact } from '../storage/records.js';
import { FACT_KIND_HINTS, FACT_KINDS } from './fact-kinds.js';

export { FACT_KINDS, FACT_KIND_HINTS, parseFactKind, type FactKind } from './fact-kinds.js';

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
