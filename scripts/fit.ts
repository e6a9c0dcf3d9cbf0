// Fits Starl's weights on our own labelled corpus (corpus/*.jsonl) and writes src/core/model/weights.json.
//   npm run fit
// Deterministic: full-batch gradient descent from zero weights, fixed iterations, no randomness,
// so the same corpus always gives the same weights. The development set in ../shared is never read here.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDocument, type Document } from '../src/core/text/document.js';
import { readSignals } from '../src/core/signals.js';
import { documentStarFeatures, labelStar, readCues, type StarModel } from '../src/core/star/label.js';
import { storyFacts } from '../src/core/judge.js';
import { memorableFeatures, opportunityFeatures, type Features } from '../src/core/model/features.js';
import type { QuestionType, StarLabel } from '../src/core/types.js';

interface Labelled {
  id: string;
  question: string;
  answer: string;
  context: string | null;
  questionType: QuestionType;
  reasons: Record<string, 'pass' | 'miss' | 'n/a'>;
  sentences?: { text: string; star: StarLabel }[];
}

const LABELS: StarLabel[] = ['S', 'T', 'A', 'R', 'L', 'O'];
const CORPUS = 'corpus';
const files = readdirSync(CORPUS).filter((f) => f.endsWith('.jsonl')).sort();
const records: Labelled[] = files
  .flatMap((f) => readFileSync(join(CORPUS, f), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l)))
  .filter((r) => typeof r.answer === 'string' && r.reasons);
const docs = new Map<string, Document>(records.map((r) => [r.id, readDocument(r.answer)]));

/** Binary logistic regression with L2, by full-batch gradient descent. */
function fitBinary(examples: { x: Features; y: number }[], l2 = 0.02, steps = 4000, rate = 0.5): { bias: number; weights: Record<string, number> } {
  const names = [...new Set(examples.flatMap((e) => Object.keys(e.x)))].sort();
  const w = new Map(names.map((n) => [n, 0]));
  let bias = 0;
  const n = examples.length;
  for (let step = 0; step < steps; step++) {
    const grad = new Map(names.map((name) => [name, 0]));
    let gradBias = 0;
    for (const { x, y } of examples) {
      let z = bias;
      for (const [k, v] of Object.entries(x)) z += w.get(k)! * v;
      const error = 1 / (1 + Math.exp(-z)) - y;
      gradBias += error;
      for (const [k, v] of Object.entries(x)) grad.set(k, grad.get(k)! + error * v);
    }
    bias -= (rate * gradBias) / n;
    for (const name of names) w.set(name, w.get(name)! - rate * (grad.get(name)! / n + l2 * w.get(name)!));
  }
  return { bias: round(bias), weights: Object.fromEntries([...w].filter(([, v]) => Math.abs(v) > 1e-4).map(([k, v]) => [k, round(v)])) };
}

/** Multinomial logistic regression (softmax) with L2, by full-batch gradient descent. */
function fitSoftmax(examples: { x: Features; y: StarLabel }[], l2 = 0.01, steps = 3000, rate = 0.5): StarModel['labels'] {
  const names = [...new Set(examples.flatMap((e) => Object.keys(e.x)))].sort();
  const w = Object.fromEntries(LABELS.map((l) => [l, new Map(names.map((n) => [n, 0]))])) as Record<StarLabel, Map<string, number>>;
  const n = examples.length;
  for (let step = 0; step < steps; step++) {
    const grad = Object.fromEntries(LABELS.map((l) => [l, new Map(names.map((name) => [name, 0]))])) as Record<StarLabel, Map<string, number>>;
    for (const { x, y } of examples) {
      const z = LABELS.map((l) => Object.entries(x).reduce((sum, [k, v]) => sum + w[l].get(k)! * v, 0));
      const top = Math.max(...z);
      const exp = z.map((v) => Math.exp(v - top));
      const total = exp.reduce((a, b) => a + b, 0);
      LABELS.forEach((l, i) => {
        const error = exp[i]! / total - (l === y ? 1 : 0);
        for (const [k, v] of Object.entries(x)) grad[l].set(k, grad[l].get(k)! + error * v);
      });
    }
    for (const l of LABELS) for (const name of names) w[l].set(name, w[l].get(name)! - rate * (grad[l].get(name)! / n + l2 * w[l].get(name)!));
  }
  return Object.fromEntries(
    LABELS.map((l) => {
      const { bias = 0, ...rest } = Object.fromEntries(w[l]);
      return [l, { bias: round(bias), weights: Object.fromEntries(Object.entries(rest).filter(([, v]) => Math.abs(v) > 1e-4).map(([k, v]) => [k, round(v)])) }];
    }),
  ) as StarModel['labels'];
}

