import type { Context, Hono } from 'hono';
import { storeOf, type AppEnv } from '../access.js';
import { StarlError } from '../../core/errors.js';
import type { AnalyzeInput, Report } from '../../core/types.js';
import { AIM_SECONDS } from '../../practice/session.js';
import { companyJudging, startSession } from '../../practice/start.js';
import type { Session } from '../../storage/index.js';
import { readJson } from '../read-json.js';
import { answerRequestSchema, sessionDetailSchema, sessionRequestSchema, storedAnswerSchema } from '../schemas.js';
import { sendDocumented } from '../send-documented.js';

/** Reads the `:id` path parameter as a whole number, naming it when it is not one. */
export function idParam(c: Context, name = 'id'): number {
  const raw = c.req.param(name) ?? '';
  if (!/^\d+$/.test(raw)) throw new StarlError('E_INPUT_BAD_FIELD', `"${raw}" is not an id; ids are whole numbers.`, { field: name });
  return Number(raw);
}

/**
 * The practice API: `POST /api/sessions` plans a mock interview or drill from the question bank,
 * `GET /api/sessions[/:id]` reads them back, `POST /api/sessions/:id/answers` judges and saves an
 * answer (a retry or a follow-up too), `POST /api/sessions/:id/finish` closes the session.
 */
export function registerSessionRoutes(app: Hono<AppEnv>, analyze: (input: AnalyzeInput) => Report): void {
  app.post('/api/sessions', async (c) => {
    const store = storeOf(c);
    const request = await readJson(c, sessionRequestSchema);
    const session = await startSession(store, {
      ...(request.role ? { role: request.role } : {}),
      ...(request.company ? { company: request.company } : {}),
      ...(request.count !== undefined ? { count: request.count } : {}),
      ...(request.only ? { only: request.only } : {}),
      ...(request.seed !== undefined ? { seed: request.seed } : {}),
      ...(request.clientId ? { clientId: request.clientId } : {}),
    });
    return c.json(withAims(session), 201);
  });

  app.get('/api/sessions', async (c) => c.json((await storeOf(c).listSessions()).map(withAims)));

  app.get('/api/sessions/:id', async (c) => {
    const store = storeOf(c);
    const session = await store.requireSession(idParam(c));
    return sendDocumented(c, sessionDetailSchema, { session: withAims(session), answers: await store.answersOf(session.id), recordings: await store.recordingsOf(session.id) });
  });

  app.post('/api/sessions/:id/answers', async (c) => {
    const store = storeOf(c);
    const session = await store.requireSession(idParam(c));
    const request = await readJson(c, answerRequestSchema);
    const planned = session.questions[request.position];
    if (!planned) {
      throw new StarlError('E_INPUT_BAD_FIELD', `session ${session.id} has questions 0 to ${session.questions.length - 1}, not ${request.position}.`, { field: 'position' });
    }
    const original = request.followUpOf == null ? null : await store.requireAnswer(request.followUpOf);
    if (original && (original.sessionId !== session.id || original.position !== request.position)) {
      throw new StarlError('E_INPUT_BAD_FIELD', `answer ${original.id} is not an answer to this question.`, { field: 'followUpOf' });
    }
    const judgeWith = await companyJudging(store, session.companyId);
    // A follow-up's answer is judged together with the original, as the interviewer hears them.
    const judged = original ? `${original.answer}\n${request.answer}` : request.answer;
    const report = analyze({ question: planned.text, answer: judged, ...judgeWith });
    const saved = await store.saveAnswer({
      sessionId: session.id,
      position: request.position,
      followUpOf: original?.id ?? null,
      question: planned.text,
      answer: request.answer,
      seconds: request.seconds,
      report,
      delivery: request.delivery ?? null,
      clientId: request.clientId ?? null,
    });
    return sendDocumented(c, storedAnswerSchema, saved, 201);
  });

  app.post('/api/sessions/:id/finish', async (c) => {
    const store = storeOf(c);
    const id = idParam(c);
    await store.finishSession(id);
    return c.json(withAims(await store.requireSession(id)));
  });
}

/** A session with the time each question should take, for the page's timer. */
function withAims(session: Session): Session & { aimSeconds: number[] } {
  return { ...session, aimSeconds: session.questions.map((q) => AIM_SECONDS[q.questionType] ?? 90) };
}
