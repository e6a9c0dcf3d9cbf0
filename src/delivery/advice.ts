import type { Balance, QuestionType } from '../core/types.js';
import type { DeliveryFinding, DeliveryMeasures, StarPartTimes } from './types.js';

/** A range of a delivery figure; an open end is null. */
export interface DeliveryRange {
  min: number | null;
  max: number | null;
}

/**
 * The ranges interviewers expect, each with where it comes from. Judgement, not a fit: they will be
 * revised once there are real recordings to check them on.
 */
export const DELIVERY_RANGES = {
  /** The pace interview coaches advise: fast enough to sound sure, slow enough to follow. */
  wordsPerMinute: { min: 120, max: 160 },
  /** A STAR(L) story told in one and a half to two minutes, as coaches advise (Starl's practice aims at two). */
  storySeconds: { min: 90, max: 120 },
  /** Any other answer: past two minutes a listener stops following, and the interviewer can ask for more. */
  answerSeconds: { min: null, max: 120 },
  /**
   * Conversation tolerates about a second of silence before someone fills it (Jefferson 1989); inside
   * one's own answer a listener allows more, but past about three seconds it sounds like a lost thread.
   */
  longestPauseSeconds: { min: null, max: 3 },
  /**
   * A pause at each sentence's end: sentences of about 15 words at 140 words a minute end every 6.5 s,
   * about nine a minute. Under four a minute, most sentences run into the next.
   */
  pausesPerMinute: { min: 4, max: null },
  /** Past two fifths of the time in silence, an answer sounds hesitant rather than measured. */
  silentShare: { min: null, max: 0.4 },
} as const satisfies Record<string, DeliveryRange>;

/** One finding before its suggestion is typed. */
type Draft = Omit<DeliveryFinding, 'suggestions' | 'expected'> & { suggestionId: string; suggestion: string; expected: DeliveryRange };

/** Answers shorter than this are too short to judge their pauses by the minute. */
const MIN_SECONDS_FOR_PAUSE_RATE = 20;

/**
 * Syllables per word of Starl's answer corpus (34,086 words, counted by vowel groups: 1.36), to put a
 * pace measured in syllables into words a minute when there is no transcript.
 */
export const SYLLABLES_PER_WORD = 1.36;

/** The answer's pace in words a minute: counted from the transcript, else estimated from its syllables. */
export interface Pace {
  wordsPerMinute: number;
  from: 'transcript' | 'syllables';
}

/** The pace of an answer, or null when it has no speech to measure. */
export function paceOf(measures: DeliveryMeasures): Pace | null {
  if (measures.wordsPerMinute !== null) return { wordsPerMinute: measures.wordsPerMinute, from: 'transcript' };
  if (measures.speechRate === null) return null;
  return { wordsPerMinute: (measures.speechRate * 60) / SYLLABLES_PER_WORD, from: 'syllables' };
}

/** What the advice knows of the answer besides its audio: the analyzer's report and the time per STAR(L) part. */
export interface AdviceContext {
  report?: { questionType: QuestionType; balance: Balance | null } | null;
  starParts?: StarPartTimes | null;
}

/**
 * What to change in how an answer was delivered, against {@link DELIVERY_RANGES}: pace, length, pauses
 * and, for a story with word times, the time spent setting the scene. Empty when all is in range.
 *
 * @example
 * deliveryAdvice(measures, { report }).map((finding) => finding.message);
 * // ["You spoke at about 182 words a minute; interviewers follow 120–160 best."]
 */
