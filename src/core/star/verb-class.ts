import data from './verb-classes.json' with { type: 'json' };

/** WordNet's broad verb classes, as verb-classes.json holds them. */
export type VerbClass = keyof typeof data.classes;

const CLASS_OF = new Map<string, VerbClass>();
for (const [verbClass, lemmas] of Object.entries(data.classes) as [VerbClass, string][]) {
  for (const lemma of lemmas.split(' ')) CLASS_OF.set(lemma, verbClass);
}

/** The class of a verb's most frequent sense ("reduce" → change, "tell" → communication); British spellings too. */
export function verbClass(lemma: string): VerbClass | null {
  return CLASS_OF.get(lemma) ?? (lemma.endsWith('ise') ? CLASS_OF.get(`${lemma.slice(0, -3)}ize`) : undefined) ?? null;
}
