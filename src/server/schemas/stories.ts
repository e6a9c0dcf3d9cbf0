import { z } from 'zod';
import type { Story } from '../../storage/index.js';
import { MAX_COMPETENCIES, MAX_COMPETENCY_LENGTH, MAX_NAME_LENGTH } from '../../text/limits.js';
import { labelled } from '../../validation/issues.js';
import { clientIdSchema, schemaRegistry, timestampSchema, type MutuallyAssignable } from './common.js';

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

/** The body of `PATCH /api/stories/:id`: each field given replaces what was there; new text is labelled again. */
export const storyPatchSchema = z
  .object({ title: storyTitleSchema.optional(), text: storyTextSchema.optional(), competencies: storyCompetenciesSchema.optional() })
  .strict()
  .register(schemaRegistry, { id: 'StoryPatch', description: 'Changes to a story.' });

const storyMatchesStore: MutuallyAssignable<z.infer<typeof storySchema>, Story> = true;
void storyMatchesStore;
