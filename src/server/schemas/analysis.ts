import { z } from 'zod';
import type { RuleMeta } from '../../core/rules/rule.js';
import { QUESTION_TYPES, REASONS, SEVERITIES, STAR_LABELS, type AnalyzeInput, type Report } from '../../core/types.js';
import { labelled } from '../../validation/issues.js';
import { reasonSchema, schemaRegistry, type MutuallyAssignable } from './common.js';

const spanSchema = z
  .object({ start: z.number().int(), end: z.number().int() })
  .register(schemaRegistry, { id: 'Span', description: 'Half-open UTF-16 offsets into the answer.' });

/** The body of `POST /api/analyze`. */
export const analyzeRequestSchema = z
  .object({
    question: labelled(z.string(), 'the question').describe('The interviewer\'s question.'),
    answer: labelled(z.string(), 'the answer').describe('The candidate\'s answer.'),
    context: labelled(z.string(), 'the job posting').nullable().optional().describe('Text from the job posting or the company\'s site.'),
    company: z
      .object({
        name: z.string().min(1),
        aliases: z.array(z.string()).optional(),
        competitors: z.array(z.string()).optional(),
      })
      .strict()
      .nullable()
      .optional()
      .describe('The company\'s name and aliases, to tell a named company from a label.'),
  })
  .strict()
  .register(schemaRegistry, { id: 'AnalyzeRequest', description: 'A question and answer to judge.' });

const suggestionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('advice'), id: z.string(), text: z.string() }),
  z.object({ kind: z.literal('replace'), id: z.string(), text: z.string(), span: spanSchema, replacement: z.string() }),
  z.object({ kind: z.literal('insert'), id: z.string(), text: z.string(), at: z.number().int(), insertion: z.string() }),
  z.object({ kind: z.literal('remove'), id: z.string(), text: z.string(), span: spanSchema }),
]);

const findingSchema = z
  .object({
    ruleId: z.string(),
    reason: z.enum([...REASONS, 'delivery']),
    severity: z.enum(SEVERITIES),
    messageId: z.string(),
    message: z.string(),
    span: spanSchema,
    anchor: z.enum(['match', 'scope', 'insertion']),
    actual: z.string(),
    evidence: z.array(spanSchema),
    suggestions: z.array(suggestionSchema),
    fingerprint: z.string(),
  })
  .register(schemaRegistry, { id: 'Finding', description: 'One problem in the answer, with where it is and what to do.' });

const strengthSchema = z
  .object({
    kind: z.enum(['number', 'name', 'outcome', 'detail', 'companyTerm', 'personalTie', 'ownAction', 'warmth', 'genuineQuestion', 'learning']),
    reason: reasonSchema,
    span: spanSchema,
    actual: z.string(),
  })
  .register(schemaRegistry, { id: 'Strength', description: 'Something in the answer that counts for it.' });

const reasonReportSchema = z
  .object({
    verdict: z.enum(['pass', 'miss', 'n/a']),
    score: z.number().nullable(),
    confidence: z.number(),
    // Reports saved before Starl said when it was unsure carry no flag: they read as settled.
    uncertain: z.boolean().default(false),
    summary: z.string(),
    findings: z.array(findingSchema),
    strengths: z.array(strengthSchema),
  })
  .register(schemaRegistry, { id: 'ReasonReport', description: 'The verdict on one of the four reasons.' });

export const starLabelSchema = z.enum(STAR_LABELS);

/** The analyzer's report, as `POST /api/analyze` returns it. */
export const reportSchema = z
  .object({
    questionType: z.enum(QUESTION_TYPES),
    questionTypeConfidence: z.number(),
    reasons: z.object({
      opportunity: reasonReportSchema,
      memorable: reasonReportSchema,
      specificReason: reasonReportSchema,
      starl: reasonReportSchema,
    }),
    sentences: z.array(
      z.object({
        start: z.number().int(),
        end: z.number().int(),
        text: z.string(),
        star: starLabelSchema.optional(),
        confidence: z.number().optional(),
      }),
    ),
    balance: z
      .object({
        shares: z.object({ S: z.number(), T: z.number(), A: z.number(), R: z.number(), L: z.number(), O: z.number() }),
        words: z.number().int(),
        situationTaskShare: z.number(),
        maxSituationTaskShare: z.number(),
        actionIsLargest: z.boolean(),
        ok: z.boolean(),
      })
      .nullable(),
    findings: z.array(findingSchema),
    strengths: z.array(strengthSchema),
    context: z.object({ terms: z.array(z.string()), used: z.array(z.string()), couldUse: z.array(z.string()) }).nullable(),
    followUp: z.string().nullable(),
    words: z.number().int(),
  })
  .register(schemaRegistry, { id: 'Report', description: 'The analyzer\'s judgement of one answer.' });

/** One entry of the rule catalogue, as `GET /api/rules` lists it. */
export const ruleInfoSchema = z
  .object({
    id: z.string(),
    reason: z.enum([...REASONS, 'delivery']),
    description: z.string(),
    severity: z.enum(SEVERITIES),
    appliesTo: z.array(z.enum(QUESTION_TYPES)).readonly().optional().describe('Question types the rule runs for; every type when absent.'),
    messages: z.record(z.string(), z.string()).describe('Message templates by message id.'),
    suggestions: z.record(z.string(), z.string()).describe('Suggestion texts by suggestion id.'),
  })
  .register(schemaRegistry, { id: 'Rule', description: 'A rule of the catalogue.' });

/** The body of `GET /api/rules`. */
export const ruleListSchema = z.array(ruleInfoSchema).register(schemaRegistry, { id: 'RuleList', description: 'The rule catalogue.' });

export type AnalyzeRequest = z.infer<typeof analyzeRequestSchema>;
export type RuleInfo = z.infer<typeof ruleInfoSchema>;

const reportMatchesCore: MutuallyAssignable<z.infer<typeof reportSchema>, Report> = true;
const requestMatchesCore: MutuallyAssignable<AnalyzeRequest, AnalyzeInput> = true;
const ruleMatchesCore: MutuallyAssignable<RuleInfo, RuleMeta> = true;
void reportMatchesCore;
void requestMatchesCore;
void ruleMatchesCore;
