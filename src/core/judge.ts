import type { QuestionType, Reason, StarLabel, Balance } from './types.js';
import type { Signals } from './signals.js';
import type { Document } from './text/document.js';
import type { StarLabelling } from './star/label.js';

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

/** What the STAR(L) verdict is made of, so rules and the follow-up can say which part is missing. */
export interface StoryFacts {
  isStory: boolean;
  ownAction: boolean;
  weOnly: boolean;
  result: boolean;
  balance: Balance;
  hypothetical: boolean;
  habitual: boolean;
  learning: boolean;
  measuredResult: boolean;
}

export interface Facts {
  doc: Document;
  signals: Signals;
  questionType: QuestionType;
  star: StarLabelling | null;
}

const cap = (n: number, max: number): number => Math.min(n, max);
const concreteDrivers = (s: Signals): number => s.drivers.filter((d) => d.kind !== 'scaleNumber').length;

/** Minimal, deflecting or negative answers waste the question; this is what they cost, for every type. */
function wasted(s: Signals): number {
  let z = 0;
  if (s.words < 6) z -= 2.5;
  else if (s.words < 12) z -= 1;
  const earlyDeflections = s.deflections.filter((d) => d.start < 40 || s.words < 25).length;
  z -= cap(earlyDeflections, 2) * (s.words < 30 ? 1.6 : 0.7);
  z -= cap(s.negativity.length, 3) * 1.3;
  return z;
}

/** Buzzwords and clichés with nothing concrete near them give the interviewer nothing to ask about. */
function hollow(s: Signals): boolean {
  const stock = s.buzzwords.length + s.cliches.length;
  return stock >= 3 && concreteDrivers(s) === 0 && stock * 8 >= s.contentWords * 0.5;
}

export function judgeOpportunity({ signals: s, questionType, star }: Facts): Judgement {
  let z = wasted(s);
  const genuine = s.asked.filter((q) => !q.logistics);
  switch (questionType) {
    case 'opener':
      z += -1 + (s.warmth.length ? 2.2 : 0) + cap(s.enthusiasm.length, 1) * 0.8;
      if (s.words > 45 && s.negativity.length) z -= 1.5;
      break;
    case 'closing':
      z += genuine.length ? 2.5 + cap(genuine.length - 1, 2) * 0.4 : s.asked.length ? -2 : -1.5;
      if (!s.asked.length && /\b(I'd (just )?(like to )?add|I'm happy to|I'd be happy to|one thing I'd add)\b/i.test(s.drivers.length ? 'x' : '')) z += 1;
      break;
    case 'motivation': {
      const needsOnly = s.needs.length > 0 && s.specifics.length === 0 && s.personalTies.length === 0;
      const praiseOnly = s.genericReasons.length > 0 && s.specifics.length === 0 && concreteDrivers(s) === 0 && s.personalTies.length === 0;
      z += 0.4 + cap(s.specifics.length, 2) * 0.8 + cap(s.personalTies.length, 2) * 0.5 + (s.enthusiasm.length ? 0.5 : 0);
      if (needsOnly) z -= 2.5;
      else if (s.needs.length >= 2 && s.specifics.length === 0) z -= 1.5;
      if (praiseOnly) z -= 2;
      if (hollow(s)) z -= 2;
      break;
    }
    case 'introduction':
      z += (s.workWords >= 2 ? 1.5 : s.workWords === 1 ? 0.3 : -1.5) + (concreteDrivers(s) ? 0.5 : 0);
      if (hollow(s)) z -= 2.5;
      break;
    case 'behavioral': {
      z += 0.8 + (s.workWords >= 2 ? 0.6 : -0.5);
      if (hollow(s)) z -= 3;
      const noStory = star !== null && star.labels.every((l) => l === 'O' || l === 'S');
      if (noStory && s.contextUsed.length === 0 && s.specifics.length === 0) z -= 1.6;
      z -= cap(s.negativity.length, 3) * 0.4;
      break;
    }
    case 'personal':
      z += 0.8 + (s.words >= 20 ? 0.5 : 0);
      break;
    case 'other':
      z += 0.7 + (s.words >= 20 ? 0.5 : 0) + (s.workWords ? 0.3 : 0);
      if (hollow(s)) z -= 2;
      break;
  }
  return { z, summary: opportunitySummary(z, s, questionType) };
}

function opportunitySummary(z: number, s: Signals, type: QuestionType): string {
  if (z >= 0) {
    if (type === 'opener') return 'A warm start that shows you want to be here.';
    if (type === 'closing') return 'You asked a real question about the role, which keeps the conversation going.';
    return 'You used the question to show something relevant the interviewer can ask about.';
  }
  if (s.negativity.length) return `The answer turns negative ("${s.negativity[0]!.text}"), which costs the connection.`;
  if (s.words < 12 || s.deflections.length) return 'The answer gives the bare minimum; it wastes a chance to connect.';
  if (type === 'opener') return 'Polite, but no warmth or interest in the interview or role.';
  if (type === 'closing') return s.asked.length ? 'Your questions are only about logistics or pay.' : 'You did not ask a question about the role or team.';
  if (type === 'motivation') return 'The reasons are about your needs or would fit any employer.';
  return 'Stock phrases with nothing concrete the interviewer can connect with.';
}

