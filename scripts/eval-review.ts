/**
 * `npm run eval:review [-- --details] [-- --errors]`: reviews every transcript in `eval/review/` and its
 * sets below it as a new user would (no --candidate) and prints the five measures against the gold
 * files, per set and over all. `--details` adds a line per transcript, `--errors` the main reason's
 * error listing. For checking, never for fitting.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { StarlError } from '../src/core/errors.js';
import { REASONS, type Reason, type Verdict } from '../src/core/types.js';
import { buildReview } from '../src/review/index.js';
import { decodeTranscript, readInterview } from '../src/transcripts/index.js';
import { checkMainReason, renderMainReasonErrors, renderTotals, scoreFile, total, type FileScore, type Gold, type Predicted } from './review-score.js';

const root = new URL('../eval/review/', import.meta.url).pathname;
const details = process.argv.includes('--details');
const errors = process.argv.includes('--errors');

/** Starl's reading of one transcript, or what is left of it when the review refused the file. */
function predict(folder: string, gold: Gold): Predicted {
  const file = join(folder, gold.transcript);
  const { text } = decodeTranscript(new Uint8Array(readFileSync(file)), gold.transcript);
  try {
    const interview = readInterview(text, { file: gold.transcript });
    const review = buildReview(interview);
    // Read loosely, so the same scorer runs on versions of Starl that report less about the candidate.
    const identification = (review as { identification?: { name: string | null; confidence: string } }).identification;
    return {
      speaker: review.candidate,
      name: identification?.name ?? null,
      asked: identification?.confidence === 'low',
      pairs: review.pairs.map((pair) => ({
        question: pair.question,
        answer: pair.answer,
        questionType: pair.questionType,
        reasons: pair.reasons ? (Object.fromEntries(REASONS.map((reason) => [reason, pair.reasons![reason].verdict])) as Record<Reason, Verdict>) : null,
        sureness: pair.report ? (Object.fromEntries(REASONS.map((reason) => [reason, { confidence: pair.report!.reasons[reason].confidence, uncertain: pair.report!.reasons[reason].uncertain }])) as Record<Reason, { confidence: number; uncertain: boolean }>) : null,
      })),
      mainReason: review.mainReason,
    };
  } catch (error) {
    if (!(error instanceof StarlError)) throw error;
    process.stderr.write(`${gold.transcript}: ${error.message} [${error.code}]\n`);
    return { speaker: '', name: null, asked: false, pairs: [], mainReason: null };
  }
}

function describe(score: FileScore): string {
  const missed = score.missed.map((question) => `\n    not found: ${question}`).join('');
  return `${score.transcript}: candidate ${score.candidate}; pairs ${score.found}/${score.goldPairs} +${score.spurious} spurious; types ${score.typesRight}/${score.found}; verdicts ${score.verdictsRight}/${score.verdicts}; main reason ${score.mainReasonRight ? 'right' : 'wrong'}${missed}`;
}

/** The transcript sets: the folder itself and each folder in it, in name order. */
const sets = [root, ...readdirSync(root, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => join(root, entry.name)).sort()];
const results = sets.map((folder) => {
  const golds = readdirSync(folder)
    .filter((name) => name.endsWith('.gold.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(folder, name), 'utf8')) as Gold);
  const predictions = golds.map((gold) => predict(folder, gold));
  return {
    name: relative(join(root, '..', '..'), folder) + '/',
    scores: golds.map((gold, index) => scoreFile(gold, predictions[index]!)),
    checks: golds.map((gold, index) => checkMainReason(gold, predictions[index]!)),
  };
});
for (const { name, scores, checks } of results) {
  if (details) process.stdout.write(`${scores.map(describe).join('\n')}\n\n`);
  if (errors) process.stdout.write(`Main reason on ${name}\n\n${renderMainReasonErrors(checks)}\n\n`);
  process.stdout.write(`Transcript review on ${name} (${scores.length} transcripts, no --candidate)\n\n${renderTotals(total(scores))}\n\n`);
}
if (results.length > 1) {
  const scores = results.flatMap((result) => result.scores);
  process.stdout.write(`All ${results.length} sets (${scores.length} transcripts)\n\n${renderTotals(total(scores))}\n`);
}
