import type { RecordedAudio } from './recorder.js';

// A recording not yet saved with an answer is a draft, as the typed answer is: kept in the browser
// (IndexedDB, which holds Blobs, where localStorage holds only short text) until the answer is saved
// or the candidate deletes it, so a reload or another page loses nothing.

const DATABASE = 'starl';
const STORE = 'recording-drafts';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Runs one request against the drafts; a browser without IndexedDB (or refusing it) keeps nothing, and says nothing. */
async function withDrafts<T>(mode: IDBTransactionMode, use: (store: IDBObjectStore) => IDBRequest<T>): Promise<T | undefined> {
  try {
    const database = await open();
    try {
      return await new Promise<T>((resolve, reject) => {
        const transaction = database.transaction(STORE, mode);
        const request = use(transaction.objectStore(STORE));
        transaction.oncomplete = () => resolve(request.result);
        transaction.onerror = () => reject(transaction.error);
        transaction.onabort = () => reject(transaction.error);
      });
    } finally {
      database.close();
    }
  } catch {
    return undefined;
  }
}

/** Keeps the recording made for the answer under `key`, replacing any kept before. */
export async function keepRecordingDraft(key: string, audio: RecordedAudio): Promise<void> {
  await withDrafts('readwrite', (store) => store.put(audio, key));
}

/** The recording kept under `key`, or null. */
export async function readRecordingDraft(key: string): Promise<RecordedAudio | null> {
  const kept = await withDrafts<unknown>('readonly', (store) => store.get(key));
  const audio = kept as Partial<RecordedAudio> | undefined;
  // Anything else under the key (from an older page) is not a recording to offer.
  return audio?.blob instanceof Blob && typeof audio.mediaType === 'string' && typeof audio.seconds === 'number' ? (audio as RecordedAudio) : null;
}

/** Forgets the recording under `key`, once it is saved with its answer or deleted. */
export async function forgetRecordingDraft(key: string): Promise<void> {
  await withDrafts('readwrite', (store) => store.delete(key));
}
