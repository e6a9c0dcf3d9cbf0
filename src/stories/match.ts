/**
 * Matching stories to questions and answers by the words they share. Only the words that carry
 * meaning count: short words and the commonest English function words are left out.
 */

/** Words too common to tell one story from another. */
const COMMON_WORDS = new Set(
  'about after again also because been before being could did does doing down during each from further have having here into just like made make more most much must only other over same should some such than that their them then there these they this those through under until very was were what when where which while with would your yours team time work worked working really things thing asked tell story'.split(
    ' ',
  ),
);

/** The distinct meaningful words of a text, lower-cased. */
export function contentWords(text: string): Set<string> {
  const words = text.toLowerCase().match(/[a-z][a-z'-]{3,}/g) ?? [];
  return new Set(words.filter((word) => !COMMON_WORDS.has(word)));
}

/** The share of `story`'s meaningful words that also appear in `answer`, 0 to 1. */
export function storyCoverage(story: Set<string>, answer: Set<string>): number {
  if (story.size === 0) return 0;
  let shared = 0;
  for (const word of story) if (answer.has(word)) shared++;
  return shared / story.size;
}

/**
 * How much of a story an answer must repeat to count as telling it: over a third of the story's
 * meaningful words, so a retelling in other words still matches while a different story on the same
 * theme does not (both cases are pinned in the stories tests).
 */
export const MIN_STORY_COVERAGE = 0.35;

/**
 * How many questions of one interview a story may answer before Starl warns. Interview coaches advise
 * a different story per behavioral question; one reuse is tolerated because two competencies can
 * honestly share a story.
 */
export const MAX_STORY_USES = 2;

/** A story as matching needs it. */
export interface StoryLike {
  id: number;
  title: string;
  text: string;
  competencies: string[];
}

/** The story an answer tells, if it tells one from the bank. */
export function storyToldIn<S extends StoryLike>(answer: string, stories: readonly S[]): S | null {
  const words = contentWords(answer);
  let best: { story: S; coverage: number } | null = null;
  for (const story of stories) {
    const coverage = storyCoverage(contentWords(story.text), words);
    if (coverage >= MIN_STORY_COVERAGE && (!best || coverage > best.coverage)) best = { story, coverage };
  }
  return best?.story ?? null;
}

/** The stories used for more than {@link MAX_STORY_USES} questions, with the positions they answered. */
export function overusedStories<S extends StoryLike>(
  answers: readonly { position: number; answer: string }[],
  stories: readonly S[],
): { story: S; positions: number[] }[] {
  const uses = new Map<number, { story: S; positions: Set<number> }>();
  for (const answer of answers) {
    const story = storyToldIn(answer.answer, stories);
    if (!story) continue;
    const entry = uses.get(story.id) ?? { story, positions: new Set<number>() };
    entry.positions.add(answer.position);
    uses.set(story.id, entry);
  }
  return [...uses.values()]
    .filter((entry) => entry.positions.size > MAX_STORY_USES)
    .map((entry) => ({ story: entry.story, positions: [...entry.positions].sort((a, b) => a - b) }));
}

/**
 * The stories that fit a question best, best first: a shared competency counts most, then the words
 * the question and the story share. Stories that fit neither way are left out.
 */
export function suggestStories<S extends StoryLike>(
  question: { text: string; competencies: readonly string[] },
  stories: readonly S[],
  limit = 3,
): { story: S; score: number; why: string }[] {
  const questionWords = contentWords(question.text);
  return stories
    .map((story) => {
      const competencies = story.competencies.filter((c) => question.competencies.includes(c));
      const words = [...contentWords(`${story.title} ${story.text}`)].filter((w) => questionWords.has(w));
      const score = competencies.length * 2 + words.length;
      const why = [
        competencies.length ? `competency: ${competencies.join(', ')}` : '',
        words.length ? `shares: ${words.slice(0, 4).join(', ')}` : '',
      ]
        .filter(Boolean)
        .join('; ');
      return { story, score, why };
    })
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || a.story.id - b.story.id)
    .slice(0, limit);
}
