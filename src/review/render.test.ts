import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { readInterview } from '../transcripts/interview.js';
import { buildReview } from './build.js';
import { renderReviewHtml } from './render-html.js';
import { renderReviewJson } from './render-json.js';
import { renderReviewText } from './render-text.js';

const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/transcripts/${name}`, import.meta.url), 'utf8');
const zoom = buildReview(readInterview(fixture('zoom-backend-engineer.vtt')));

describe('renderReviewText', () => {
  const text = renderReviewText(zoom);

  test('leads with the main reason and the tallies', () => {
    const lines = text.split('\n');
    expect(lines[0]).toBe('Interview review: Jordan Kim (inferred as the candidate), interviewed by Priya Shah, Marcus Bell');
    expect(text).toContain('Most likely cost you the second interview: specific reason, no reason for this company and role tied to you (missed in 1 of 1 answer).');
    expect(text).toMatch(/^ {2}specific reason {2}1 of 1$/m);
  });

  test('quotes moments with their time and every answer with its verdicts', () => {
    expect(text).toMatch(/Where specific reason cost you:\n {2}\[1:4\d\] "Um, honestly, Fernway seems like a great company/);
    expect(text).toContain('4. [2:15] Tell me about a time you had to deal with a production incident. (behavioral)');
    expect(text).toContain('   follow-up: What did you do, personally?');
    expect(text).toMatch(/STAR\(L\) miss \d+/);
    expect(text).toMatch(/counts for you: .*"/);
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

describe('renderReviewHtml', () => {
  test('is one standalone page: no scripts, nothing fetched', () => {
    const html = renderReviewHtml(zoom);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script|<link|src=|https?:/i);
    expect(html).toContain('Most likely cost you the second interview: specific reason');
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
