import { z } from 'zod';
import { QUESTION_TYPES, REASONS, SEVERITIES, STAR_LABELS } from '../core/types.js';
import type { RuleMeta } from '../core/rules/rule.js';
import { MAX_TRANSCRIPT_BYTES } from '../transcripts/index.js';
import { TIMINGS, TRANSCRIPT_FORMATS } from '../transcripts/types.js';
import { MAIN_REASON_DEFINITION } from '../review/main-reason.js';
import type { Review } from '../review/types.js';
import type { AnalyzeInput, Report } from '../core/types.js';
import type { ProgressSeries } from '../progress/series.js';
import type { DeliveryPoint } from '../progress/delivery-series.js';
import type { Company, CompanyFact, JudgedAnswer, RecordingInfo, Session, Story, StoredAnswer } from '../storage/index.js';
import { FACT_KINDS } from '../company/notebook.js';
import { MAX_COMPETENCIES, MAX_COMPETENCY_LENGTH, MAX_FACT_LENGTH, MAX_NAME_LENGTH, MAX_SOURCE_LENGTH } from '../text/limits.js';
import { labelled } from '../validation/issues.js';
import type { SessionSummary } from '../report/summary.js';
import type { AnswerDelivery } from '../delivery/types.js';
import { EXPORT_FORMAT } from '../storage/transfer.js';
import { MAX_RECORDING_SECONDS, RECORDING_LIMIT_TEXT, RECORDING_MEDIA_TYPES } from '../recording/index.js';

/**
 * The API's schemas, in one registry: the server validates requests with them and the OpenAPI
 * document is generated from them, so the two cannot drift apart.
 */
export const schemaRegistry = z.registry<{ id: string; description?: string }>();

/** Longest request body the API accepts, in bytes: far above any real answer plus a job posting. */
export const MAX_BODY_BYTES = 256 * 1024;

/** Longest transcript upload: the transcript reader's own limit, doubled for JSON's escaping. */
export const MAX_TRANSCRIPT_BODY_BYTES = 2 * MAX_TRANSCRIPT_BYTES;

/** A moment as Starl stores it: an ISO 8601 date and time (`2026-01-31T09:00:00.000Z`). */
export const timestampSchema = z.iso.datetime({ offset: true });

const reasonSchema = z.enum(REASONS);

/**
 * A key the page makes up for one write: sending the same request again with it (a double click, a
 * retry after a lost answer) returns what the first one saved instead of saving twice.
 */
const clientIdSchema = labelled(z.string().min(8).max(100), 'the request key')
  .optional()
  .describe('A key of your own for this write, unique per write: a repeat with the same key returns the first result.');
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

const starLabelSchema = z.enum(STAR_LABELS);

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

/** The body of `GET /api/openapi.json`; described loosely, as the OpenAPI specification defines it. */
export const openApiDocumentSchema = z
  .looseObject({ openapi: z.string() })
  .register(schemaRegistry, { id: 'OpenApiDocument', description: 'An OpenAPI 3.1 document.' });

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

const verdictSchema = z.enum(['pass', 'miss', 'n/a']);

/** One object with a field per reason, each of the same shape. */
function perReason<T extends z.ZodType>(schema: T) {
  return z.object({ opportunity: schema, memorable: schema, specificReason: schema, starl: schema });
}

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

/** The body of `POST /api/sessions`: what kind of mock interview to plan. */
export const sessionRequestSchema = z
  .object({
    role: labelled(z.string().min(1).max(MAX_NAME_LENGTH), 'the role').optional().describe('The role\'s title; picks the field\'s questions and fills {role}.'),
    company: labelled(z.string().min(1).max(MAX_NAME_LENGTH), 'the company name').optional().describe('A saved company\'s name or alias; answers are judged with its posting and facts.'),
    only: labelled(z.enum(QUESTION_TYPES), 'the kind of question').optional().describe('A drill of one question type instead of a whole interview.'),
    count: labelled(z.number().int().min(1).max(20), 'the number of questions').optional().describe('How many questions; default 8 for an interview, 5 for a drill.'),
    seed: labelled(z.number().int().min(0), 'the seed').optional().describe('The same seed plans the same questions.'),
    clientId: clientIdSchema,
  })
  .strict()
  .register(schemaRegistry, { id: 'SessionRequest', description: 'A mock interview or drill to plan.' });

