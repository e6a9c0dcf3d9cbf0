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
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = async (): Promise<void> => {
    if (path === null) return;
    try {
      setData(await getJson<T>(path));
      setError(null);
    } catch (caught) {
      setError(messageOf(caught));
    }
  };
  useEffect(() => void reload(), [path]);
  return { data, error, reload };
}
