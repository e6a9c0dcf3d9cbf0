// Scores Starl's reports against labelled answers by the judging specification (docs/judging.md):
// question type, each reason's verdict (accuracy, kappa, miss precision and recall), the calibration of
// each verdict's confidence, and the STAR(L) labels word by word (accuracy, F1 per label, confusion,
// and the error on the situation-plus-task share).
import type { Report } from '../../src/core/types.js';
import { REASONS, STAR_LABELS, type Reason, type StarLabel } from '../../src/core/types.js';
import { goldLabelAt, goldSpans, type Labelled } from './train.js';

export interface Scored {
  items: number;
  typeAccuracy: number;
  reasons: Record<Reason, { n: number; accuracy: number; kappa: number | null; missPrecision: number | null; missRecall: number | null; ece: number; confident: { n: number; accuracy: number | null } }>;
  star: null | {
    answers: number;
    wordAccuracy: number;
    f1: Record<StarLabel, number | null>;
    macroF1: number;
    confusion: Record<StarLabel, Record<StarLabel, number>>;
    shareError: number;
  };
  meanReasonAccuracy: number;
}

/** How confident a verdict must be to count as settled. */
export const CONFIDENT = 0.8;

function kappa(pairs: [string, string][]): number | null {
  if (!pairs.length) return null;
  const n = pairs.length;
  const observed = pairs.filter(([a, b]) => a === b).length / n;
  const cats = [...new Set(pairs.flat())];
  const expected = cats.reduce((sum, c) => sum + (pairs.filter(([a]) => a === c).length / n) * (pairs.filter(([, b]) => b === c).length / n), 0);
  return expected === 1 ? 1 : (observed - expected) / (1 - expected);
}

/** Expected calibration error over ten equal-width bins of confidence. */
function calibrationError(points: { confidence: number; correct: boolean }[]): number {
  if (!points.length) return 0;
  const bins = Array.from({ length: 10 }, () => ({ n: 0, confidence: 0, correct: 0 }));
  for (const p of points) {
    const bin = bins[Math.min(9, Math.floor(p.confidence * 10))]!;
    bin.n++;
    bin.confidence += p.confidence;
    bin.correct += p.correct ? 1 : 0;
  }
  return bins.reduce((sum, b) => sum + (b.n ? (b.n / points.length) * Math.abs(b.confidence / b.n - b.correct / b.n) : 0), 0);
}

/** The label of each word (run of non-spaces) of the answer: that of the span its first character is in. */
function wordLabels(answer: string, spans: { start: number; end: number; star: StarLabel }[]): StarLabel[] {
  return [...answer.matchAll(/\S+/g)].map((m) => goldLabelAt(spans, m.index) ?? 'O');
}

const share = (labels: StarLabel[]): number => (labels.length ? labels.filter((l) => l === 'S' || l === 'T').length / labels.length : 0);

