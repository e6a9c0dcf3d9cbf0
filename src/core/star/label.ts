import type { StarLabel } from '../types.js';
import { effortOnly, toldAction, type SentenceCues } from '../facts.js';

export type { SentenceCues } from '../facts.js';
import type { Document, Sentence } from '../text/document.js';
import { SHIPPED_MODELS } from '../model/models.js';
import { decode, LABELS, type StarModel } from './crf.js';
import { storySentenceRows } from './features.js';
import { questionTopics } from '../question-type/topics.js';
import type { Lexicon } from '../lexicon/lexicon.js';
import { LEXICONS } from '../lexicon/index.js';


const { learningCues: LEARNING, resultCues: RESULT, taskCues: TASK, prefaceCues: PREFACE, hypotheticalCues: HYPOTHETICAL, habitualCues: HABITUAL, situationCues: SITUATION, effortCues: EFFORT } = LEXICONS;



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

/** Words that make a later clause background to the action rather than its effect. */
const BACKGROUND = /\b(when|while|because|as|since|if|although|though|who|which|that|where|until|before|whether)\b/i;

/** Whether a clause after the candidate's own action tells what it caused: "I called her, and she agreed". */
function tellsConsequence(sentence: Sentence): boolean {
  const clauses = sentence.clauses;
  const own = clauses.findIndex((c) => c.subject === 'I' && c.past && !c.modal && !c.passive);
  if (own < 0) return false;
  return clauses.slice(own + 1).some((c, k) => {
    const between = sentence.text.slice(clauses[own + k]!.verb.end - sentence.start, c.verb.start - sentence.start);
    // "…so the change had a purpose" gives a purpose, not an effect: possession is no consequence.
    return c.subject !== 'I' && (c.past || c.passive) && !c.modal && c.verb.lemma !== 'have' && /\b(and|so)\b|,/.test(between) && !BACKGROUND.test(between);
  });
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
  const effort = cueHits(doc, EFFORT);
  return doc.sentences.map((sentence, i) => {
    const clauses = sentence.clauses;
    const actions = clauses.filter((c) => c.past && !c.stative && !c.modal && !c.perfect);
    return {
      learning: learning.has(i),
      result: result.has(i),
      effort: effort.has(i),
      consequence: tellsConsequence(sentence),
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


/** A labelled story: each sentence's label, the model's probability for it, and the cues it read. */
export interface StarLabelling {
  labels: StarLabel[];
  confidences: number[];
  /** Each sentence's probability of every label, in the order of `LABELS` (S, T, A, R, L, O). */
  marginals: number[][];
  cues: SentenceCues[];
}

/**
 * Labels every sentence of a behavioral answer S, T, A, R, L or O with the fitted sequence model
 * (star/crf.ts) over each sentence's linguistic evidence (star/features.ts). Only three of the specification's
 * decisions are applied: a told action of one's own is never an aside, fillers alone are, and effort is
 * no result.
 */
export function labelStar(doc: Document, model: StarModel = SHIPPED_MODELS.star, question = ''): StarLabelling {
  const cueList = readCues(doc);
  // The specification: the candidate's own past action, told as part of the story, is never an aside, and
  // actions told with "we" are still actions.
  const { labels, marginals } = decode(model, storySentenceRows(doc, cueList, questionTopics(question).map((t) => t.id)), (i, label) => label === 'O' && toldAction(cueList[i]!));
  doc.sentences.forEach((sentence, i) => {
    if (sentence.tokens.every((t) => t.type !== 'word' || FILLER_WORDS.has(t.lower))) labels[i] = 'O';
    // Effort told as the ending ("we all worked hard and got through it") is commentary, not a result.
    if (labels[i] === 'R' && effortOnly(cueList[i]!)) labels[i] = 'O';
  });
  const confidences = marginals.map((m, i) => Math.round(m[LABELS.indexOf(labels[i]!)]! * 100) / 100);
  return { labels, confidences, marginals, cues: cueList };
}