export function judgeMemorable({ signals: s, questionType }: Facts): Judgement {
  const kinds = (k: string): number => s.drivers.filter((d) => d.kind === k).length;
  let z = -1.6;
  z += kinds('measuredOutcome') ? 2.4 : 0;
  z += cap(kinds('name'), 2) * 1.1;
  z += cap(kinds('outcomeNumber'), 2) * 0.9;
  z += cap(kinds('quote'), 1) * 1.1;
  z += cap(kinds('scaleNumber'), 3) * 0.35;
  z -= cap(s.cliches.length, 3) * 0.5 + cap(s.buzzwords.length, 3) * 0.4;
  if (s.bareCategories.length && concreteDrivers(s) === 0) z -= 0.8;
  if (s.words < 15) z -= 1;
  if (questionType === 'personal' && s.words >= 25 && s.bareCategories.length === 0) z += 0.6;
  const summary =
    z >= 0
      ? 'There is a detail only you could give, which makes the answer stick.'
      : s.cliches.length + s.buzzwords.length
        ? `Stock phrases ("${(s.cliches[0] ?? s.buzzwords[0])!.text}") with no specific instance: almost anyone could say this.`
        : 'Nothing here is particular to you: no named project, outcome or vivid detail.';
  return { z, summary };
}

export function judgeSpecificReason({ signals: s }: Facts): Judgement {
  const specific = s.specifics.length;
  const tied = s.personalTies.length > 0;
  let z = -1.2 + cap(specific, 2) * 1.2 + (tied ? 1 : -0.8);
  if (specific === 0) z -= 1;
  if (s.needs.length >= 1 && s.personalTies.length === 0) z -= 1.5;
  if (s.genericReasons.length && specific === 0) z -= 0.8;
  if (!(specific > 0 && tied)) z = Math.min(z, -0.3);
  const summary =
    z >= 0
      ? 'You name something specific to this company or role and tie it to yourself.'
      : specific === 0
        ? s.companyMentions.length
          ? 'The company is named only as a label; the reason would fit any employer.'
          : 'The reason would fit any employer: nothing specific to this company or role.'
        : 'You name something specific, but do not tie it to your own goals, skills or experience.';
  return { z, summary };
}

const shareOf = (labels: StarLabel[], words: number[], wanted: StarLabel[]): number => {
  const total = words.reduce((a, b) => a + b, 0) || 1;
  return labels.reduce((sum, l, i) => sum + (wanted.includes(l) ? words[i]! : 0), 0) / total;
};

/** The share of words in each STAR(L) part, and whether it meets the guide's targets. */
export function balanceOf(doc: Document, labels: StarLabel[]): Balance {
  const words = doc.sentences.map((s) => s.words);
  const shares = Object.fromEntries((['S', 'T', 'A', 'R', 'L', 'O'] as const).map((l) => [l, shareOf(labels, words, [l])])) as Record<StarLabel, number>;
  const situationTaskShare = shares.S + shares.T;
  const actionIsLargest = (['S', 'T', 'R', 'L'] as const).every((l) => shares.A >= shares[l]);
  // The guide: situation plus task take no more than half of the answer's words, O sentences included.
  return { shares, words: doc.words, situationTaskShare, maxSituationTaskShare: 0.5, actionIsLargest, ok: situationTaskShare <= 0.5 };
}

export function judgeStarl({ doc, star }: Facts): Judgement {
  const labels = star!.labels;
  const cues = star!.cues;
  const balance = balanceOf(doc, labels);
  const inStory = (i: number): boolean => labels[i] !== 'O';
  const ownAction = cues.some((c, i) => inStory(i) && labels[i] !== 'L' && c.ownAction);
  const weAction = cues.some((c, i) => inStory(i) && (c.weAction || c.passiveAction));
  const measuredResult = cues.some((c, i) => inStory(i) && c.measured);
  const result = labels.includes('R') || cues.some((c, i) => labels[i] === 'A' && (c.measured || (c.result && c.outcomeVerb)));
  const hypothetical = shareOf(labels, doc.sentences.map((s) => s.words), ['O']) > 0.5 && cues.some((c) => c.hypothetical);
  const habitual = shareOf(labels, doc.sentences.map((s) => s.words), ['O']) > 0.5 && cues.some((c) => c.habitual);
  const isStory = !hypothetical && !habitual && labels.some((l) => l === 'A' || l === 'R');
  const story: StoryFacts = {
    isStory,
    ownAction,
    weOnly: !ownAction && weAction,
    result,
    balance,
    hypothetical,
    habitual,
    learning: labels.includes('L'),
    measuredResult,
  };
  let z = isStory ? 0.6 : -2.5;
  z += ownAction ? 0.8 : -2;
  z += result ? 0.6 : -1.6;
  z += balance.ok ? 0.4 : -1.6 - (balance.situationTaskShare - 0.5) * 4;
  if (!(isStory && ownAction && result && balance.ok)) z = Math.min(z, -0.3);
  const summary = !isStory
    ? hypothetical
      ? 'This says what you would do, not what you did: tell a real story.'
      : 'This describes a routine, not one particular time.'
    : !ownAction
      ? 'The story never says what you did yourself.'
      : !result
        ? 'The story ends before saying what came of it.'
        : !balance.ok
          ? `Situation and task take ${Math.round(balance.situationTaskShare * 100)}% of the answer; keep them under half.`
          : 'A real story with your own actions and a clear result.';
  return { z, summary, story };
}

/** Maps weighted evidence to a 0–100 score with 50 at the pass line. */
export function toScore(z: number): number {
  return Math.round(100 / (1 + Math.exp(-z)));
}
