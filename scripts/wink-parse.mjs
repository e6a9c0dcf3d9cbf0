#!/usr/bin/env node
// wink-nlp's own parse of the answers in a JSONL file, as a whole process: the baseline that
// `npm run bench` holds `starl analyze --jsonl` against, end to end. Usage: node scripts/wink-parse.mjs FILE
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

const nlp = winkNLP(model);
let parsed = 0;
for await (const line of createInterface({ input: createReadStream(process.argv[2]), crlfDelay: Infinity })) {
  if (!line.trim()) continue;
  nlp.readDoc(JSON.parse(line).answer);
  parsed++;
}
process.stdout.write(`${parsed}\n`);
