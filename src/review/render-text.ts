import { REASONS } from '../core/types.js';
import { countOf } from '../format/plural.js';
import { FORMAT_LABELS, REASON_LABELS, percent, shortQuote, strengthQuotes, where } from './labels.js';
import type { DeliveryStats, Review, ReviewedPair } from './types.js';

/**
 * The review as plain text for a terminal: the main reason first, the tallies, the moments that show
 * it, delivery, then every answer with its verdicts and advice.
 */
export function renderReviewText(review: Review): string {
  const lines: string[] = [];
  const interviewers = review.interviewers.join(', ');
  lines.push(`Interview review: ${review.candidate} (${review.candidateBasis === 'override' ? 'named' : 'inferred'} as the candidate), interviewed by ${interviewers}`);
  lines.push(`${FORMAT_LABELS[review.format]}, ${countOf(review.pairs.length, 'answer')} reviewed`);
  lines.push('');
  lines.push(mainReasonLine(review));
  lines.push('');
  lines.push('Misses by reason:');
  for (const reason of REASONS) {
    const { misses, applicable } = review.tallies[reason];
    const count = applicable === 0 ? 'does not apply' : `${misses} of ${applicable}`;
    lines.push(`  ${REASON_LABELS[reason].name.padEnd(16)} ${count}`);
  }
  for (const reason of REASONS) {
    const moments = review.worstMoments[reason];
    if (moments.length === 0) continue;
    lines.push('');
    lines.push(`Where ${REASON_LABELS[reason].name} cost you:`);
    for (const moment of moments) {
      lines.push(`  [${where(moment.time, moment.line)}] "${shortQuote(moment.quote)}"`);
      if (moment.message) lines.push(`      ${moment.message}`);
    }
  }
  lines.push('');
  lines.push(...deliveryLines(review.delivery));
  review.pairs.forEach((pair, index) => {
    lines.push('');
    lines.push(...pairLines(pair, index));
  });
  return `${lines.join('\n')}\n`;
}

function mainReasonLine(review: Review): string {
  if (review.mainReason === null) return 'No answer missed any of the four reasons.';
  const { misses, applicable } = review.tallies[review.mainReason];
  const label = REASON_LABELS[review.mainReason];
  return `Most likely cost you the second interview: ${label.name}, ${label.meaning} (missed in ${misses} of ${countOf(applicable, 'answer')}).`;
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
    const verdicts = REASONS.map((reason) => {
      const { verdict, score } = pair.reasons![reason];
      return `${REASON_LABELS[reason].name} ${verdict}${score === null ? '' : ` ${score}`}`;
    });
    lines.push(`   ${verdicts.join(' · ')}`);
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
