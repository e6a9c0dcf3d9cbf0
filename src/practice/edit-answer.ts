import { StarlError } from '../core/errors.js';
import type { AnalyzeInput, Report } from '../core/types.js';
import type { Store, StoredAnswer } from '../storage/index.js';
import { companyJudging } from './start.js';

/**
 * Changes a saved answer's text and judges it again as it was judged on submit: a follow-up together
 * with the answer it follows, and an answer's follow-ups again with its new text. All saved together.
 */
export async function editAnswer(store: Store, id: number, text: string, judge: (input: AnalyzeInput) => Report): Promise<StoredAnswer> {
  const answer = await store.requireAnswer(id);
  if (!text.trim()) throw new StarlError('E_INPUT_EMPTY_ANSWER', 'the answer is empty; delete it instead', { field: 'answer' });
  const session = await store.requireSession(answer.sessionId);
  const judgeWith = await companyJudging(store, session.companyId);
  const judged = (said: string) => judge({ question: answer.question, answer: said, ...judgeWith });
  const answers = await store.answersOf(session.id);
  const original = answer.followUpOf === null ? null : answers.find((a) => a.id === answer.followUpOf)!;
  const changes = [{ id, answer: text, report: judged(original ? `${original.answer}\n${text}` : text) }];
  for (const followUp of answers.filter((a) => a.followUpOf === id)) {
    changes.push({ id: followUp.id, answer: followUp.answer, report: judged(`${text}\n${followUp.answer}`) });
  }
  await store.rewriteAnswers(changes);
  return store.requireAnswer(id);
}
