/**
 * Terminal escape sequences: CSI (ESC [ … final byte: colours, cursor moves, clearing the screen),
 * OSC (ESC ] … BEL or ESC \: the window title, links) and the two-character escapes.
 */
const ESCAPE_SEQUENCES = /\u001b(?:\[[0-?]*[ -/]*[@-~]?|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-_])/g;

/**
 * Characters a terminal acts on rather than shows: C0 controls but tab and line feed, DEL, C1
 * controls (U+009B is a one-character CSI), and the bidirectional marks, embeddings, overrides and
 * isolates that make text display in another order than it is stored.
 */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text from data (a company's name, a speaker in a transcript, a story's title) made safe to print in
 * a terminal: escape sequences and control characters removed, line breaks and tabs kept. Starl's own
 * colours are added after this, never passed through it.
 *
 * @example
 * printable('Acme\u001b[2J\u001b]0;pwned\u0007 Ltd'); // → 'Acme Ltd'
 */
export function printable(text: string): string {
  return text.replace(ESCAPE_SEQUENCES, '').replace(CONTROLS, '');
}