export function deliveryAdvice(measures: DeliveryMeasures, context: AdviceContext = {}): DeliveryFinding[] {
  if (measures.speech === null) return [];
  const findings: DeliveryFinding[] = [];
  const finding = ({ suggestionId, suggestion, expected, ...draft }: Draft) =>
    findings.push({ ...draft, suggestions: [{ kind: 'advice', id: suggestionId, text: suggestion }], expected: { min: expected.min, max: expected.max } });

  const pace = paceOf(measures);
  if (pace) {
    const words = Math.round(pace.wordsPerMinute);
    const estimated = pace.from === 'syllables' ? ' (from your syllables)' : '';
    const expected = DELIVERY_RANGES.wordsPerMinute;
    const unit = 'words a minute';
    if (words > expected.max) {
      finding({
        id: 'max-pace', severity: 'warning', messageId: 'tooFast', measured: words, expected, unit,
        message: `You spoke at about ${words} words a minute${estimated}; interviewers follow ${expected.min}–${expected.max} best.`,
        suggestionId: 'slowDown', suggestion: 'Slow down: pause at the end of each sentence and let your numbers land.',
      });
    }
    if (words < expected.min) {
      finding({
        id: 'min-pace', severity: 'info', messageId: 'tooSlow', measured: words, expected, unit,
        message: `You spoke at about ${words} words a minute${estimated}, under the ${expected.min}–${expected.max} that holds a listener.`,
        suggestionId: 'keepMoving', suggestion: 'Know the order of your points before you start, so the next one is ready.',
      });
    }
  }

  const story = context.report?.questionType === 'behavioral';
  const seconds = measures.answerSeconds;
  const minutes = (seconds / 60).toFixed(1);
  const length = story ? DELIVERY_RANGES.storySeconds : DELIVERY_RANGES.answerSeconds;
  const storyMinutes = `${DELIVERY_RANGES.storySeconds.min / 60} to ${DELIVERY_RANGES.storySeconds.max / 60}`;
  if (seconds > length.max) {
    finding({
      id: 'max-answer-length', severity: 'warning', measured: seconds, expected: length, unit: 'seconds',
      ...(story
        ? { messageId: 'storyTooLong', message: `Your story took ${minutes} minutes; interviewers expect ${storyMinutes}.`, suggestionId: 'trimStory', suggestion: 'Cut the scene to two sentences and keep one result, with its number.' }
        : { messageId: 'answerTooLong', message: `Your answer took ${minutes} minutes; most answers land best within ${length.max / 60}.`, suggestionId: 'headlineFirst', suggestion: 'Give the headline first and stop once the point is made; they can ask for more.' }),
    });
  }
  if (story && seconds < DELIVERY_RANGES.storySeconds.min) {
    finding({
      id: 'min-story-length', severity: 'info', messageId: 'storyTooShort', measured: seconds, expected: length, unit: 'seconds',
      message: `Your story took ${Math.round(seconds)} seconds; a full one takes ${storyMinutes} minutes.`,
      suggestionId: 'tellMore', suggestion: 'Say what you did step by step, and what came of it, with a number.',
    });
  }

  const { pauses } = measures;
  if (pauses.longestSeconds > DELIVERY_RANGES.longestPauseSeconds.max) {
    finding({
      id: 'max-pause-length', severity: 'warning', messageId: 'longPause', measured: pauses.longestSeconds, expected: DELIVERY_RANGES.longestPauseSeconds, unit: 'seconds',
      message: `Your longest pause was ${pauses.longestSeconds.toFixed(1)} seconds; past ${DELIVERY_RANGES.longestPauseSeconds.max} it sounds like a lost thread.`,
      suggestionId: 'planParts', suggestion: 'Plan the parts of your answer before you start, so each next step is ready.',
    });
  }
  if (seconds >= MIN_SECONDS_FOR_PAUSE_RATE && pauses.perMinute < DELIVERY_RANGES.pausesPerMinute.min) {
    const times = pauses.count === 0 ? 'not once' : `only ${pauses.count} ${pauses.count === 1 ? 'time' : 'times'}`;
    finding({
      id: 'min-pause-rate', severity: 'info', messageId: 'fewPauses', measured: pauses.perMinute, expected: DELIVERY_RANGES.pausesPerMinute, unit: 'pauses a minute',
      message: `You paused ${times} in ${Math.round(seconds)} seconds; your sentences run together.`,
      suggestionId: 'pauseBetween', suggestion: 'Pause for a beat at the end of each sentence, and before the result.',
    });
  }
  if (pauses.silentShare > DELIVERY_RANGES.silentShare.max) {
    finding({
      id: 'max-silent-share', severity: 'warning', messageId: 'hesitant', measured: pauses.silentShare, expected: DELIVERY_RANGES.silentShare, unit: 'share',
      message: `Silence took ${Math.round(pauses.silentShare * 100)}% of your answer; it sounds hesitant.`,
      suggestionId: 'rehearse', suggestion: 'Rehearse it out loud until the order comes easily; pause between parts, not inside them.',
    });
  }

  const parts = context.starParts;
  // The guide's limit on situation and task, which the report carries for a story.
  const maxShare = context.report?.balance?.maxSituationTaskShare;
  if (parts && maxShare !== undefined && parts.situationTaskShare > maxShare) {
    finding({
      id: 'max-set-up-time', severity: 'warning', messageId: 'longSetUp', measured: parts.situationTaskShare, expected: { min: null, max: maxShare }, unit: 'share',
      message: `You spent ${Math.round(parts.seconds.S + parts.seconds.T)} seconds setting the scene, ${Math.round(parts.situationTaskShare * 100)}% of the story.`,
      suggestionId: 'getToAction', suggestion: 'Reach what you did within 30 seconds: two sentences of scene are enough.',
    });
  }
  return findings;
}
