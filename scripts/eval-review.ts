/**
 * `npm run eval:review [-- --details]`: reviews every transcript in `eval/review/` as a new user would
 * (no --candidate) and prints the five measures against the gold files. For checking, never for fitting.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { StarlError } from '../src/core/errors.js';
import { REASONS, type Reason, type Verdict } from '../src/core/types.js';
import { buildReview } from '../src/review/index.js';
import { decodeTranscript, readInterview } from '../src/transcripts/index.js';
import { renderTotals, scoreFile, total, type FileScore, type Gold, type Predicted } from './review-score.js';

const folder = new URL('../eval/review/', import.meta.url).pathname;
const details = process.argv.includes('--details');

/** Starl's reading of one transcript, or what is left of it when the review refused the file. */
function predict(gold: Gold): Predicted {
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

const golds = readdirSync(folder)
  .filter((name) => name.endsWith('.gold.json'))
  .sort()
  .map((name) => JSON.parse(readFileSync(join(folder, name), 'utf8')) as Gold);
const scores = golds.map((gold) => scoreFile(gold, predict(gold)));
if (details) process.stdout.write(`${scores.map(describe).join('\n')}\n\n`);
process.stdout.write(`Transcript review on eval/review/ (${golds.length} transcripts, no --candidate)\n\n${renderTotals(total(scores))}\n`);
