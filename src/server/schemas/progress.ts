import { z } from 'zod';
import type { DeliveryPoint } from '../../progress/delivery-series.js';
import type { ProgressSeries } from '../../progress/series.js';
import type { JudgedAnswer } from '../../storage/index.js';
import { reasonSchema, schemaRegistry, verdictSchema, type MutuallyAssignable } from './common.js';

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

const judgedMatchesStore: MutuallyAssignable<z.infer<typeof judgedAnswerSchema>, JudgedAnswer> = true;
const seriesMatchesProgress: MutuallyAssignable<z.infer<typeof progressSchema>['series'], ProgressSeries> = true;
const deliveryMatchesProgress: MutuallyAssignable<z.infer<typeof progressSchema>['delivery'], DeliveryPoint[]> = true;
void judgedMatchesStore;
void seriesMatchesProgress;
void deliveryMatchesProgress;