/** A planned session, with how long each answer should take. */
export const sessionSchema = z
  .object({
    id: z.number().int(),
    uid: z.string(),
    companyId: z.number().int().nullable(),
    role: z.string().nullable(),
    field: z.string().nullable(),
    mode: z.enum(['interview', 'drill']),
    status: z.enum(['active', 'finished']),
    startedAt: timestampSchema,
    finishedAt: timestampSchema.nullable(),
    questions: z.array(z.object({ position: z.number().int(), bankId: z.string().nullable(), questionType: z.string(), text: z.string() })),
    aimSeconds: z.array(z.number()).describe('How long each answer should take, in seconds; shown beside the timer, never enforced.'),
  })
  .register(schemaRegistry, { id: 'Session', description: 'A mock interview or drill with its questions.' });

export const sessionListSchema = z.array(sessionSchema).register(schemaRegistry, { id: 'SessionList', description: 'Every session, newest first.' });

/** A time in a recording, in seconds: at most a day, as for the time an answer took. */
const recordingSecondsSchema = z.number().min(0).max(24 * 60 * 60);
const rateSchema = z.number().min(0).max(10_000);
const shareSchema = z.number().min(0).max(1);
const timeSpanSchema = z.object({ start: recordingSecondsSchema, end: recordingSecondsSchema }).strict();

/** How a recorded answer was delivered, as `measureDelivery` measured it in the page. */
export const deliveryMeasuresSchema = z
  .object({
    method: z.string().min(1).max(40).describe('Which version of the measuring method made these figures.'),
    recordingSeconds: recordingSecondsSchema,
    speech: timeSpanSchema.nullable().describe('The first and last sound; null when the recording holds no speech.'),
    answerSeconds: recordingSecondsSchema.describe('Seconds from the first sound to the last.'),
    speakingSeconds: recordingSecondsSchema.describe('The answer\'s seconds less its pauses.'),
    pauses: z
      .object({
        count: z.number().int().min(0),
        totalSeconds: recordingSecondsSchema,
        longestSeconds: recordingSecondsSchema,
        silentShare: shareSchema,
        perMinute: rateSchema,
        spans: labelled(z.array(timeSpanSchema).max(20_000), 'the pauses'),
      })
      .strict()
      .describe('Silences of a quarter second or more inside the answer.'),
    syllables: z.number().int().min(0),
    speechRate: rateSchema.nullable().describe('Syllables per second of the answer.'),
    articulationRate: rateSchema.nullable().describe('Syllables per second of speaking, pauses left out.'),
    words: z.number().int().min(0).nullable(),
    wordsPerMinute: rateSchema.nullable().describe('Transcript words per minute of the answer; null without a transcript.'),
    fillers: z
      .object({
        count: z.number().int().min(0),
        per100Words: z.number().min(0),
        found: labelled(z.array(z.object({ text: z.string().min(1).max(100), count: z.number().int().min(1) }).strict()).max(200), 'the fillers found'),
      })
      .strict()
      .nullable(),
    silenceBelowPeakDb: z.number().min(0).max(200),
  })
  .strict()
  .register(schemaRegistry, { id: 'DeliveryMeasures', description: 'Pace, pauses and syllables measured from a recording.' });

/** The delivery an answer keeps: its measures and, for a story with word times, the seconds per STAR(L) part. */
export const answerDeliverySchema = labelled(
  z
    .object({
      measures: labelled(deliveryMeasuresSchema, 'the delivery measures'),
      starParts: z
        .object({
          seconds: z.object({ S: recordingSecondsSchema, T: recordingSecondsSchema, A: recordingSecondsSchema, R: recordingSecondsSchema, L: recordingSecondsSchema, O: recordingSecondsSchema }).strict(),
          totalSeconds: recordingSecondsSchema,
          situationTaskShare: shareSchema,
          sentences: z.array(z.object({ label: starLabelSchema.nullable(), start: recordingSecondsSchema, end: recordingSecondsSchema }).strict()).max(5_000),
        })
        .strict()
        .nullable()
        .describe('Seconds spent in each STAR(L) part; null without word times or for an answer that is not a story.'),
    })
    .strict(),
  'how the answer was delivered',
).register(schemaRegistry, { id: 'AnswerDelivery', description: 'How a recorded answer was delivered.' });

