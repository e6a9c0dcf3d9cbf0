/** An error the local API answered with (or the code E_OFFLINE when it could not be reached): a stable code and a message. */
export class ApiError extends Error {
  readonly code: string;
  /** The request field the error is about, when the server named one. */
  readonly field: string | undefined;
  constructor(code: string, message: string, field?: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.field = field;
  }
}

/** What the page says when the server does not answer at all. */
export const OFFLINE_MESSAGE = 'Starl\'s server cannot be reached: is `starl serve` still running? What you typed is kept here.';

/** Whether the server answered the last request; the app shell shows a banner while it does not. */
export type Connection = 'online' | 'offline';

const listeners = new Set<(connection: Connection) => void>();

/** Calls `listener` after every request with whether the server answered; returns the unsubscribe. */
export function onConnection(listener: (connection: Connection) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function announce(connection: Connection): void {
  for (const listener of listeners) listener(connection);
}

/** The CSRF token of the signed-in session (multi-user mode), sent with every write; null in single-user mode. */
let csrfToken: string | null = null;

/** Keeps the token `/api/me` gave, for the writes that follow; null forgets it. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

const unauthenticatedListeners = new Set<() => void>();

/** Calls `listener` when the server says the session has ended (expired, or signed out elsewhere); returns the unsubscribe. */
export function onSignedOut(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

/** Fetches, turning a network failure (server stopped, connection refused) into ApiError E_OFFLINE. */
async function request(path: string, init: RequestInit): Promise<Response> {
  let response: Response;
  const write = init.method !== undefined && init.method !== 'GET' && init.method !== 'HEAD';
  const headers = write && csrfToken ? { ...(init.headers as Record<string, string> | undefined), 'x-csrf-token': csrfToken } : init.headers;
  try {
    response = await fetch(path, { ...init, ...(headers ? { headers } : {}) });
  } catch {
    announce('offline');
    throw new ApiError('E_OFFLINE', OFFLINE_MESSAGE);
  }
  announce('online');
  // Single-user mode never answers 401; a shared Starl does once the session has ended.
  if (response.status === 401 && path !== '/api/auth/login') for (const listener of unauthenticatedListeners) listener();
  return response;
}

async function parse<T>(response: Response): Promise<T> {
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (body as { error?: { code?: string; message?: string; field?: string } } | null)?.error;
    throw new ApiError(error?.code ?? 'E_INTERNAL', error?.message ?? `The server answered ${response.status}.`, error?.field);
  }
  return body as T;
}

/** GETs JSON from Starl's own API. */
export async function getJson<T>(path: string): Promise<T> {
  return parse<T>(await request(path, { headers: { accept: 'application/json' } }));
}

/** Sends JSON to Starl's own API with `method` (default POST) and returns the JSON answer. */
export async function sendJson<T>(path: string, body: unknown, method = 'POST'): Promise<T> {
  return parse<T>(await request(path, { method, headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body) }));
}

/** Sends text that is already JSON (a file the user chose) to Starl's own API and returns the JSON answer. */
export async function sendText<T>(path: string, json: string): Promise<T> {
  return parse<T>(await request(path, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: json }));
}

/** PUTs a recording's audio to Starl's own API, sent with its own content type, and returns the JSON answer. */
export async function sendAudio<T>(path: string, audio: Blob, mediaType: string): Promise<T> {
  return parse<T>(await request(path, { method: 'PUT', headers: { 'content-type': mediaType, accept: 'application/json' }, body: audio }));
}

/** Sends a DELETE to Starl's own API and returns the JSON answer. */
export async function deleteJson<T>(path: string): Promise<T> {
  return parse<T>(await request(path, { method: 'DELETE', headers: { accept: 'application/json' } }));
}

/** Who is signed in, as `GET /api/me` says. */
export type Me =
  | { mode: 'single' }
  | { mode: 'multi'; user: null }
  | { mode: 'multi'; user: { id: number; email: string; name: string; role: 'candidate' | 'coach' | 'admin' }; csrfToken: string };

/** The message to show for anything a request threw. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  console.error(error);
  return 'Something went wrong in this page; the browser console has the details. What you typed is kept.';
}
