import { isClosingQuestion, isQuestionSentence, splitSentences } from './questions.js';
import type { Cue, ParsedTranscript, Turn } from './types.js';

/** An interviewer's short acknowledgement before the next question ("Great example.", "Ha, perfect."). */
const ACKNOWLEDGEMENT =
  /^(?:(?:(?:ha(?:ha)*|oh|ah|mm+-?hm+|hmm+|wow)[,!.]?\s+)?(?:okay|ok|great|good|nice|cool|alright|all right|right|perfect|awesome|interesting|got it|wonderful|excellent|lovely|brilliant|fair enough|very cool|that's (?:great|helpful|really helpful))\b[^.?!…]{0,30}|ha(?:ha)*|oh|ah|wow|mm+)[.!]$/i;

/** Names given to the two sides when the file does not name its speakers. */
export const UNNAMED_INTERVIEWER = 'Interviewer';
export const UNNAMED_CANDIDATE = 'Candidate';
/** A cue whose speaker the file leaves blank (a Zoom cue before anyone is named). */
export const UNKNOWN_SPEAKER = 'Unknown speaker';

/**
 * Merges consecutive cues of one speaker into turns. Without speaker names, turns are inferred
 * sentence by sentence: questions are the interviewer's, everything else the candidate's, and after the
 * closing question everything is the candidate's (their own questions belong to the closing answer).
 */
export function buildTurns(parsed: ParsedTranscript): Turn[] {
  const cues = parsed.hasSpeakers ? parsed.cues : attributeBySentence(parsed.cues);
  const turns: Turn[] = [];
  for (const cue of cues) {
    const speaker = cue.speaker ?? UNKNOWN_SPEAKER;
    const previous = turns[turns.length - 1];
    const seconds = cue.start !== null && cue.end !== null ? cue.end - cue.start : null;
    if (previous && previous.speaker === speaker) {
      previous.text = `${previous.text} ${cue.text}`;
      previous.end = cue.end ?? previous.end;
      if (seconds !== null) previous.spokenSeconds = (previous.spokenSeconds ?? 0) + seconds;
      continue;
    }
    turns.push({ speaker, text: cue.text, start: cue.start, end: cue.end, spokenSeconds: seconds, line: cue.line });
  }
  if (parsed.timing === 'turn') timeTurnsByNextStart(turns);
  // A time printed every few minutes (Google Meet) says only that a turn started after it: not a start.
  if (parsed.timing === 'coarse') for (const turn of turns) Object.assign(turn, { start: null, end: null, spokenSeconds: null });
  return turns;
}

/** With a start per paragraph only (Otter), a turn lasts until the next one starts. */
function timeTurnsByNextStart(turns: Turn[]): void {
  turns.forEach((turn, index) => {
    const next = turns[index + 1];
    if (turn.start !== null && next?.start != null && next.start >= turn.start) {
      turn.end = next.start;
      turn.spokenSeconds = next.start - turn.start;
    }
  });
}

/**
 * Joins speakerless cues into one stream (a sentence often runs over two cues), splits it into sentences
 * and gives each sentence to the side that most likely said it. A sentence's times are interpolated by
 * its position inside the cues it spans, so talk time is not counted twice.
 */
function attributeBySentence(cues: readonly Cue[]): Cue[] {
  const spans: { cue: Cue; from: number; to: number }[] = [];
  let stream = '';
  for (const cue of cues) {
    if (stream) stream += ' ';
    spans.push({ cue, from: stream.length, to: stream.length + cue.text.length });
    stream += cue.text;
  }
  const cueAt = (offset: number) => spans.find((span) => offset < span.to) ?? spans[spans.length - 1];
  const timeAt = (offset: number): number | null => {
    const span = cueAt(offset);
    if (!span || span.cue.start === null || span.cue.end === null) return null;
    const fraction = Math.min(1, Math.max(0, (offset - span.from) / Math.max(1, span.to - span.from)));
    return span.cue.start + fraction * (span.cue.end - span.cue.start);
  };
  const sentences = splitSentences(stream);
  const asking = sentences.map((sentence) => isQuestionSentence(sentence.text));
  const closingAt = sentences.findIndex((sentence, index) => asking[index] && isClosingQuestion(sentence.text));
  // After the closing question, questions are the candidate's own.
  if (closingAt !== -1) asking.fill(false, closingAt + 1);
  // "Great example." right before a question is the interviewer moving on, not the end of the answer;
  // but "Good, thanks." right after a question is the whole answer to it.
  for (let index = sentences.length - 2; index >= 0; index--) {
    if (asking[index + 1] && !asking[index - 1] && ACKNOWLEDGEMENT.test(sentences[index]?.text ?? '')) asking[index] = true;
  }
  const result: Cue[] = [];
  sentences.forEach((sentence, index) => {
    result.push({
      speaker: asking[index] ? UNNAMED_INTERVIEWER : UNNAMED_CANDIDATE,
      text: sentence.text,
      start: timeAt(sentence.start),
      end: timeAt(Math.max(sentence.start, sentence.end - 1)),
      line: cueAt(sentence.start)?.cue.line ?? 1,
    });
  });
  return result;
}