/** The body of `POST /api/sessions/:id/answers`. */
export const answerRequestSchema = z
  .object({
    position: labelled(z.number().int().min(0), 'the question\'s position').describe('Which question of the session (0-based).'),
    answer: labelled(z.string(), 'the answer').describe('The answer as typed.'),
    seconds: labelled(z.number().min(0).max(24 * 60 * 60), 'the time taken').describe('How long the candidate took, in seconds.'),
    followUpOf: labelled(z.number().int(), 'the answer followed up').nullable().optional().describe('The answer whose follow-up question this answers.'),
    delivery: answerDeliverySchema.nullable().optional().describe('How the answer was delivered, when it was recorded: measured in the page, never the audio itself.'),
    clientId: clientIdSchema,
  })
  .strict()
  .register(schemaRegistry, { id: 'AnswerRequest', description: 'An answer to one question of a session.' });

/** A saved answer with the analyzer's report. */
export const storedAnswerSchema = z
  .object({
    id: z.number().int(),
    uid: z.string(),
    sessionId: z.number().int(),
    position: z.number().int(),
    attempt: z.number().int(),
    followUpOf: z.number().int().nullable(),
    question: z.string(),
    answer: z.string(),
    seconds: z.number(),
    report: reportSchema,
    delivery: answerDeliverySchema.nullable(),
    createdAt: timestampSchema,
  })
  .register(schemaRegistry, { id: 'StoredAnswer', description: 'One saved answer: a first try, a retry or a follow-up.' });

/** What is known of a saved answer's recording, without its audio. */
export const recordingInfoSchema = z
  .object({
    answerId: z.number().int(),
    mediaType: z.string().describe('The content type it was recorded in, codec included (`audio/webm;codecs=opus`).'),
    seconds: z.number().describe('How long it lasts.'),
    bytes: z.number().int().describe('Its size.'),
    createdAt: timestampSchema,
  })
  .register(schemaRegistry, { id: 'RecordingInfo', description: 'A saved answer\'s recording, without its audio.' });

/** The query of `PUT /api/sessions/:id/answers/:answerId/recording`; the body is the audio itself. */
export const recordingQuerySchema = z
  .object({
    seconds: labelled(z.coerce.number().min(0).max(MAX_RECORDING_SECONDS + 1), 'the recording\'s length in seconds').describe('How long the recording lasts.'),
  })
  .strict();

/** A recording's audio, as the browser recorded it. */
export const recordingAudioSchema = z
  .string()
  .describe(`Compressed audio (${RECORDING_MEDIA_TYPES.join(', ')}), at most ${RECORDING_LIMIT_TEXT}.`)
  .register(schemaRegistry, { id: 'RecordingAudio', description: 'A recording\'s audio bytes.' });

export const sessionDetailSchema = z
  .object({
    session: sessionSchema,
    answers: z.array(storedAnswerSchema),
    recordings: z.array(recordingInfoSchema).describe('The recordings of its answers; an answer not listed has none.'),
  })
  .register(schemaRegistry, { id: 'SessionDetail', description: 'A session with every answer given so far.' });

const companyNameSchema = labelled(z.string().trim().min(1).max(MAX_NAME_LENGTH), 'the company name');

/** The body of `POST /api/companies`: a company to add, or to update when its name is known. */
export const companyRequestSchema = z
  .object({
    name: companyNameSchema,
    aliases: labelled(z.array(labelled(z.string().trim().min(1).max(MAX_NAME_LENGTH), 'each other name')).max(20), 'the other names').optional(),
    competitors: labelled(z.array(labelled(z.string().trim().min(1).max(MAX_NAME_LENGTH), 'each competitor')).max(20), 'the competitors').optional().describe('Other employers in the same market, for the swap test.'),
    contextText: labelled(z.string().max(200_000), 'the job posting').optional().describe('The job posting or company page, as text or HTML.'),
  })
  .strict()
  .register(schemaRegistry, { id: 'CompanyRequest', description: 'A company to add or update.' });

