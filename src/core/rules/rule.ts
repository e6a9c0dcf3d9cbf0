import type { Anchor, AnalyzeInput, FindingReason, QuestionType, Severity, Span, Suggestion } from '../types.js';
import type { Document } from '../text/document.js';
import type { Match, Signals } from '../signals.js';
import type { StarLabelling } from '../star/label.js';
import type { Judgement } from '../judge.js';
import type { Reason } from '../types.js';

/** What a rule may read: the parsed answer, its signals and the reasons' judgements. Rules never throw. */
export interface RuleContext {
  input: AnalyzeInput;
  doc: Document;
  signals: Signals;
  questionType: QuestionType;
  star: StarLabelling | null;
  judgements: Partial<Record<Reason, Judgement>>;
}

/** A suggestion as a rule drafts it: the engine renders its text from the rule's suggestion table. */
export type SuggestionDraft =
  | { kind: 'advice'; id: string }
  | { kind: 'replace'; id: string; span: Span; replacement: string }
  | { kind: 'insert'; id: string; at: number; insertion: string }
  | { kind: 'remove'; id: string; span: Span };

/** What a rule returns; the engine stamps rule id, severity, message and fingerprint so a rule cannot get them wrong. */
export interface FindingDraft {
  messageId: string;
  span: Span;
  anchor: Anchor;
  /** Values for `{{name}}` placeholders in the message and suggestion templates. */
  data?: Record<string, string>;
  evidence?: Span[];
  suggestions: SuggestionDraft[];
  /** Overrides the rule's default severity (a missing result is an error, a missing number only info). */
  severity?: Severity;
}

/** A rule's metadata, after ESLint: it drives the catalogue, the docs and the engine. */
export interface RuleMeta {
  id: string;
  reason: FindingReason;
  description: string;
  severity: Severity;
  /** Question types the rule runs for; every type when absent. */
  appliesTo?: readonly QuestionType[];
  messages: Record<string, string>;
  suggestions: Record<string, string>;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): FindingDraft[];
}

/** Declares a rule; the identity function exists so TypeScript checks the object's shape where it is written. */
export function defineRule(rule: Rule): Rule {
  return rule;
}

export type { Suggestion };

/** How a lexicon rule words its finding: one message (with `{{words}}`) and one piece of advice. */
export interface LexiconRuleWording {
  messageId: string;
  suggestionId: string;
  /** Runs only when this holds (e.g. only when the reason is missed). */
  when?: (context: RuleContext) => boolean;
  /** At most this many findings, the first in the answer. */
  max?: number;
}

/**
 * A rule that flags every match of one lexicon, as Vale's "existence" check does: the lexicon is data,
 * and this one engine turns its matches into findings.
 */
export function defineLexiconRule(meta: RuleMeta, matches: (signals: Signals) => Match[], wording: LexiconRuleWording): Rule {
  return defineRule({
    meta,
    check(context) {
      if (wording.when && !wording.when(context)) return [];
      return matches(context.signals)
        .slice(0, wording.max ?? Infinity)
        .map((match) => ({
          messageId: wording.messageId,
          span: { start: match.start, end: match.end },
          anchor: 'match' as const,
          data: { words: match.text },
          suggestions: [{ kind: 'advice' as const, id: wording.suggestionId }],
        }));
    },
  });
}
