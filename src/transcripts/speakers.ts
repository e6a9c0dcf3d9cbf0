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

/** Labels that notes use for the candidate ("A:", "Me:") and for the interviewer ("Q:", "Interviewer:", "Them:"). */
export const CANDIDATE_LABEL = /^(?:a|me|myself|candidate|interviewee|answer)$/i;
export const INTERVIEWER_LABEL = /^(?:q|question|interviewer|recruiter|hiring manager|them|panel)$/i;

/** When nearly every cue starts with a label, each label is a speaker even if used once. */
const MOSTLY_LABELLED = 0.8;

/**
 * The labels that name speakers. A label used only once ("Result: we shipped") is more likely part of
 * what was said than a person, so a name must label at least two lines. With `cues`, the lines are the
 * first lines of timed cues, and when nearly all of them are labelled (Zoom), a label used once counts.
 * The labels notes use for the two sides ("Q:", "Me:") always count.
 */
export function recurringSpeakers(lines: readonly string[], cues = false): Set<string> {
  const counts = new Map<string, number>();
  let labelled = 0;
  let content = 0;
  for (const line of lines) {
    if (line.trim() === '') continue;
    content++;
    const label = splitSpeakerLabel(line);
    if (!label) continue;
    labelled++;
    counts.set(label.speaker, (counts.get(label.speaker) ?? 0) + 1);
  }
  const minimum = cues && content > 0 && labelled / content >= MOSTLY_LABELLED && counts.size > 1 ? 1 : 2;
  const known = (speaker: string) => CANDIDATE_LABEL.test(speaker) || INTERVIEWER_LABEL.test(speaker);
  return new Set([...counts].filter(([speaker, count]) => count >= minimum || known(speaker)).map(([speaker]) => speaker));
}
