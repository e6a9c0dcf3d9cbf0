import { StarlError } from '../core/errors.js';
import { transcriptError } from './errors.js';
import { extractQuestion } from './questions.js';
import { CANDIDATE_LABEL, INTERVIEWER_LABEL } from './speakers.js';
import { UNNAMED_CANDIDATE, UNNAMED_INTERVIEWER } from './turns.js';
import type { CandidateChoice, Turn } from './types.js';

const FIRST_PERSON = /\b(?:i|i'm|i've|i'd|i'll|my|me|myself)\b/gi;

interface SpeakerStats {
  speaker: string;
  turns: number;
  words: number;
  asking: number;
  answering: number;
  firstPerson: number;
}

/**
 * Decides who the candidate is: the speaker named by `override` (matched without case, or by a unique
 * part of the name), else the one who mostly answers: few questions, long turns right after someone
 * else's question, much "I" and "my". Everyone else is an interviewer, however many there are.
 */
export function chooseCandidate(turns: readonly Turn[], override?: string, file?: string): CandidateChoice {
  const speakers = [...new Set(turns.map((turn) => turn.speaker))];
  if (speakers.length < 2) {
    const only = speakers[0] ?? 'nobody';
    throw transcriptError(`only one speaker ("${only}") found: a review needs the interviewer's questions and the candidate's answers`, turns[0]?.line ?? 1, file);
  }
  const others = (candidate: string) => speakers.filter((speaker) => speaker !== candidate);
  if (override !== undefined) {
    const candidate = matchSpeaker(speakers, override);
    return { candidate, interviewers: others(candidate), basis: 'override' };
  }
  if (speakers.includes(UNNAMED_CANDIDATE) && speakers.includes(UNNAMED_INTERVIEWER)) {
    return { candidate: UNNAMED_CANDIDATE, interviewers: others(UNNAMED_CANDIDATE), basis: 'inferred' };
  }
  const stats = collectStats(turns, speakers);
  const ranked = [...stats].sort((a, b) => answererScore(b) - answererScore(a));
  const candidate = ranked[0]?.speaker ?? UNNAMED_CANDIDATE;
  return { candidate, interviewers: others(candidate), basis: 'inferred' };
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
  const label = CANDIDATE_LABEL.test(stats.speaker) ? 10 : INTERVIEWER_LABEL.test(stats.speaker) ? -10 : 0;
  return label + 2 * (stats.answering / turns) + 2 * (1 - stats.asking / turns) + 10 * (stats.firstPerson / words) + Math.log10(words) / 2;
}
