import { z } from 'zod';
import type { AnswerDelivery } from '../../delivery/types.js';
import { MAX_RECORDING_SECONDS, RECORDING_LIMIT_TEXT, RECORDING_MEDIA_TYPES } from '../../recording/index.js';
import type { RecordingInfo } from '../../storage/index.js';
import { labelled } from '../../validation/issues.js';
import { starLabelSchema } from './analysis.js';
import { schemaRegistry, timestampSchema, type MutuallyAssignable } from './common.js';

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

/** The body of `PUT /api/sessions/:id/answers/:answerId/delivery`: how the answer was delivered, or null to forget it. */
export const deliveryPutSchema = z
  .object({ delivery: answerDeliverySchema.nullable().describe('The delivery measured from the answer\'s recording; null forgets it.') })
  .strict()
  .register(schemaRegistry, { id: 'DeliveryPut', description: 'How a saved answer was delivered.' });

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

const deliveryMatchesMeasures: MutuallyAssignable<z.infer<typeof answerDeliverySchema>, AnswerDelivery> = true;
const recordingMatchesStore: MutuallyAssignable<z.infer<typeof recordingInfoSchema>, RecordingInfo> = true;
void deliveryMatchesMeasures;
void recordingMatchesStore;
