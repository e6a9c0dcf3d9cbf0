import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { readInterview } from './interview.js';
import { formatClock } from './time.js';

/**
 * Every realistic fixture read as an interview, summed up one line per pair: when, what was asked,
 * the follow-ups, and how the answer starts. The snapshot is meant to be read: a wrong pairing shows.
 */
test.each([
  'zoom-backend-engineer.vtt',
  'teams-customer-success.vtt',
  'meet-customer-success.txt',
  'otter-product-designer.txt',
  'srt-customer-success.srt',
  'webvtt-product-designer.vtt',
  'notes-interviewer-me.txt',
  'notes-qa.md',
])('%s', (name) => {
  const interview = readInterview(readFileSync(new URL(`../../test/fixtures/transcripts/${name}`, import.meta.url), 'utf8'));
  const summary = [
    `${interview.format}: candidate ${interview.candidate}; interviewers ${interview.interviewers.join(', ')}`,
    ...interview.pairs.map((pair) => {
      const at = pair.start === null ? `line ${pair.questionLine}` : formatClock(pair.start);
      const followUps = pair.followUps.map((followUp) => `\n      + ${followUp}`).join('');
      return `[${at}] ${pair.question}${followUps}\n      → ${pair.answer.slice(0, 70)}${pair.answer.length > 70 ? '…' : ''}`;
    }),
  ];
  expect(summary.join('\n')).toMatchSnapshot();
});
