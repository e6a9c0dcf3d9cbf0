import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { StarlError } from '../core/errors.js';
import { readInterview } from './interview.js';

const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/transcripts/${name}`, import.meta.url), 'utf8');

function thrown(run: () => unknown): StarlError {
  try {
    run();
  } catch (error) {
    if (error instanceof StarlError) return error;
    throw error;
  }
  throw new Error('expected a StarlError');
}

describe('who the candidate is', () => {
  test.each([
    ['zoom-backend-engineer.vtt', 'Jordan Kim', ['Priya Shah', 'Marcus Bell']],
    ['teams-customer-success.vtt', 'Sam Ortega', ['Dana Whitfield']],
    ['meet-customer-success.txt', 'Sam Ortega', ['Dana Whitfield']],
    ['otter-product-designer.txt', 'Lena Park', ['Tom Reyes']],
    ['notes-interviewer-me.txt', 'Me', ['Interviewer']],
    ['notes-qa.md', 'A', ['Q']],
    ['srt-customer-success.srt', 'Candidate', ['Interviewer']],
  ])('%s: %s answers', (name, candidate, interviewers) => {
    const interview = readInterview(fixture(name));
    expect(interview.candidate).toBe(candidate);
    expect(interview.interviewers).toEqual(interviewers);
    expect(interview.candidateBasis).toBe('inferred');
  });

  test('the candidate is found when they are the third to speak, with two interviewers', () => {
    const interview = readInterview(fixture('zoom-backend-engineer.vtt'));
    const order = [...new Set(interview.turns.map((turn) => turn.speaker))];
    expect(order.indexOf(interview.candidate)).toBe(2);
  });

  test("Otter's unnamed speakers are told apart by how they talk", () => {
    const text = fixture('otter-product-designer.txt').replaceAll('Tom Reyes', 'Speaker 1').replaceAll('Lena Park', 'Speaker 2');
    expect(readInterview(text)).toMatchObject({ candidate: 'Speaker 2', interviewers: ['Speaker 1'] });
  });

  test('--candidate overrides the guess, matched without case or by a unique part', () => {
    const interview = readInterview(fixture('zoom-backend-engineer.vtt'), { candidate: 'marcus' });
    expect(interview).toMatchObject({ candidate: 'Marcus Bell', candidateBasis: 'override' });
    expect(interview.interviewers).toEqual(['Priya Shah', 'Jordan Kim']);
  });

  test('an unknown --candidate lists the speakers', () => {
    const error = thrown(() => readInterview(fixture('zoom-backend-engineer.vtt'), { candidate: 'Alex' }));
    expect(error.code).toBe('E_USAGE');
    expect(error.message).toBe('no speaker named "Alex"; the speakers are "Priya Shah", "Marcus Bell", "Jordan Kim"');
  });

  test('a conversation without any answered question is refused, suggesting --candidate', () => {
    const error = thrown(() => readInterview('Ann: Lovely weather today.\nBo: It really is.\nAnn: The forecast said rain.\nBo: Forecasts are often wrong.\n', { file: 'chat.txt' }));
    expect(error.code).toBe('E_TRANSCRIPT');
    expect(error.message).toMatch(/^found no question answered by "(Ann|Bo)"; name the candidate with --candidate/);
    expect(error.where).toEqual({ file: 'chat.txt', line: 1 });
  });

  test('a single speaker is refused with the line', () => {
    const error = thrown(() => readInterview(fixture('single-speaker.vtt'), { file: 'solo.vtt' }));
    expect(error.message).toMatch(/only one speaker \("Jordan Kim"\)/);
    expect(error.where).toEqual({ file: 'solo.vtt', line: 5 });
  });
});

describe('pairing questions with answers', () => {
  const zoom = readInterview(fixture('zoom-backend-engineer.vtt'));

  test('every question of the Zoom interview is found, in order, and small talk counts', () => {
    expect(zoom.pairs.map((pair) => pair.question)).toEqual([
      'So, um, how are you doing today?',
      'So to kick things off, tell me a bit about yourself.',
      'So, why are you interested in this role at Fernway?',
      'Tell me about a time you had to deal with a production incident.',
      'Give me an example of a time you disagreed with a teammate about a technical decision.',
      'Do you have any questions for us?',
    ]);
  });

  test("the interviewer's explanation of the role is not a question, and ends the answer before it", () => {
    expect(zoom.pairs.some((pair) => pair.question.includes('routing platform'))).toBe(false);
    expect(zoom.pairs[1]?.answer).not.toContain('Okay, cool.');
  });

  test('follow-ups are judged with the answer they follow, and the answer runs on', () => {
    const incident = zoom.pairs[3];
    expect(incident?.followUps).toEqual(['What did you do, personally?', 'And what happened after that?']);
    expect(incident?.answer).toMatch(/^Yeah so, um, at my last job at Calder Health/);
    expect(incident?.answer).toContain('we figured out it was, uh, a database lock.');
    expect(incident?.answer).toMatch(/The invoices went out the next morning, I think\.$/);
    expect(incident?.answer).not.toContain('Mm-hmm');
  });

  test("the candidate's own questions belong to the closing answer, the interviewer's replies do not", () => {
    const closing = zoom.pairs[5];
    expect(closing?.answer).toContain('what does the on-call rotation look like');
    expect(closing?.answer).toContain('would the new person be working on the optimizer');
    expect(closing?.answer).not.toContain('runbook');
  });

  test('a short "Why <company>?" after an answer is a new question, not a follow-up', () => {
    const teams = readInterview(fixture('teams-customer-success.vtt'));
    expect(teams.pairs.map((pair) => pair.question)).toContain('And why Brightloop?');
  });

  test('answers start where the candidate starts speaking, in seconds', () => {
    expect(zoom.pairs[0]?.start).toBeCloseTo(14.838, 3);
    const otter = readInterview(fixture('otter-product-designer.txt'));
    expect(otter.pairs[1]?.start).toBe(12);
    const meet = readInterview(fixture('meet-customer-success.txt'));
    expect(meet.pairs.every((pair) => pair.start === null)).toBe(true);
  });

  test('without speaker names, questions are found sentence by sentence across cues', () => {
    const srt = readInterview(fixture('srt-customer-success.srt'));
    expect(srt.pairs.map((pair) => pair.question)).toEqual([
      "How's your week going so far?",
      'Okay, so to start, walk me through your background.',
      'And why Brightloop?',
      'Tell me about a time you turned around an unhappy customer.',
      'What do you like to do outside of work?',
      'Do you have any questions for me?',
    ]);
    expect(srt.pairs[3]?.followUps).toEqual(['What would you do differently next time?']);
    expect(srt.pairs[5]?.answer).toContain("And what's the biggest reason customers leave in the first year?");
  });

  test('a question nobody answers yields no pair', () => {
    const interview = readInterview(
      'Ann: How are you?\nBo: Why do you ask?\nAnn: Tell me about yourself.\nCara: I run a bakery with my sister.\nBo: Nice.\nCara: Thanks!\n',
      { candidate: 'Cara' },
    );
    expect(interview.pairs.map((pair) => pair.question)).toEqual(['Tell me about yourself.']);
  });

  test('notes: the answer runs on over continuation lines', () => {
    const notes = readInterview(fixture('notes-interviewer-me.txt'));
    expect(notes.pairs[1]?.answer).toBe(
      "I'm a data analyst at a regional grocery chain, three years. I built the weekly shrink report that the store managers actually use now, it cut produce waste at our pilot store by 12%. Before that I did a statistics degree.",
    );
  });

  test('speech without any punctuation still yields its questions and follow-ups', () => {
    const cue = (n: number, speaker: string, text: string) => `${n}\n00:00:${String(n * 3).padStart(2, '0')}.000 --> 00:00:${String(n * 3 + 2).padStart(2, '0')}.500\n${speaker}: ${text}\n`;
    const text = ['WEBVTT\n',
      cue(1, 'Ana Ruiz', 'hi thanks for coming in how are you doing'),
      cue(2, 'Ben Cole', 'good thanks excited to be here i walked past your new warehouse on the way in'),
      cue(3, 'Ana Ruiz', 'so we have six people on the team and we do what we can to ship weekly'),
      cue(4, 'Ben Cole', 'sounds good'),
      cue(5, 'Ana Ruiz', 'great so tell me about a time you had to handle an angry customer'),
      cue(6, 'Ben Cole', 'so um at the depot last winter a pallet went missing and i found it on the wrong truck'),
      cue(7, 'Ana Ruiz', 'and what did you learn from that'),
      cue(8, 'Ben Cole', 'to check the scan history first'),
      cue(9, 'Ana Ruiz', 'why do you want to work here'),
      cue(10, 'Ben Cole', 'i need a job closer to home'),
    ].join('\n');
    const interview = readInterview(text);
    expect(interview.candidate).toBe('Ben Cole');
    expect(interview.pairs.map((pair) => [pair.question, pair.followUps])).toEqual([
      ['how are you doing', []],
      ['great so tell me about a time you had to handle an angry customer', ['and what did you learn from that']],
      ['why do you want to work here', []],
    ]);
  });
});
