import { StarlError } from '../core/errors.js';

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