export const companySchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    aliases: z.array(z.string()),
    competitors: z.array(z.string()),
    contextText: z.string().nullable(),
    contextSource: z.string().nullable(),
    terms: z.array(z.string()).describe('The posting\'s distinctive terms.'),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
  })
  .register(schemaRegistry, { id: 'Company', description: 'A company in the homework notebook.' });

export const companyListSchema = z.array(companySchema).register(schemaRegistry, { id: 'CompanyList', description: 'Every company.' });

/** The body of `POST /api/companies/:id/facts`. */
export const factRequestSchema = z
  .object({
    kind: labelled(z.enum(FACT_KINDS), 'the kind of fact'),
    text: labelled(z.string().trim().min(1).max(MAX_FACT_LENGTH), 'the fact'),
    source: labelled(z.string().max(MAX_SOURCE_LENGTH), 'where you found it').optional().describe('Where the fact was found: a link or a note.'),
    clientId: clientIdSchema,
  })
  .strict()
  .register(schemaRegistry, { id: 'FactRequest', description: 'A research fact about a company.' });

/** A research fact about a company. */
export const factSchema = z
  .object({ id: z.number().int(), uid: z.string(), companyId: z.number().int(), kind: z.string(), text: z.string(), source: z.string(), createdAt: timestampSchema })
  .register(schemaRegistry, { id: 'Fact', description: 'A research fact with where it was found.' });

export const companyDetailSchema = z
  .object({
    company: companySchema,
    facts: z.array(factSchema),
    checklist: z.array(z.object({ item: z.string(), done: z.boolean(), hint: z.string() })),
    questionsToAsk: z.array(z.object({ question: z.string(), fact: factSchema })),
  })
  .register(schemaRegistry, { id: 'CompanyDetail', description: 'A company with its facts, homework checklist and questions to ask.' });

const storyTitleSchema = labelled(z.string().trim().min(1).max(MAX_NAME_LENGTH), 'the story\'s title');
const storyTextSchema = labelled(z.string().trim().min(1).max(20_000), 'the story');
const storyCompetenciesSchema = labelled(z.array(labelled(z.string().trim().max(MAX_COMPETENCY_LENGTH), 'each competency')).max(MAX_COMPETENCIES), 'the competencies');

/** The body of `POST /api/stories`. */
export const storyRequestSchema = z
  .object({
    title: storyTitleSchema,
    text: storyTextSchema,
    competencies: storyCompetenciesSchema.optional(),
    clientId: clientIdSchema,
  })
  .strict()
  .register(schemaRegistry, { id: 'StoryRequest', description: 'A story for the bank.' });

/** A story of the bank, with its sentences labelled. */
export const storySchema = z
  .object({
    id: z.number().int(),
    uid: z.string(),
    title: z.string(),
    text: z.string(),
    competencies: z.array(z.string()),
    parts: z.array(z.object({ text: z.string(), star: z.string().nullable() })).describe('The story\'s sentences with their STAR(L) labels.'),
    sourceAnswerId: z.number().int().nullable(),
    createdAt: timestampSchema,
  })
  .register(schemaRegistry, { id: 'Story', description: 'A STAR(L) story in the bank.' });

export const storyBankSchema = z
  .object({
    stories: z.array(storySchema),
    fits: z.array(z.object({ storyId: z.number().int(), score: z.number(), why: z.string() })).describe('With `?question=`, the stories that fit it best.'),
  })
  .register(schemaRegistry, { id: 'StoryBank', description: 'The story bank, and which stories fit a question.' });

const judgedAnswerSchema = z
  .object({
    origin: z.enum(['practice', 'review']),
    id: z.number().int(),
    sessionId: z.number().int().nullable(),
    question: z.string(),
    answer: z.string(),
    questionType: z.string(),
    verdicts: z.object({ opportunity: verdictSchema, memorable: verdictSchema, specificReason: verdictSchema, starl: verdictSchema }),
    at: z.string(),
  })
  .register(schemaRegistry, { id: 'JudgedAnswer', description: 'The verdicts of one judged answer, from practice or a review.' });

const progressPointSchema = z.object({ day: z.string(), passed: z.number().int(), judged: z.number().int(), share: z.number() });

