import { useEffect, useState } from 'preact/hooks';
import { getJson, messageOf } from './api.js';

/** Something a page reads from the server: null data while loading or after a first failure, and why it failed. */
export interface Load<T> {
  data: T | null;
  /** Why the last read failed; cleared by the next success. */
  error: string | null;
  /** Reads again (after a write, say). */
  reload: () => Promise<void>;
}

/**
 * Reads `path` when it changes and on `reload()`. A failed read keeps what was read before, with the
 * failure beside it, so a page says "No companies yet" only of a list it read and found empty.
 */
export function useLoad<T>(path: string | null): Load<T> {
  return useRead(path, () => getJson<T>(path!));
}

/**
 * Like {@link useLoad}, through `read` (a typed API client function): runs it when `key` changes
 * (never while `key` is null) and on `reload()`.
 */
export function useRead<T>(key: string | null, read: () => Promise<T>): Load<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = async (): Promise<void> => {
    if (key === null) return;
    try {
      setData(await read());
      setError(null);
    } catch (caught) {
      setError(messageOf(caught));
    }
  };
  useEffect(() => void reload(), [key]);
  return { data, error, reload };
}
