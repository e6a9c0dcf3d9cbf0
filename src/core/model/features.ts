import type { QuestionType } from '../types.js';
import type { Signals } from '../signals.js';
import { effortOnly, type LabelledStory, type StoryFacts } from '../facts.js';
import type { Features } from './linear.js';

const cap = (n: number, max: number): number => Math.min(n, max);
const flag = (b: boolean): number => (b ? 1 : 0);

/** Numbers, names, quotes and measured outcomes; scale numbers ("200 tickets a week") do not count. */
export const concreteDrivers = (s: Signals): number => s.drivers.filter((d) => d.kind !== 'scaleNumber').length;

/** Buzzwords and clichés with nothing concrete near them give the interviewer nothing to ask about. */
export function isHollow(s: Signals): boolean {
  const stock = s.buzzwords.length + s.cliches.length;
  return stock >= 3 && concreteDrivers(s) === 0 && stock * 8 >= s.contentWords * 0.5;
}

/** Copies each feature under a type-specific name too, so one model learns how each question type differs. */
function perType(type: QuestionType, base: Features): Features {
  const out: Features = { [`type:${type}`]: 1 };
  for (const name in base) {
    const value = base[name]!;
    if (value === 0) continue;
    out[name] = value;
    out[typedName(type, name)] = value;
  }
  return out;
}

const TYPED_NAMES = new Map<QuestionType, Map<string, string>>();

/** `behavioral:negativity`, built once per pair rather than for every answer. */
function typedName(type: QuestionType, name: string): string {
  let names = TYPED_NAMES.get(type);
  if (!names) TYPED_NAMES.set(type, (names = new Map()));
  let typed = names.get(name);
  if (typed === undefined) names.set(name, (typed = `${type}:${name}`));
  return typed;
}

/** What the opportunity verdict is fitted on: length, deflection, negativity, warmth, questions, substance. */
export function opportunityFeatures(s: Signals, type: QuestionType, story: StoryFacts | null): Features {
  const genuine = s.asked.filter((q) => !q.logistics).length;
  const earlyDeflections = s.deflections.filter((d) => d.start < 40 || s.words < 25).length;
  return perType(type, {
    logWords: Math.log1p(s.words) / 5,
    veryShort: flag(s.words < 6),
    thin: flag(s.contentWords < 10),
    short: flag(s.words < 12),
    deflections: cap(earlyDeflections, 2),
    negativity: cap(s.negativity.length, 3),
    warmth: flag(s.warmth.length > 0),
    warmthCount: cap(s.warmth.length, 3) / 3,
    enthusiasm: flag(s.enthusiasm.length > 0),
    genuineQuestion: flag(genuine > 0),
    logisticsOnly: flag(s.asked.length > 0 && genuine === 0),
    noQuestion: flag(s.asked.length === 0),
    workWords: cap(s.workWords, 4) / 4,
    noWorkWords: flag(s.workWords === 0),
    concrete: flag(concreteDrivers(s) > 0),
    hollow: flag(isHollow(s)),
    needsOnly: flag(s.needs.length > 0 && s.specifics.length === 0 && s.personalTies.length === 0),
    needs: cap(s.needs.length, 3),
    praiseOnly: flag(s.genericReasons.length > 0 && s.specifics.length === 0 && concreteDrivers(s) === 0 && s.personalTies.length === 0),
    specifics: flag(s.specifics.length > 0),
    contextUsed: flag(s.contextUsed.length > 0),
    personalTie: flag(s.personalTies.length > 0),
    stock: cap(s.cliches.length + s.buzzwords.length, 4) / 4,
    noStory: flag(story !== null && !story.isStory),
    bareOnly: flag(s.bareCategories.length > 0 && concreteDrivers(s) === 0),
    clichesOnly: flag(s.cliches.length > 0 && concreteDrivers(s) === 0 && s.workWords < 2),
    firstPerson: flag(s.firstPerson > 0),
    fillers: cap(s.fillers.length / Math.max(1, s.words), 0.2) * 5,
  });
}

