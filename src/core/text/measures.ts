import type { Span } from '../types.js';
import { allMatches } from './matches.js';

/** Number words, so "from thirty a week to five" reads as a measured change too. */
const NUMBER = "(?:\\S*\\d|zero|nothing|none|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundred|a (?:third|quarter|half|fifth|handful)|half)";

/** A measured change: "from 4.1 to 4.7", "down to £31", "by a third", "18%", "two days instead of nine". The strongest kind of outcome. */
export const MEASURED_CHANGE = new RegExp(
  [
    `\\bfrom\\s+(?!(?:19|20)\\d\\d\\b)(?:about\\s+|around\\s+)?${NUMBER}\\s+(?:\\S+\\s+){0,4}to\\s+(?:about\\s+|around\\s+|under\\s+|over\\s+|basically\\s+|just\\s+)?${NUMBER}`,
    `\\b(?:down|up|fell|dropped|rose|cut|reduced|increased|decreased|grew|improved|went)\\s+(?:\\S+\\s+){0,4}(?:to|by)\\s+(?:about\\s+|around\\s+|roughly\\s+|under\\s+|over\\s+|nearly\\s+|almost\\s+|basically\\s+|just\\s+)?${NUMBER}`,
    `\\b${NUMBER}\\s+(?:\\S+\\s+){0,2}instead of\\s+${NUMBER}`,
    `\\b(?:took|used to take)\\s+(?:\\S+\\s+){0,3}(?:days?|hours?|weeks?|minutes?|months?)\\b[^.]{0,40}\\bnow\\s+(?:\\S+\\s+){0,3}(?:${NUMBER}|an?\\s)`,
    '\\d+(?:\\.\\d+)?\\s?%',
    '\\bper ?cent\\b',
    '\\b(?:doubled|tripled|halved)\\b',
  ].join('|'),
  'gi',
);

/** Every measured change in the text, in order. */
export function measuredChanges(text: string): Span[] {
  return allMatches(MEASURED_CHANGE, text).map((m) => ({ start: m.index, end: m.index + m[0].length }));
}
