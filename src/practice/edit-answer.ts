import { judgingContext } from '../company/context.js';
import { StarlError } from '../core/errors.js';
import type { AnalyzeInput, Report } from '../core/types.js';
import type { Session, Store, StoredAnswer } from '../storage/index.js';

/** What a session's answers are judged with: its company's posting and facts, when it has a company. */
export async function sessionJudgingContext(store: Store, session: Session): Promise<Pick<AnalyzeInput, 'context' | 'company'>> {
  if (session.companyId === null) return {};
  const company = await store.requireCompanyById(session.companyId);
  return judgingContext(company, await store.factsOf(company.id));
}

/**
 * Changes a saved answer's text and judges it again as it was judged on submit: a follow-up together
 * with the answer it follows, and an answer's follow-ups again with its new text. All saved together.
 */
export async function editAnswer(store: Store, id: number, text: string, judge: (input: AnalyzeInput) => Report): Promise<StoredAnswer> {
  const answer = await store.requireAnswer(id);
  if (!text.trim()) throw new StarlError('E_INPUT_EMPTY_ANSWER', 'the answer is empty; delete it instead', { field: 'answer' });
  const session = await store.requireSession(answer.sessionId);
  const judgeWith = await sessionJudgingContext(store, session);
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
