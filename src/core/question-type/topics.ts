import topics from './topics.json' with { type: 'json' };
import { remembered } from '../text/remembered.js';

/** What a story question asks about (a failure, a conflict, a colleague), with the words an answer about it needs. */
export interface Topic {
  id: string;
  asks: string;
  question: RegExp;
  evidence: RegExp;
}

const TOPICS: Topic[] = topics.topics.map((t) => ({ ...t, question: new RegExp(t.question, 'i'), evidence: new RegExp(t.evidence) }));

/** The topics a question asks about, remembered because batches ask the same questions again and again. */
export const questionTopics = remembered(500, (question: string): Topic[] => TOPICS.filter((t) => t.question.test(question)));

/** The first topic the question asks about that the answer has no words for, if any. */
export function missingTopic(question: string, answer: string): Topic | null {
  const lower = answer.toLowerCase();
  // Evidence is matched on the lower-cased answer for words, and as written for names ("Priya said").
  return questionTopics(question).find((t) => !t.evidence.test(lower) && !t.evidence.test(answer)) ?? null;
}
