/**
 * Matching stories to questions and answers. A retold story is recognised by the meaningful words it
 * shares with the bank's story; a story fits a question by competency, lemma and STAR(L) quality.
 */
import { competenciesIn, normaliseCompetency, questionCompetencies, sameQuestion } from './competency.js';
import table from './competencies.json' with { type: 'json' };
import { root, rootWords } from './words.js';

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

/** How complete a story's STAR(L) parts are, as its labels show, and what that is worth in a suggestion. */
export function starQuality(parts: readonly { star: string | null }[]): { note: string; bonus: number } {
  const labels = new Set(parts.map((part) => part.star));
  const setUp = labels.has('S') || labels.has('T');
  if (!labels.has('A')) return { note: 'no action of yours in it yet', bonus: -1 };
  if (!labels.has('R')) return { note: 'no result in it yet', bonus: -1 };
  if (setUp && labels.has('L')) return { note: 'a complete STAR(L) story', bonus: 2 };
  if (setUp) return { note: 'a STAR story without the learning', bonus: 1 };
  return { note: 'action and result, with no situation set up', bonus: 0 };
}

/**
 * What each kind of evidence is worth. A competency the story was tagged with (or the question it
 * was told for probes) counts twice what its words alone suggest; a story told for this very question
 * counts most. Shared words only count for a question whose competency is unknown.
 */
const WEIGHTS = { sameQuestion: 6, taggedCompetency: 4, competencyInWords: 2, sharedWord: 1 } as const;

/** Words that say nothing about which story fits: question boilerplate and the commonest verbs. */
const GENERIC = new Set(table.generic.map(root));
const MEANINGFUL = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ']);

/** The meaningful words of a text by root, each with the word as the text spells it. */
function meaningfulWords(text: string): Map<string, string> {
  const words = new Map<string, string>();
  for (const word of rootWords(text)) {
    if (MEANINGFUL.has(word.pos) && word.root.length > 2 && !GENERIC.has(word.root) && !words.has(word.root)) words.set(word.root, word.text);
  }
  return words;
}

/** A story as suggestions need it: its tags, its STAR(L) parts and the question it was first told for. */
export interface SuggestableStory extends StoryLike {
  parts?: readonly { star: string | null }[];
  /** The question of the practice answer it was saved from, if any. */
  question?: string | null;
}

/** What a question brings to the matching: its text, what it probes and its meaningful words. */
interface AskedQuestion {
  text: string;
  wanted: string[];
  words: Map<string, string>;
}

/** How well one story fits one question, and why in words; `fits` is false when nothing ties them. */
function fitOf(story: SuggestableStory, question: AskedQuestion): { fits: boolean; score: number; why: string } {
  const toldFor = Boolean(story.question && sameQuestion(story.question, question.text));
  const tagged = new Set([...story.competencies.map(normaliseCompetency), ...(story.question ? questionCompetencies({ text: story.question }) : [])]);
  const inWords = new Set(competenciesIn(`${story.title}. ${story.text}`));
  const strong = question.wanted.filter((c) => tagged.has(c));
  const weak = question.wanted.filter((c) => !tagged.has(c) && inWords.has(c));
  const fitted = new Set([...strong, ...weak]);
  const storyWords = meaningfulWords(`${story.title}. ${story.text}`);
  // A shared word that names a fitted competency says nothing more than "fits:" does.
  const shared = [...question.words]
    .filter(([word, spelled]) => storyWords.has(word) && !competenciesIn(spelled).some((c) => fitted.has(c)))
    .map(([, spelled]) => spelled);
  // Shared words say why a story fits; on their own they make it fit only a question of unknown competency.
  const byWords = question.wanted.length === 0 ? shared.length : 0;
  const quality = story.parts?.length ? starQuality(story.parts) : null;
  const score =
    (toldFor ? WEIGHTS.sameQuestion : 0) +
    strong.length * WEIGHTS.taggedCompetency +
    weak.length * WEIGHTS.competencyInWords +
    byWords * WEIGHTS.sharedWord +
    (quality?.bonus ?? 0);
  const why = [
    toldFor ? 'told for this question' : '',
    fitted.size ? `fits: ${[...strong, ...weak.map((c) => `${c} (in its words)`)].join(', ')}` : '',
    shared.length ? `shares: ${shared.slice(0, 4).join(', ')}` : '',
    quality?.note ?? '',
  ]
    .filter(Boolean)
    .join('; ');
  return { fits: toldFor || fitted.size > 0 || byWords > 0, score, why };
}

/**
 * The stories that fit a question best, best first, each with why in words ("fits: conflict; a
 * complete STAR(L) story"). A story fits when it shows a competency the question probes (the bank's
 * tags, the tags given, or the synonyms its words use; see competencies.json), or was told for this
 * very question; a better STAR(L) story ranks higher. Only when the question's competency is unknown
 * do shared words (by lemma) make a story fit, so "manager" alone never does.
 *
 * @example suggestStories({ text: 'Tell me about a time you disagreed with your manager.' }, stories)
 */
export function suggestStories<S extends SuggestableStory>(
  question: { text: string; competencies?: readonly string[]; bankId?: string | null },
  stories: readonly S[],
  limit = 3,
): { story: S; score: number; why: string }[] {
  const asked = { text: question.text, wanted: questionCompetencies(question), words: meaningfulWords(question.text) };
  return stories
    .map((story) => ({ story, ...fitOf(story, asked) }))
    .filter((entry) => entry.fits && entry.score > 0)
    .sort((a, b) => b.score - a.score || a.story.id - b.story.id)
    .slice(0, limit)
    .map(({ story, score, why }) => ({ story, score, why }));
}
