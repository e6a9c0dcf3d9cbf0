// Fits every model Starl ships (src/core/model/models.ts) on labelled answers: the STAR(L) sequence
// model, the opportunity, memorable and specific-reason verdicts, and the calibration of each verdict's
// confidence on held-out folds. Used by `npm run fit` and by `npm run eval`'s cross-validation.
import { readFileSync } from 'node:fs';
import { readDocument, type Document } from '../../src/core/text/document.js';
import { readSignals } from '../../src/core/signals.js';
import { readCues, labelStar } from '../../src/core/star/label.js';
import { storySentenceFeatures } from '../../src/core/star/features.js';
import { questionTopics } from '../../src/core/question-type/topics.js';
import { storyFacts } from '../../src/core/judge.js';
import { isHollow, memorableFeatures, opportunityFeatures, specificReasonFeatures, starlFeatures } from '../../src/core/model/features.js';
import type { Features } from '../../src/core/model/linear.js';
import type { Calibration, Models } from '../../src/core/model/models.js';
import type { StarModel } from '../../src/core/star/crf.js';
import { analyzeWith } from '../../src/core/analyze.js';
import { REASONS, type QuestionType, type Reason, type StarLabel } from '../../src/core/types.js';
import { fitCrf } from './fit-crf.js';
import { fitLogistic } from './fit-linear.js';
import { round } from './optimize.js';

export interface Labelled {
  id: string;
  question: string;
  answer: string;
  context: string | null;
  questionType: QuestionType;
  reasons: Record<Reason, 'pass' | 'miss' | 'n/a'>;
  sentences?: { text: string; star: StarLabel }[];
  source_url?: string;
  /** Where the record came from, for grouping folds: its source page, else its file and id. */
  group: string;
}

/** Reads labelled answers from JSONL files (question-only records are skipped). */
export function readLabelled(files: string[]): Labelled[] {
  return files.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l))
      .filter((r) => typeof r.answer === 'string' && r.reasons)
      .map((r) => ({ ...r, group: r.source_url ?? `${file}#${r.id}` })),
  );
}

const documents = new Map<string, Document>();
/** Each answer is parsed once however many folds read it. */
export function documentOf(record: Labelled): Document {
  let doc = documents.get(record.answer);
  if (!doc) documents.set(record.answer, (doc = readDocument(record.answer)));
  return doc;
}

/** Where each labelled sentence of a story stands in its answer, with its label. */
export function goldSpans(record: Labelled): { start: number; end: number; star: StarLabel }[] {
  let at = 0;
  return record.sentences!.map((s) => {
    const start = record.answer.indexOf(s.text, at);
    if (start < 0) throw new Error(`${record.id}: a labelled sentence is not in the answer`);
    at = start + s.text.length;
    return { start, end: at, star: s.star };
  });
}

/** The gold label at an offset of the answer: that of the labelled sentence the offset falls in. */
export function goldLabelAt(spans: { start: number; end: number; star: StarLabel }[], offset: number): StarLabel | undefined {
  return spans.find((g) => offset >= g.start && offset < g.end)?.star;
}

/** Gold labels for our sentence spans: each span takes the label of the gold sentence its first character is in. */
export function goldLabels(record: Labelled, doc: Document): StarLabel[] {
  const spans = goldSpans(record);
  return doc.sentences.map((s) => goldLabelAt(spans, s.start) ?? 'O');
}

const storyFeatureCache = new Map<Labelled, Features[]>();
function storyFeatures(record: Labelled): Features[] {
  let f = storyFeatureCache.get(record);
  if (!f) storyFeatureCache.set(record, (f = storySentenceFeatures(documentOf(record), readCues(documentOf(record)), questionTopics(record.question).map((t) => t.id))));
  return f;
}

/** How many times a real candidate's answer (a record with a source) counts when the verdicts are fitted. */
const REAL_ANSWER_WEIGHT = 5;

