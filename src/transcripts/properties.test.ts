import fc from 'fast-check';
import { expect, test } from 'vitest';
import { readInterview } from './interview.js';
import type { Interview } from './types.js';

const QUESTIONS = ['How are you?', 'Tell me about yourself.', 'Why do you want this job?', 'And what happened then?', 'Do you have any questions for me?', 'Walk me through your resume.'];
const REMARKS = ['Mm-hmm.', 'Right, okay.', 'Let me tell you about the team, we are six people and we ship every week from the main office.'];
const ANSWERS = ['I built the billing export at Tallyworks.', 'Um, so, we had a, we had a problem and I fixed it', 'What does a normal week look like?', 'Good, thanks!', 'I restore old cameras.'];

const speakerName = fc.constantFrom('Ann Lee', 'Bo Chen', 'Cara Diaz', 'Dev Patel');
const utterance = fc.oneof(fc.constantFrom(...QUESTIONS), fc.constantFrom(...REMARKS), fc.constantFrom(...ANSWERS));
const conversation = fc.array(fc.record({ speaker: speakerName, text: utterance, seconds: fc.integer({ min: 1, max: 40 }) }), { minLength: 2, maxLength: 40 });

/** Renders a generated conversation as a Zoom transcript, one cue per utterance. */
function asZoom(lines: { speaker: string; text: string; seconds: number }[]): string {
  let clock = 0;
  const stamp = (s: number) => `00:${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}.000`;
  const cues = lines.map((line, index) => {
    const cue = `${index + 1}\n${stamp(clock)} --> ${stamp(clock + line.seconds)}\n${line.speaker}: ${line.text}\n`;
    clock += line.seconds;
    return cue;
  });
  return `WEBVTT\n\n${cues.join('\n')}`;
}

function tryRead(text: string, candidate?: string): Interview | null {
  try {
    return readInterview(text, candidate === undefined ? {} : { candidate });
  } catch {
    return null; // A conversation with one speaker, or with no answered question, is refused; that is tested elsewhere.
  }
}

test("every answer is made of the candidate's own turns, in order, and pairs keep transcript order", () => {
  fc.assert(
    fc.property(conversation, fc.option(speakerName, { nil: undefined }), (lines, candidate) => {
      const interview = tryRead(asZoom(lines), candidate);
      if (!interview) return;
      let lastTurn = -1;
      for (const pair of interview.pairs) {
        expect(pair.answer).not.toBe('');
        expect(pair.segments.map((segment) => pair.answer.slice(segment.start, segment.end)).join(' ')).toBe(pair.answer);
        for (const segment of pair.segments) {
          const turn = interview.turns[segment.turnIndex];
          expect(turn?.speaker).toBe(interview.candidate);
          // A whole turn, except that the closing answer stops at the candidate's last question.
          expect(turn?.text.startsWith(pair.answer.slice(segment.start, segment.end))).toBe(true);
          expect(segment.turnIndex).toBeGreaterThan(lastTurn);
          lastTurn = segment.turnIndex;
        }
        expect(pair.start).toBe(pair.segments[0]?.time);
      }
    }),
    { numRuns: 300 },
  );
});

test('turns alternate speakers and keep every word of the cues', () => {
  fc.assert(
    fc.property(conversation, (lines) => {
      const interview = tryRead(asZoom(lines));
      if (!interview) return;
      interview.turns.forEach((turn, index) => expect(turn.speaker).not.toBe(interview.turns[index - 1]?.speaker));
      expect(interview.turns.map((turn) => turn.text).join(' ')).toBe(lines.map((line) => line.text).join(' '));
    }),
    { numRuns: 200 },
  );
});

/** Renders a conversation as SubRip without names, as subtitles exported from a recording are. */
function asSubRip(lines: { text: string; seconds: number }[]): string {
  let clock = 0;
  const stamp = (s: number) => `00:${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')},000`;
  return lines
    .map((line, index) => {
      const cue = `${index + 1}\n${stamp(clock)} --> ${stamp(clock + line.seconds)}\n${line.text}\n`;
      clock += line.seconds;
      return cue;
    })
    .join('\n');
}

test('without speaker names, answers still come only from what was given to the candidate', () => {
  fc.assert(
    fc.property(conversation, (lines) => {
      const interview = tryRead(asSubRip(lines));
      if (!interview) return;
      expect(interview.candidate).toBe('Candidate');
      for (const pair of interview.pairs) {
        for (const segment of pair.segments) {
          expect(interview.turns[segment.turnIndex]?.speaker).toBe('Candidate');
          expect(interview.turns[segment.turnIndex]?.text.startsWith(pair.answer.slice(segment.start, segment.end))).toBe(true);
        }
      }
    }),
    { numRuns: 200 },
  );
});

test('the candidate is always a speaker, --candidate always wins, and an unsure choice always says why', () => {
  fc.assert(
    fc.property(conversation, fc.option(speakerName, { nil: undefined }), (lines, candidate) => {
      const interview = tryRead(asZoom(lines), candidate);
      if (!interview) return;
      const speakers = new Set(interview.turns.map((turn) => turn.speaker));
      expect(speakers.has(interview.candidate)).toBe(true);
      expect(interview.interviewers).not.toContain(interview.candidate);
      if (candidate !== undefined) expect(interview).toMatchObject({ candidate, candidateBasis: 'override', identification: { confidence: 'high' } });
      expect(interview.identification.unsure === null).toBe(interview.identification.confidence !== 'low');
    }),
    { numRuns: 200 },
  );
});
