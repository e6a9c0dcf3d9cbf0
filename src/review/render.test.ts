import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { readInterview } from '../transcripts/interview.js';
import { buildReview } from './build.js';
import { MAIN_REASON_DEFINITION } from './main-reason.js';
import { renderReviewHtml } from './render-html.js';
import { renderReviewJson } from './render-json.js';
import { renderReviewText } from './render-text.js';
import { unsureMissesNote } from './labels.js';
import type { Review } from './types.js';

const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/transcripts/${name}`, import.meta.url), 'utf8');
const zoom = buildReview(readInterview(fixture('zoom-backend-engineer.vtt')));

describe('renderReviewText', () => {
  const text = renderReviewText(zoom);

  test('leads with who the candidate is, how sure Starl is, and why', () => {
    const lines = text.split('\n');
    expect(lines[0]).toBe('Interview review: Jordan Kim, interviewed by Priya Shah, Marcus Bell');
    expect(lines[1]).toMatch(/^ {2}candidate: sure: answers \d+ questions; asks no questions before the closing one/);
  });

  test('states the main reason with its count, says when it rests on one answer, and names the runner-up', () => {
    expect(text).toContain('Main reason: specific reason, no reason for this company and role tied to you.');
    expect(text).toContain('  specific reason: 1 of 1 answer missed; this rests on a single answer, so take it as a hint, not yet a pattern.');
    expect(text).toMatch(/^ {2}runner-up: (opportunity|memorable|STAR\(L\)): \d of \d answers? missed/m);
    expect(text).toContain(`  How it is chosen: ${MAIN_REASON_DEFINITION}.`);
    expect(text).toMatch(/^ {2}specific reason {2}1 of 1 answer missed \(this rests on a single answer\) {2}← main reason$/m);
  });

  test('quotes the moments that show the main reason and what to practise next', () => {
    expect(text).toMatch(/ {2}The moments that show it:\n {4}\[1:4\d\] "Um, honestly, Fernway seems like a great company/);
    expect(text).toContain('  Practise next: starl practice --only motivation');
    expect(text).not.toContain('Where specific reason cost you:');
  });

  test('shows every answer with its verdicts and the evidence for each', () => {
    expect(text).toContain('4. [2:15] Tell me about a time you had to deal with a production incident. (behavioral)');
    expect(text).toContain('   follow-up: What did you do, personally?');
    expect(text).toMatch(/^ {3}✘ STAR\(L\) miss \d+: \S.+$/m);
    expect(text).toMatch(/^ {3}· n\/a: specific reason$/m);
    expect(text).toMatch(/counts for you: .*"/);
  });

  test('says plainly when Starl is unsure who the candidate is, and how to name them', () => {
    const both = 'Ann: How was your week?\nBo: Good. And yours?\nAnn: Busy. Tell me about your last project?\nBo: I built a billing export. What are you working on?\nAnn: A new checkout. Why did you choose it?\nBo: It was the biggest gap. Do you enjoy it?\n';
    const unsure = renderReviewText(buildReview(readInterview(both)));
    expect(unsure).toMatch(/^ {2}candidate: not sure: /m);
    expect(unsure).toMatch(/^ {2}Starl is not sure who you are: "(Ann|Bo)" and "(Ann|Bo)" both ask and answer questions/m);
    expect(unsure).toContain('  If this is wrong, run it again with --candidate NAME (the speakers are');
  });

  test('names the person behind a label, from the notes\' header', () => {
    const notes = renderReviewText(buildReview(readInterview('Noor Haddad – interview notes\n\nQ: Tell me about yourself.\nA: I have been a pharmacy technician for three years in Eastfield.\n')));
    expect(notes.split('\n')[0]).toBe('Interview review: Noor Haddad ("A" in the transcript), interviewed by Q');
  });

  test('captions without names: the greeted name, not the side Starl made up', () => {
    const captions = ['Hey, Corinne? Hi!', 'Hi, yes.', 'Tell me about yourself.', 'I have volunteered at the library for a year.']
      .map((line, index) => `${index + 1}\n00:00:0${index},000 --> 00:00:0${index},900\n${line}\n`)
      .join('\n');
    const first = renderReviewText(buildReview(readInterview(captions))).split('\n')[0];
    expect(first).toBe('Interview review: Corinne, interviewed by Interviewer');
  });

  test('with no miss, says so and how the main reason would be chosen', () => {
    const none = renderReviewText({ ...zoom, mainReason: null, runnerUp: null, practice: null });
    expect(none).toContain('No answer missed any of the four reasons.');
    expect(none).toContain(`(The main reason is ${MAIN_REASON_DEFINITION}.)`);
  });

  test('says when the filler rate cannot be trusted', () => {
    const otter = renderReviewText(buildReview(readInterview(fixture('otter-product-designer.txt'))));
    expect(otter).toContain('unreliable: the transcript looks cleaned of "um" and "uh"');
    expect(text).not.toContain('unreliable');
  });

  test('notes without times point at lines', () => {
    const notes = renderReviewText(buildReview(readInterview(fixture('notes-interviewer-me.txt'))));
    expect(notes).toContain('3. [line 8] Why do you want to work at Harbor Freight Analytics? (motivation)');
    expect(notes).toContain('pace unknown (no per-turn times)');
  });
});

describe('when Starl is unsure of a verdict', () => {
  /** The zoom review with the main reason's misses marked as leans (`uncertain`) or as settled. */
  const leaning = (uncertain: boolean): Review => {
    const review = structuredClone(zoom);
    for (const pair of review.pairs) if (pair.reasons?.specificReason.verdict === 'miss') pair.reasons.specificReason.uncertain = uncertain;
    return review;
  };

  test('the main reason says so when the miss it rests on is a lean, and the answer marks the verdict', () => {
    const text = renderReviewText(leaning(true));
    expect(text).toContain('  specific reason: 1 of 1 answer missed; this rests on a single answer, so take it as a hint, not yet a pattern.\n  Starl is unsure of that miss: the answer sits near the line.\n');
    expect(text).toMatch(/^ {3}✘ specific reason miss \d+ \(uncertain\): \S/m);
    expect(renderReviewHtml(leaning(true))).toContain('<p>Starl is unsure of that miss: the answer sits near the line.</p>');
    expect(renderReviewHtml(leaning(true))).toMatch(/specific reason: miss \(\d+\), uncertain<\/span>/);
  });

  test('settled misses get no such note', () => {
    expect(renderReviewText(leaning(false))).not.toContain('Starl is unsure of');
    expect(renderReviewHtml(leaning(false))).not.toContain('Starl is unsure of');
  });

  test.each([
    [[true, false, false], 'Starl is unsure of 1 of these 3 misses: the answer sits near the line'],
    [[true, true, false], 'Starl is unsure of 2 of these 3 misses: those answers sit near the line'],
    [[true, true], 'Starl is unsure of all 2 misses: those answers sit near the line'],
    [[false, false], ''],
  ])('misses leaning %j: %j', (leans, note) => {
    const pairs = leans.map((uncertain) => ({ reasons: { starl: { verdict: 'miss', uncertain } } }));
    const passed = { reasons: { starl: { verdict: 'pass', uncertain: true } } };
    expect(unsureMissesNote({ pairs: [...pairs, passed] as unknown as Review['pairs'] }, 'starl')).toBe(note);
  });
});

describe('renderReviewHtml', () => {
  test('is one standalone page: no scripts, nothing fetched', () => {
    const html = renderReviewHtml(zoom);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script|<link|src=|https?:/i);
    expect(html).toContain('<strong>Main reason: specific reason</strong>');
    expect(html).toContain('1 of 1 answer missed; <strong>this rests on a single answer</strong>');
    expect(html).toContain('Runner-up: ');
    expect(html).toContain('Practise next: <code>starl practice --only motivation</code>');
    expect(html).toMatch(/<li><strong>STAR\(L\) miss<\/strong>: \S/);
    expect(html).toContain('Tell me about a time you had to deal with a production incident.');
  });

  test('escapes everything that comes from the transcript', () => {
    const hostile = 'Interviewer: Tell me about <b>yourself</b>?\nMe: I wrote <script>alert("x")</script> & shipped it at Fernway.\n';
    const html = renderReviewHtml(buildReview(readInterview(hostile)));
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; shipped');
  });
});

test('renderReviewJson round-trips and names the main reason', () => {
  const json = JSON.parse(renderReviewJson(zoom));
  expect(json.mainReason).toBe('specificReason');
  expect(json.pairs).toHaveLength(6);
});
