// Reading a `starl export` file for import. It lives beside the API's schemas because it checks the
// file with them; the storage, a floor below, checks that the rows fit together and writes them.
import { z } from 'zod';
import { StarlError } from '../core/errors.js';
import { issuePath, labelled, plainIssue } from '../validation/issues.js';
import { assertExportConsistent, EXPORT_FORMAT, IMPORTABLE_VERSIONS, type ExportDocument } from '../storage/index.js';
import {
  answerDeliverySchema,
  answerRequestSchema,
  companyRequestSchema,
  factRequestSchema,
  reportSchema,
  sessionRequestSchema,
  sessionSchema,
  storyRequestSchema,
  storySchema,
  timestampSchema,
} from './schemas.js';

// The fields that the API also takes or returns are checked with the API's own schemas, so a file
// can hold nothing the API would refuse: a report of the wrong shape, an unknown kind of fact, a
// name over its limit, a time that is no time.
const text = z.string();
const nullableText = z.string().nullable();
const id = z.number().int().positive();
const uid = text.min(1);
const position = z.number().int().nonnegative();
const companyName = companyRequestSchema.shape.name;
// The key a client gave the write that made a row; exports written before client keys have none.
const clientId = nullableText.default(null);

/** A `starl export` file, as an import checks it. */
const exportSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: labelled(z.union(IMPORTABLE_VERSIONS.map((v) => z.literal(v))), 'the export format\'s version'),
  exportedAt: timestampSchema,
  companies: z.array(
    z.object({
      id,
      name: companyName,
      aliases: z.array(companyName),
      competitors: z.array(companyName),
      context_text: nullableText,
      context_source: nullableText,
      terms: z.array(text),
      created_at: timestampSchema,
      updated_at: timestampSchema,
    }),
  ),
  company_facts: z.array(
    z.object({
      id,
      uid,
      company_id: id,
      kind: factRequestSchema.shape.kind,
      text: factRequestSchema.shape.text,
      source: factRequestSchema.shape.source.unwrap(),
      created_at: timestampSchema,
      client_id: clientId,
    }),
  ),
  sessions: z.array(
    z.object({
      id,
      uid,
      company_id: id.nullable(),
      role: sessionRequestSchema.shape.role.unwrap().nullable(),
      field: nullableText,
      mode: sessionSchema.shape.mode,
      status: sessionSchema.shape.status,
      started_at: timestampSchema,
      finished_at: timestampSchema.nullable(),
      client_id: clientId,
    }),
  ),
  session_questions: z.array(z.object({ id, session_id: id, position, bank_id: nullableText, question_type: text, text })),
  answers: z.array(
    z.object({
      id,
      uid,
      session_id: id,
      position,
      attempt: z.number().int().positive(),
      follow_up_of: id.nullable(),
      question: text,
      answer: text,
      seconds: answerRequestSchema.shape.seconds,
      report: reportSchema,
      created_at: timestampSchema,
      client_id: clientId,
      // Exports written before answers kept their delivery have none.
      delivery: answerDeliverySchema.nullable().default(null),
    }),
  ),
  stories: z.array(
    z.object({
      id,
      uid,
      title: storyRequestSchema.shape.title,
      text,
      competencies: storyRequestSchema.shape.competencies.unwrap(),
      parts: storySchema.shape.parts,
      source_answer_id: id.nullable(),
      created_at: timestampSchema,
      client_id: clientId,
    }),
  ),
  reviews: z.array(
    z.object({
      id,
      uid,
      source_file: text,
      question: text,
      answer: text,
      report: reportSchema,
      answered_at: timestampSchema.nullable(),
      created_at: timestampSchema,
      // Exports written before reviews knew their transcript have no key.
      transcript_key: nullableText.default(null),
    }),
  ),
  // Version 1 files have no recordings; how each one's audio and type fit together is checked after.
  recordings: z
    .array(
      z.object({
        answer_id: id,
        media_type: text,
        seconds: z.number(),
        created_at: timestampSchema,
        data: labelled(z.base64(), 'the recording\'s audio'),
      }),
    )
    .default([]),
});

// Compile-time guard: what the schema lets through is what the storage imports.
const schemaFitsStorage: z.infer<typeof exportSchema> extends ExportDocument ? true : false = true;
void schemaFitsStorage;

/** The 1-based line of a character offset, for pointing at a JSON syntax error. */
function lineAt(source: string, offset: number): number {
  return source.slice(0, offset).split('\n').length;
}

/**
 * Reads and checks an export file's text whole, without touching any database: bad JSON, a different
 * format, a field the API's schemas refuse or rows that do not fit together is a typed error naming
 * the file, the line or the first bad record.
 */
export function parseExport(source: string, file: string): ExportDocument {
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // "Unexpected end of JSON input" gives no position: the file stops short, so its end is where it broke.
    const position = /position (\d+)/.exec(message)?.[1] ?? (/end of JSON input/i.test(message) ? String(source.trimEnd().length) : undefined);
    const line = position === undefined ? undefined : lineAt(source, Number(position));
    throw new StarlError('E_INPUT_BAD_JSON', `not a valid JSON file: ${message}`, { file, ...(line ? { line } : {}) });
  }
  if (typeof value !== 'object' || value === null || (value as { format?: unknown }).format !== EXPORT_FORMAT) {
    throw new StarlError('E_INPUT_BAD_FIELD', `not a Starl export (expected "format": "${EXPORT_FORMAT}")`, { file });
  }
  const version = (value as { version?: unknown }).version;
  if (typeof version === 'number' && version > Math.max(...IMPORTABLE_VERSIONS)) {
    throw new StarlError('E_INPUT_BAD_FIELD', `this export was written by a newer Starl (format version ${version}; this one reads versions ${IMPORTABLE_VERSIONS.join(' and ')}); update Starl to import it`, { file, field: 'version' });
  }
  const parsed = exportSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const problem = plainIssue(issue, exportSchema, value);
    throw new StarlError('E_INPUT_BAD_FIELD', `the export file is damaged: ${problem.charAt(0).toLowerCase()}${problem.slice(1, -1)}`, { file, field: issuePath(issue.path) });
  }
  const doc: ExportDocument = parsed.data;
  assertExportConsistent(doc, file);
  return doc;
}
