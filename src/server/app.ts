import { Hono } from 'hono';
import type { Context } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { StarlError } from '../core/errors.js';
import type { AnalyzeInput, Report } from '../core/types.js';
import type { Store } from '../storage/index.js';
import { AccessError, scopeRequests, sendAccessError, type AppEnv, type MultiUserOptions } from './access.js';
import { rejectCrossOriginWrites, requireKnownHost } from './guards.js';
import { sendError, sendUnexpected } from './http-errors.js';
import { buildOpenApiDocument } from './openapi.js';
import { readJson } from './read-json.js';
import { registerAccountRoutes } from './routes/account.js';
import { registerAdminRoutes } from './routes/admin.js';
import { registerAuthRoutes } from './routes/auth.js';
import { registerCoachRoutes } from './routes/coach.js';
import { registerCommentRoutes } from './routes/comments.js';
import { registerEditRoutes } from './routes/edits.js';
import { registerInvitationRoutes } from './routes/invitations.js';
import { registerNotebookRoutes } from './routes/notebook.js';
import { registerProgressRoutes } from './routes/progress.js';
import { registerRecordingRoutes } from './routes/recordings.js';
import { registerReviewRoutes } from './routes/reviews.js';
import { registerSessionReportRoutes } from './routes/session-report.js';
import { registerSessionRoutes } from './routes/sessions.js';
import { registerTransferRoutes } from './routes/transfer.js';
import { analyzeRequestSchema, reportSchema } from './schemas.js';
import { sendDocumented } from './send-documented.js';
import type { RuleInfo } from './schemas.js';

/** A static file of the web front end. */
export interface Asset {
  body: Uint8Array;
  contentType: string;
}

/** What the server needs from the rest of Starl; tests pass their own, `serve.ts` the real ones. */
export interface AppDeps {
  analyze: (input: AnalyzeInput) => Report;
  /** The database behind the sessions, companies, stories, reviews and progress routes; without it they are absent. */
  store?: Store;
  /** The rule catalogue for `GET /api/rules`. */
  rules: readonly RuleInfo[];
  /** Looks up a file of the built front end by its URL path (`/index.html`); null when absent. */
  assets?: (path: string) => Promise<Asset | null>;
  /** Host headers the server answers to (`127.0.0.1:4747`), read on every request; every host when omitted. */
  allowedHosts?: readonly string[];
  /** Where unexpected errors go; the client only ever sees a generic message. */
  logError?: (error: unknown) => void;
  /** The version the OpenAPI document states. */
  version?: string;
  /**
   * Multi-user mode: accounts, roles and cohorts, each user confined to their own data. Absent, Starl
   * is one person's tool, with no accounts, as always.
   */
  multiUser?: MultiUserOptions;
  /** The clock of the coach's dashboard (this week, the last 14 days); tests set their own. */
  now?: () => Date;
}

// Everything the page loads comes from this server: the app works offline and cannot leak to others.
const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  // A recording is played back from the page's memory (a blob: URL) before it is saved, and from here after.
  mediaSrc: ["'self'", 'blob:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * The security headers of every response, refusals and errors included. No HSTS: Starl serves plain
 * HTTP, where the header means nothing, and sent from `localhost` it would pin HTTPS for every other
 * local server on the machine.
 */
const securityHeaders = secureHeaders({
  contentSecurityPolicy: CONTENT_SECURITY_POLICY,
  crossOriginEmbedderPolicy: 'require-corp',
  strictTransportSecurity: false,
});

/**
 * Builds Starl's HTTP app: the JSON API under `/api` and the web front end. Binds no port; see `serve.ts`.
 * @example
 * const app = createApp({ analyze, rules });
 * const res = await app.request('/api/analyze', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
 */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const openApiDocument = buildOpenApiDocument(deps.version ?? '0.0.0');

  app.onError((error, c) => {
    if (error instanceof AccessError) return sendAccessError(c, error);
    if (!(error instanceof StarlError)) deps.logError?.(error);
    return sendUnexpected(c, error);
  });
  const nothingHere = (c: Context): Response => sendError(c, new StarlError('E_NOT_FOUND', `Nothing is at ${c.req.method} ${c.req.path}.`));
  app.notFound(nothingHere);

  // The headers first, so that they are on the refusals of the guards after them too.
  app.use('*', securityHeaders);
  app.use('/api/*', async (c, next) => {
    await next();
    // API answers are the candidate's own data: no browser or proxy keeps a copy.
    c.header('cache-control', 'no-store');
  });
  if (deps.allowedHosts) app.use('*', requireKnownHost(deps.allowedHosts));
  app.use('/api/*', rejectCrossOriginWrites(deps.multiUser?.trustProxy ?? false));
  // Every API request, before any route: who is asking, and the store confined to their data.
  if (deps.store) app.use('/api/*', scopeRequests(deps.store, deps.multiUser));
  else if (deps.multiUser) throw new Error('Multi-user mode needs a store.');

  app.post('/api/analyze', async (c) => {
    const input = await readJson(c, analyzeRequestSchema);
    return sendDocumented(c, reportSchema, deps.analyze(input));
  });
  app.get('/api/rules', (c) => c.json(deps.rules));
  app.get('/api/openapi.json', (c) => c.json(openApiDocument));
  registerAuthRoutes(app, deps.multiUser);
  if (deps.store) {
    registerReviewRoutes(app);
    registerProgressRoutes(app);
    registerSessionRoutes(app, deps.analyze);
    registerNotebookRoutes(app, deps.analyze);
    registerEditRoutes(app, deps.analyze);
    registerRecordingRoutes(app);
    registerSessionReportRoutes(app);
    registerTransferRoutes(app);
  }
  if (deps.multiUser) {
    registerInvitationRoutes(app, deps.multiUser);
    registerAdminRoutes(app, deps.multiUser);
    registerCoachRoutes(app, deps.multiUser, deps.now ?? (() => new Date()));
    registerCommentRoutes(app, deps.multiUser);
    registerAccountRoutes(app, deps.multiUser);
  }
  app.all('/api/*', nothingHere);

  const assets = deps.assets;
  if (assets) {
    app.get('*', async (c) => {
      const path = c.req.path === '/' ? '/index.html' : c.req.path;
      const asset = await assets(path);
      if (!asset) return c.notFound();
      // Vite names the files under /assets/ by content hash, so those can be cached for good; the rest is revalidated.
      const cache = path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
      return c.body(asset.body as Uint8Array<ArrayBuffer>, 200, { 'content-type': asset.contentType, 'cache-control': cache });
    });
  }
  return app;
}

/**
 * The answer to a request too malformed to reach the app (a Host header that is not a host name, say):
 * a 400 with the API's error body and the same security headers as every other response.
 */
export async function malformedRequestResponse(error: unknown): Promise<Response> {
  const reason = error instanceof Error ? error.message : 'the request could not be read';
  const refusal = new Hono();
  refusal.use('*', securityHeaders);
  refusal.all('*', (c) => {
    c.header('cache-control', 'no-store');
    return sendError(c, new StarlError('E_USAGE', `Starl cannot read this request: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}.`), 400);
  });
  return refusal.request('http://127.0.0.1/');
}
