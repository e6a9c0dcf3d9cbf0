import type { StarLabel } from '../types.js';
import type { Document, Sentence } from '../text/document.js';
import { compileLexicon } from '../lexicon/lexicon.js';
import cues from './cues.json' with { type: 'json' };

const LEARNING = compileLexicon({ about: cues.about, entries: cues.learning });
const RESULT = compileLexicon({ about: cues.about, entries: cues.result });
const TASK = compileLexicon({ about: cues.about, entries: cues.task });
const PREFACE = compileLexicon({ about: cues.about, entries: cues.preface });
const HYPOTHETICAL = compileLexicon({ about: cues.about, entries: cues.hypothetical });
const HABITUAL = compileLexicon({ about: cues.about, entries: cues.habitual });
const SITUATION = compileLexicon({ about: cues.about, entries: cues.situation });

/** A change told with numbers ("from 4.1 to 4.7", "down to £31", "by a third"): the clearest result. */
const MEASURED_CHANGE = /\bfrom\s+\S+\s+(?:\S+\s+){0,3}to\s+\S*\d|\b(?:down|up|fell|dropped|rose|cut|reduced|increased|decreased|grew|improved)\s+(?:\S+\s+){0,4}(?:to|by)\s+(?:about\s+|around\s+|roughly\s+|under\s+|over\s+|nearly\s+|almost\s+)?(?:\S*\d|a (?:third|quarter|half|fifth)|half|zero|nothing)|\d+(?:\.\d+)?\s?%|\bper ?cent\b/i;

/** Per-sentence evidence for each label, before the sequence is decoded. */
export interface SentenceCues {
  learning: boolean;
  result: boolean;
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

const ORDER: Record<StarLabel, number> = { S: 0, T: 1, A: 2, R: 3, L: 4, O: -1 };
const LABELS: StarLabel[] = ['S', 'T', 'A', 'R', 'L', 'O'];

/** Reads the cues of one sentence from its text and clauses. */
export function sentenceCues(sentence: Sentence): SentenceCues {
  const text = sentence.text;
  const clauses = sentence.clauses;
  const actions = clauses.filter((c) => c.past && !c.stative && !c.modal && !c.perfect);
  const main = clauses[0];
  return {
    learning: LEARNING.test(text),
    result: RESULT.test(text),
    measured: MEASURED_CHANGE.test(text),
    task: TASK.test(text),
    preface: PREFACE.find(text).some((s) => s.start <= 2) && sentence.words <= 12,
    hypothetical: clauses.some((c) => c.modal && (c.subject === 'I' || c.subject === 'we')) || HYPOTHETICAL.find(text).some((s) => s.start < 20),
    habitual: HABITUAL.test(text) && !clauses.some((c) => c.past && !c.stative),
    situation: SITUATION.test(text),
    ownAction: actions.some((c) => c.subject === 'I' && !c.passive),
    weAction: actions.some((c) => c.subject === 'we' && !c.passive),
    otherAction: actions.some((c) => c.subject === 'other' && !c.passive && !c.outcome),
    passiveAction: actions.some((c) => c.passive),
    outcomeVerb: clauses.some((c) => c.outcome && c.past && !c.modal),
    stateOnly: clauses.length > 0 && clauses.every((c) => c.stative || c.perfect) && clauses.some((c) => c.past),
    past: clauses.some((c) => c.past),
    presentOnly: clauses.length > 0 && !clauses.some((c) => c.past),
    ...(main ? {} : {}),
  };
}

/** Scores each label for one sentence at relative position `at` (0 first, 1 last). */
function labelScores(c: SentenceCues, at: number, first: boolean, last: boolean): Record<StarLabel, number> {
  const s = { S: 0, T: 0, A: 0, R: 0, L: 0, O: 0 } as Record<StarLabel, number>;
  s.S += (c.situation ? 1.2 : 0) + (c.stateOnly ? 1.5 : 0) + (first ? 1.5 : 0) + (c.otherAction && at < 0.34 ? 0.8 : 0) + (1 - at) * 0.8;
  s.T += c.task ? 2.6 : 0;
  s.A += (c.ownAction ? 2.6 : 0) + (c.weAction ? 1.8 : 0) + (c.passiveAction ? 1 : 0) + (c.otherAction ? 0.6 : 0);
  s.R += (c.result ? 1.4 : 0) + (c.measured ? 1.6 : 0) + (c.outcomeVerb ? 0.9 : 0) + at * 1.2 + (c.otherAction && at > 0.5 ? 0.6 : 0);
  s.L += (c.learning ? 3.4 : 0) + (last ? 0.6 : 0);
  s.O += (c.preface ? 3.5 : 0) + (c.hypothetical ? 2.8 : 0) + (c.habitual ? 2.6 : 0) + (c.presentOnly && !c.learning ? 1 : 0) + 0.2;
  if (c.measured && c.ownAction) s.A += 0.4;
  if (c.learning && c.presentOnly) s.L += 0.8;
  return s;
}

/** The cost of moving from one label to the next: stories run S, T, A, R, L, and rarely go back. */
function transitionPenalty(from: StarLabel, to: StarLabel): number {
  if (from === 'O' || to === 'O' || from === to) return 0;
  const back = ORDER[from] - ORDER[to];
  if (back <= 0) return 0;
  if ((from === 'R' && to === 'A') || (from === 'T' && to === 'S')) return 0.4;
  if (from === 'L') return 1.5;
  return 0.7 * back;
}

/** A labelled sentence with how far its label beat the runner-up, as a confidence from 0 to 1. */
export interface StarLabelling {
  labels: StarLabel[];
  confidences: number[];
  cues: SentenceCues[];
}

/**
 * Labels every sentence of a behavioral answer S, T, A, R, L or O: cue scores per sentence, then the best
 * sequence under the story order (a Viterbi pass), so a sentence's neighbours settle close calls.
 */
export function labelStar(doc: Document): StarLabelling {
  const n = doc.sentences.length;
  const cueList = doc.sentences.map(sentenceCues);
  const scores = cueList.map((c, i) => labelScores(c, n > 1 ? i / (n - 1) : 0.5, i === 0, i === n - 1 && n > 1));
  const best: number[][] = [];
  const back: number[][] = [];
  for (let i = 0; i < n; i++) {
    best.push([]);
    back.push([]);
    for (let k = 0; k < LABELS.length; k++) {
      const label = LABELS[k]!;
      const own = scores[i]![label];
      if (i === 0) {
        best[i]![k] = own;
        back[i]![k] = -1;
        continue;
      }
      let top = -Infinity;
      let arg = 0;
      for (let p = 0; p < LABELS.length; p++) {
        const prev = lastStoryLabel(back, best, i - 1, p);
        const value = best[i - 1]![p]! - transitionPenalty(prev, label);
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
  const confidences = scores.map((s, i) => {
    const ranked = Object.values(s).sort((a, b) => b - a);
    const margin = s[labels[i]!] - (ranked[0] === s[labels[i]!] ? ranked[1]! : ranked[0]!);
    return Math.round(Math.min(0.95, Math.max(0.3, 0.6 + margin * 0.15)) * 100) / 100;
  });
  return { labels, confidences, cues: cueList };
}

/** O sentences are asides: the order constraint applies to the last story label before them. */
function lastStoryLabel(back: number[][], best: number[][], i: number, k: number): StarLabel {
  let label = LABELS[k]!;
  let at = i;
  let index = k;
  while (label === 'O' && at > 0) {
    index = back[at]![index]!;
    at--;
    label = LABELS[index]!;
  }
  void best;
  return label;
}