/** The body of `GET /api/progress`. */
export const progressSchema = z
  .object({
    judged: z.array(judgedAnswerSchema),
    series: z.object({
      opportunity: z.array(progressPointSchema),
      memorable: z.array(progressPointSchema),
      specificReason: z.array(progressPointSchema),
      starl: z.array(progressPointSchema),
    }),
    weakest: z
      .object({
        reason: reasonSchema,
        passed: z.number().int(),
        judged: z.number().int(),
        misses: z.array(z.object({ origin: z.enum(['practice', 'review']), id: z.number().int() })),
      })
      .nullable(),
    delivery: z
      .array(
        z.object({
          day: z.string(),
          answers: z.number().int(),
          wordsPerMinute: z.number().nullable(),
          estimatedPaces: z.number().int().describe('How many of the day\'s paces were estimated from syllables, with no transcript.'),
          pausesPerMinute: z.number(),
          longestPauseSeconds: z.number(),
          silentShare: z.number(),
          fillersPer100Words: z.number().nullable(),
        }),
      )
      .describe('How the recorded practice answers were delivered, averaged per day.'),
  })
  .register(schemaRegistry, { id: 'Progress', description: 'Pass shares per reason over time, the weakest reason now, and delivery over time.' });

/** The body of `PATCH /api/companies/:id`: each field given replaces what was there. */
export const companyPatchSchema = z
  .object({
    name: companyNameSchema.optional(),
    aliases: companyRequestSchema.shape.aliases,
    competitors: companyRequestSchema.shape.competitors,
    contextText: labelled(z.string().max(200_000), 'the job posting').nullable().optional().describe('A new posting (text or HTML); null removes it.'),
  })
  .strict()
  .register(schemaRegistry, { id: 'CompanyPatch', description: 'Changes to a company; lists replace the old ones.' });

/** The body of `PATCH /api/stories/:id`: each field given replaces what was there; new text is labelled again. */
export const storyPatchSchema = z
  .object({ title: storyTitleSchema.optional(), text: storyTextSchema.optional(), competencies: storyCompetenciesSchema.optional() })
  .strict()
  .register(schemaRegistry, { id: 'StoryPatch', description: 'Changes to a story.' });

/** The body of `PATCH /api/sessions/:id/answers/:answerId`: the answer's new text, judged again. */
export const answerPatchSchema = z
  .object({ answer: labelled(z.string().trim().min(1), 'the answer').describe('The new text; the answer and any follow-up to it are judged again.') })
  .strict()
  .register(schemaRegistry, { id: 'AnswerPatch', description: 'A saved answer\'s new text.' });

/** The body of `PUT /api/sessions/:id/answers/:answerId/delivery`: how the answer was delivered, or null to forget it. */
export const deliveryPutSchema = z
  .object({ delivery: answerDeliverySchema.nullable().describe('The delivery measured from the answer\'s recording; null forgets it.') })
  .strict()
  .register(schemaRegistry, { id: 'DeliveryPut', description: 'How a saved answer was delivered.' });

/** What a DELETE removed, counted by kind. */
export const deletedSchema = z
  .object({ deleted: z.record(z.string(), z.number().int()).describe('How many rows of each kind went, the one asked for included.') })
  .register(schemaRegistry, { id: 'Deleted', description: 'What was deleted.' });

const summaryAnswerSchema = z.object({ position: z.number().int(), question: z.string(), answer: z.string(), why: z.string() });

/** What a finished session teaches; see `summarizeSession`. */
export const sessionSummarySchema = z
  .object({
    sessionId: z.number().int(),
    mode: z.string(),
    company: z.string().nullable(),
    role: z.string().nullable(),
    planned: z.number().int(),
    answered: z.number().int(),
    totals: z.record(reasonSchema, z.object({ passed: z.number().int(), judged: z.number().int() })),
    weakest: z.object({ reason: reasonSchema, passed: z.number().int(), judged: z.number().int(), misses: z.array(summaryAnswerSchema) }).nullable(),
    best: summaryAnswerSchema.extend({ score: z.number(), passed: z.array(reasonSchema) }).nullable(),
    followUps: z.array(z.object({ position: z.number().int(), question: z.string(), followUp: z.string(), answer: z.string() })),
    times: z.array(z.object({ position: z.number().int(), question: z.string(), seconds: z.number() })),
    drill: z.object({ reason: reasonSchema, only: z.enum(QUESTION_TYPES), count: z.number().int() }).nullable().describe('The drill to start next: `POST /api/sessions` with `only` and `count`.'),
    seconds: z.number(),
  })
  .register(schemaRegistry, { id: 'SessionSummary', description: 'Verdicts per reason, the weakest reason and its answers, the best answer, follow-ups, time per answer and a drill.' });

