import type { Hono } from 'hono';
import { storeOf, type AppEnv } from '../access.js';
import { StarlError } from '../../core/errors.js';
import { sessionHtml } from '../../report/html.js';
import { sessionMarkdown } from '../../report/markdown.js';
import { buildSessionReport } from '../../report/session.js';
import { summarizeSession } from '../../practice/summary.js';
import { idParam } from './sessions.js';

/** The report's formats, with their file extension and content type. */
const FORMATS = {
  html: { render: sessionHtml, type: 'text/html; charset=utf-8' },
  md: { render: sessionMarkdown, type: 'text/markdown; charset=utf-8' },
} as const;

/**
 * What a session teaches: `GET /api/sessions/:id/summary` (the same summary `starl practice` prints
 * at its end) and `GET /api/sessions/:id/report?format=html|md`, the full report as a file to keep.
 */
export function registerSessionReportRoutes(app: Hono<AppEnv>): void {
  app.get('/api/sessions/:id/summary', async (c) => c.json(summarizeSession(await buildSessionReport(storeOf(c), idParam(c)))));

  app.get('/api/sessions/:id/report', async (c) => {
    const store = storeOf(c);
    const format = c.req.query('format') ?? 'html';
    if (format !== 'html' && format !== 'md') throw new StarlError('E_INPUT_BAD_FIELD', `The report comes as "html" or "md", not "${format}".`, { field: 'format' });
    const report = await buildSessionReport(store, idParam(c));
    const { render, type } = FORMATS[format];
    return c.body(render(report), 200, { 'content-type': type, 'content-disposition': `attachment; filename="starl-session-${report.session.id}.${format}"` });
  });
}