/** The models without calibration, fitted on `records`. */
export function fitUncalibrated(records: Labelled[]): Models {
  const star = fitStar(records);
  // The STAR(L) verdict learns from labels as the labeller gives them on answers it never saw: labels of
  // the answers it was fitted on are too good, and a verdict fitted on them trusts labels too much.
  const labellerFor = new Map<Labelled, StarModel>();
  for (const heldOut of groupFolds(records.filter((r) => r.questionType === 'behavioral'), LABELLER_FOLDS)) {
    const held = new Set(heldOut);
    const model = fitStar(records.filter((r) => !held.has(r)));
    for (const r of heldOut) labellerFor.set(r, model);
  }
  const examples: Record<'opportunity' | 'memorable' | 'specificReason' | 'starl', { x: Features; y: number }[]> = { opportunity: [], memorable: [], specificReason: [], starl: [] };
  // Real candidates' answers count five times in the verdicts: they are the answers Starl must judge, and
  // cross-validation by source found memorable 0.71 → 0.80 on them for no loss on the other sets but spoken.
  for (const r of records.flatMap((r) => (r.source_url ? Array<Labelled>(REAL_ANSWER_WEIGHT).fill(r) : [r]))) {
    const doc = documentOf(r);
    const signals = readSignals(doc, { question: r.question, answer: r.answer, context: r.context }, r.questionType);
    const story = r.questionType === 'behavioral' ? storyFacts(doc, labelStar(doc, star, r.question)) : null;
    const labelled = r.questionType === 'behavioral' ? labelStar(doc, labellerFor.get(r) ?? star, r.question) : null;
    const heldOutStory = labelled ? storyFacts(doc, labelled) : null;
    const y = (reason: Reason): number => (r.reasons[reason] === 'pass' ? 1 : 0);
    if (r.reasons.opportunity !== 'n/a') examples.opportunity.push({ x: opportunityFeatures(signals, r.questionType, story), y: y('opportunity') });
    if (r.reasons.memorable !== 'n/a') examples.memorable.push({ x: memorableFeatures(signals, r.questionType), y: y('memorable') });
    if (r.reasons.specificReason !== 'n/a') examples.specificReason.push({ x: specificReasonFeatures(signals), y: y('specificReason') });
    // Answers that tell no story miss whatever the model says (judge.ts), so only stories teach it.
    if (r.reasons.starl !== 'n/a' && labelled && heldOutStory?.isStory && !isHollow(signals)) {
      examples.starl.push({ x: starlFeatures(heldOutStory, labelled, doc.sentences.map((s) => s.words)), y: y('starl') });
    }
  }
  return {
    star,
    opportunity: fitLogistic(examples.opportunity, 0.02),
    memorable: fitLogistic(examples.memorable, 0.02),
    specificReason: fitLogistic(examples.specificReason, 0.05),
    starl: fitLogistic(examples.starl, 0.02),
    calibration: {},
  };
}

const LABELLER_FOLDS = 3;

/** The STAR(L) sequence model fitted on the labelled stories among `records`. */
function fitStar(records: Labelled[]): StarModel {
  return fitCrf(
    records.filter((r) => r.sentences).map((r) => ({ x: storyFeatures(r), y: goldLabels(r, documentOf(r)) })),
    0.002,
  );
}

/** Splits records into `k` folds whose groups never straddle two folds (round-robin over sorted groups). */
export function groupFolds<T extends { group: string }>(records: T[], k: number): T[][] {
  const groups = [...new Set(records.map((r) => r.group))].sort((a, b) => hash(a) - hash(b) || a.localeCompare(b));
  const foldOf = new Map(groups.map((g, i) => [g, i % k]));
  return Array.from({ length: k }, (_, f) => records.filter((r) => foldOf.get(r.group) === f));
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** The evidence behind a verdict as a log-odds, read back from the report's 0–100 score. */
const evidence = (score: number): number => {
  const p = Math.min(0.99, Math.max(0.01, score / 100));
  return Math.log(p / (1 - p));
};

/** Platt scaling: fits `sigmoid(scale·z + shift)` to whether each held-out verdict was a pass. */
function fitCalibration(points: { z: number; pass: boolean }[]): Calibration {
  const model = fitLogistic(points.map((p) => ({ x: { z: p.z }, y: p.pass ? 1 : 0 })), 0.001, 500);
  return { scale: round(model.weights['z'] ?? 1), shift: model.bias };
}

/**
 * The shipped models: fitted on all of `records`, with each verdict's confidence calibrated on
 * verdicts that models fitted without them gave (k folds by group).
 */
export function fitModels(records: Labelled[], folds = 4): Models {
  const points: Record<Reason, { z: number; pass: boolean }[]> = { opportunity: [], memorable: [], specificReason: [], starl: [] };
  for (const heldOut of groupFolds(records, folds)) {
    const held = new Set(heldOut);
    const models = fitUncalibrated(records.filter((r) => !held.has(r)));
    for (const r of heldOut) {
      const report = analyzeWith(models, { question: r.question, answer: r.answer, context: r.context });
      for (const reason of REASONS) {
        const got = report.reasons[reason];
        if (r.reasons[reason] === 'n/a' || got.score === null) continue;
        points[reason].push({ z: evidence(got.score), pass: r.reasons[reason] === 'pass' });
      }
    }
  }
  const models = fitUncalibrated(records);
  models.calibration = Object.fromEntries(REASONS.map((reason) => [reason, fitCalibration(points[reason])]));
  return models;
}
