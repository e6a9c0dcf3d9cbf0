import type { StarLabel } from '../types.js';
import type { SentenceCues } from '../facts.js';

export type { SentenceCues } from '../facts.js';
import type { Document, Sentence } from '../text/document.js';
import { linear, starFeatures } from '../model/features.js';
import weights from '../model/weights.json' with { type: 'json' };
import type { Lexicon } from '../lexicon/lexicon.js';
import { LEXICONS } from '../lexicon/index.js';

const STAR_MODEL = weights.star as StarModel;

const { learningCues: LEARNING, resultCues: RESULT, taskCues: TASK, prefaceCues: PREFACE, hypotheticalCues: HYPOTHETICAL, habitualCues: HABITUAL, situationCues: SITUATION } = LEXICONS;



const LABELS: StarLabel[] = ['S', 'T', 'A', 'R', 'L', 'O'];
/** Phrases that state the task the candidate owned, in the guide's words and their common variants. */
const STRONG_TASK =
  /\b(my (job|task|role|responsibility|brief|goal|aim|target|remit) (was|is|were)|the (goal|aim|task|target|brief|challenge) (was|is)|I was (asked|told|tasked|given the job|put in charge|responsible|supposed|expected|meant) to|I was responsible for|(asked|told) me to|I (had|needed|have) to (get|make|find|fix|sort|deliver|hit|bring|cut|train|lead|organise|organize|finish|figure out|work out)|it was (up to me|my job|my responsibility)|set myself (the|a) (goal|target)|my (sales )?target)\b/i;

/** Words that carry no content when they stand alone in a transcribed sentence. */
const FILLER_WORDS = new Set(['um', 'umm', 'uh', 'uhh', 'erm', 'er', 'ah', 'oh', 'hmm', 'mm', 'yeah', 'yes', 'yep', 'okay', 'ok', 'so', 'well', 'right', 'and', 'but', 'like', 'gosh', 'sure', 'alright', 'anyway', 'i', 'mean', 'you', 'know', 'just', 'ha', 'haha']);

/** Sentence indexes at which each cue lexicon matches, found in one pass over the whole answer. */
function cueHits(doc: Document, lexicon: Lexicon, where: (sentence: Sentence, offset: number) => boolean = () => true): Set<number> {
  const hits = new Set<number>();
  let i = 0;
  for (const span of lexicon.find(doc.text)) {
    while (i < doc.sentences.length && doc.sentences[i]!.end <= span.start) i++;
    const sentence = doc.sentences[i];
    if (sentence && span.start >= sentence.start && where(sentence, span.start - sentence.start)) hits.add(i);
  }
  return hits;
}

/** Reads the cues of every sentence from its text and clauses; each lexicon runs once over the answer. */
export function readCues(doc: Document): SentenceCues[] {
  const learning = cueHits(doc, LEARNING);
  const result = cueHits(doc, RESULT);
  const task = cueHits(doc, TASK);
  const preface = cueHits(doc, PREFACE, (s, at) => at <= 2 && s.words <= 12);
  const hypothetical = cueHits(doc, HYPOTHETICAL, (_, at) => at < 20);
  const habitual = cueHits(doc, HABITUAL);
  const situation = cueHits(doc, SITUATION);
  return doc.sentences.map((sentence, i) => {
    const clauses = sentence.clauses;
    const actions = clauses.filter((c) => c.past && !c.stative && !c.modal && !c.perfect);
    return {
      learning: learning.has(i),
      result: result.has(i),
      measured: doc.measured.some((m) => m.start >= sentence.start && m.start < sentence.end),
      task: task.has(i),
      preface: preface.has(i),
      hypothetical: clauses.some((c) => c.modal && (c.subject === 'I' || c.subject === 'we')) || hypothetical.has(i),
      habitual: habitual.has(i) && !clauses.some((c) => c.past && !c.stative),
      situation: situation.has(i),
      ownAction: actions.some((c) => c.subject === 'I' && !c.passive),
      weAction: actions.some((c) => c.subject === 'we' && !c.passive),
      otherAction: actions.some((c) => c.subject === 'other' && !c.passive && !c.outcome),
      passiveAction: actions.some((c) => c.passive),
      outcomeVerb: clauses.some((c) => c.outcome && c.past && !c.modal),
      stateOnly: clauses.length > 0 && clauses.every((c) => c.stative || c.perfect) && clauses.some((c) => c.past),
      past: clauses.some((c) => c.past),
      presentOnly: clauses.length > 0 && !clauses.some((c) => c.past),
    };
  });
}