export function score(records: Labelled[], reports: Map<string, Report>): Scored {
  const typeHits = records.filter((r) => reports.get(r.id)?.questionType === r.questionType).length;
  const reasons = Object.fromEntries(
    REASONS.map((reason) => {
      const pairs: [string, string][] = [];
      const points: { confidence: number; correct: boolean }[] = [];
      for (const r of records) {
        const gold = r.reasons[reason];
        const got = reports.get(r.id)?.reasons[reason];
        if (gold === 'n/a' || !got) continue;
        pairs.push([gold, got.verdict]);
        if (got.verdict !== 'n/a') points.push({ confidence: got.confidence, correct: got.verdict === gold });
      }
      const misses = pairs.filter(([, p]) => p === 'miss');
      const goldMisses = pairs.filter(([g]) => g === 'miss');
      const confident = points.filter((p) => p.confidence >= CONFIDENT);
      return [
        reason,
        {
          n: pairs.length,
          accuracy: pairs.length ? pairs.filter(([g, p]) => g === p).length / pairs.length : 0,
          kappa: kappa(pairs),
          missPrecision: misses.length ? misses.filter(([g]) => g === 'miss').length / misses.length : null,
          missRecall: goldMisses.length ? goldMisses.filter(([, p]) => p === 'miss').length / goldMisses.length : null,
          ece: calibrationError(points),
          confident: { n: confident.length, accuracy: confident.length ? confident.filter((p) => p.correct).length / confident.length : null },
        },
      ];
    }),
  ) as Scored['reasons'];

  const stories = records.filter((r) => r.sentences && r.questionType === 'behavioral');
  let star: Scored['star'] = null;
  if (stories.length) {
    const confusion = Object.fromEntries(STAR_LABELS.map((g) => [g, Object.fromEntries(STAR_LABELS.map((p) => [p, 0]))])) as Record<StarLabel, Record<StarLabel, number>>;
    let shareError = 0;
    for (const r of stories) {
      const gold = wordLabels(r.answer, goldSpans(r));
      const report = reports.get(r.id);
      const predicted = wordLabels(r.answer, (report?.sentences ?? []).map((s) => ({ start: s.start, end: s.end, star: s.star ?? 'O' })));
      gold.forEach((g, i) => confusion[g][predicted[i]!]++);
      shareError += Math.abs(share(gold) - share(predicted));
    }
    const total = STAR_LABELS.reduce((n, g) => n + STAR_LABELS.reduce((m, p) => m + confusion[g][p], 0), 0);
    const f1 = Object.fromEntries(
      STAR_LABELS.map((l) => {
        const tp = confusion[l][l];
        const goldN = STAR_LABELS.reduce((n, p) => n + confusion[l][p], 0);
        const predN = STAR_LABELS.reduce((n, g) => n + confusion[g][l], 0);
        return [l, goldN + predN ? (2 * tp) / (goldN + predN) : null];
      }),
    ) as Record<StarLabel, number | null>;
    const scoredLabels = (['S', 'T', 'A', 'R', 'L'] as const).map((l) => f1[l]).filter((v): v is number => v !== null);
    star = {
      answers: stories.length,
      wordAccuracy: total ? STAR_LABELS.reduce((n, l) => n + confusion[l][l], 0) / total : 0,
      f1,
      macroF1: scoredLabels.reduce((a, b) => a + b, 0) / Math.max(1, scoredLabels.length),
      confusion,
      shareError: shareError / stories.length,
    };
  }
  const applicable = REASONS.filter((r) => reasons[r].n > 0);
  return {
    items: records.length,
    typeAccuracy: records.length ? typeHits / records.length : 0,
    reasons,
    star,
    meanReasonAccuracy: applicable.reduce((sum, r) => sum + reasons[r].accuracy, 0) / Math.max(1, applicable.length),
  };
}

const f = (v: number | null, digits = 3): string => (v === null ? '  –  ' : v.toFixed(digits));

/** The scores as a plain-text table. */
export function formatScore(s: Scored): string {
  const lines = [`items ${s.items}`, `question type accuracy   ${f(s.typeAccuracy)}`, 'reason           n    accuracy  kappa  miss-prec  miss-rec   ECE    acc@conf≥0.8 (n)'];
  for (const reason of REASONS) {
    const r = s.reasons[reason];
    if (!r.n) continue;
    lines.push(
      `${reason.padEnd(15)} ${String(r.n).padStart(3)}   ${f(r.accuracy)}    ${f(r.kappa)}  ${f(r.missPrecision)}      ${f(r.missRecall)}     ${f(r.ece)}  ${f(r.confident.accuracy)} (${r.confident.n})`,
    );
  }
  if (s.star) {
    const st = s.star;
    lines.push(
      `STAR(L) over ${st.answers} answers: word accuracy ${f(st.wordAccuracy)}, macro-F1 ${f(st.macroF1)} (${STAR_LABELS.map((l) => `${l} ${f(st.f1[l])}`).join(' ')}), situation+task share error ${f(st.shareError)}`,
    );
    lines.push(`confusion (words, gold rows → predicted columns)\n      ${STAR_LABELS.map((l) => l.padStart(6)).join('')}`);
    for (const g of STAR_LABELS) lines.push(`  ${g}   ${STAR_LABELS.map((p) => String(st.confusion[g][p]).padStart(6)).join('')}`);
  }
  lines.push(`mean reason accuracy ${f(s.meanReasonAccuracy)}`);
  return lines.join('\n');
}
