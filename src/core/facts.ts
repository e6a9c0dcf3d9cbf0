import type { Balance, StarLabel } from './types.js';

// What the sentence labeller, the verdicts and the fitted models read about an answer. These types sit
// below all three so that none of them imports another for its types.

/** Per-sentence evidence for each label, before the sequence is decoded. */
export interface SentenceCues {
  learning: boolean;
  result: boolean;
  /** A later clause tells what the candidate's action caused ("…, and he got it back within the hour"). */
  consequence: boolean;
  /** Effort told as if it were the outcome ("we all worked hard and got through it"). */
  effort: boolean;
  measured: boolean;
  task: boolean;
  preface: boolean;
  hypothetical: boolean;
  habitual: boolean;
  situation: boolean;
  ownAction: boolean;
  weAction: boolean;
  otherAction: boolean;
  passiveAction: boolean;
  outcomeVerb: boolean;
  stateOnly: boolean;
  past: boolean;
  presentOnly: boolean;
}

/** The candidate's own or the team's action, told as part of the story: not what they would do, do as a rule, or a preface. */
export const toldAction = (c: SentenceCues): boolean => (c.ownAction || c.weAction) && !c.hypothetical && !c.habitual && !c.preface;

/** A sentence whose only claim to an outcome is effort: it tells no change, number or outcome verb. */
export const effortOnly = (c: SentenceCues): boolean => c.effort && !c.result && !c.measured && !c.outcomeVerb;

/** A story's sentence labels with the sequence model's probability of every label (S, T, A, R, L, O) per sentence. */
export interface LabelledStory {
  labels: StarLabel[];
  marginals: number[][];
  cues: SentenceCues[];
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
  /** The sentences that tell what came of the story, by index. */
  results: number[];
}

/** When at least this share of sentences repeat earlier ones, the answer is padding, however long. */
export const PADDING_SHARE = 0.5;
