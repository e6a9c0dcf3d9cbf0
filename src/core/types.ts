/** The four ways a candidate loses the connection, as the labelling guide names them. */
export const REASONS = ['opportunity', 'memorable', 'specificReason', 'starl'] as const;
export type Reason = (typeof REASONS)[number];

/** How each reason is named to a candidate, in every adapter. */
export const REASON_LABELS: Record<Reason, string> = {
  opportunity: 'Opportunity',
  memorable: 'Memorable',
  specificReason: 'Specific reason',
  starl: 'STAR(L)',
};

/** What a finding speaks to: one of the four reasons, or how the answer is delivered (fillers, length). */
export type FindingReason = Reason | 'delivery';

/** The guide's seven question types. */
export const QUESTION_TYPES = ['opener', 'introduction', 'personal', 'motivation', 'behavioral', 'closing', 'other'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export type Verdict = 'pass' | 'miss' | 'n/a';

/** STAR(L) sentence labels: situation, task, action, result, learning, other. */
export const STAR_LABELS = ['S', 'T', 'A', 'R', 'L', 'O'] as const;
export type StarLabel = (typeof STAR_LABELS)[number];

/** Severities in rank order, as Vale names them. */
export const SEVERITIES = ['info', 'warning', 'error'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** A half-open range of UTF-16 offsets into the answer: `answer.slice(start, end)`. */
export interface Span {
  start: number;
  end: number;
}

/**
 * How a finding's span relates to the problem: `match` marks the offending words, `scope` a whole part
 * (the situation, say), `insertion` an empty span where missing content belongs.
 */
export type Anchor = 'match' | 'scope' | 'insertion';

/** A closed set of typed suggestions, after Harper: advice to follow, or an edit to the answer. */
export type Suggestion =
  | { kind: 'advice'; id: string; text: string }
  | { kind: 'replace'; id: string; text: string; span: Span; replacement: string }
  | { kind: 'insert'; id: string; text: string; at: number; insertion: string }
  | { kind: 'remove'; id: string; text: string; span: Span };

/** One problem in an answer, in the shape of a vfile-message: rule, position, words, advice. */
export interface Finding {
  ruleId: string;
  reason: FindingReason;
  severity: Severity;
  messageId: string;
  message: string;
  span: Span;
  anchor: Anchor;
  /** The answer's own words at `span` (empty for an insertion point). */
  actual: string;
  evidence: Span[];
  suggestions: Suggestion[];
  /** Stable across edits: a hash of rule, message and the words, not their position. */
  fingerprint: string;
}

/** Something in the answer that counts for it (a number, a name, an outcome), highlighted as a strength. */
export interface Strength {
  kind: StrengthKind;
  reason: Reason;
  span: Span;
  actual: string;
}
export type StrengthKind =
  | 'number'
  | 'name'
  | 'outcome'
  | 'detail'
  | 'companyTerm'
  | 'personalTie'
  | 'ownAction'
  | 'warmth'
  | 'genuineQuestion'
  | 'learning';

/** Below this confidence a verdict is shown as uncertain rather than settled. */
export const UNCERTAIN_BELOW = 0.7;

export interface ReasonReport {
  verdict: Verdict;
  /** 0 to 100; 50 is the line between miss and pass. `null` when the reason does not apply. */
  score: number | null;
  /** How likely the verdict is right, 0 to 1, calibrated on answers the models never saw. */
  confidence: number;
  /** The confidence is below `UNCERTAIN_BELOW`: show the verdict as a lean, not as settled. */
  uncertain: boolean;
  summary: string;
  findings: Finding[];
  strengths: Strength[];
}

export interface SentenceReport extends Span {
  text: string;
  /** Present for behavioral answers only. */
  star?: StarLabel;
  confidence?: number;
}

/** The share of words in each STAR(L) part of a behavioral answer, against the guide's targets. */
export interface Balance {
  shares: Record<StarLabel, number>;
  words: number;
  situationTaskShare: number;
  /** The guide's limit: situation plus task take at most half of the words. */
  maxSituationTaskShare: number;
  /** Whether action is the largest of the STAR(L) parts, as coaches advise. */
  actionIsLargest: boolean;
  ok: boolean;
}

/** What the context text (a job posting or company page) offers and which of it the answer used. */
export interface ContextUse {
  terms: string[];
  used: string[];
  couldUse: string[];
}

export interface Report {
  questionType: QuestionType;
  questionTypeConfidence: number;
  reasons: Record<Reason, ReasonReport>;
  sentences: SentenceReport[];
  balance: Balance | null;
  findings: Finding[];
  strengths: Strength[];
  context: ContextUse | null;
  /** The question an interviewer would most likely ask next, because of the answer's biggest gap. */
  followUp: string | null;
  words: number;
}

/** What `analyze` takes. `context` is text pasted from the job posting or the company's site. */
export interface AnalyzeInput {
  question: string;
  answer: string;
  context?: string | null;
  /** The company's name and aliases, when known, to tell a named company from a label. */
  company?: { name: string; aliases?: string[]; competitors?: string[] } | null;
}
