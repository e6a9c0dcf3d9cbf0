import { z } from 'zod';
import { EXPORT_FORMAT } from '../../storage/transfer.js';
import { schemaRegistry } from './common.js';

/** An export file, described loosely here; `starl import` and `POST /api/import` check it in full. */
export const exportDocumentSchema = z
  .looseObject({ format: z.literal(EXPORT_FORMAT), version: z.number().int() })
  .register(schemaRegistry, { id: 'ExportDocument', description: 'All of your data: companies, facts, sessions, answers and their recordings, stories and reviews.' });

/** What `POST /api/import` added, and what it found already there. */
export const importCountsSchema = z
  .object({ added: z.record(z.string(), z.number().int()), alreadyPresent: z.record(z.string(), z.number().int()) })
  .register(schemaRegistry, { id: 'ImportCounts', description: 'Rows added and rows already present, per table.' });
