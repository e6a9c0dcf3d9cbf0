import { LEXICONS } from '../core/lexicon/index.js';
import { countWords } from '../core/text/sentences.js';
import type { Interview, Turn } from '../transcripts/types.js';
import type { DeliveryStats } from './types.js';

/**
 * The hesitations speech-to-text tools delete when they tidy a transcript (Otter and Teams do by
 * default): if none appears in this many words of speech, the transcript was most likely cleaned.
 */
const HESITATION = /\b(?:u+m+|u+h+|e+r+m*|hmm+)\b/gi;
const CLEANED_AFTER_WORDS = 150;


/**
 * The candidate's share of the talking, speaking pace and filler rate. Pace needs per-turn times (not
 * Google Meet's every few minutes); talk time falls back to words without them.
 */
export function measureDelivery(interview: Interview): DeliveryStats {
  const isCandidate = (turn: Turn) => turn.speaker === interview.candidate;
  const own = interview.turns.filter(isCandidate);
  const candidateWords = own.reduce((sum, turn) => sum + countWords(turn.text), 0);
  const allWords = interview.turns.reduce((sum, turn) => sum + countWords(turn.text), 0);
  // Otter's last paragraph has no next start to end it; shares and pace use the turns whose length is known.
  const timedTurns = interview.turns.filter((turn) => (turn.spokenSeconds ?? 0) > 0);
  const timed = (interview.timing === 'cue' || interview.timing === 'turn') && timedTurns.some(isCandidate);
  const seconds = (turns: readonly Turn[]) => turns.reduce((sum, turn) => sum + (turn.spokenSeconds ?? 0), 0);
  const ownTimed = timedTurns.filter(isCandidate);
  const candidateSeconds = seconds(ownTimed);
  const totalSeconds = seconds(timedTurns);
  const timedWords = ownTimed.reduce((sum, turn) => sum + countWords(turn.text), 0);
  const text = own.map((turn) => turn.text).join(' ');
  const fillers = LEXICONS.fillers.count(text);
  const hesitations = text.match(HESITATION)?.length ?? 0;
  return {
    talkTimeShare: timed ? candidateSeconds / totalSeconds : allWords > 0 ? candidateWords / allWords : 0,
    talkTimeBasis: timed ? 'time' : 'words',
    candidateWords,
    wordsPerMinute: timed ? (timedWords / candidateSeconds) * 60 : null,
    fillers,
    fillersPer100Words: candidateWords > 0 ? (fillers / candidateWords) * 100 : 0,
    fillerRateReliable: !(hesitations === 0 && candidateWords >= CLEANED_AFTER_WORDS),
  };
}
