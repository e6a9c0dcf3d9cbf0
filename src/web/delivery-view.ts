import { STAR_LABELS, type QuestionType, type StarLabel } from '../core/types.js';
import { DELIVERY_RANGES, MIN_PAUSE_SECONDS, paceOf, type DeliveryFinding, type DeliveryFindingId, type DeliveryMeasures, type StarPartTimes } from '../delivery/index.js';
import { formatDuration } from '../format/duration.js';

/** One line of the Delivery panel: what was measured, what interviewers expect, and whether it is in range. */
export interface DeliveryRow {
  id: 'pace' | 'length' | 'pauses' | 'silence' | 'syllables' | 'fillers';
  label: string;
  value: string;
  /** The range interviewers expect, in words; null where there is no range (it is context). */
  expected: string | null;
  /** Whether the value is in range; null where there is no range. */
  ok: boolean | null;
}

const one = (value: number) => value.toFixed(1);
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * The Delivery panel's lines for an answer's measures, with the ranges of {@link DELIVERY_RANGES}; a
 * story (`questionType` behavioral) is held to 1.5–2 minutes, any other answer to at most 2. A line is
 * out of range exactly when the advice (`findings`, from `deliveryAdvice`) says something about it.
 */
export function deliveryRows(measures: DeliveryMeasures, findings: readonly DeliveryFinding[], questionType: QuestionType | null): DeliveryRow[] {
  const rows: DeliveryRow[] = [];
  const clear = (...ids: DeliveryFindingId[]) => !findings.some((finding) => ids.includes(finding.id));
  const pace = paceOf(measures);
  const { wordsPerMinute: paceRange, storySeconds, answerSeconds, longestPauseSeconds, pausesPerMinute, silentShare } = DELIVERY_RANGES;
  if (pace) {
    const words = Math.round(pace.wordsPerMinute);
    rows.push({
      id: 'pace',
      label: 'Pace',
      value: pace.from === 'transcript' ? `${words} words a minute` : `about ${words} words a minute (from syllables)`,
      expected: `${paceRange.min}–${paceRange.max}`,
      ok: clear('max-pace', 'min-pace'),
    });
  }
  const story = questionType === 'behavioral';
  const length = story ? storySeconds : answerSeconds;
  rows.push({
    id: 'length',
    label: story ? 'Length of the story' : 'Length',
    value: formatDuration(measures.answerSeconds),
    expected: length.min === null ? `up to ${formatDuration(length.max)}` : `${formatDuration(length.min)}–${formatDuration(length.max)}`,
    ok: clear('max-answer-length', 'min-story-length'),
  });
  const { pauses } = measures;
  rows.push({
    id: 'pauses',
    label: `Pauses (${MIN_PAUSE_SECONDS} s or longer)`,
    value: `${plural(pauses.count, 'pause')}, ${one(pauses.perMinute)} a minute; longest ${one(pauses.longestSeconds)} s`,
    expected: `at least ${pausesPerMinute.min} a minute; none over ${longestPauseSeconds.max} s`,
    ok: clear('max-pause-length', 'min-pause-rate'),
  });
  rows.push({
    id: 'silence',
    label: 'Silent',
    value: `${Math.round(pauses.silentShare * 100)}% of the answer`,
    expected: `at most ${Math.round(silentShare.max * 100)}%`,
    ok: clear('max-silent-share'),
  });
  if (measures.speechRate !== null && measures.articulationRate !== null) {
    rows.push({
      id: 'syllables',
      label: 'Syllables',
      value: `${measures.syllables}: ${one(measures.speechRate)} a second, ${one(measures.articulationRate)} while speaking`,
      expected: null,
      ok: null,
    });
  }
  rows.push({ id: 'fillers', label: 'Fillers', value: fillersText(measures), expected: null, ok: null });
  return rows;
}

/** The fillers heard, most frequent first ("um ×3, you know ×1; 2.1 per 100 words"). */
function fillersText(measures: DeliveryMeasures): string {
  const { fillers } = measures;
  if (!fillers) return 'no transcript to count them in';
  if (fillers.count === 0) return 'none';
  const found = fillers.found.map((filler) => `“${filler.text.replace(/,$/, '')}” ×${filler.count}`).join(', ');
  return `${found}; ${one(fillers.per100Words)} per 100 words`;
}

/** The seconds of each STAR(L) part that has any, in the order of the parts. */
export function starPartSeconds(parts: StarPartTimes): { label: StarLabel; seconds: number; share: number }[] {
  return STAR_LABELS.filter((label) => parts.seconds[label] > 0).map((label) => ({
    label,
    seconds: Math.round(parts.seconds[label]),
    share: parts.totalSeconds > 0 ? parts.seconds[label] / parts.totalSeconds : 0,
  }));
}
