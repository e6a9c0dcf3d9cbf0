import type { Severity, StarLabel, Suggestion } from '../core/types.js';

/** A stretch of the recording, in seconds from its start. */
export interface TimeSpan {
  start: number;
  end: number;
}

/** A word of an on-device transcript with when it was said, in seconds from the recording's start. */
export interface TimedWord {
  word: string;
  start: number;
  end: number;
}

/** What the recognizer heard, when there is a transcript: its text and, where it gives them, word times. */
export interface Transcript {
  text: string;
  words?: readonly TimedWord[];
}

/** The silences inside an answer long enough to count as pauses. */
export interface PauseMeasures {
  count: number;
  /** Seconds of all pauses together. */
  totalSeconds: number;
  /** The longest pause in seconds; 0 when there is none. */
  longestSeconds: number;
  /** The pauses' share of the answer's time (first sound to last), 0 to 1. */
  silentShare: number;
  /** Pauses per minute of the answer's time. */
  perMinute: number;
  /** Where each pause is, oldest first. */
  spans: TimeSpan[];
}

/** Fillers in the transcript, counted with the analyzer's filler lexicon. */
export interface FillerMeasures {
  count: number;
  per100Words: number;
  /** Each filler heard, lower-cased, with how often, most frequent first. */
  found: { text: string; count: number }[];
}

/**
 * How an answer was delivered, measured from its recording (and its transcript, when there is one).
 * Rates are `null` when there is no speech to measure them over.
 */
export interface DeliveryMeasures {
  /** Which version of the measuring method made these figures ({@link DELIVERY_METHOD} now), so stored ones say how they were made. */
  method: string;
  /** Seconds of audio measured. */
  recordingSeconds: number;
  /** When the first and last sound are, in seconds; null when the recording holds no speech. */
  speech: TimeSpan | null;
  /** Seconds from the first sound to the last: the answer as the interviewer hears it. */
  answerSeconds: number;
  /** Seconds of sound within the answer: its time less the pauses (phonation time). */
  speakingSeconds: number;
  pauses: PauseMeasures;
  /** Syllables counted as voiced intensity peaks (syllable nuclei). */
  syllables: number;
  /** Syllables per second of the answer's time, pauses included. */
  speechRate: number | null;
  /** Syllables per second of speaking time, pauses left out. */
  articulationRate: number | null;
  /** Words in the transcript; null without one. */
  words: number | null;
  /** Transcript words per minute of the answer's time; null without a transcript. */
  wordsPerMinute: number | null;
  fillers: FillerMeasures | null;
  /** How far below the recording's loudest sound (its 99th percentile) silence begins, in dB. */
  silenceBelowPeakDb: number;
}

/** The version of the method in {@link DeliveryMeasures.method}; bumped when a change would move the figures. */
export const DELIVERY_METHOD = 'syllable-nuclei/1';

/** Seconds spent in each STAR(L) part of a spoken answer, from its word times. */
export interface StarPartTimes {
  seconds: Record<StarLabel, number>;
  /** The seconds the labelled sentences cover together. */
  totalSeconds: number;
  /** Situation and task's share of `totalSeconds`, 0 to 1. */
  situationTaskShare: number;
  /** Each sentence with its label and when it was said; sentences no word time reached are left out. */
  sentences: { label: StarLabel | null; start: number; end: number }[];
}

/** A recording's delivery with the time per STAR(L) part of its answer, as an answer keeps it. */
export interface AnswerDelivery {
  measures: DeliveryMeasures;
  /** Present when the answer was a story and the transcript had word times. */
  starParts: StarPartTimes | null;
}

/** The id of a piece of delivery advice, read as policy as the analyzer's rule ids are. */
export type DeliveryFindingId =
  | 'max-pace'
  | 'min-pace'
  | 'max-answer-length'
  | 'min-story-length'
  | 'max-pause-length'
  | 'min-pause-rate'
  | 'max-silent-share'
  | 'max-set-up-time';

/**
 * One piece of delivery advice: what was measured, the range interviewers expect, what is wrong and
 * what to change. Shaped like the analyzer's findings, without a span: it is about the audio, not words.
 */
export interface DeliveryFinding {
  id: DeliveryFindingId;
  severity: Severity;
  messageId: string;
  message: string;
  suggestions: Extract<Suggestion, { kind: 'advice' }>[];
  /** The measured figure the finding is about, in `unit`. */
  measured: number;
  /** The range it should fall in; an open end is null. */
  expected: { min: number | null; max: number | null };
  unit: DeliveryUnit;
}

/** The units delivery figures are given in. */
export type DeliveryUnit = 'words a minute' | 'syllables a second' | 'seconds' | 'share' | 'pauses a minute';
