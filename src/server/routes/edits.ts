import type { Hono } from 'hono';
import { storeOf, type AppEnv } from '../access.js';
import { htmlToText, looksLikeHtml } from '../../company/html.js';
import { extractContextTerms } from '../../core/context/terms.js';
import { StarlError } from '../../core/errors.js';
import type { AnalyzeInput, Report } from '../../core/types.js';
import { editAnswer } from '../../practice/edit-answer.js';
import type { Store, StoredAnswer } from '../../storage/index.js';
import { storyChanges } from '../../stories/bank.js';
import { readJson } from '../read-json.js';
import { answerPatchSchema, companyPatchSchema, deliveryPutSchema, storedAnswerSchema, storyPatchSchema } from '../schemas.js';
import { sendDocumented } from '../send-documented.js';
import { idParam } from './sessions.js';

/** A pasted page keeps its markup; the terms and the judging context want its text. */
export function postingText(pasted: string): string {
  return looksLikeHtml(pasted) ? htmlToText(pasted) : pasted;
}

/** A saved answer of this session; 404 when the session has no such answer. */
export async function sessionAnswer(store: Store, sessionId: number, answerId: number): Promise<StoredAnswer> {
  const answer = await store.requireAnswer(answerId);
  if (answer.sessionId !== sessionId) throw new StarlError('E_NOT_FOUND', `session ${sessionId} has no answer ${answer.id}.`);
  return answer;
}

/**
 * Editing and deleting what the candidate keeps: companies (name, aliases, competitors, posting),
 * facts, stories, answers (and how a recorded one was delivered) and sessions. An unknown id is a 404; each change is one transaction.
 */
export function registerEditRoutes(app: Hono<AppEnv>, analyze: (input: AnalyzeInput) => Report): void {
  app.patch('/api/companies/:id', async (c) => {
    const store = storeOf(c);
    const id = idParam(c);
    await store.requireCompanyById(id);
    const request = await readJson(c, companyPatchSchema);
    const posting = request.contextText ? postingText(request.contextText) : request.contextText;
    return c.json(
      await store.updateCompany(id, {
        ...(request.name !== undefined ? { name: request.name } : {}),
        ...(request.aliases ? { aliases: request.aliases } : {}),
        ...(request.competitors ? { competitors: request.competitors } : {}),
        ...(posting === undefined ? {} : posting ? { contextText: posting, contextSource: 'pasted in the web app', terms: extractContextTerms(posting) } : { contextText: null }),
      }),
    );
  });

  app.delete('/api/companies/:id', async (c) => {
    const store = storeOf(c);
    const { facts } = await store.deleteCompany(idParam(c));
    return c.json({ deleted: { companies: 1, facts } });
  });

  app.delete('/api/companies/:id/facts/:factId', async (c) => {
    const store = storeOf(c);
    const companyId = idParam(c);
    const fact = await store.requireFact(idParam(c, 'factId'));
    if (fact.companyId !== companyId) throw new StarlError('E_NOT_FOUND', `company ${companyId} has no fact ${fact.id}.`);
    await store.deleteFact(fact.id);
    return c.json({ deleted: { facts: 1 } });
  });

  app.patch('/api/stories/:id', async (c) => {
    const store = storeOf(c);
    const id = idParam(c);
    await store.requireStory(id);
    const request = await readJson(c, storyPatchSchema);
    return c.json(await store.updateStory(id, storyChanges(request, analyze)));
  });

  app.delete('/api/stories/:id', async (c) => {
    const store = storeOf(c);
    await store.deleteStory(idParam(c));
    return c.json({ deleted: { stories: 1 } });
  });

  app.delete('/api/sessions/:id', async (c) => {
    const store = storeOf(c);
    const { answers, recordings } = await store.deleteSession(idParam(c));
    return c.json({ deleted: { sessions: 1, answers, recordings } });
  });

  app.patch('/api/sessions/:id/answers/:answerId', async (c) => {
    const store = storeOf(c);
    const answer = await sessionAnswer(store, idParam(c), idParam(c, 'answerId'));
    const request = await readJson(c, answerPatchSchema);
    return sendDocumented(c, storedAnswerSchema, await editAnswer(store, answer.id, request.answer, analyze));
  });

  app.put('/api/sessions/:id/answers/:answerId/delivery', async (c) => {
    const store = storeOf(c);
    const answer = await sessionAnswer(store, idParam(c), idParam(c, 'answerId'));
    const request = await readJson(c, deliveryPutSchema);
    return sendDocumented(c, storedAnswerSchema, await store.saveDelivery(answer.id, request.delivery));
  });

  app.delete('/api/sessions/:id/answers/:answerId', async (c) => {
    const store = storeOf(c);
    const answer = await sessionAnswer(store, idParam(c), idParam(c, 'answerId'));
    return c.json({ deleted: await store.deleteAnswer(answer.id) });
  });
}
