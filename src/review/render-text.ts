import { REASONS } from '../core/types.js';
import { countOf } from '../format/plural.js';
import { candidateLabel, fewAnswersNote, FORMAT_LABELS, identificationLine, missCount, REASON_LABELS, percent, shortQuote, strengthQuotes, unsureMissesNote, where } from './labels.js';
import { MAIN_REASON_DEFINITION } from './main-reason.js';
import type { DeliveryStats, Moment, Review, ReviewedPair } from './types.js';
import { printable } from '../text/printable.js';

/**
 * The review as plain text for a terminal: the main reason first, the tallies, the moments that show
 * it, delivery, then every answer with its verdicts and advice; free of terminal escapes.
 */
export function renderReviewText(review: Review): string {
  const lines: string[] = [];
  const interviewers = review.interviewers.join(', ');
  lines.push(`Interview review: ${candidateLabel(review)}, interviewed by ${interviewers}`);
  lines.push(`  candidate: ${identificationLine(review.identification, review.candidateBasis)}`);
  if (review.identification.unsure) lines.push(...unsureLines(review));
  lines.push(`${FORMAT_LABELS[review.format]}, ${countOf(review.pairs.length, 'answer')} reviewed`);
  lines.push('');
  lines.push(...mainReasonLines(review));
  lines.push('');
  lines.push('Misses by reason:');
  for (const reason of REASONS) {
    const tally = review.tallies[reason];
    const note = fewAnswersNote(tally);
    const count = tally.applicable === 0 ? 'does not apply' : `${missCount(tally)}${note ? ` (${note})` : ''}`;
    lines.push(`  ${REASON_LABELS[reason].name.padEnd(16)} ${count}${reason === review.mainReason ? '  ← main reason' : ''}`);
  }
  for (const reason of REASONS) {
    if (reason === review.mainReason || review.worstMoments[reason].length === 0) continue;
    lines.push('');
    lines.push(`Where ${REASON_LABELS[reason].name} cost you:`);
    lines.push(...momentLines(review.worstMoments[reason]));
  }
  lines.push('');
  lines.push(...deliveryLines(review.delivery));
  review.pairs.forEach((pair, index) => {
    lines.push('');
    lines.push(...pairLines(pair, index));
  });
  // Names and words from the transcript reach the terminal: nothing in them may act on it.
  return printable(`${lines.join('\n')}\n`);
}

function unsureLines(review: Review): string[] {
  const speakers = [review.candidate, ...review.interviewers].map((speaker) => `"${speaker}"`).join(', ');
  return [`  Starl is not sure who you are: ${review.identification.unsure}.`, `  If this is wrong, run it again with --candidate NAME (the speakers are ${speakers}).`];
}

/** The main reason with its count, the runner-up, how it was chosen, the moments and the drill. */
function mainReasonLines(review: Review): string[] {
  if (review.mainReason === null) return ['No answer missed any of the four reasons.', `  (The main reason is ${MAIN_REASON_DEFINITION}.)`];
  const main = review.mainReason;
  const label = REASON_LABELS[main];
  const note = fewAnswersNote(review.tallies[main]);
  const lines = [`Main reason: ${label.name}, ${label.meaning}.`, `  ${label.name}: ${missCount(review.tallies[main])}${note ? `; ${note}, so take it as a hint, not yet a pattern` : ''}.`];
  const unsure = unsureMissesNote(review, main);
  if (unsure) lines.push(`  ${unsure}.`);
  if (review.runnerUp) {
    const runnerNote = fewAnswersNote(review.tallies[review.runnerUp]);
    lines.push(`  runner-up: ${REASON_LABELS[review.runnerUp].name}: ${missCount(review.tallies[review.runnerUp])}${runnerNote ? ` (${runnerNote})` : ''}.`);
  } else lines.push('  runner-up: none; no other reason missed.');
  lines.push(`  How it is chosen: ${MAIN_REASON_DEFINITION}.`);
  if (review.worstMoments[main].length > 0) lines.push('  The moments that show it:', ...momentLines(review.worstMoments[main]).map((line) => `  ${line}`));
  if (review.practice) lines.push(`  Practise next: ${review.practice.command}`);
  return lines;
}

function momentLines(moments: readonly Moment[]): string[] {
  return moments.flatMap((moment) => [`  [${where(moment.time, moment.line)}] "${shortQuote(moment.quote)}"`, ...(moment.message ? [`      ${moment.message}`] : [])]);
}

function deliveryLines(delivery: DeliveryStats): string[] {
  const basis = delivery.talkTimeBasis === 'time' ? 'of the speaking time' : 'of the words (no per-turn times)';
  const pace = delivery.wordsPerMinute === null ? 'pace unknown (no per-turn times)' : `${Math.round(delivery.wordsPerMinute)} words a minute`;
  const fillers = `${delivery.fillersPer100Words.toFixed(1)} fillers per 100 words`;
  const reliability = delivery.fillerRateReliable ? '' : ' (unreliable: the transcript looks cleaned of "um" and "uh")';
  return ['Delivery:', `  you spoke ${percent(delivery.talkTimeShare)} ${basis}; ${pace}; ${fillers}${reliability}`];
}

function pairLines(pair: ReviewedPair, index: number): string[] {
  const at = where(pair.start, pair.line);
  const lines = [`${index + 1}. [${at}] ${pair.question}${pair.questionType ? ` (${pair.questionType})` : ''}`];
  for (const followUp of pair.followUps) lines.push(`   follow-up: ${followUp}`);
  if (pair.problem) {
    lines.push(`   not judged: ${pair.problem.message} [${pair.problem.code}]`);
    return lines;
  }
  if (pair.reasons) {
    const reasons = pair.reasons;
    const applicable = REASONS.filter((reason) => reasons[reason].verdict !== 'n/a');
    for (const reason of applicable) {
      const { verdict, score, summary, uncertain } = reasons[reason];
      lines.push(`   ${verdict === 'pass' ? '✔' : '✘'} ${REASON_LABELS[reason].name} ${verdict}${score === null ? '' : ` ${score}`}${uncertain ? ' (uncertain)' : ''}: ${summary}`);
    }
    const notApplicable = REASONS.filter((reason) => reasons[reason].verdict === 'n/a').map((reason) => REASON_LABELS[reason].name);
    if (notApplicable.length > 0) lines.push(`   · n/a: ${notApplicable.join(', ')}`);
  }
  const strengths = strengthQuotes(pair.strengths.map((strength) => strength.quote));
  if (strengths.length > 0) lines.push(`   counts for you: ${strengths.map((quote) => `"${quote}"`).join(', ')}`);
  for (const finding of pair.findings) {
    const quote = finding.quote ? ` "${shortQuote(finding.quote)}"` : '';
    lines.push(`   - ${finding.message}${quote}`);
    for (const suggestion of finding.suggestions) lines.push(`     → ${suggestion}`);
  }
  // The posting's unused terms matter where a reason for this company is expected.
  if (pair.questionType === 'motivation' && pair.context && pair.context.couldUse.length > 0) {
    lines.push(`   from the posting, you could have used: ${pair.context.couldUse.slice(0, 5).join(', ')}`);
  }
  if (pair.followUp) lines.push(`   expect next: ${pair.followUp}`);
  return lines;
}