/** What the memorable verdict is fitted on: the drivers of specificity against stock phrases. */
export function memorableFeatures(s: Signals, type: QuestionType): Features {
  const kind = (k: string): number => s.drivers.filter((d) => d.kind === k).length;
  return perType(type, {
    measured: flag(kind('measuredOutcome') > 0),
    names: cap(kind('name'), 3) / 3,
    hasName: flag(kind('name') > 0),
    outcomeNumbers: cap(kind('outcomeNumber'), 2) / 2,
    achievement: flag(kind('achievement') > 0),
    quotes: flag(kind('quote') > 0),
    scaleNumbers: cap(kind('scaleNumber'), 3) / 3,
    cliches: cap(s.cliches.length, 3) / 3,
    buzzwords: cap(s.buzzwords.length, 3) / 3,
    bareOnly: flag(s.bareCategories.length > 0 && concreteDrivers(s) === 0),
    short: flag(s.words < 15),
    logWords: Math.log1p(s.words) / 5,
    contentShare: s.contentWords / Math.max(1, s.words),
    contextUsed: flag(s.contextUsed.length > 0),
    concreteNouns: cap(s.concreteNouns, 8) / 8,
    concreteNounRate: s.concreteNouns / Math.max(1, s.words),
  });
}

/** What the specific-reason verdict is fitted on: what is named as particular, and how it is tied to the candidate. */
export function specificReasonFeatures(s: Signals): Features {
  const ties = s.personalTies;
  const tieNearSpecific = s.specifics.some((m) => ties.some((t) => Math.abs(t.start - m.start) < 160));
  return {
    specifics: cap(s.specifics.length, 3) / 3,
    hasSpecific: flag(s.specifics.length > 0),
    contextUsed: cap(s.contextUsed.length, 4) / 4,
    ties: cap(ties.length, 3) / 3,
    hasTie: flag(ties.length > 0),
    tieNearSpecific: flag(tieNearSpecific),
    needs: cap(s.needs.length, 3) / 3,
    needsOnly: flag(s.needs.length > 0 && s.specifics.length === 0),
    genericReasons: cap(s.genericReasons.length, 3) / 3,
    genericOnly: flag(s.genericReasons.length > 0 && s.specifics.length === 0),
    companyOnly: flag(s.companyMentions.length > 0 && s.specifics.length === 0),
    stock: cap(s.cliches.length + s.buzzwords.length, 4) / 4,
    concrete: flag(concreteDrivers(s) > 0),
    concreteNouns: cap(s.concreteNouns, 8) / 8,
    logWords: Math.log1p(s.words) / 5,
  };
}

/** The order of a sentence's label probabilities in `LabelledStory.marginals`. */
const S = 0, T = 1, A = 2, R = 3;

/**
 * What the STAR(L) verdict is fitted on: the guide's four conditions read from the labels, and the same
 * conditions read from the sequence model's probabilities, so that a story whose labels are uncertain is
 * judged on how likely each condition is rather than on one guess at the labels.
 */
export function starlFeatures(story: StoryFacts, labelled: LabelledStory, words: readonly number[]): Features {
  const { marginals, cues } = labelled;
  const total = words.reduce((a, b) => a + b, 0) || 1;
  let expectedSceneShare = 0;
  let expectedActionShare = 0;
  let expectedResultShare = 0;
  let noResult = 1;
  let ownAction = 0;
  let certainty = 0;
  marginals.forEach((p, i) => {
    const share = words[i]! / total;
    expectedSceneShare += share * (p[S]! + p[T]!);
    expectedActionShare += share * p[A]!;
    expectedResultShare += share * p[R]!;
    const c = cues[i]!;
    // A result told inside an action sentence counts too, when the sentence tells a change or a consequence.
    const result = effortOnly(c) ? 0 : p[R]! + (c.measured || c.consequence ? p[A]! : 0);
    noResult *= 1 - Math.min(1, result);
    if (c.ownAction && !c.hypothetical && !c.habitual) ownAction = Math.max(ownAction, p[A]! + p[R]!);
    certainty += Math.max(...p) / marginals.length;
  });
  const sceneShare = story.balance.situationTaskShare;
  return {
    isStory: flag(story.isStory),
    ownAction: flag(story.ownAction),
    weOnly: flag(story.weOnly),
    result: flag(story.result),
    balanced: flag(story.balance.ok),
    allFour: flag(story.isStory && story.ownAction && story.result && story.balance.ok),
    sceneShare,
    sceneOver: Math.max(0, sceneShare - 0.5) * 2,
    expectedSceneShare,
    expectedSceneOver: Math.max(0, expectedSceneShare - 0.5) * 2,
    expectedActionShare,
    expectedResultShare,
    resultLikely: 1 - noResult,
    ownActionLikely: ownAction,
    measured: flag(story.measuredResult),
    learning: flag(story.learning),
    certainty,
    fewSentences: flag(marginals.length <= 2),
    logWords: Math.log1p(total) / 5,
  };
}
