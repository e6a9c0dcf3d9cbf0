import type { Report } from '../core/types.js';
import type { Story } from '../storage/index.js';

/** A story ready to save: its sentences with the STAR(L) labels the analyzer gave them. */
export type StoryDraft = Omit<Story, 'id' | 'uid' | 'createdAt'>;

/** Competencies as the candidate typed them: trimmed, lower-case, no blanks or repeats. */
export function normaliseCompetencies(values: readonly string[]): string[] {
  return [...new Set(values.map((value) => value.trim().toLowerCase()).filter(Boolean))];
}

/** A story from a judged text: a practice answer, or a story typed fresh and judged as behavioral. */
export function storyFromAnswer(
  answer: { id: number | null; text: string; report: Report },
  title: string,
  competencies: readonly string[],
): StoryDraft {
  return {
    title: title.trim(),
    text: answer.text,
    competencies: normaliseCompetencies(competencies),
    parts: answer.report.sentences.map((sentence) => ({ text: sentence.text, star: sentence.star ?? null })),
    sourceAnswerId: answer.id,
  };
}
