import { StarlError } from '../core/errors.js';
import { transcriptError } from './errors.js';
import { addressedNames, headerName, introducedNames, sameName, type HeaderName } from './names.js';
import { extractQuestion, isClosingQuestion } from './questions.js';
import { CANDIDATE_LABEL, INTERVIEWER_LABEL } from './speakers.js';
import { UNNAMED_CANDIDATE, UNNAMED_INTERVIEWER } from './turns.js';
import type { CandidateChoice, CandidateConfidence, Turn } from './types.js';

const FIRST_PERSON = /\b(?:i|i'm|i've|i'd|i'll|my|me|myself)\b/gi;
/** Otter's and Zoom's labels for speakers they could not name. */
const NUMBERED_SPEAKER = /^(?:speaker \d+|unknown speaker)$/i;

/** Whether a label says which side a speaker is on ("A", "Interviewer", "Speaker 2") rather than who they are. */
function isGenericLabel(label: string): boolean {
  return CANDIDATE_LABEL.test(label) || INTERVIEWER_LABEL.test(label) || NUMBERED_SPEAKER.test(label);
}

/**
 * How much the clues weigh against how the speakers talk (`answererScore`, where the candidate and
 * an interviewer are typically 3 to 4 apart): a label ("A", "Interviewer") settles it; a header naming
 * the speaker nearly does; an interviewer introducing their own job counts against them.
 */
const LABEL_WEIGHT = 10;
const HEADER_WEIGHT = 6;
const INTERVIEWER_INTRODUCTION_WEIGHT = 4;
/** How far ahead the chosen speaker must be: below `UNSURE_MARGIN`, Starl asks; above `SURE_MARGIN` it is sure. */
const UNSURE_MARGIN = 1.5;
const SURE_MARGIN = 3;

interface Evidence {
  speaker: string;
  score: number;
  /** How the speaker talks alone, without labels or names: to see when the clues disagree with it. */
  behaviour: number;
  clues: string[];
  strong: boolean;
}

interface SpeakerStats {
  speaker: string;
  turns: number;
  words: number;
  asking: number;
  answering: number;
  firstPerson: number;
}

/** What `chooseCandidate` reads besides the turns. */
export interface ChooseCandidateOptions {
  /** The lines above the transcript, which may name the candidate ("Lena Marsh – interview notes"). */
  header?: readonly string[];
  /** `false` when the file named no speakers and the sides were inferred sentence by sentence. */
  hasSpeakers?: boolean;
  /** The candidate as named with --candidate. */
  override?: string;
  file?: string;
}

/**
 * Decides who the candidate is, using every clue a person would: the speaker named by `override`; labels
 * ("A", "Me", "Interviewer"); a header or title naming them; greetings and introductions ("Hey, Corinne?",
 * "I'm Greta, the pharmacy manager"); who asks the questions and who answers them, and who talks most.
 * It reports the person's name when the transcript gives one, how sure it is, and, when unsure, why.
 *
 * @example
 * chooseCandidate(buildTurns(parsed), { header: parsed.header, hasSpeakers: parsed.hasSpeakers }).name; // 'Lena Marsh'
 */
export function chooseCandidate(turns: readonly Turn[], options: ChooseCandidateOptions = {}): CandidateChoice {
  const speakers = [...new Set(turns.map((turn) => turn.speaker))];
  if (speakers.length < 2) {
    const only = speakers[0] ?? 'nobody';
    throw transcriptError(`only one speaker ("${only}") found: a review needs the interviewer's questions and the candidate's answers`, turns[0]?.line ?? 1, options.file);
  }
  const header = headerName(options.header ?? []);
  const others = (candidate: string) => speakers.filter((speaker) => speaker !== candidate);
  if (options.override !== undefined) {
    const candidate = matchSpeaker(speakers, options.override);
    const named = personName(candidate, turns, speakers, header);
    return { candidate, interviewers: others(candidate), basis: 'override', name: named.name, confidence: 'high', clues: ['you named the candidate', ...named.clues], unsure: null };
  }
  if (options.hasSpeakers === false && speakers.includes(UNNAMED_CANDIDATE)) return chooseUnnamedSide(turns, speakers);
  const ranked = weigh(turns, speakers, header).sort((a, b) => b.score - a.score);
  const { chosen, confidence, unsure } = howSure(ranked as [Evidence, Evidence, ...Evidence[]]);
  const named = personName(chosen.speaker, turns, speakers, header);
  return { candidate: chosen.speaker, interviewers: others(chosen.speaker), basis: 'inferred', name: named.name, confidence, clues: [...chosen.clues, ...named.clues], unsure };
}

