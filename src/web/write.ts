import { useRef, useState } from 'preact/hooks';
import { deleteJson, messageOf } from './api.js';

/** A fresh key for one write; the page runs on 127.0.0.1, a secure context, where randomUUID exists. */
function newKey(): string {
  return crypto.randomUUID();
}

/**
 * One form's writes, made safe to repeat: a second submit while one is in flight is ignored, and a
 * retry of the same body after a failure reuses the failed write's key, so if the server did save it
 * (the answer was lost on the way back) the retry returns that save instead of making another.
 */
export class KeyedWriter {
  private key: string;
  private failedBody: string | null = null;
  private inFlight = false;

  constructor(private readonly makeKey: () => string = newKey) {
    this.key = makeKey();
  }

  /** Whether a write is in flight. */
  get busy(): boolean {
    return this.inFlight;
  }

  /**
   * Sends `body` with this form's key through `send`; null, sending nothing, while another write is
   * in flight. A changed body after a failure is a new write and gets a new key.
   */
  async run<T>(body: unknown, send: (clientId: string) => Promise<T>): Promise<{ result: T } | null> {
    if (this.inFlight) return null;
    const text = JSON.stringify(body);
    if (this.failedBody !== null && this.failedBody !== text) this.key = this.makeKey();
    this.inFlight = true;
    try {
      const result = await send(this.key);
      this.key = this.makeKey();
      this.failedBody = null;
      return { result };
    } catch (error) {
      this.failedBody = text;
      throw error;
    } finally {
      this.inFlight = false;
    }
  }
}

/**
 * The fields to show after a save: each one still as it was submitted is emptied, and anything typed
 * meanwhile is kept, so a slow save never wipes the next entry.
 */
export function afterSave<T extends Record<string, string>>(current: T, submitted: T, empty: T): T {
  const fields = Object.keys(current).map((field) => [field, current[field] === submitted[field] ? empty[field]! : current[field]!]);
  return Object.fromEntries(fields) as T;
}

/** What a form shows of its writes: busy while one is in flight, and the last failure until the next success. */
export interface Write {
  busy: boolean;
  error: string | null;
  /** Sends `body` once (see {@link KeyedWriter}); the result, or null when it failed or was ignored. */
  run<T>(body: unknown, send: (clientId: string) => Promise<T>): Promise<T | null>;
  /** Shows a problem found before sending (an empty field). */
  fail(message: string): void;
}

/** A form's writes in a component: busy state for its button, and failures reported without touching its fields. */
export function useWrite(): Write {
  const writer = useRef(new KeyedWriter());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return {
    busy,
    error,
    fail: setError,
    async run(body, send) {
      if (writer.current.busy) return null;
      setBusy(true);
      try {
        const outcome = await writer.current.run(body, send);
        setError(null);
        return outcome?.result ?? null;
      } catch (caught) {
        setError(messageOf(caught));
        return null;
      } finally {
        setBusy(false);
      }
    },
  };
}

/** A page's deletes: each asks first, one at a time, and a failure is shown until the next success. */
export interface Delete {
  busy: boolean;
  error: string | null;
  /** Asks `question`; if the user agrees, deletes `path` and then calls `after`. */
  remove(question: string, path: string, after: () => unknown): Promise<void>;
}

/** Deleting from a page: confirmation, a busy state for the buttons, and the failure in words. */
export function useDelete(): Delete {
  const write = useWrite();
  return {
    busy: write.busy,
    error: write.error,
    async remove(question, path, after) {
      if (write.busy || !confirm(question)) return;
      const done = await write.run({ delete: path }, () => deleteJson(path));
      if (done) await after();
    },
  };
}
