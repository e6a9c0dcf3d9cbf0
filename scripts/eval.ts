// Judges labelled answers and prints how well Starl agrees with the labels.
//   npm run eval [FILE…] [-- --errors N] [--json] [--folds K]
// With no FILE it scores the project's own held-out sets (eval/*.jsonl). A file the shipped models are
// fitted on (corpus/*.jsonl, ../shared/eval/real-dev.jsonl) is scored by grouped cross-validation
// instead: its records are split into K folds by source, and each fold is judged by models fitted on
// everything else, so no figure comes from a model that saw the answer it judges.
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyze, analyzeWith } from '../src/core/analyze.js';
import type { Report } from '../src/core/types.js';
import { REASONS } from '../src/core/types.js';
import { fitModels, fitUncalibrated, goldLabelAt, goldSpans, groupFolds, readLabelled, type Labelled } from './lib/train.js';
import { formatScore, score } from './lib/score.js';
import { TRAINING_FILES } from './lib/training-files.js';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const errors = Number(option('--errors') ?? 0);
const folds = Number(option('--folds') ?? 5);
const json = args.includes('--json');
// Skips the confidence calibration inside each fold: verdicts and labels are the same, only faster.
const quick = args.includes('--quick');
const files = args.filter((a, i) => !a.startsWith('--') && !['--errors', '--folds'].includes(args[i - 1] ?? ''));
if (!files.length) files.push(...readdirSync(join(root, 'eval')).filter((f) => f.endsWith('.jsonl')).sort().map((f) => join(root, 'eval', f)));

const training = TRAINING_FILES.filter((f) => existsSync(f));
const judge = (models: Parameters<typeof analyzeWith>[0] | null, r: Labelled): Report =>
  models ? analyzeWith(models, { question: r.question, answer: r.answer, context: r.context }) : analyze({ question: r.question, answer: r.answer, context: r.context });

const results: Record<string, unknown> = {};
for (const file of files) {
  const path = resolve(file);
  if (!existsSync(path)) {
    console.error(`starl eval: no such labelled file: ${file}`);
    process.exit(2);
  }
  let records: Labelled[];
  try {
    records = readLabelled([path]);
  } catch (error) {
    console.error(`starl eval: ${file}: ${(error as Error).message}`);
    process.exit(2);
  }
  const reports = new Map<string, Report>();
  const fitted = training.includes(path);
  const started = Date.now();
  if (fitted) {
    const everything = readLabelled(training);
    for (const heldOut of groupFolds(records, folds)) {
      const groups = new Set(heldOut.map((r) => r.group));
      const ids = new Set(heldOut.map((r) => r.id));
      // The fold's records, and any other record from the same sources, stay out of its training.
      const fit = quick ? fitUncalibrated : fitModels;
      const models = fit(everything.filter((r) => !(groups.has(r.group) || (r.group.startsWith(`${path}#`) && ids.has(r.id)))));
      for (const r of heldOut) reports.set(r.id, judge(models, r));
    }
  } else {
    for (const r of records) reports.set(r.id, judge(null, r));
  }
  const scored = score(records, reports);
  results[file] = scored;
  if (json) continue;
  const how = fitted ? `cross-validated over ${folds} folds grouped by source` : 'models never fitted on it';
  console.log(`\n${file}: ${records.length} answers (${how}), ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(formatScore(scored));
  if (errors) printErrors(records, reports, errors);
}
if (json) console.log(JSON.stringify(results, null, 1));

function printErrors(records: Labelled[], reports: Map<string, Report>, max: number): void {
  let shown = 0;
  for (const r of records) {
    if (shown >= max) break;
    const report = reports.get(r.id)!;
    const wrong = REASONS.filter((reason) => r.reasons[reason] !== 'n/a' && report.reasons[reason].verdict !== r.reasons[reason]);
    const typeWrong = report.questionType !== r.questionType;
    if (!wrong.length && !typeWrong) continue;
    shown++;
    console.log(`\n— ${r.id} [${r.questionType}${typeWrong ? ` → ${report.questionType}` : ''}] ${r.question}`);
    console.log(`  ${r.answer.length > 400 ? `${r.answer.slice(0, 400)}…` : r.answer}`);
    for (const reason of wrong) console.log(`  ${reason}: gold ${r.reasons[reason]}, Starl ${report.reasons[reason].verdict} (${report.reasons[reason].confidence}) ${report.reasons[reason].summary}`);
    if (r.sentences && report.sentences.length) {
      const spans = goldSpans(r);
      for (const s of report.sentences) {
        const gold = goldLabelAt(spans, s.start) ?? '?';
        console.log(`    ${gold}${gold === s.star ? ' ' : '≠'}${s.star} ${s.text}`);
      }
    }
  }
}