/**
 * The best-placed speaker and how sure the choice is. When a header or label names one speaker but
 * another clearly does the answering, the answering one is reviewed (a review needs answers) and Starl asks.
 */
function howSure(ranked: readonly [Evidence, Evidence, ...Evidence[]]): { chosen: Evidence; confidence: CandidateConfidence; unsure: string | null } {
  const [top, second] = ranked;
  const margin = top.score - second.score;
  const byBehaviour = [...ranked].sort((a, b) => b.behaviour - a.behaviour)[0] ?? top;
  if (top.strong && byBehaviour.speaker !== top.speaker && byBehaviour.behaviour - top.behaviour >= UNSURE_MARGIN) {
    return { chosen: byBehaviour, confidence: 'low', unsure: `${top.clues[0] ?? 'a label'} points to "${top.speaker}", but "${byBehaviour.speaker}" is the one who answers the questions` };
  }
  if (margin >= SURE_MARGIN || (top.strong && margin > 0)) return { chosen: top, confidence: 'high', unsure: null };
  if (margin >= UNSURE_MARGIN) return { chosen: top, confidence: 'medium', unsure: null };
  return { chosen: top, confidence: 'low', unsure: `"${top.speaker}" and "${second.speaker}" both ask and answer questions, and nothing names the candidate` };
}

/** Each speaker's case for being the candidate: how they talk, plus labels, the header and introductions. */
function weigh(turns: readonly Turn[], speakers: readonly string[], header: HeaderName | null): Evidence[] {
  const stats = collectStats(beforeClosing(turns), speakers);
  const mostWords = Math.max(...stats.map((s) => s.words));
  const evidence = stats.map((s): Evidence => {
    const clues: string[] = [];
    let bonus = 0;
    let strong = false;
    if (CANDIDATE_LABEL.test(s.speaker)) {
      bonus += LABEL_WEIGHT;
      strong = true;
      clues.push(`labelled "${s.speaker}"`);
    } else if (INTERVIEWER_LABEL.test(s.speaker)) bonus -= LABEL_WEIGHT;
    if (header && sameName(s.speaker, header.name)) {
      bonus += HEADER_WEIGHT;
      strong = true;
      clues.push(`the ${header.kind === 'writer' ? "notes' header" : 'title'} names "${header.name}"`);
    }
    if (s.answering > 0) clues.push(`answers ${s.answering} question${s.answering === 1 ? '' : 's'}`);
    clues.push(s.asking === 0 ? 'asks no questions before the closing one' : `asks ${s.asking} question${s.asking === 1 ? '' : 's'} before the closing one`);
    if (s.words === mostWords) clues.push('talks most');
    const behaviour = answererScore(s);
    return { speaker: s.speaker, score: behaviour + bonus, behaviour, clues, strong };
  });
  for (const turn of turns) {
    for (const introduced of introducedNames(turn.text)) {
      if (!introduced.interviewerRole) continue;
      const who = introduced.colleague ? speakers.find((speaker) => sameName(speaker, introduced.name)) : turn.speaker;
      const target = evidence.find((e) => e.speaker === who);
      if (target) target.score -= INTERVIEWER_INTRODUCTION_WEIGHT;
    }
  }
  return evidence;
}

/** Who asks and who answers is measured before the closing question, after which the candidate asks. */
function beforeClosing(turns: readonly Turn[]): readonly Turn[] {
  const closingAt = turns.findIndex((turn) => {
    const question = extractQuestion(turn.text);
    return question !== null && isClosingQuestion(question.text);
  });
  return closingAt === -1 ? turns : turns.slice(0, closingAt + 1);
}

/**
 * The person behind a speaker label: the label itself when it is a name; else the notes' writer in the
 * header; else the name others greet them by ("Hey, Corinne?"), or the one they introduce themselves by.
 */
function personName(candidate: string, turns: readonly Turn[], speakers: readonly string[], header: HeaderName | null): { name: string | null; clues: string[] } {
  if (!isGenericLabel(candidate)) return { name: candidate, clues: [] };
  if (header?.kind === 'writer') return { name: header.name, clues: [`the notes' header names "${header.name}" as the writer`] };
  const known = (name: string) => speakers.some((speaker) => !isGenericLabel(speaker) && sameName(speaker, name));
  const greeted = new Map<string, string>();
  const interviewerNames = new Set<string>();
  for (const turn of turns) {
    for (const introduced of introducedNames(turn.text)) {
      if (turn.speaker === candidate && !introduced.colleague && !introduced.interviewerRole) greeted.set(introduced.name, `introduces themselves ("${introduced.quote}")`);
      else interviewerNames.add(introduced.name);
    }
    if (turn.speaker === candidate) continue;
    for (const addressed of addressedNames(turn.text)) {
      if (!known(addressed.name) && !greeted.has(addressed.name)) greeted.set(addressed.name, `greeted as "${addressed.name}" ("${addressed.quote}")`);
    }
  }
  const names = [...greeted].filter(([name]) => !interviewerNames.has(name));
  if (names.length !== 1) return { name: null, clues: [] };
  const [name, clue] = names[0]!;
  // A title that gives the full name ("Interview: Mireille Dubois") completes a first name said in a greeting.
  const full = header?.kind === 'title' && sameName(name, header.name) ? header.name : name;
  return { name: full, clues: [clue] };
}

