import { extractQuestion, isClosingQuestion, isFollowUpQuestion, isQuestionSentence, isSmallTalk, splitSentences } from './questions.js';
import type { AnswerSegment, QuestionAnswerPair, Turn } from './types.js';

/** An interviewer's remark this short without a question ("Mm-hmm.", "Right, okay.") lets the answer go on. */
const MAX_BACKCHANNEL_WORDS = 8;

/** Thanks and goodbyes at the end of the call ("Okay, thanks so much.", "Bye!"): not part of any answer. */
const GOODBYE =
  /^(?:(?:okay|ok|great|lovely|perfect|brilliant|well|all right|alright|right|yes|yeah)[,.!]?\s+)*(?:thanks?\b|thank you|bye\b|goodbye|cheers|take care|speak soon|have a (?:good|great|nice|lovely)|(?:it was )?(?:really )?(?:nice|great|lovely|good) (?:to meet|meeting|talking|to talk|speaking)|we'll be in touch|you too)/i;

/** How the turns were made. */
export interface PairingOptions {
  /** The file named no speakers, so each sentence was given to a side by whether it asks (default false). */
  speakersInferred?: boolean;
}

/** A closing remark this short after the candidate's last question ("Okay, great.") is not part of the answer. */
const MAX_AFTERTHOUGHT_WORDS = 3;

/**
 * Pairs each interviewer question with the candidate's answer. A follow-up ("And what happened then?")
 * and a clarifying question ("Sorry, who caught it?") join the answer they interrupt; a check of the call
 * ("Can you hear me okay?") pairs with nothing; an interviewer's explanation without a question ends the
 * current answer. After the closing question, the candidate's turns up to their last question are one
 * closing answer, and the thanks and goodbyes after it are left out. Pairs keep transcript order, and
 * every answer is made only of the candidate's words.
 */
export function pairQuestions(turns: readonly Turn[], candidate: string, options: PairingOptions = {}): QuestionAnswerPair[] {
  const pairs: QuestionAnswerPair[] = [];
  let open: QuestionAnswerPair | null = null;
  let closing: QuestionAnswerPair | null = null;
  turns.forEach((turn, turnIndex) => {
    if (turn.speaker === candidate) {
      if (open) appendAnswer(open, turn.text, turnIndex, turn);
      return;
    }
    if (closing) return; // The interviewer answering the candidate's questions.
    const question = extractQuestion(turn.text);
    if (!question) {
      if (wordCount(turn.text) > MAX_BACKCHANNEL_WORDS) open = null;
      return;
    }
    if (isSmallTalk(question.text)) return;
    if (open && open.answer !== '' && isFollowUpQuestion(question.text, turn.text)) {
      open.followUps.push(question.text);
      return;
    }
    open = { question: question.text, followUps: [], answer: '', segments: [], start: null, questionLine: turn.line };
    pairs.push(open);
    if (isClosingQuestion(question.text)) closing = open;
  });
  if (closing) endAtLastQuestion(closing, turns, options.speakersInferred ?? false);
  return pairs.filter((pair) => pair.answer !== '');
}

function appendAnswer(pair: QuestionAnswerPair, text: string, turnIndex: number, turn: Turn): void {
  const start = pair.answer === '' ? 0 : pair.answer.length + 1;
  pair.answer = pair.answer === '' ? text : `${pair.answer} ${text}`;
  pair.segments.push({ turnIndex, start, end: start + text.length, time: turn.start, line: turn.line });
  if (pair.start === null && pair.segments.length === 1) pair.start = turn.start;
}

/**
 * Ends the closing answer with the candidate's turn that asks their last question, less the goodbyes
 * at its end ("…in the first year? Because I'd love to train. Thanks so much!" keeps the reason);
 * without speaker names, right after that question, since what follows may be the interviewer's reply.
 * Without any question, it is the candidate's first reply without its goodbyes ("No, I think you
 * covered it. Thanks, bye.").
 */
function endAtLastQuestion(pair: QuestionAnswerPair, turns: readonly Turn[], speakersInferred: boolean): void {
  const texts = pair.segments.map((segment) => turns[segment.turnIndex]?.text ?? '');
  const lastAsking = texts.map(lastQuestionEnd).findLastIndex((end) => end !== null);
  const kept: { segment: AnswerSegment; text: string }[] = [];
  if (lastAsking === -1) {
    const first = pair.segments[0];
    if (first) kept.push({ segment: first, text: withoutGoodbyes(texts[0] ?? '') });
  } else {
    pair.segments.slice(0, lastAsking + 1).forEach((segment, index) => {
      const text = texts[index] ?? '';
      kept.push({ segment, text: index === lastAsking ? throughLastQuestion(text, speakersInferred) : text });
    });
  }
  pair.answer = '';
  pair.segments = [];
  pair.start = null;
  for (const { segment, text } of kept) {
    const turn = turns[segment.turnIndex];
    if (turn) appendAnswer(pair, text, segment.turnIndex, turn);
  }
}

/** Where the last question sentence of a candidate's turn ends, or `null` when the turn asks nothing. */
function lastQuestionEnd(text: string): number | null {
  const sentences = splitSentences(text);
  const asking = sentences.filter((sentence, index) => isQuestionSentence(sentence.text, index === sentences.length - 1));
  return asking.length > 0 ? (asking[asking.length - 1]?.end ?? null) : null;
}

/**
 * Without speaker names, a sentence right after the candidate's last question is still theirs when it
 * gives their reason or speaks of themselves ("Because I'd like to specialise in it."); the interviewer's
 * reply answers ("Yes, everyone does…") or speaks for the employer ("We…").
 */
const CANDIDATE_GOES_ON = /^(?:because|since|'cause|cos|I|I'm|I'd|I've|I'll|my)\b/i;

/** The turn that asks the candidate's last question, up to that question or to the end of what follows it. */
function throughLastQuestion(text: string, speakersInferred: boolean): string {
  const questionEnd = lastQuestionEnd(text) ?? text.length;
  if (speakersInferred) {
    let end = questionEnd;
    for (const sentence of splitSentences(text).filter((s) => s.start >= questionEnd)) {
      if (!CANDIDATE_GOES_ON.test(sentence.text) || GOODBYE.test(sentence.text)) break;
      end = sentence.end;
    }
    return text.slice(0, end);
  }
  const afterthought = (sentence: string) => GOODBYE.test(sentence) || wordCount(sentence) <= MAX_AFTERTHOUGHT_WORDS;
  return text.slice(0, Math.max(questionEnd, withoutGoodbyes(text, afterthought).length));
}

/** A reply without the thanks and goodbyes at its end, keeping at least its first sentence. */
function withoutGoodbyes(text: string, isGoodbye: (sentence: string) => boolean = (sentence) => GOODBYE.test(sentence)): string {
  const sentences = splitSentences(text);
  let last = sentences.length - 1;
  while (last > 0 && isGoodbye(sentences[last]?.text ?? '')) last--;
  return text.slice(0, sentences[last]?.end ?? text.length);
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
