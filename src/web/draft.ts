import { useEffect, useState } from 'preact/hooks';

/** The part of the browser's Storage that drafts use; tests pass a Map-backed one. */
export interface DraftStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** A draft is a set of text fields: a question, an answer, a company name. */
export type Fields = Record<string, string>;

const PREFIX = 'starl.draft.';

/** The browser's localStorage, or null where the page may not use it (a sandboxed copy, a strict privacy mode). */
function browserStorage(): DraftStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/**
 * The draft kept under `key`, field by field over `empty`: a field the stored draft lacks, or holds as
 * anything but text, keeps its empty value, so a draft from an older page never breaks a newer one.
 */
export function readDraft<T extends Fields>(key: string, empty: T, storage: DraftStorage | null = browserStorage()): T {
  let stored: unknown;
  try {
    stored = JSON.parse(storage?.getItem(PREFIX + key) ?? 'null');
  } catch {
    return empty;
  }
  if (stored === null || typeof stored !== 'object') return empty;
  const fields = Object.keys(empty).map((field) => {
    const value = (stored as Record<string, unknown>)[field];
    return [field, typeof value === 'string' ? value : empty[field]!];
  });
  return Object.fromEntries(fields) as T;
}

/** Keeps a draft under `key`; an all-empty draft is removed instead. A full or forbidden storage only loses the copy. */
export function writeDraft(key: string, fields: Fields, storage: DraftStorage | null = browserStorage()): void {
  try {
    if (Object.values(fields).every((value) => value === '')) storage?.removeItem(PREFIX + key);
    else storage?.setItem(PREFIX + key, JSON.stringify(fields));
  } catch {
    // Quota exceeded or storage disabled: the page still works, the draft just is not kept.
  }
}

/** Forgets the draft under `key`, once it is submitted or the user clears it. */
export function clearDraft(key: string, storage: DraftStorage | null = browserStorage()): void {
  try {
    storage?.removeItem(PREFIX + key);
  } catch {
    // As in writeDraft.
  }
}

/**
 * Form fields that survive a page switch, Back and Forward, and a reload: kept in localStorage under
 * `key` on every change, until `clear` (after a successful submit, or the user's Clear).
 */
export function useDraft<T extends Fields>(key: string, empty: T): [T, (patch: Partial<T>) => void, () => void] {
  const [fields, setFields] = useState<T>(() => readDraft(key, empty));
  // Another key (the next question) starts from its own draft.
  const [shownKey, setShownKey] = useState(key);
  if (shownKey !== key) {
    setShownKey(key);
    setFields(readDraft(key, empty));
  }
  useEffect(() => writeDraft(key, fields), [key, fields]);
  const update = (patch: Partial<T>): void => setFields((current) => ({ ...current, ...patch }));
  const clear = (): void => {
    clearDraft(key);
    setFields(empty);
  };
  return [fields, update, clear];
}

/** A question and answer handed from one page to the Analyze page, to look at again in full. */
export interface Draft {
  question: string;
  answer: string;
  /** The practice session the answer came from, so it is judged with that session's company again. */
  sessionId?: number | null;
}

/** The key of the Analyze page's draft. */
export const ANALYZE_DRAFT = 'analyze';

/** The Analyze page's fields, empty. */
export const EMPTY_ANALYZE = { question: '', answer: '', companyName: '', context: '', fromSession: '' };

/**
 * Whether `next` may replace what `current` holds: always when nothing was typed or it is the same,
 * else only if the user says so, so an unsaved draft is never dropped without asking.
 */
export function mayReplace(current: Fields, next: Fields, ask: (question: string) => boolean = confirm): boolean {
  const typed = Object.keys(next).some((field) => (current[field] ?? '') !== '' && current[field] !== next[field]);
  return !typed || ask('Replace what you were typing in Analyze? It is not saved anywhere else.');
}

/** Opens the Analyze page on `draft`, after asking before it replaces something else being typed there. */
export function openInAnalyze(draft: Draft): void {
  const current = readDraft(ANALYZE_DRAFT, EMPTY_ANALYZE);
  if (!mayReplace(current, { question: draft.question, answer: draft.answer })) return;
  writeDraft(ANALYZE_DRAFT, { ...current, question: draft.question, answer: draft.answer, fromSession: draft.sessionId == null ? '' : String(draft.sessionId) });
  location.hash = '#/analyze';
}
