/** A question and answer handed from one page to the Analyze page, to look at again in full. */
export interface Draft {
  question: string;
  answer: string;
  /** The practice session the answer came from, so it is judged with that session's company again. */
  sessionId?: number | null;
}

const KEY = 'starl.analyze.draft';

/** Opens the Analyze page on `draft`. */
export function openInAnalyze(draft: Draft): void {
  sessionStorage.setItem(KEY, JSON.stringify(draft));
  location.hash = '#/analyze';
}

/** Takes the draft handed over by {@link openInAnalyze}, once; null when there is none. */
export function takeDraft(): Draft | null {
  const stored = sessionStorage.getItem(KEY);
  sessionStorage.removeItem(KEY);
  if (!stored) return null;
  try {
    const draft = JSON.parse(stored) as Partial<Draft>;
    if (typeof draft.question !== 'string' || typeof draft.answer !== 'string') return null;
    return { question: draft.question, answer: draft.answer, sessionId: typeof draft.sessionId === 'number' ? draft.sessionId : null };
  } catch {
    return null;
  }
}