/** A session's full report as a file: standalone HTML or Markdown. */
export const reportDocumentSchema = z.string().register(schemaRegistry, { id: 'ReportDocument', description: 'The report as HTML or Markdown text.' });

/** An export file, described loosely here; `starl import` and `POST /api/import` check it in full. */
export const exportDocumentSchema = z
  .looseObject({ format: z.literal(EXPORT_FORMAT), version: z.number().int() })
  .register(schemaRegistry, { id: 'ExportDocument', description: 'All of your data: companies, facts, sessions, answers and their recordings, stories and reviews.' });

/** What `POST /api/import` added, and what it found already there. */
export const importCountsSchema = z
  .object({ added: z.record(z.string(), z.number().int()), alreadyPresent: z.record(z.string(), z.number().int()) })
  .register(schemaRegistry, { id: 'ImportCounts', description: 'Rows added and rows already present, per table.' });

/** Every error the API returns has this shape; `code` is one of Starl's stable error codes. */
export const errorBodySchema = z
  .object({ error: z.object({ code: z.string(), message: z.string(), field: z.string().optional().describe('The request field the error is about, when it is about one.') }) })
  .register(schemaRegistry, { id: 'Error', description: 'An error with a stable code and a message naming what was wrong.' });

export type AnalyzeRequest = z.infer<typeof analyzeRequestSchema>;
export type RuleInfo = z.infer<typeof ruleInfoSchema>;

// Compile-time guard: the schemas must describe exactly the core's types, so a change to the
// Report in src/core fails the type check here instead of publishing a stale OpenAPI document.
type MutuallyAssignable<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const reportMatchesCore: MutuallyAssignable<z.infer<typeof reportSchema>, Report> = true;
const judgedMatchesStore: MutuallyAssignable<z.infer<typeof judgedAnswerSchema>, JudgedAnswer> = true;
const seriesMatchesProgress: MutuallyAssignable<z.infer<typeof progressSchema>['series'], ProgressSeries> = true;
const deliveryMatchesProgress: MutuallyAssignable<z.infer<typeof progressSchema>['delivery'], DeliveryPoint[]> = true;
void deliveryMatchesProgress;
void judgedMatchesStore;
void seriesMatchesProgress;
const recordingMatchesStore: MutuallyAssignable<z.infer<typeof recordingInfoSchema>, RecordingInfo> = true;
void recordingMatchesStore;
const storedAnswerMatchesStore: MutuallyAssignable<z.infer<typeof storedAnswerSchema>, StoredAnswer> = true;
const sessionMatchesStore: MutuallyAssignable<Omit<z.infer<typeof sessionSchema>, 'aimSeconds'>, Session> = true;
void storedAnswerMatchesStore;
void sessionMatchesStore;
const companyMatchesStore: MutuallyAssignable<z.infer<typeof companySchema>, Company> = true;
const storyMatchesStore: MutuallyAssignable<z.infer<typeof storySchema>, Story> = true;
const factMatchesStore: MutuallyAssignable<z.infer<typeof factSchema>, CompanyFact> = true;
void companyMatchesStore;
void storyMatchesStore;
void factMatchesStore;
const deliveryMatchesMeasures: MutuallyAssignable<z.infer<typeof answerDeliverySchema>, AnswerDelivery> = true;
void deliveryMatchesMeasures;
const summaryMatchesReport: MutuallyAssignable<z.infer<typeof sessionSummarySchema>, SessionSummary> = true;
const reviewMatchesRoute: MutuallyAssignable<z.infer<typeof reviewSchema>, Review & { saved: number; replaced: boolean }> = true;
void reviewMatchesRoute;
void summaryMatchesReport;
const requestMatchesCore: MutuallyAssignable<AnalyzeRequest, AnalyzeInput> = true;
const ruleMatchesCore: MutuallyAssignable<RuleInfo, RuleMeta> = true;
void reportMatchesCore;
void ruleMatchesCore;
void requestMatchesCore;
