import { paceOf } from '../delivery/advice.js';
import type { DeliveredAnswer } from '../storage/records.js';

/** How the recorded answers of one day were delivered, on average. */
export interface DeliveryPoint {
  /** `YYYY-MM-DD` in UTC. */
  day: string;
  /** Recorded answers that day with speech in them. */
  answers: number;
  /** Mean pace in words a minute: from transcripts, else estimated from syllables. */
  wordsPerMinute: number | null;
  /** How many of the day's paces were estimated from syllables, with no transcript to count. */
  estimatedPaces: number;
  pausesPerMinute: number;
  /** Mean of each answer's longest pause, in seconds. */
  longestPauseSeconds: number;
  silentShare: number;
  /** Mean fillers per 100 words, over the answers with a transcript; null when none had one. */
  fillersPer100Words: number | null;
}

const mean = (values: readonly number[]): number | null => (values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length);
const tenths = (value: number): number => Math.round(value * 10) / 10;

/** Groups recorded answers by UTC day and averages their pace, pauses and fillers, oldest day first. */
export function deliverySeries(answers: readonly DeliveredAnswer[]): DeliveryPoint[] {
  const byDay = new Map<string, DeliveredAnswer[]>();
  for (const answer of answers) {
    // A recording without speech says nothing about how the candidate speaks.
    if (answer.delivery.measures.speech === null) continue;
    const day = answer.at.slice(0, 10);
    byDay.set(day, [...(byDay.get(day) ?? []), answer]);
  }
  return [...byDay.keys()].sort().map((day) => {
    const measures = byDay.get(day)!.map((answer) => answer.delivery.measures);
    const paces = measures.flatMap((m) => paceOf(m) ?? []);
    const pace = mean(paces.map((p) => p.wordsPerMinute));
    const fillers = mean(measures.flatMap((m) => (m.fillers ? [m.fillers.per100Words] : [])));
    return {
      day,
      answers: measures.length,
      wordsPerMinute: pace === null ? null : Math.round(pace),
      estimatedPaces: paces.filter((p) => p.from === 'syllables').length,
      pausesPerMinute: tenths(mean(measures.map((m) => m.pauses.perMinute))!),
      longestPauseSeconds: tenths(mean(measures.map((m) => m.pauses.longestSeconds))!),
      silentShare: Math.round(mean(measures.map((m) => m.pauses.silentShare))! * 100) / 100,
      fillersPer100Words: fillers === null ? null : tenths(fillers),
    };
  });
}
