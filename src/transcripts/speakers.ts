/**
 * A `Name: text` line as meeting tools and hand-typed notes write it. The name starts with a letter
 * (so `10:30` is not a name), has at most four words and no sentence punctuation.
 */
const SPEAKER_LINE = /^(\p{L}[\p{L}\p{M}\p{N}.'’()\- ]{0,48}?)\s*:\s+(\S.*)$/u;
const MAX_NAME_WORDS = 4;

/** Splits `Name: text` into its parts, or returns `null` when the line does not start with a name. */
export function splitSpeakerLabel(line: string): { speaker: string; text: string } | null {
  const match = SPEAKER_LINE.exec(line.trim());
  if (!match) return null;
  const speaker = (match[1] ?? '').trim();
  const text = (match[2] ?? '').trim();
  if (speaker.split(/\s+/).length > MAX_NAME_WORDS) return null;
  return { speaker, text };
}

/**
 * The labels that name speakers: a label used only once ("Result: we shipped") is more likely part of
 * what was said than a person, so a name must label at least two lines.
 */
export function recurringSpeakers(lines: readonly string[]): Set<string> {
  const counts = new Map<string, number>();
  for (const line of lines) {
    const label = splitSpeakerLabel(line);
    if (label) counts.set(label.speaker, (counts.get(label.speaker) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, count]) => count >= 2).map(([speaker]) => speaker));
}
