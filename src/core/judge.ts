import type { QuestionType, Reason, StarLabel, Balance } from './types.js';
import type { Signals } from './signals.js';
import type { Document } from './text/document.js';
import type { StarLabelling } from './star/label.js';
import { effortOnly, PADDING_SHARE, type StoryFacts } from './facts.js';

export type { StoryFacts } from './facts.js';
import { concreteDrivers, isHollow, memorableFeatures, opportunityFeatures, specificReasonFeatures, starlFeatures } from './model/features.js';
import { linear } from './model/linear.js';
import type { Models } from './model/models.js';
import { allMatches } from './text/matches.js';

/** The guide's "applies to" table. */
export const APPLIES_TO: Record<Reason, readonly QuestionType[]> = {
  opportunity: ['opener', 'introduction', 'personal', 'motivation', 'behavioral', 'closing', 'other'],
  memorable: ['introduction', 'personal', 'motivation', 'behavioral'],
  specificReason: ['motivation'],
  starl: ['behavioral'],
};

/** A reason's judgement before findings are attached: the weighted evidence `z` (pass at 0 and above). */
export interface Judgement {
  z: number;
  summary: string;
  /** Facts about the story (behavioral answers) that the STAR(L) rules read. */
  story?: StoryFacts;
}


export interface Facts {
  doc: Document;
  signals: Signals;
  questionType: QuestionType;
  star: StarLabelling | null;
  story: StoryFacts | null;
  models: Models;
}


