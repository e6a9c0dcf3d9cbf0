export { readInterview, type ReadInterviewOptions } from './interview.js';
export { parseTranscript, detectKind, MAX_TRANSCRIPT_BYTES, type DetectedKind } from './parse.js';
export { decodeTranscript, type TranscriptEncoding } from './decode.js';
export { buildTurns } from './turns.js';
export { chooseCandidate, type ChooseCandidateOptions } from './candidate.js';
export { pairQuestions } from './pairing.js';
export { extractQuestion, isFollowUpQuestion, isClosingQuestion, isSmallTalk, splitSentences, withoutLeadIn } from './questions.js';
export { formatClock, parseClock } from './time.js';
export type * from './types.js';
