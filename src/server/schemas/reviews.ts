import { z } from 'zod';
import { QUESTION_TYPES, REASONS, SEVERITIES } from '../../core/types.js';
import { MAIN_REASON_DEFINITION } from '../../review/main-reason.js';
import type { Review } from '../../review/types.js';
import { MAX_NAME_LENGTH } from '../../text/limits.js';
import { TIMINGS, TRANSCRIPT_FORMATS } from '../../transcripts/types.js';
import { labelled } from '../../validation/issues.js';
import { reportSchema } from './analysis.js';
import { perReason, reasonSchema, schemaRegistry, timestampSchema, verdictSchema, type MutuallyAssignable } from './common.js';

/** The body of `POST /api/reviews`: a transcript's text, decoded in the page, and its file name. */
export const reviewRequestSchema = z
  .object({
    fileName: labelled(z.string().min(1).max(255), 'the file name').describe('The transcript\'s file name, for messages and the saved record.'),
    text: labelled(z.string(), 'the transcript').describe('The transcript\'s text.'),
    candidate: labelled(z.string().min(1), 'the candidate\'s name').optional().describe('The candidate\'s name as the transcript spells it; inferred when absent.'),
    company: labelled(z.string().min(1).max(MAX_NAME_LENGTH), 'the company name').optional().describe('A saved company\'s name or alias; answers are judged with its posting and facts.'),
    save: z.boolean().default(true).describe('Whether to save the judged answers for progress; default true.'),
  })
  .strict()
  .register(schemaRegistry, { id: 'ReviewRequest', description: 'A transcript to review.' });

const tallySchema = z
  .object({ misses: z.number().int(), applicable: z.number().int() })
  .register(schemaRegistry, { id: 'ReviewTally', description: 'Misses out of the answers where a reason applies.' });

const reviewFindingSchema = z
  .object({
    ruleId: z.string(),
    reason: z.enum([...REASONS, 'delivery']),
    severity: z.enum(SEVERITIES),
    message: z.string(),
    quote: z.string().describe('The answer\'s own words the finding is about; empty where something is missing.'),
    sentence: z.string().describe('The sentence those words are in.'),
    time: z.number().nullable().describe('Seconds from the start of the recording when the words were said.'),
    line: z.number().int().describe('1-based line of the transcript where the words are.'),
    suggestions: z.array(z.string()),
  })
  .register(schemaRegistry, { id: 'ReviewFinding', description: 'A problem the analyzer found in an answer, placed in the interview.' });

const reviewedPairSchema = z
  .object({
    question: z.string(),
    followUps: z.array(z.string()).describe('Follow-up and clarifying questions asked inside the answer.'),
    answer: z.string(),
    start: z.number().nullable().describe('When the answer starts, in seconds; null when the transcript has no times.'),
    line: z.number().int().describe('1-based line of the question.'),
    answerLine: z.number().int().describe('1-based line where the answer starts.'),
    questionType: z.enum(QUESTION_TYPES).nullable(),
    reasons: perReason(
      z.object({
        verdict: verdictSchema,
        score: z.number().nullable(),
        summary: z.string().describe('The evidence for the verdict, in words.'),
        confidence: z.number().describe('How likely the verdict is right, 0 to 1.'),
        uncertain: z.boolean().describe('The answer sits near the line: the verdict is a lean, not settled.'),
      }),
    ).nullable(),
    findings: z.array(reviewFindingSchema),
    strengths: z.array(z.object({ reason: reasonSchema, kind: z.string(), quote: z.string() })),
    context: z.object({ used: z.array(z.string()), couldUse: z.array(z.string()) }).nullable().describe('The posting\'s terms the answer used, and those it could have.'),
    followUp: z.string().nullable().describe('The question an interviewer would likely ask next.'),
    words: z.number().int(),
    problem: z.object({ code: z.string(), message: z.string() }).nullable().describe('Why the answer could not be judged; null when it was.'),
    report: reportSchema.nullable().describe('The analyzer\'s full report; null when the answer could not be judged.'),
  })
  .register(schemaRegistry, { id: 'ReviewedPair', description: 'One question of the interview with its answer and its verdicts.' });

