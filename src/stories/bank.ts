import type { Report } from '../core/types.js';
import type { Story, Store } from '../storage/index.js';

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

/** Every story in the bank with the question it was first told for, as suggestions weigh them. */
export async function suggestableStories(store: Store): Promise<(Story & { question: string | null })[]> {
  const [stories, questions] = await Promise.all([store.listStories(), store.storySourceQuestions()]);
  return stories.map((story) => ({ ...story, question: questions.get(story.id) ?? null }));
}

/**
 * The question a freshly typed story is judged against: a plain behavioral prompt, so the analyzer
 * labels its STAR(L) parts as it would in an interview.
 */
export const STORY_PROMPT = 'Tell me about a time you made a difference at work.';

/** A story as `starl stories show` prints it: each sentence with its STAR(L) label. */
export function describeStory(story: Story): string {
  const lines = [`#${story.id} ${story.title}${story.competencies.length ? `  [${story.competencies.join(', ')}]` : ''}`];
  for (const part of story.parts) lines.push(`  ${part.star ?? '·'}  ${part.text}`);
  const labels = new Set(story.parts.map((p) => p.star));
  const missing = (['S', 'T', 'A', 'R'] as const).filter((label) => !labels.has(label));
  if (missing.length) lines.push(`  (no ${missing.join(', ')} part found)`);
  return `${lines.join('\n')}\n`;
}

/** What a story edit may change; fields left out stay as they are. */
export interface StoryEdit {
  title?: string;
  text?: string;
  competencies?: readonly string[];
}

/**
 * The changes to save for an edit of a story: new text is judged again with {@link STORY_PROMPT} so
 * its parts are labelled afresh, and competencies are normalised as on saving.
 */
export function storyChanges(edit: StoryEdit, judge: (input: { question: string; answer: string }) => Report): Partial<StoryDraft> {
  const text = edit.text?.trim();
  return {
    ...(edit.title !== undefined ? { title: edit.title.trim() } : {}),
    ...(text ? { text, parts: storyFromAnswer({ id: null, text, report: judge({ question: STORY_PROMPT, answer: text }) }, '', []).parts } : {}),
    ...(edit.competencies ? { competencies: normaliseCompetencies(edit.competencies) } : {}),
  };
}
