/** An error the local API answered with: its stable code and a message naming what was wrong. */
export class ApiError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
  }
}

async function parse<T>(response: Response): Promise<T> {
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiError(error?.code ?? 'E_INTERNAL', error?.message ?? `The server answered ${response.status}.`);
  }
  return body as T;
}

/** GETs JSON from Starl's own API. */
export async function getJson<T>(path: string): Promise<T> {
  return parse<T>(await fetch(path, { headers: { accept: 'application/json' } }));
}

/** Sends JSON to Starl's own API with `method` (default POST) and returns the JSON answer. */
export async function sendJson<T>(path: string, body: unknown, method = 'POST'): Promise<T> {
  return parse<T>(await fetch(path, { method, headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body) }));
}

/** The message to show for anything a request threw. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Starl\'s server did not answer; is `starl serve` still running?';
}
