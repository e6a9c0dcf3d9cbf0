import type { Hono } from 'hono';
import { storeOf, type AppEnv } from '../access.js';
import { homeworkChecklist } from '../../company/notebook.js';
import { notebookTerms } from '../../company/notebook-terms.js';
import { questionsToAsk } from '../../company/questions.js';
import { extractContextTerms } from '../../core/context/terms.js';
import type { AnalyzeInput, Report } from '../../core/types.js';
import { STORY_PROMPT, storyFromAnswer, suggestableStories } from '../../stories/bank.js';
import { suggestStories } from '../../stories/match.js';
import { readJson } from '../read-json.js';
import { companyRequestSchema, factRequestSchema, storyRequestSchema } from '../schemas.js';
import { postingText } from './edits.js';
import { idParam } from './sessions.js';

/**
 * The homework notebook and the story bank: companies with their posting's distinctive terms,
 * research facts, checklist and questions to ask; stories with their STAR(L) parts and which fit a question.
 */
export function registerNotebookRoutes(app: Hono<AppEnv>, analyze: (input: AnalyzeInput) => Report): void {
  app.get('/api/companies', async (c) => c.json(await storeOf(c).listCompanies()));

  app.post('/api/companies', async (c) => {
    const store = storeOf(c);
    const request = await readJson(c, companyRequestSchema);
    const posting = request.contextText ? postingText(request.contextText) : null;
    const company = await store.saveCompany({
      name: request.name,
      aliases: request.aliases ?? [],
      competitors: request.competitors ?? [],
      ...(posting ? { contextText: posting, contextSource: 'pasted in the web app', terms: extractContextTerms(posting) } : {}),
    });
    return c.json(company, 201);
  });

  app.get('/api/companies/:id', async (c) => {
    const store = storeOf(c);
    const company = await store.requireCompanyById(idParam(c));
    const facts = await store.factsOf(company.id);
    // Worked out on every read, so the notebook follows every change; the terms shown leave out boilerplate.
    return c.json({ company: { ...company, terms: notebookTerms(company) }, facts, checklist: homeworkChecklist(company, facts), questionsToAsk: questionsToAsk(facts) });
  });

  app.post('/api/companies/:id/facts', async (c) => {
    const store = storeOf(c);
    const company = await store.requireCompanyById(idParam(c));
    const request = await readJson(c, factRequestSchema);
    return c.json(await store.addFact(company.id, { kind: request.kind, text: request.text, source: request.source ?? '', clientId: request.clientId ?? null }), 201);
  });

  app.get('/api/stories', async (c) => {
    const store = storeOf(c);
    const stories = await store.listStories();
    const question = c.req.query('question')?.trim();
    if (!question) return c.json({ stories, fits: [] });
    const fits = suggestStories({ text: question }, await suggestableStories(store)).map((fit) => ({ storyId: fit.story.id, score: fit.score, why: fit.why }));
    return c.json({ stories, fits });
  });

  app.post('/api/stories', async (c) => {
    const store = storeOf(c);
    const request = await readJson(c, storyRequestSchema);
    // A story typed fresh is judged as the answer to a plain behavioral prompt, to label its parts.
    const report = analyze({ question: STORY_PROMPT, answer: request.text });
    const draft = storyFromAnswer({ id: null, text: request.text, report }, request.title, request.competencies ?? []);
    return c.json(await store.saveStory({ ...draft, clientId: request.clientId ?? null }), 201);
  });
}
