import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { RULES } from '../src/core/rules/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const rulesDir = `${root}src/core/rules/`;
const docsDir = `${root}docs/rules/`;

/** STYLE.md: ids read as policy, `no-*` (bad content present), `require-*` (absent), `max-*`/`min-*` (thresholds), `prefer-*`/`suggest-*` (advice). */
const RULE_ID = /^(no|require|max|min|prefer|suggest)-[a-z0-9]+(-[a-z0-9]+)*$/;
const CAMEL_CASE = /^[a-z][a-z0-9]*([A-Z][a-z0-9]*)*$/;

/**
 * Ids that break the naming rule today, as `ruleId/id`. The list may only shrink: an entry that no longer
 * fails, or no longer exists, fails the test, so a rename cannot leave it behind.
 */
const NAMING_BASELINE = new Set([
  'no-minimal-answer/deflects',
  'no-minimal-answer/minimal',
  'no-negativity/negative',
  'no-hollow-answer/hollow',
  'no-bare-categories/bare',
  'require-specific-detail/generic',
  'no-generic-reasons/generic',
  'no-needs-reasons/needs',
  'require-personal-tie/untied',
  'no-swappable-reason/swappable',
  'require-story/hypothetical',
  'require-story/habitual',
  'prefer-measured-result/unmeasured',
  'no-buzzwords/plainWords',
  // wink's lexicon does not know "reframe", so tags it a noun; the id itself is a fine verb phrase.
  'no-negativity/reframe',
]);

const nlp = winkNLP(model);
const wordsOf = (id: string): string => id.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);
const tagsIn = (sentence: string): string[] => nlp.readDoc(sentence).tokens().out(nlp.its.pos) as string[];

/** A noun phrase ends in a noun or pronoun, after an optional restricting "only" ("logisticsOnly", "weOnly"). */
function isNounPhrase(id: string): boolean {
  const words = wordsOf(id).split(' ');
  const tags = tagsIn(`We found ${words.join(' ')} here.`).slice(2, 2 + words.length);
  if (words.length > 1 && words[words.length - 1] === 'only') tags.pop();
  return ['NOUN', 'PROPN', 'PRON'].includes(tags[tags.length - 1] ?? '');
}

/** A verb phrase, read as advice, starts with a verb ("addOutcome", "tellOneTime", "doHomework"). */
function isVerbPhrase(id: string): boolean {
  const tags = tagsIn(`Please ${wordsOf(id)}.`);
  return ['VERB', 'AUX'].includes(tags[1] ?? '');
}

/** The rows of the catalogue table in docs/rules/README.md, by rule id. */
function catalogueRows(): Map<string, { reason: string; severity: string; description: string }> {
  const rows = new Map<string, { reason: string; severity: string; description: string }>();
  if (!existsSync(`${docsDir}README.md`)) return rows;
  for (const line of readFileSync(`${docsDir}README.md`, 'utf8').split('\n')) {
    const cells = line.match(/^\|\s*\[`([^`]+)`\]\([^)]+\)\s*\|([^|]*)\|([^|]*)\|(.*)\|\s*$/);
    if (cells) rows.set(cells[1]!, { reason: cells[2]!.trim(), severity: cells[3]!.trim(), description: cells[4]!.trim() });
  }
  return rows;
}

describe('rule catalogue', () => {
  const rows = catalogueRows();

  it('has one rule per id', () => {
    const ids = RULES.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('lists no rule in docs/rules/README.md that the analyzer does not have', () => {
    expect([...rows.keys()].sort()).toEqual(RULES.map((r) => r.meta.id).sort());
  });

  it('keeps its naming baseline free of stale entries', () => {
    const current = RULES.flatMap((r) => [
      ...Object.keys(r.meta.messages).filter((m) => !isNounPhrase(m)).map((m) => `${r.meta.id}/${m}`),
      ...Object.keys(r.meta.suggestions).filter((s) => !isVerbPhrase(s)).map((s) => `${r.meta.id}/${s}`),
    ]);
    expect([...NAMING_BASELINE].filter((entry) => !current.includes(entry))).toEqual([]);
  });

  for (const rule of RULES) {
    const { id } = rule.meta;
    describe(id, () => {
      it('has a kebab-case id that reads as policy', () => {
        expect(id).toMatch(RULE_ID);
      });

      it(`lives in src/core/rules/${id}.ts`, async () => {
        const module = (await import(`../src/core/rules/${id}.ts`)) as Record<string, unknown>;
        expect(Object.values(module)).toContain(rule);
      });

      it(`has its table test, src/core/rules/${id}.test.ts`, () => {
        expect(existsSync(`${rulesDir}${id}.test.ts`)).toBe(true);
      });

      it(`has its doc page, docs/rules/${id}.md, titled with the id`, () => {
        const page = `${docsDir}${id}.md`;
        expect(existsSync(page), page).toBe(true);
        const heading = readFileSync(page, 'utf8').match(/^#\s+(.+)$/m)?.[1]?.trim();
        expect(heading).toBe(id);
      });

      it('is listed in docs/rules/README.md with its current reason, severity and description', () => {
        expect(rows.get(id), `add: | [\`${id}\`](${id}.md) | ${rule.meta.reason} | ${rule.meta.severity} | ${rule.meta.description} |`).toEqual({
          reason: rule.meta.reason,
          severity: rule.meta.severity,
          description: rule.meta.description,
        });
      });

      it('names its messages with camelCase noun phrases', () => {
        for (const messageId of Object.keys(rule.meta.messages)) {
          expect(messageId).toMatch(CAMEL_CASE);
          if (!NAMING_BASELINE.has(`${id}/${messageId}`)) expect(isNounPhrase(messageId), `${id}/${messageId}`).toBe(true);
        }
      });

      it('names its suggestions with camelCase verb phrases', () => {
        for (const suggestionId of Object.keys(rule.meta.suggestions)) {
          expect(suggestionId).toMatch(CAMEL_CASE);
          if (!NAMING_BASELINE.has(`${id}/${suggestionId}`)) expect(isVerbPhrase(suggestionId), `${id}/${suggestionId}`).toBe(true);
        }
      });
    });
  }
});
