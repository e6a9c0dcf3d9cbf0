import { chooseCandidate } from './candidate.js';
import { pairQuestions } from './pairing.js';
import { parseTranscript } from './parse.js';
import { buildTurns } from './turns.js';
import { transcriptError } from './errors.js';
import { assertReviewFits } from './limits.js';
import type { Interview } from './types.js';

/** Options for reading an interview: who the candidate is, and the file name to put in messages. */
export interface ReadInterviewOptions {
  /** The candidate's name as the transcript spells it (or a unique part of it); inferred when absent. */
  candidate?: string;
  file?: string;
}

/**
 * Reads a transcript's text as an interview: detects the format, merges cues into turns, decides who the
 * candidate is and pairs each question with its answer. Pure: the browser can call it on a dropped file.
 *
 * @example
 * const interview = readInterview(text, { candidate: 'Jordan Kim' });
 * interview.pairs.map((pair) => pair.question);
 */
export function readInterview(text: string, options: ReadInterviewOptions = {}): Interview {
  const parsed = parseTranscript(text, options.file);
  const turns = buildTurns(parsed);
  const choice = chooseCandidate(turns, {
    header: parsed.header,
    hasSpeakers: parsed.hasSpeakers,
    ...(options.candidate === undefined ? {} : { override: options.candidate }),
    ...(options.file === undefined ? {} : { file: options.file }),
  });
  const pairs = pairQuestions(turns, choice.candidate, { speakersInferred: !parsed.hasSpeakers });
  if (pairs.length === 0) {
    throw transcriptError(`found no question answered by "${choice.candidate}"; name the candidate with --candidate if that is the wrong speaker`, turns[0]?.line ?? 1, options.file);
  }
  assertReviewFits(pairs, options.file);
  return {
    format: parsed.format,
    timing: parsed.timing,
    hasSpeakers: parsed.hasSpeakers,
    candidate: choice.candidate,
    interviewers: choice.interviewers,
    candidateBasis: choice.basis,
    identification: { name: choice.name, confidence: choice.confidence, clues: choice.clues, unsure: choice.unsure },
    turns,
    pairs,
  };
}