/** The fitted sentence model: a softmax over labels from the cue features, and label-to-label transitions. */
export interface StarModel {
  labels: Record<StarLabel, { bias: number; weights: Record<string, number> }>;
  start: Record<StarLabel, number>;
  transitions: Record<StarLabel, Record<StarLabel, number>>;
}

/** A labelled sentence with how far its label beat the runner-up, as a confidence from 0 to 1. */
export interface StarLabelling {
  labels: StarLabel[];
  confidences: number[];
  cues: SentenceCues[];
}

/** Log-probabilities of each label for one sentence under the model's softmax. */
export function emissions(model: StarModel, features: Record<string, number>): Record<StarLabel, number> {
  const z = LABELS.map((l) => linear(model.labels[l], features));
  const top = Math.max(...z);
  const log = Math.log(z.reduce((sum, v) => sum + Math.exp(v - top), 0)) + top;
  return Object.fromEntries(LABELS.map((l, i) => [l, z[i]! - log])) as Record<StarLabel, number>;
}

/** The features of every sentence of a document, in order. */
export function documentStarFeatures(doc: Document, cueList: SentenceCues[]): Record<string, number>[] {
  const n = doc.sentences.length;
  return cueList.map((c, i) => starFeatures(c, n > 1 ? i / (n - 1) : 0.5, i === 0, i === n - 1 && n > 1, doc.sentences[i]!.words));
}

/**
 * Labels every sentence of a behavioral answer S, T, A, R, L or O: a fitted softmax over each sentence's
 * cues, then the most likely sequence under the fitted transitions (a Viterbi pass), so neighbours settle
 * close calls. The model is fitted on our own labelled corpus by scripts/fit.ts.
 */
export function labelStar(doc: Document, model: StarModel = STAR_MODEL): StarLabelling {
  const n = doc.sentences.length;
  const cueList = readCues(doc);
  const scores = documentStarFeatures(doc, cueList).map((f) => emissions(model, f));
  const best: number[][] = [];
  const back: number[][] = [];
  for (let i = 0; i < n; i++) {
    best.push([]);
    back.push([]);
    for (let k = 0; k < LABELS.length; k++) {
      const label = LABELS[k]!;
      const own = scores[i]![label];
      if (i === 0) {
        best[i]![k] = own + model.start[label];
        back[i]![k] = -1;
        continue;
      }
      let top = -Infinity;
      let arg = 0;
      for (let p = 0; p < LABELS.length; p++) {
        const value = best[i - 1]![p]! + model.transitions[LABELS[p]!][label];
        if (value > top) {
          top = value;
          arg = p;
        }
      }
      best[i]![k] = top + own;
      back[i]![k] = arg;
    }
  }
  const labels: StarLabel[] = new Array(n);
  let k = n ? best[n - 1]!.indexOf(Math.max(...best[n - 1]!)) : 0;
  for (let i = n - 1; i >= 0; i--) {
    labels[i] = LABELS[k]!;
    k = back[i]![k]!;
  }
  // The guide's task signals ("my job was to", "I was asked to", "the goal was") make a sentence T
  // when it tells no action of the candidate's and no outcome.
  doc.sentences.forEach((sentence, i) => {
    const c = cueList[i]!;
    if ((labels[i] === 'S' || labels[i] === 'R') && STRONG_TASK.test(sentence.text) && !c.ownAction && !c.measured && !c.learning) labels[i] = 'T';
  });
  // Fillers on their own ("um yeah.", "Okay so, um.") are asides, wherever they fall.
  doc.sentences.forEach((sentence, i) => {
    if (sentence.tokens.every((t) => t.type !== 'word' || FILLER_WORDS.has(t.lower))) labels[i] = 'O';
  });
  // A story that opens with the candidate's own action ("Last spring I launched…") opens with A.
  const opening = cueList[0];
  // A sentence that opens with "When I…" sets the scene for its main clause, which may not be the candidate's.
  const setsScene = /^\W*(when|while|as|after|before|since|because|once|if)\b/i.test(doc.sentences[0]?.text ?? '');
  if (labels[0] === 'S' && opening && opening.ownAction && !opening.task && !opening.hypothetical && !opening.habitual && !setsScene && n > 1) labels[0] = 'A';
  const confidences = scores.map((s, i) => Math.round(Math.exp(s[labels[i]!]) * 100) / 100);
  return { labels, confidences, cues: cueList };
}