/** "I haven't had that yet": the candidate says there is no story to tell. */
const NO_EXPERIENCE = /\b(I haven't|I have not|I've never|I have never|I don't (think|believe) I've|I don't (think|believe) I have|I do not (think|believe) I have|not really had|never really had|haven't really|I've not|never been in (a|that|such a) situation)\b/i;

/** "I've worked in retail for eight years", "as a nurse": a job area and the time spent in it. */
const NAMES_EXPERIENCE = new RegExp(/\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty) (years?|months?)\b|\b(worked|working) (in|as|at|on)\b|\b(I'm|I am) an? (?!\w+-?\w* (and|person|individual|professional|team player|worker|learner))\w+/.source, 'gi');

/** Whether the opening names a job area or time in it, other than through a stock phrase ("I'm a results-driven…"). */
function namesExperience(s: Signals): boolean {
  const stock = [...s.cliches, ...s.buzzwords];
  return allMatches(NAMES_EXPERIENCE, s.opening).some((m) => {
    const end = m.index + m[0].length;
    const lastWord = end - (/\S+$/.exec(m[0])?.[0].length ?? 0);
    return !stock.some((c) => c.start < end && c.end > lastWord);
  });
}


/**
 * Opportunity: a fitted linear model over what the answer offers (see model/features.ts), under the guide's
 * rules that negativity misses, and that a behavioral answer with nothing to draw on misses unless it
 * still shows a concrete plan tied to the role.
 */
export function judgeOpportunity({ signals: s, questionType, story, models }: Facts): Judgement {
  let z = linear(models.opportunity, opportunityFeatures(s, questionType, story));
  const concrete = concreteDrivers(s) > 0 || s.contextUsed.length > 0 || s.specifics.length > 0;
  // The guide: a negative answer misses. One contempt word is enough; milder complaints from two, or one in small talk.
  const negative = s.strongNegativity.length > 0 || s.negativity.length >= 2 || (questionType === 'opener' && s.negativity.length > 0);
  // The guide: an answer off the point misses, as do a strength passed off as a weakness and padding.
  const deflects = s.offPoint !== null || (s.clicheWeaknesses.length > 0 && concreteDrivers(s) === 0) || s.repetition >= PADDING_SHARE;
  // The guide: an opener passes with a warm line; a polite remark with no warmth misses.
  // Telling what one has been doing ("I spent the morning rearranging the children's section") is a hook too.
  const coldOpener = questionType === 'opener' && s.warmth.length === 0 && s.enthusiasm.length === 0 && !concrete && !s.exclaims && !(s.firstPerson > 0 && s.concreteNouns >= 3);
  // The guide: a story question answered with no story passes only if it still shows something concrete
  // (a relevant skill, a plan tied to the role); beliefs, clichés or "I haven't had that" give nothing.
  const noStory = story !== null && !story.isStory && !concrete;
  // "Concrete" is counted as nouns that name things (a checklist, a seating plan): two or fewer is nothing.
  const nothingToDrawOn = noStory && s.concreteNouns <= (NO_EXPERIENCE.test(s.opening) ? 4 : 2);
  // The guide: praise and needs that fit any employer miss, as does a company named only as a label.
  const anyEmployer = questionType === 'motivation' && !concrete && s.concreteNouns <= 2 && s.genericReasons.length + s.needs.length + s.cliches.length > 0;
  // Needs and stock praise miss however they are told: numbers about the commute or a long list of
  // "learning culture, big clients" still say nothing of this employer nor of the candidate.
  const nothingOfEither = questionType === 'motivation' && s.specifics.length === 0 && s.personalTies.length === 0 && s.contextUsed.length === 0;
  const needsOnly = nothingOfEither && s.needs.length >= 2;
  const praiseOnly = nothingOfEither && s.genericReasons.length + s.cliches.length + s.buzzwords.length >= 2;
  // The guide: an introduction of a job area plus clichés still passes when it names relevant experience.
  const hollow = isHollow(s) && !(questionType === 'introduction' && namesExperience(s));
  if (negative || deflects || coldOpener || nothingToDrawOn || anyEmployer || needsOnly || praiseOnly || hollow) z = Math.min(z, -0.5);
  // The guide: an opener passes with a short, warm line, and a closing with one genuine question. Noticing
  // something of this employer's on the way in ("I read your team's blog on the train") is interest too.
  else if (questionType === 'opener' && (s.warmth.length > 0 || s.specifics.length > 0) && s.deflections.length === 0) z = Math.max(z, 0.5);
  else if (questionType === 'closing' && s.asked.some((q) => !q.logistics)) z = Math.max(z, 0.5);
  // The guide: a closing whose only questions are pay, time off or next steps misses, as does one that declines.
  else if (questionType === 'closing' && (s.asked.length > 0 || s.deflections.length > 0)) z = Math.min(z, -0.5);
  return { z, summary: opportunitySummary(z, s, questionType) };
}

function opportunitySummary(z: number, s: Signals, type: QuestionType): string {
  if (z >= 0) {
    if (type === 'opener') return 'A warm start that shows you want to be here.';
    if (type === 'closing') return 'You asked a real question about the role, which keeps the conversation going.';
    return 'You used the question to show something relevant the interviewer can ask about.';
  }
  if (s.negativity.length) return `The answer turns negative ("${s.negativity[0]!.text}"), which costs the connection.`;
  if (s.offPoint) return `The question asks about ${s.offPoint.asks}, and the answer never gets to one.`;
  if (s.clicheWeaknesses.length) return `"${s.clicheWeaknesses[0]!.text}" is a strength in disguise; it dodges the question.`;
  if (s.repetition >= PADDING_SHARE) return 'The answer repeats itself; the repeats add nothing the interviewer can use.';
  if (s.words < 12 || s.deflections.length) return 'The answer gives the bare minimum; it wastes a chance to connect.';
  if (type === 'opener') return 'Polite, but no warmth or interest in the interview or role.';
  if (type === 'closing') return s.asked.length ? 'Your questions are only about logistics or pay.' : 'You did not ask a question about the role or team.';
  if (type === 'motivation') return 'The reasons are about your needs or would fit any employer.';
  return 'Stock phrases with nothing concrete the interviewer can connect with.';
}

/** Memorable: a fitted linear model over the drivers of specificity against stock phrases. */
export function judgeMemorable({ signals: s, questionType, models }: Facts): Judgement {
  let z = linear(models.memorable, memorableFeatures(s, questionType));
  if (s.repetition >= PADDING_SHARE) z = Math.min(z, -0.5);
  const summary =
    z >= 0
      ? 'There is a detail only you could give, which makes the answer stick.'
      : s.cliches.length + s.buzzwords.length
        ? `Stock phrases ("${(s.cliches[0] ?? s.buzzwords[0])!.text}") with no specific instance: almost anyone could say this.`
        : 'Nothing here is particular to you: no named project, outcome or vivid detail.';
  return { z, summary };
}

/**
 * Specific reason: a fitted linear model over what the answer names and how it ties that to the candidate,
 * under the guide's rule that both are needed: something specific to this company or role, and the tie
 * to the candidate's own goals, skills or experience said, not implied.
 */
export function judgeSpecificReason({ signals: s, models }: Facts): Judgement {
  const specific = s.specifics.length > 0;
  const tied = s.personalTies.length > 0;
  let z = linear(models.specificReason, specificReasonFeatures(s));
  if (!(specific && tied)) z = Math.min(z, -0.3);
  const summary =
    z >= 0
      ? 'You name something specific to this company or role and tie it to yourself.'
      : !specific
        ? s.companyMentions.length
          ? 'The company is named only as a label; the reason would fit any employer.'
          : 'The reason would fit any employer: nothing specific to this company or role.'
        : tied
          ? 'What you name would fit other employers too; say what is particular to this one and why it matters to you.'
          : 'You name something specific, but do not tie it to your own goals, skills or experience.';
  return { z, summary };
}

const shareOf = (labels: StarLabel[], words: number[], wanted: StarLabel[]): number => {
  const total = words.reduce((a, b) => a + b, 0) || 1;
  return labels.reduce((sum, l, i) => sum + (wanted.includes(l) ? words[i]! : 0), 0) / total;
};

/** The share of words in each STAR(L) part, and whether it meets the guide's targets. */
export function balanceOf(doc: Document, labels: StarLabel[]): Balance {
  // One pass over the sentences, adding each one's words to its label's count in the same order shareOf would.
  const counts: Record<StarLabel, number> = { S: 0, T: 0, A: 0, R: 0, L: 0, O: 0 };
  let total = 0;
  doc.sentences.forEach((s, i) => {
    counts[labels[i]!] += s.words;
    total += s.words;
  });
  total ||= 1;
  const shares: Record<StarLabel, number> = { S: counts.S / total, T: counts.T / total, A: counts.A / total, R: counts.R / total, L: counts.L / total, O: counts.O / total };
  const situationTaskShare = shares.S + shares.T;
  const actionIsLargest = (['S', 'T', 'R', 'L'] as const).every((l) => shares.A >= shares[l]);
  // The guide: situation plus task take no more than half of the answer's words, O sentences included.
  return { shares, words: doc.words, situationTaskShare, maxSituationTaskShare: 0.5, actionIsLargest, ok: situationTaskShare <= 0.5 };
}

/** Reads what the STAR(L) verdict is made of from the sentence labels and their cues. */
export function storyFacts(doc: Document, star: StarLabelling): StoryFacts {
  const { labels, cues } = star;
  const words = doc.sentences.map((s) => s.words);
  const balance = balanceOf(doc, labels);
  const inStory = (i: number): boolean => labels[i] !== 'O';
  const ownAction = cues.some((c, i) => inStory(i) && labels[i] !== 'L' && c.ownAction);
  const weAction = cues.some((c, i) => inStory(i) && (c.weAction || c.passiveAction));
  // A result told inside an action sentence still counts (the specification); one in the scene does not; effort
  // told as the ending ("we all worked hard and got through it") is no result.
  const results = cues.flatMap((c, i) =>
    (labels[i] === 'R' && !effortOnly(c)) || (labels[i] === 'A' && (c.measured || c.consequence || (c.result && !effortOnly(c) && (c.outcomeVerb || c.ownAction || c.weAction)))) ? [i] : [],
  );
  const counted = (i: number): boolean => doc.sentences[i]!.tokens.some((t) => t.type === 'number' || (t.entity !== null && ['CARDINAL', 'PERCENT', 'MONEY', 'DURATION', 'TIME'].includes(t.entity)));
  const mostlyAside = shareOf(labels, words, ['O']) > 0.5;
  const hypothetical = mostlyAside && cues.some((c) => c.hypothetical);
  const habitual = mostlyAside && cues.some((c) => c.habitual);
  const toldActions = cues.some((c, i) => inStory(i) && (c.ownAction || c.weAction) && !c.hypothetical && !c.habitual);
  return {
    isStory: !hypothetical && !habitual && (labels.some((l) => l === 'A' || l === 'R') || toldActions),
    ownAction,
    weOnly: !ownAction && weAction,
    result: results.length > 0,
    balance,
    hypothetical,
    habitual,
    learning: labels.includes('L'),
    measuredResult: cues.some((c, i) => inStory(i) && c.measured) || results.some(counted),
    results,
  };
}

/**
 * STAR(L): the guide's four conditions, each required. Where a fitted model ships, the verdict weighs how
 * likely each condition is under the sequence model rather than trusting one reading of the labels; an
 * answer that tells no story (only what the candidate would do, or does as a rule) always misses.
 */
export function judgeStarl({ story, signals, star, doc, models }: Facts): Judgement {
  const s = isHollow(signals) ? { ...story!, ownAction: false, result: false, results: [] } : story!;
  const meetsAll = s.isStory && s.ownAction && s.result && s.balance.ok;
  let z: number;
  if (models.starl && star) {
    z = linear(models.starl, starlFeatures(s, star, doc.sentences.map((sentence) => sentence.words)));
    if (!s.isStory || isHollow(signals)) z = Math.min(z, -0.5);
  } else {
    z = s.isStory ? 0.6 : -2.5;
    z += s.ownAction ? 0.8 : -2;
    z += s.result ? 0.6 : -1.6;
    z += s.balance.ok ? 0.4 : -1.6 - (s.balance.situationTaskShare - 0.5) * 4;
    if (!meetsAll) z = Math.min(z, -0.3);
  }
  const summary =
    z >= 0
      ? 'A real story with your own actions and a clear result.'
      : !s.isStory
        ? s.hypothetical
          ? 'This says what you would do, not what you did: tell a real story.'
          : 'This describes a routine, not one particular time.'
        : !s.ownAction
          ? 'The story never says what you did yourself.'
          : !s.result
            ? 'The story ends before saying what came of it.'
            : !s.balance.ok
              ? `Situation and task take ${Math.round(s.balance.situationTaskShare * 100)}% of the answer; keep them under half.`
              : 'The story is there, but what you did and what came of it do not stand out: give each its own sentence, told with "I".';
  return { z, summary, story: s };
}

/** Maps weighted evidence to a 0–100 score with 50 at the pass line. */
export function toScore(z: number): number {
  return Math.round(100 / (1 + Math.exp(-z)));
}
