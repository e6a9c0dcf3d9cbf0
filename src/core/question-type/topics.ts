import topics from './topics.json' with { type: 'json' };

/** What a story question asks about (a failure, a conflict, a colleague), with the words an answer about it needs. */
export interface Topic {
  id: string;
  asks: string;
  question: RegExp;
  evidence: RegExp;
}

const TOPICS: Topic[] = topics.topics.map((t) => ({ ...t, question: new RegExp(t.question, 'i'), evidence: new RegExp(t.evidence) }));

const cache = new Map<string, Topic[]>();

/** The topics a question asks about, cached because batches ask the same questions again and again. */
export function questionTopics(question: string): Topic[] {
  let found = cache.get(question);
  if (!found) {
    if (cache.size > 500) cache.clear();
    cache.set(question, (found = TOPICS.filter((t) => t.question.test(question))));
  }
  return found;
}

/** The first topic the question asks about that the answer has no words for, if any. */
export function missingTopic(question: string, answer: string): Topic | null {
  const lower = answer.toLowerCase();
  // Evidence is matched on the lower-cased answer for words, and as written for names ("Priya said").
  return questionTopics(question).find((t) => !t.evidence.test(lower) && !t.evidence.test(answer)) ?? null;
}