const round = (v: number): number => Math.round(v * 10000) / 10000;

/** Gold labels for our sentence spans: each span takes the label of the gold sentence its first word is in. */
function goldLabels(record: Labelled, doc: Document): StarLabel[] {
  let at = 0;
  const spans = record.sentences!.map((s) => {
    const start = record.answer.indexOf(s.text, at);
    at = start + s.text.length;
    return { start, end: at, star: s.star };
  });
  return doc.sentences.map((s) => spans.find((g) => s.start >= g.start && s.start < g.end)?.star ?? 'O');
}

// 1. The sentence labeller: emissions, then transitions counted from the gold sequences (add-one smoothing).
const stories = records.filter((r) => r.sentences);
const sentenceExamples: { x: Features; y: StarLabel }[] = [];
const transitionCounts = Object.fromEntries(LABELS.map((a) => [a, Object.fromEntries(LABELS.map((b) => [b, 1]))])) as Record<StarLabel, Record<StarLabel, number>>;
const startCounts = Object.fromEntries(LABELS.map((l) => [l, 1])) as Record<StarLabel, number>;
for (const record of stories) {
  const doc = docs.get(record.id)!;
  const gold = goldLabels(record, doc);
  const features = documentStarFeatures(doc, readCues(doc));
  features.forEach((x, i) => sentenceExamples.push({ x, y: gold[i]! }));
  gold.forEach((label, i) => (i === 0 ? startCounts[label]++ : transitionCounts[gold[i - 1]!][label]++));
}
const logNormalize = (counts: Record<StarLabel, number>): Record<StarLabel, number> => {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return Object.fromEntries(LABELS.map((l) => [l, round(Math.log(counts[l] / total))])) as Record<StarLabel, number>;
};
const star: StarModel = {
  labels: fitSoftmax(sentenceExamples),
  start: logNormalize(startCounts),
  transitions: Object.fromEntries(LABELS.map((a) => [a, logNormalize(transitionCounts[a])])) as StarModel['transitions'],
};

// 2. The verdict models, on features read with the fitted labeller.
const opportunityExamples: { x: Features; y: number }[] = [];
const memorableExamples: { x: Features; y: number }[] = [];
for (const record of records) {
  const doc = docs.get(record.id)!;
  const signals = readSignals(doc, { question: record.question, answer: record.answer, context: record.context }, record.questionType);
  const story = record.questionType === 'behavioral' ? storyFacts(doc, labelStar(doc, star)) : null;
  if (record.reasons.opportunity !== 'n/a') opportunityExamples.push({ x: opportunityFeatures(signals, record.questionType, story), y: record.reasons.opportunity === 'pass' ? 1 : 0 });
  if (record.reasons.memorable !== 'n/a') memorableExamples.push({ x: memorableFeatures(signals, record.questionType), y: record.reasons.memorable === 'pass' ? 1 : 0 });
}

const weights = {
  about: 'Fitted by scripts/fit.ts on corpus/*.jsonl (our own labelled answers); regenerate with `npm run fit`, never edit by hand.',
  fittedOn: { files, answers: records.length, sentences: sentenceExamples.length },
  opportunity: fitBinary(opportunityExamples),
  memorable: fitBinary(memorableExamples),
  star,
};
writeFileSync('src/core/model/weights.json', `${JSON.stringify(weights, null, 1)}\n`);
console.log(`fitted on ${records.length} answers (${sentenceExamples.length} story sentences) from ${files.join(', ')}`);
