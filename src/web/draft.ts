/** A question and answer handed from one page to the Analyze page, to look at again in full. */
export interface Draft {
  question: string;
  answer: string;
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
    return typeof draft.question === 'string' && typeof draft.answer === 'string' ? { question: draft.question, answer: draft.answer } : null;
  } catch {
    return null;
  }
}
