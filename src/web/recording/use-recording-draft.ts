import { useEffect, useState } from 'preact/hooks';
import { forgetRecordingDraft, keepRecordingDraft, readRecordingDraft } from './drafts.js';
import type { RecordedAudio } from './recorder.js';

/** The recording made for one answer before it is saved: kept in the browser under `key`, like the typed draft. */
export interface RecordingDraft {
  audio: RecordedAudio | null;
  /** Keeps a new recording, replacing the one before. */
  keep(audio: RecordedAudio): void;
  /** Forgets the recording (saved with its answer, or deleted). */
  forget(): void;
}

/** The recording kept under `key`, read back when the page opens (a reload, Back) and kept on every change. */
export function useRecordingDraft(key: string): RecordingDraft {
  const [audio, setAudio] = useState<RecordedAudio | null>(null);
  useEffect(() => {
    let current = true;
    setAudio(null);
    void readRecordingDraft(key).then((kept) => {
      // A recording made meanwhile wins over the one read back.
      if (current && kept) setAudio((made) => made ?? kept);
    });
    return () => {
      current = false;
    };
  }, [key]);
  return {
    audio,
    keep(next) {
      setAudio(next);
      void keepRecordingDraft(key, next);
    },
    forget() {
      setAudio(null);
      void forgetRecordingDraft(key);
    },
  };
}