const momentSchema = z
  .object({
    pair: z.number().int().describe('Index into `pairs`.'),
    question: z.string(),
    quote: z.string(),
    message: z.string(),
    score: z.number().nullable(),
    time: z.number().nullable(),
    line: z.number().int(),
  })
  .register(schemaRegistry, { id: 'ReviewMoment', description: 'A moment that shows a reason costing the candidate, worst first.' });

/** The review of a transcript, as `POST /api/reviews` returns it: `Review` with what was saved. */
export const reviewSchema = z
  .object({
    format: z.enum(TRANSCRIPT_FORMATS),
    timing: z.enum(TIMINGS),
    candidate: z.string().describe('The candidate\'s speaker label in the transcript ("Lena Marsh", "A", "Speaker 2", "Candidate").'),
    interviewers: z.array(z.string()),
    candidateBasis: z.enum(['override', 'inferred']).describe('`override` when the request named the candidate.'),
    identification: z
      .object({
        name: z.string().nullable().describe('The candidate\'s name when the transcript gives one.'),
        confidence: z.enum(['high', 'medium', 'low']).describe('`low`: Starl is unsure and asks to be told the candidate.'),
        clues: z.array(z.string()).describe('The clues that decided it, in words.'),
        unsure: z.string().nullable().describe('Why Starl is unsure, when it is.'),
      })
      .describe('Who the candidate is as a person, how sure Starl is, and why.'),
    pairs: z.array(reviewedPairSchema),
    tallies: perReason(tallySchema),
    mainReason: reasonSchema.nullable().describe(`The main reason: ${MAIN_REASON_DEFINITION}.`),
    runnerUp: reasonSchema.nullable().describe('The reason ranked next by the same definition; null when no other reason missed.'),
    practice: z
      .object({ reason: reasonSchema, questionType: z.enum(QUESTION_TYPES), command: z.string().describe('The `starl practice --only TYPE` command that drills it.') })
      .nullable()
      .describe('What to practise next for the main reason.'),
    worstMoments: perReason(z.array(momentSchema)),
    delivery: z.object({
      talkTimeShare: z.number(),
      talkTimeBasis: z.enum(['time', 'words']),
      candidateWords: z.number().int(),
      wordsPerMinute: z.number().nullable(),
      fillers: z.number().int(),
      fillersPer100Words: z.number(),
      fillerRateReliable: z.boolean().describe('False when the transcript looks cleaned of "um" and "uh".'),
    }),
    saved: z.number().int().describe('How many judged answers were saved for progress.'),
    replaced: z.boolean().describe('Whether this saved the same transcript again for the same candidate, replacing the earlier save.'),
  })
  .register(schemaRegistry, { id: 'Review', description: 'A transcript reviewed pair by pair, with the main reason on top.' });

/** A saved answer from a reviewed transcript, as `GET /api/reviews` lists it. */
export const storedReviewSummarySchema = z
  .object({
    id: z.number().int(),
    sourceFile: z.string(),
    question: z.string(),
    answer: z.string(),
    createdAt: timestampSchema,
    verdicts: z.record(reasonSchema, verdictSchema),
  })
  .register(schemaRegistry, { id: 'StoredReview', description: 'One saved answer from a reviewed transcript.' });

export const storedReviewListSchema = z.array(storedReviewSummarySchema).register(schemaRegistry, { id: 'StoredReviewList', description: 'Saved review answers, oldest first.' });

const reviewMatchesRoute: MutuallyAssignable<z.infer<typeof reviewSchema>, Review & { saved: number; replaced: boolean }> = true;
void reviewMatchesRoute;
