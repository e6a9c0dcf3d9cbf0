import { z } from 'zod';
import { FACT_KINDS } from '../../company/notebook.js';
import type { Company, CompanyFact } from '../../storage/index.js';
import { MAX_FACT_LENGTH, MAX_NAME_LENGTH, MAX_SOURCE_LENGTH } from '../../text/limits.js';
import { labelled } from '../../validation/issues.js';
import { clientIdSchema, schemaRegistry, timestampSchema, type MutuallyAssignable } from './common.js';

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

const companyMatchesStore: MutuallyAssignable<z.infer<typeof companySchema>, Company> = true;
const factMatchesStore: MutuallyAssignable<z.infer<typeof factSchema>, CompanyFact> = true;
void companyMatchesStore;
void factMatchesStore;
