import { extractQuestion, isClosingQuestion, isFollowUpQuestion } from './questions.js';
import type { QuestionAnswerPair, Turn } from './types.js';

/** An interviewer's remark this short without a question ("Mm-hmm.", "Right, okay.") lets the answer go on. */
const MAX_BACKCHANNEL_WORDS = 8;

/**
 * Pairs each interviewer question with the candidate's answer. A follow-up ("And what happened then?")
 * joins the answer it follows; an interviewer's explanation without a question ends the current answer;
 * after the closing question, the candidate's own questions belong to the closing answer. Pairs keep
 * transcript order, and every answer is made only of the candidate's turns.
 */
export function pairQuestions(turns: readonly Turn[], candidate: string): QuestionAnswerPair[] {
  const pairs: QuestionAnswerPair[] = [];
  let open: QuestionAnswerPair | null = null;
  let closing = false;
  turns.forEach((turn, turnIndex) => {
    if (turn.speaker === candidate) {
      if (open) appendAnswer(open, turn, turnIndex);
      return;
    }
    if (closing) return; // The interviewer answering the candidate's questions.
    const question = extractQuestion(turn.text);
    if (!question) {
      if (wordCount(turn.text) > MAX_BACKCHANNEL_WORDS) open = null;
      return;
    }
    if (open && open.answer !== '' && isFollowUpQuestion(question.text, turn.text)) {
      open.followUps.push(question.text);
      return;
    }
    open = { question: question.text, followUps: [], answer: '', segments: [], start: null, questionLine: turn.line };
    pairs.push(open);
    closing = isClosingQuestion(question.text);
  });
  return pairs.filter((pair) => pair.answer !== '');
}

function appendAnswer(pair: QuestionAnswerPair, turn: Turn, turnIndex: number): void {
  const start = pair.answer === '' ? 0 : pair.answer.length + 1;
  pair.answer = pair.answer === '' ? turn.text : `${pair.answer} ${turn.text}`;
  pair.segments.push({ turnIndex, start, end: start + turn.text.length, time: turn.start, line: turn.line });
  if (pair.start === null && pair.segments.length === 1) pair.start = turn.start;
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