/**
 * Without speaker names the sides are inferred (questions are the interviewer's), so the candidate is the
 * answering side; a name greeted in the interviewer's questions, or in the first lines, names them.
 */
function chooseUnnamedSide(turns: readonly Turn[], speakers: readonly string[]): CandidateChoice {
  const clues = ['no speaker names: the candidate is the side that answers the questions'];
  const interviewerNames = new Set(turns.flatMap((turn) => introducedNames(turn.text).filter((n) => n.interviewerRole || n.colleague).map((n) => n.name)));
  const votes = new Map<string, { count: number; quote: string }>();
  for (const turn of turns) {
    for (const addressed of addressedNames(turn.text)) {
      if (interviewerNames.has(addressed.name)) continue;
      // A name in a question was said by the interviewer, so it is the candidate's; elsewhere it may be either.
      const weight = turn.speaker === UNNAMED_INTERVIEWER ? 2 : 1;
      const vote = votes.get(addressed.name) ?? { count: 0, quote: addressed.quote };
      vote.count += weight;
      votes.set(addressed.name, vote);
    }
  }
  const ranked = [...votes].sort((a, b) => b[1].count - a[1].count);
  const interviewers = speakers.filter((speaker) => speaker !== UNNAMED_CANDIDATE);
  const base = { candidate: UNNAMED_CANDIDATE, interviewers, basis: 'inferred' as const };
  const [first, second] = ranked;
  if (!first) return { ...base, name: null, confidence: 'medium', clues, unsure: null };
  if (second && second[1].count === first[1].count) {
    return { ...base, name: null, confidence: 'low', clues, unsure: `the transcript greets both "${first[0]}" and "${second[0]}", and has no speaker names to tell which one is you` };
  }
  return { ...base, name: first[0], confidence: 'medium', clues: [...clues, `greeted as "${first[0]}" ("${first[1].quote}")`], unsure: null };
}

function matchSpeaker(speakers: readonly string[], name: string): string {
  const wanted = name.trim().toLowerCase();
  const exact = speakers.find((speaker) => speaker.toLowerCase() === wanted);
  if (exact) return exact;
  const partial = speakers.filter((speaker) => speaker.toLowerCase().includes(wanted));
  if (partial.length === 1 && partial[0] !== undefined) return partial[0];
  const problem = partial.length > 1 ? `"${name}" matches several speakers` : `no speaker named "${name}"`;
  throw new StarlError('E_USAGE', `${problem}; the speakers are ${speakers.map((speaker) => `"${speaker}"`).join(', ')}`, { field: '--candidate' });
}

function collectStats(turns: readonly Turn[], speakers: readonly string[]): SpeakerStats[] {
  const bySpeaker = new Map<string, SpeakerStats>(
    speakers.map((speaker) => [speaker, { speaker, turns: 0, words: 0, asking: 0, answering: 0, firstPerson: 0 }]),
  );
  turns.forEach((turn, index) => {
    const stats = bySpeaker.get(turn.speaker);
    if (!stats) return;
    const previous = turns[index - 1];
    stats.turns++;
    stats.words += turn.text.split(/\s+/).filter(Boolean).length;
    stats.firstPerson += turn.text.match(FIRST_PERSON)?.length ?? 0;
    if (extractQuestion(turn.text)) stats.asking++;
    if (previous && previous.speaker !== turn.speaker && extractQuestion(previous.text)) stats.answering++;
  });
  return [...bySpeaker.values()];
}

/**
 * How much a speaker sounds like the one being interviewed. The weights make answering after questions
 * and not asking count most; "I" and length break ties between interviewers who both ask.
 */
function answererScore(stats: SpeakerStats): number {
  const turns = Math.max(1, stats.turns);
  const words = Math.max(1, stats.words);
  return 2 * (stats.answering / turns) + 2 * (1 - stats.asking / turns) + 10 * (stats.firstPerson / words) + Math.log10(words) / 2;
}
