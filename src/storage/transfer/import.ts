import type { Kysely } from 'kysely';
import type { Report } from '../../core/types.js';
import type { CLIENT_KEYED_TABLES } from '../migrations.js';
import type { StarlSchema } from '../schema.js';
import type { Store } from '../store.js';
import { companyKey } from '../store/companies.js';
import { recordingRow } from '../store/recordings.js';
import { verdictColumns } from '../store/verdicts.js';
import type { ExportDocument } from './format.js';

/** How many rows an import added, and how many it found already present (by their ids). */
export interface ImportCounts {
  added: Record<string, number>;
  alreadyPresent: Record<string, number>;
}

/** The tables whose rows carry a uid, by which an import knows a row it already has. */
type UidTable = 'company_facts' | 'sessions' | 'answers' | 'stories' | 'reviews';

/** The id a row already has under this uid, if any. */
async function existingId(trx: Kysely<StarlSchema>, table: UidTable, uid: string): Promise<number | undefined> {
  const row = await trx.selectFrom(table).select('id').where('uid', '=', uid).executeTakeFirst();
  return row?.id;
}

/**
 * A row's client key, unless another row already holds it. The key only tells repeats of one write
 * apart, so an imported row whose key is taken is kept without it.
 */
async function freeClientId(trx: Kysely<StarlSchema>, table: (typeof CLIENT_KEYED_TABLES)[number], clientId: string | null): Promise<string | null> {
  if (clientId === null) return null;
  const holder = await trx.selectFrom(table).select('id').where('client_id', '=', clientId).executeTakeFirst();
  return holder ? null : clientId;
}

/**
 * Adds an export's rows to the store in one transaction: all or nothing. Rows already present (same
 * uid) are skipped, so importing a file twice changes nothing the second time; a company already
 * known by name gets the file's aliases, competitors and facts merged in. Ids are renumbered as needed.
 */
export async function importAll(store: Store, doc: ExportDocument): Promise<ImportCounts> {
  const counts: ImportCounts = { added: {}, alreadyPresent: {} };
  const tally = (table: string, added: boolean) => {
    const bucket = added ? counts.added : counts.alreadyPresent;
    bucket[table] = (bucket[table] ?? 0) + 1;
  };
  await store.driver.writeTransaction(async (trx) => {
    /**
     * Inserts a row of the file unless a row with its uid is here already, and counts which it was.
     * Gives the id the row has here: the one present, or what `insert` returns.
     */
    const importOnce = async (table: UidTable, uid: string, insert: () => Promise<number | void>): Promise<number | void> => {
      const present = await existingId(trx, table, uid);
      tally(table, present === undefined);
      return present ?? (await insert());
    };
    const companyIds = new Map<number, number>();
    for (const row of doc.companies) {
      const known = await trx.selectFrom('companies').selectAll().where('name_key', '=', companyKey(row.name)).executeTakeFirst();
      if (known) {
        const merge = (mine: string, theirs: string[]) => {
          const list = JSON.parse(mine) as string[];
          const keys = new Set(list.map(companyKey));
          return JSON.stringify([...list, ...theirs.filter((name) => !keys.has(companyKey(name)))]);
        };
        await trx
          .updateTable('companies')
          .set({
            aliases: merge(known.aliases, row.aliases),
            competitors: merge(known.competitors, row.competitors),
            context_text: known.context_text ?? row.context_text,
            context_source: known.context_source ?? row.context_source,
            terms: known.context_text ? known.terms : JSON.stringify(row.terms),
          })
          .where('id', '=', known.id)
          .execute();
        companyIds.set(row.id, known.id);
        tally('companies', false);
        continue;
      }
      const { id: _old, ...values } = row;
      const inserted = await trx
        .insertInto('companies')
        .values({
          ...values,
          name_key: companyKey(row.name),
          aliases: JSON.stringify(row.aliases),
          competitors: JSON.stringify(row.competitors),
          terms: JSON.stringify(row.terms),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      companyIds.set(row.id, inserted.id);
      tally('companies', true);
    }
    for (const { id: _old, ...row } of doc.company_facts) {
      await importOnce('company_facts', row.uid, async () => {
        await trx
          .insertInto('company_facts')
          .values({ ...row, company_id: companyIds.get(row.company_id)!, client_id: await freeClientId(trx, 'company_facts', row.client_id) })
          .execute();
      });
    }
    const sessionIds = new Map<number, number>();
    const newSessions = new Set<number>();
    for (const { id: oldId, ...row } of doc.sessions) {
      const id = await importOnce('sessions', row.uid, async () => {
        newSessions.add(oldId);
        const inserted = await trx
          .insertInto('sessions')
          .values({
            ...row,
            company_id: row.company_id === null ? null : companyIds.get(row.company_id)!,
            client_id: await freeClientId(trx, 'sessions', row.client_id),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        return inserted.id;
      });
      sessionIds.set(oldId, id!);
    }
    for (const { id: _old, ...row } of doc.session_questions) {
      // A session already present keeps its own plan.
      if (!newSessions.has(row.session_id)) continue;
      await trx.insertInto('session_questions').values({ ...row, session_id: sessionIds.get(row.session_id)! }).execute();
      tally('session_questions', true);
    }
    const answerIds = new Map<number, number>();
    // Oldest first, so that an answer's original is in place before its follow-up.
    for (const { id: oldId, ...row } of [...doc.answers].sort((a, b) => a.id - b.id)) {
      const id = await importOnce('answers', row.uid, async () => {
        const inserted = await trx
          .insertInto('answers')
          .values({
            ...row,
            session_id: sessionIds.get(row.session_id)!,
            follow_up_of: row.follow_up_of === null ? null : answerIds.get(row.follow_up_of)!,
            report: JSON.stringify(row.report),
            ...verdictColumns(row.report),
            delivery: row.delivery === null ? null : JSON.stringify(row.delivery),
            client_id: await freeClientId(trx, 'answers', row.client_id),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        return inserted.id;
      });
      answerIds.set(oldId, id!);
    }
    for (const { id: _old, ...row } of doc.stories) {
      await importOnce('stories', row.uid, async () => {
        await trx
          .insertInto('stories')
          .values({
            ...row,
            competencies: JSON.stringify(row.competencies),
            parts: JSON.stringify(row.parts),
            source_answer_id: row.source_answer_id === null ? null : answerIds.get(row.source_answer_id)!,
            client_id: await freeClientId(trx, 'stories', row.client_id),
          })
          .execute();
      });
    }
    for (const row of doc.recordings) {
      const answerId = answerIds.get(row.answer_id)!;
      if (await trx.selectFrom('recordings').select('answer_id').where('answer_id', '=', answerId).executeTakeFirst()) {
        tally('recordings', false);
        continue;
      }
      const audio = Buffer.from(row.data, 'base64');
      await trx.insertInto('recordings').values(recordingRow(answerId, { mediaType: row.media_type, seconds: row.seconds, data: audio }, row.created_at)).execute();
      tally('recordings', true);
    }
    for (const { id: _old, ...row } of doc.reviews) {
      await importOnce('reviews', row.uid, async () => {
        await trx
          .insertInto('reviews')
          .values({ ...row, report: JSON.stringify(row.report), ...verdictColumns(row.report as unknown as Report) })
          .execute();
      });
    }
  });
  return counts;
}
