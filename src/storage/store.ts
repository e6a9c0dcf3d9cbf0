import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { StarlError } from '../core/errors.js';
import type { Report } from '../core/types.js';
import type { StoreDriver } from './driver.js';
import { migrate } from './migrations.js';
import { scopedDriver } from './owner-scope.js';
import { MAX_COMPETENCIES, MAX_COMPETENCY_LENGTH, MAX_FACT_LENGTH, MAX_SOURCE_LENGTH } from '../text/limits.js';
import { assertLength, cleanName, tidyName } from '../text/names.js';
import type { AnswerDelivery } from '../delivery/types.js';
import { checkRecording } from '../recording/index.js';
import type {
  Company,
  CompanyFact,
  DeliveredAnswer,
  JudgedAnswer,
  PlannedQuestion,
  Recording,
  RecordingInfo,
  Session,
  Story,
  StoredAnswer,
  StoredReview,
} from './records.js';
import type { CLIENT_KEYED_TABLES } from './migrations.js';
import type { AnswersTable, CompaniesTable, CompanyFactsTable, RecordingsTable, ReviewsTable, StarlSchema, StoriesTable, VerdictColumns } from './schema.js';

type ClientKeyedTable = (typeof CLIENT_KEYED_TABLES)[number];

/** The largest id a row can have on either database: PostgreSQL's `integer`, which its `serial` ids never pass. */
const MAX_ROW_ID = 2_147_483_647;

/**
 * An id as the database is asked for it. One past what an id column holds names no row, so it is
 * asked as 0, which no row has either (both databases number rows from 1): PostgreSQL would refuse
 * even to compare it with the column, failing where SQLite finds nothing.
 */
export function rowId(id: number): number {
  return Number.isSafeInteger(id) && Math.abs(id) <= MAX_ROW_ID ? id : 0;
}

/** Folds a company name for lookups, so "ACME Corp", "acme  corp" and the same typed in NFD are one company. */
export function companyKey(name: string): string {
  return tidyName(name).toLowerCase();
}

/** Names to add to a list, each checked as {@link cleanName} checks it; blanks are dropped. */
function cleanNames(names: readonly string[], field: string): string[] {
  return names.filter((name) => tidyName(name) !== '').map((name) => cleanName(name, field));
}

/** The verdict and score columns of a report. */
export function verdictColumns(report: Report): VerdictColumns {
  const { opportunity, memorable, specificReason, starl } = report.reasons;
  return {
    question_type: report.questionType,
    opportunity: opportunity.verdict,
    memorable: memorable.verdict,
    specific_reason: specificReason.verdict,
    starl: starl.verdict,
    opportunity_score: opportunity.score,
    memorable_score: memorable.score,
    specific_reason_score: specificReason.score,
    starl_score: starl.score,
  };
}

function toCompany(row: Selectable<CompaniesTable>): Company {
  return {
    id: row.id,
    name: row.name,
    aliases: JSON.parse(row.aliases) as string[],
    competitors: JSON.parse(row.competitors) as string[],
    contextText: row.context_text,
    contextSource: row.context_source,
    terms: JSON.parse(row.terms) as string[],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toAnswer(row: Selectable<AnswersTable>): StoredAnswer {
  return {
    id: row.id,
    uid: row.uid,
    sessionId: row.session_id,
    position: row.position,
    attempt: row.attempt,
    followUpOf: row.follow_up_of,
    question: row.question,
    answer: row.answer,
    seconds: row.seconds,
    report: JSON.parse(row.report) as Report,
    delivery: row.delivery === null ? null : (JSON.parse(row.delivery) as AnswerDelivery),
    createdAt: row.created_at,
  };
}

/** The columns of a recording that describe it, without its audio. */
const RECORDING_INFO = ['answer_id', 'media_type', 'seconds', 'bytes', 'created_at'] as const;

function toRecordingInfo(row: Pick<Selectable<RecordingsTable>, (typeof RECORDING_INFO)[number]>): RecordingInfo {
  return { answerId: row.answer_id, mediaType: row.media_type, seconds: row.seconds, bytes: row.bytes, createdAt: row.created_at };
}

/**
 * Checks a recording (see {@link checkRecording}) and returns the row to keep, audio as a Buffer, which
 * both SQLite's and PostgreSQL's drivers bind as a blob.
 */
export function recordingRow(answerId: number, input: RecordingInput, createdAt: string, field?: string): Selectable<RecordingsTable> {
  const mediaType = checkRecording({ mediaType: input.mediaType, seconds: input.seconds, size: input.data.byteLength, head: input.data.subarray(0, 12) }, field);
  const data = Buffer.from(input.data.buffer, input.data.byteOffset, input.data.byteLength);
  return { answer_id: answerId, media_type: mediaType, seconds: input.seconds, bytes: data.byteLength, data, created_at: createdAt };
}

function toReview(row: Selectable<ReviewsTable>): StoredReview {
  return {
    id: row.id,
    uid: row.uid,
    sourceFile: row.source_file,
    question: row.question,
    answer: row.answer,
    report: JSON.parse(row.report) as Report,
    answeredAt: row.answered_at,
    createdAt: row.created_at,
  };
}

function toFact(row: Selectable<CompanyFactsTable>): CompanyFact {
  return { id: row.id, uid: row.uid, companyId: row.company_id, kind: row.kind, text: row.text, source: row.source, createdAt: row.created_at };
}

function toStory(row: Selectable<StoriesTable>): Story {
  return {
    id: row.id,
    uid: row.uid,
    title: row.title,
    text: row.text,
    competencies: JSON.parse(row.competencies) as string[],
    parts: JSON.parse(row.parts) as Story['parts'],
    sourceAnswerId: row.source_answer_id,
    createdAt: row.created_at,
  };
}

function toVerdicts(row: VerdictColumns): JudgedAnswer['verdicts'] {
  return {
    opportunity: row.opportunity,
    memorable: row.memorable,
    specificReason: row.specific_reason,
    starl: row.starl,
  };
}

const VERDICT_COLUMNS = ['question_type', 'opportunity', 'memorable', 'specific_reason', 'starl', 'opportunity_score', 'memorable_score', 'specific_reason_score', 'starl_score'] as const;

/** The columns of a practice answer that progress reads (see {@link judgedInOrder}). */
export const JUDGED_ANSWER_COLUMNS = ['id', 'session_id', 'question', 'answer', 'created_at', ...VERDICT_COLUMNS] as const;

/** The columns of a review answer that progress reads (see {@link judgedInOrder}). */
export const JUDGED_REVIEW_COLUMNS = ['id', 'question', 'answer', 'answered_at', 'created_at', ...VERDICT_COLUMNS] as const;

/**
 * Practice and review answers as judged answers, oldest first. For a question answered with a
 * follow-up, the follow-up's row carries the judgement of both together.
 */
export function judgedInOrder(
  answers: readonly Pick<Selectable<AnswersTable>, (typeof JUDGED_ANSWER_COLUMNS)[number]>[],
  reviews: readonly Pick<Selectable<ReviewsTable>, (typeof JUDGED_REVIEW_COLUMNS)[number]>[],
): JudgedAnswer[] {
  const judged: JudgedAnswer[] = [
    ...answers.map((row) => ({
      origin: 'practice' as const,
      id: row.id,
      sessionId: row.session_id,
      question: row.question,
      answer: row.answer,
      questionType: row.question_type,
      verdicts: toVerdicts(row),
      at: row.created_at,
    })),
    ...reviews.map((row) => ({
      origin: 'review' as const,
      id: row.id,
      sessionId: null,
      question: row.question,
      answer: row.answer,
      questionType: row.question_type,
      verdicts: toVerdicts(row),
      at: row.answered_at ?? row.created_at,
    })),
  ];
  return judged.sort((a, b) => a.at.localeCompare(b.at));
}

/** The row of the company with this name, else the one with this alias. */
async function companyRowNamed(db: Kysely<StarlSchema>, nameOrAlias: string): Promise<Selectable<CompaniesTable> | undefined> {
  const key = companyKey(nameOrAlias);
  const exact = await db.selectFrom('companies').selectAll().where('name_key', '=', key).executeTakeFirst();
  if (exact) return exact;
  const all = await db.selectFrom('companies').selectAll().orderBy('name_key').execute();
  return all.find((row) => (JSON.parse(row.aliases) as string[]).some((alias) => companyKey(alias) === key));
}

function noSuchSession(id: number): StarlError {
  return new StarlError('E_NOT_FOUND', `no practice session ${id}; list them with: starl report --list`);
}

/** Checks a story's competencies against their limits: how many, and how long each. */
function assertCompetencies(competencies: readonly string[]): void {
  if (competencies.length > MAX_COMPETENCIES) {
    throw new StarlError('E_INPUT_TOO_LONG', `a story lists at most ${MAX_COMPETENCIES} competencies, not ${competencies.length}`, { field: 'competencies' });
  }
  for (const competency of competencies) assertLength(competency, 'competency', MAX_COMPETENCY_LENGTH);
}

/** Adds names (already cleaned) to a list, keeping the first spelling of each. */
function mergeNames(existing: string[], added: string[]): string[] {
  const seen = new Set(existing.map(companyKey));
  const merged = [...existing];
  for (const name of added) {
    if (seen.has(companyKey(name))) continue;
    seen.add(companyKey(name));
    merged.push(name);
  }
  return merged;
}

/** A key the client made up for one write: the same key again returns the first write's row. */
export interface ClientKey {
  clientId?: string | null;
}

/** The id of the row an earlier write with this client key created, or null. */
async function writtenBefore(trx: Kysely<StarlSchema>, table: ClientKeyedTable, clientId: string | null | undefined): Promise<number | null> {
  if (!clientId) return null;
  const row = await trx.selectFrom(table).select('id').where('client_id', '=', clientId).executeTakeFirst();
  return row?.id ?? null;
}

/** What `saveCompany` takes; lists are merged into what is already known, text replaces it. */
export interface CompanyInput {
  name: string;
  aliases?: string[];
  competitors?: string[];
  contextText?: string | null;
  contextSource?: string | null;
  terms?: string[];
}

/** What `updateCompany` takes: each field given replaces what was there. */
export interface CompanyPatch {
  name?: string;
  aliases?: string[];
  competitors?: string[];
  /** A new posting, with where it came from and its terms; null removes the posting. */
  contextText?: string | null;
  contextSource?: string | null;
  terms?: string[];
}

/** What `saveAnswer` takes. The attempt number is worked out in the same transaction. */
export interface AnswerInput extends ClientKey {
  sessionId: number;
  position: number;
  followUpOf?: number | null;
  question: string;
  answer: string;
  seconds: number;
  report: Report;
  /** How a recorded answer was delivered; absent or null for a typed one. */
  delivery?: AnswerDelivery | null;
}

/** What `saveRecording` takes: a spoken answer's audio, compressed as the browser recorded it. */
export interface RecordingInput {
  /** Its content type, codec included (`audio/webm;codecs=opus`). */
  mediaType: string;
  /** How long it lasts. */
  seconds: number;
  data: Uint8Array;
}

/** What `saveReview` takes: one judged question and answer from a transcript. */
export interface ReviewInput {
  sourceFile: string;
  question: string;
  answer: string;
  report: Report;
  answeredAt?: string | null;
}

/**
 * Starl's data: companies, sessions, answers, stories and reviews. Written only with Kysely's query
 * builder over a {@link StoreDriver}, so another dialect needs a new driver and nothing else. Every
 * write is one transaction.
 */
export class Store {
  /** The database as this store's owner sees it: every query through it is confined to their rows. */
  readonly driver: StoreDriver;
  /** The user whose data this store reads and writes; null for the single user of a personal Starl. */
  readonly owner: number | null;
  /** The ids of the migrations applied when this store was opened, oldest first; empty when it was up to date. */
  readonly migrated: readonly number[];
  private readonly now: () => Date;
  /** The whole database, across owners: only {@link forUser} and {@link close} use it. */
  private readonly database: StoreDriver;

  private constructor(database: StoreDriver, owner: number | null, now: () => Date, migrated: readonly number[]) {
    this.database = database;
    this.owner = owner;
    this.driver = scopedDriver(database, owner);
    this.now = now;
    this.migrated = migrated;
  }

  /**
   * Wraps a driver and brings its schema up to date.
   *
   * @example
   * const store = await Store.open(openSqliteDriver('starl.db'));
   */
  static async open(driver: StoreDriver, now: () => Date = () => new Date()): Promise<Store> {
    let migrated: number[];
    try {
      migrated = await migrate(driver, now);
    } catch (error) {
      await driver.close();
      if (error instanceof StarlError) throw error;
      const message = error instanceof Error ? error.message : String(error);
      throw new StarlError('E_STORAGE', `cannot prepare the database: ${message}`, { file: driver.location });
    }
    return new Store(driver, null, now, migrated);
  }

  /**
   * The same database confined to one user's data (multi-user mode): what it reads, changes and
   * deletes is theirs only, and what it adds is theirs. Shares this store's connection.
   */
  forUser(userId: number): Store {
    return new Store(this.database, userId, this.now, []);
  }

  /** The whole database, for the accounts code that works across owners (users, cohorts, comments). */
  unscopedDriver(): StoreDriver {
    return this.database;
  }

  private get db(): Kysely<StarlSchema> {
    return this.driver.db;
  }

  private stamp(): string {
    return this.now().toISOString();
  }

  /** Closes the connection; the store cannot be used afterwards. */
  async close(): Promise<void> {
    await this.database.close();
  }

  /** Adds a company, or updates the one with that name or alias (its own name is kept). */
  async saveCompany(input: CompanyInput): Promise<Company> {
    const name = cleanName(input.name, 'name');
    const aliases = cleanNames(input.aliases ?? [], 'alias');
    const competitors = cleanNames(input.competitors ?? [], 'competitor');
    const id = await this.driver.writeTransaction(async (trx) => {
      const existing = await companyRowNamed(trx, name);
      const at = this.stamp();
      if (!existing) {
        const row = await trx
          .insertInto('companies')
          .values({
            name,
            name_key: companyKey(name),
            aliases: JSON.stringify(mergeNames([], aliases)),
            competitors: JSON.stringify(mergeNames([], competitors)),
            context_text: input.contextText ?? null,
            context_source: input.contextSource ?? null,
            terms: JSON.stringify(input.terms ?? []),
            created_at: at,
            updated_at: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        return row.id;
      }
      const known = toCompany(existing);
      await trx
        .updateTable('companies')
        .set({
          aliases: JSON.stringify(mergeNames(known.aliases, aliases)),
          competitors: JSON.stringify(mergeNames(known.competitors, competitors)),
          context_text: input.contextText === undefined ? known.contextText : input.contextText,
          context_source: input.contextSource === undefined ? known.contextSource : input.contextSource,
          terms: JSON.stringify(input.terms ?? known.terms),
          updated_at: at,
        })
        .where('id', '=', rowId(existing.id))
        .execute();
      return existing.id;
    });
    return this.requireCompanyById(id);
  }

  /** The company with this id; a typed error when there is none. */
  async requireCompanyById(id: number): Promise<Company> {
    const row = await this.db.selectFrom('companies').selectAll().where('id', '=', rowId(id)).executeTakeFirst();
    if (!row) throw new StarlError('E_NOT_FOUND', `there is no company ${id}.`);
    return toCompany(row);
  }

  /** The company with this name or alias, or null. */
  async findCompany(nameOrAlias: string): Promise<Company | null> {
    const row = await companyRowNamed(this.db, nameOrAlias);
    return row ? toCompany(row) : null;
  }

  /** The company with this name or alias; a typed error naming it when there is none. */
  async requireCompany(nameOrAlias: string): Promise<Company> {
    const company = await this.findCompany(nameOrAlias);
    if (!company) {
      throw new StarlError('E_NOT_FOUND', `no company called "${nameOrAlias}"; add it with: starl company add "${nameOrAlias}"`);
    }
    return company;
  }

  /** Every company, by name. */
  async listCompanies(): Promise<Company[]> {
    const rows = await this.db.selectFrom('companies').selectAll().orderBy('name_key').execute();
    return rows.map(toCompany);
  }

  /** Saves a research fact about a company. */
  async addFact(companyId: number, fact: { kind: string; text: string; source: string } & ClientKey): Promise<CompanyFact> {
    assertLength(fact.text, 'fact', MAX_FACT_LENGTH);
    assertLength(fact.source, 'source', MAX_SOURCE_LENGTH);
    const id = await this.driver.writeTransaction(async (trx) => {
      const earlier = await writtenBefore(trx, 'company_facts', fact.clientId);
      if (earlier !== null) return earlier;
      await this.mustExist(trx, 'companies', companyId, `there is no company ${companyId}.`);
      const row = await trx
        .insertInto('company_facts')
        .values({
          uid: randomUUID(),
          company_id: companyId,
          kind: fact.kind,
          text: fact.text,
          source: fact.source,
          created_at: this.stamp(),
          client_id: fact.clientId ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    });
    return this.requireFact(id);
  }

  /** The fact with this id; a typed error when there is none. */
  async requireFact(id: number): Promise<CompanyFact> {
    const row = await this.db.selectFrom('company_facts').selectAll().where('id', '=', rowId(id)).executeTakeFirst();
    if (!row) throw new StarlError('E_NOT_FOUND', `there is no fact ${id}.`);
    return toFact(row);
  }

  /** A company's research facts, oldest first. */
  async factsOf(companyId: number): Promise<CompanyFact[]> {
    const rows = await this.db.selectFrom('company_facts').selectAll().where('company_id', '=', rowId(companyId)).orderBy('id').execute();
    return rows.map(toFact);
  }

  /** Starts a session with its plan, saved before the first question is asked. */
  async createSession(
    input: {
      companyId: number | null;
      role: string | null;
      field: string | null;
      mode: Session['mode'];
      questions: Omit<PlannedQuestion, 'position'>[];
    } & ClientKey,
  ): Promise<Session> {
    const id = await this.driver.writeTransaction(async (trx) => {
      const earlier = await writtenBefore(trx, 'sessions', input.clientId);
      if (earlier !== null) return earlier;
      const row = await trx
        .insertInto('sessions')
        .values({
          uid: randomUUID(),
          company_id: input.companyId,
          role: input.role === null ? null : cleanName(input.role, 'role'),
          field: input.field,
          mode: input.mode,
          status: 'active',
          started_at: this.stamp(),
          finished_at: null,
          client_id: input.clientId ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const [position, question] of input.questions.entries()) {
        await trx
          .insertInto('session_questions')
          .values({ session_id: row.id, position, bank_id: question.bankId, question_type: question.questionType, text: question.text })
          .execute();
      }
      return row.id;
    });
    return this.requireSession(id);
  }

  /** The session with this id, or null. */
  async findSession(id: number): Promise<Session | null> {
    const row = await this.db.selectFrom('sessions').selectAll().where('id', '=', rowId(id)).executeTakeFirst();
    if (!row) return null;
    const questions = await this.db
      .selectFrom('session_questions')
      .selectAll()
      .where('session_id', '=', rowId(id))
      .orderBy('position')
      .execute();
    return {
      id: row.id,
      uid: row.uid,
      companyId: row.company_id,
      role: row.role,
      field: row.field,
      mode: row.mode as Session['mode'],
      status: row.status as Session['status'],
      startedAt: row.started_at,
      finishedAt: row.finished_at,
      questions: questions.map((q) => ({ position: q.position, bankId: q.bank_id, questionType: q.question_type, text: q.text })),
    };
  }

  /** The session with this id; a typed error naming the id when there is none. */
  async requireSession(id: number): Promise<Session> {
    const session = await this.findSession(id);
    if (!session) throw noSuchSession(id);
    return session;
  }

  /** Every session, newest first. */
  async listSessions(): Promise<Session[]> {
    const rows = await this.db.selectFrom('sessions').select('id').orderBy('id', 'desc').execute();
    const sessions: Session[] = [];
    for (const row of rows) sessions.push(await this.requireSession(row.id));
    return sessions;
  }

  /** The newest session that was not finished, to resume; null when there is none. */
  async latestActiveSession(): Promise<Session | null> {
    const row = await this.db
      .selectFrom('sessions')
      .select('id')
      .where('status', '=', 'active')
      .orderBy('id', 'desc')
      .executeTakeFirst();
    return row ? this.findSession(row.id) : null;
  }

  /** The newest session with at least one answer, the one a report shows by default; null when none. */
  async newestAnsweredSession(): Promise<number | null> {
    const row = await this.db
      .selectFrom('sessions')
      .select('id')
      .where((eb) => eb.exists(eb.selectFrom('answers').select('answers.id').whereRef('answers.session_id', '=', 'sessions.id')))
      .orderBy('id', 'desc')
      .executeTakeFirst();
    return row?.id ?? null;
  }

  /**
   * Deletes a session that has no answer (one stopped before its first answer), with its plan, so it
   * is not left behind as unfinished; a session with answers is kept. Returns whether it was deleted.
   */
  async discardEmptySession(id: number): Promise<boolean> {
    return this.driver.writeTransaction(async (trx) => {
      const answered = await trx.selectFrom('answers').select('id').where('session_id', '=', rowId(id)).executeTakeFirst();
      if (answered) return false;
      const deleted = await trx.deleteFrom('sessions').where('id', '=', rowId(id)).executeTakeFirst();
      return Number(deleted.numDeletedRows) > 0;
    });
  }

  /**
   * Marks a session finished, once: finishing it again keeps the first `finishedAt`. Done in a write
   * transaction, as answers are saved, so no answer can be stored after the session finished.
   */
  async finishSession(id: number): Promise<void> {
    await this.driver.writeTransaction(async (trx) => {
      const row = await trx.selectFrom('sessions').select('status').where('id', '=', rowId(id)).executeTakeFirst();
      if (!row) throw noSuchSession(id);
      if (row.status === 'finished') return;
      await trx.updateTable('sessions').set({ status: 'finished', finished_at: this.stamp() }).where('id', '=', rowId(id)).execute();
    });
  }

  /**
   * Saves a submitted answer at once, in its own transaction. A new answer to a question already
   * answered is a retry and gets the next attempt number; a follow-up shares its original's attempt.
   */
  async saveAnswer(input: AnswerInput): Promise<StoredAnswer> {
    const id = await this.driver.writeTransaction(async (trx) => {
      // A repeat of a write that succeeded returns it, even once the session has finished since.
      const earlier = await writtenBefore(trx, 'answers', input.clientId);
      if (earlier !== null) return earlier;
      // Checked inside the transaction that inserts, so a finish that commits first always wins.
      const session = await trx.selectFrom('sessions').select('status').where('id', '=', rowId(input.sessionId)).executeTakeFirst();
      if (!session) throw noSuchSession(input.sessionId);
      if (session.status === 'finished') {
        throw new StarlError('E_SESSION_FINISHED', `practice session ${input.sessionId} is finished, so it takes no more answers; start a new one with: starl practice`);
      }
      let attempt: number;
      if (input.followUpOf != null) {
        const original = await trx.selectFrom('answers').select('attempt').where('id', '=', rowId(input.followUpOf)).executeTakeFirst();
        if (!original) throw new StarlError('E_NOT_FOUND', `no answer ${input.followUpOf} to follow up`);
        attempt = original.attempt;
      } else {
        const last = await trx
          .selectFrom('answers')
          .select((eb) => eb.fn.max('attempt').as('attempt'))
          .where('session_id', '=', rowId(input.sessionId))
          .where('position', '=', input.position)
          .executeTakeFirst();
        attempt = Number(last?.attempt ?? 0) + 1;
      }
      const row = await trx
        .insertInto('answers')
        .values({
          uid: randomUUID(),
          session_id: input.sessionId,
          position: input.position,
          attempt,
          follow_up_of: input.followUpOf ?? null,
          question: input.question,
          answer: input.answer,
          seconds: input.seconds,
          report: JSON.stringify(input.report),
          created_at: this.stamp(),
          client_id: input.clientId ?? null,
          delivery: input.delivery ? JSON.stringify(input.delivery) : null,
          ...verdictColumns(input.report),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    });
    return this.requireAnswer(id);
  }

  /** The answer with this id; a typed error when there is none. */
  async requireAnswer(id: number): Promise<StoredAnswer> {
    const row = await this.db.selectFrom('answers').selectAll().where('id', '=', rowId(id)).executeTakeFirst();
    if (!row) throw new StarlError('E_NOT_FOUND', `no saved answer ${id}`);
    return toAnswer(row);
  }

  /**
   * Keeps how a saved answer was delivered, or forgets it (null), as when its recording is measured
   * after the answer was saved, or deleted. Returns the answer as it now is.
   */
  async saveDelivery(id: number, delivery: AnswerDelivery | null): Promise<StoredAnswer> {
    await this.driver.writeTransaction(async (trx) => {
      await this.mustExist(trx, 'answers', id, `no saved answer ${id}`);
      await trx.updateTable('answers').set({ delivery: delivery ? JSON.stringify(delivery) : null }).where('id', '=', rowId(id)).execute();
    });
    return this.requireAnswer(id);
  }

  /** Every practice answer with a measured delivery, oldest first, for progress over time. */
  async deliveredAnswers(): Promise<DeliveredAnswer[]> {
    const rows = await this.db
      .selectFrom('answers')
      .select(['id', 'session_id', 'question', 'delivery', 'created_at'])
      .where('delivery', 'is not', null)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map((row) => ({ id: row.id, sessionId: row.session_id, question: row.question, delivery: JSON.parse(row.delivery!) as AnswerDelivery, at: row.created_at }));
  }

  /** Every practice answer, in the order they were given. */
  async listAnswers(): Promise<StoredAnswer[]> {
    const rows = await this.db.selectFrom('answers').selectAll().orderBy('id').execute();
    return rows.map(toAnswer);
  }

  /** A session's answers in the order they were given. */
  async answersOf(sessionId: number): Promise<StoredAnswer[]> {
    const rows = await this.db.selectFrom('answers').selectAll().where('session_id', '=', rowId(sessionId)).orderBy('id').execute();
    return rows.map(toAnswer);
  }

  /**
   * Keeps the recording of a saved answer, replacing any it had. It is checked first (a type Starl
   * keeps, bytes that are of that type, within the limits), so a refused one writes nothing.
   */
  async saveRecording(answerId: number, input: RecordingInput): Promise<RecordingInfo> {
    const row = recordingRow(answerId, input, this.stamp());
    await this.driver.writeTransaction(async (trx) => {
      await this.mustExist(trx, 'answers', answerId, `no saved answer ${answerId}`);
      await trx.deleteFrom('recordings').where('answer_id', '=', rowId(answerId)).execute();
      await trx.insertInto('recordings').values(row).execute();
    });
    return toRecordingInfo(row);
  }

  /** A saved answer's recording with its audio, or null when it has none. */
  async recordingOf(answerId: number): Promise<Recording | null> {
    const row = await this.db.selectFrom('recordings').selectAll().where('answer_id', '=', rowId(answerId)).executeTakeFirst();
    return row ? { ...toRecordingInfo(row), data: row.data } : null;
  }

  /** What is known of the recordings of a session's answers, without their audio, oldest answer first. */
  async recordingsOf(sessionId: number): Promise<RecordingInfo[]> {
    const rows = await this.db
      .selectFrom('recordings')
      .innerJoin('answers', 'answers.id', 'recordings.answer_id')
      .select(RECORDING_INFO.map((column) => `recordings.${column}` as const))
      .where('answers.session_id', '=', rowId(sessionId))
      .orderBy('recordings.answer_id')
      .execute();
    return rows.map(toRecordingInfo);
  }

  /** Deletes a saved answer's recording and keeps the answer; a typed error when it has none. */
  async deleteRecording(answerId: number): Promise<void> {
    await this.driver.writeTransaction(async (trx) => {
      const deleted = await trx.deleteFrom('recordings').where('answer_id', '=', rowId(answerId)).executeTakeFirst();
      if (Number(deleted.numDeletedRows) === 0) throw new StarlError('E_NOT_FOUND', `answer ${answerId} has no recording`);
    });
  }

  /** Saves a story to the bank. */
  async saveStory(input: Omit<Story, 'id' | 'uid' | 'createdAt'> & ClientKey): Promise<Story> {
    const title = cleanName(input.title, 'title');
    assertCompetencies(input.competencies);
    // The saved row comes back from the transaction itself: once committed, nothing is left to fail.
    const row = await this.driver.writeTransaction(async (trx) => {
      const earlier = await writtenBefore(trx, 'stories', input.clientId);
      if (earlier !== null) return trx.selectFrom('stories').selectAll().where('id', '=', earlier).executeTakeFirstOrThrow();
      return trx
        .insertInto('stories')
        .values({
          uid: randomUUID(),
          title,
          text: input.text,
          competencies: JSON.stringify(input.competencies),
          parts: JSON.stringify(input.parts),
          source_answer_id: input.sourceAnswerId,
          created_at: this.stamp(),
          client_id: input.clientId ?? null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
    });
    return toStory(row);
  }

  /** The story with this id; a typed error when there is none. */
  async requireStory(id: number): Promise<Story> {
    const row = await this.db.selectFrom('stories').selectAll().where('id', '=', rowId(id)).executeTakeFirst();
    if (!row) throw new StarlError('E_NOT_FOUND', `there is no story ${id}.`);
    return toStory(row);
  }

  /** Every story in the bank, oldest first. */
  async listStories(): Promise<Story[]> {
    const rows = await this.db.selectFrom('stories').selectAll().orderBy('id').execute();
    return rows.map(toStory);
  }

  /**
   * Changes a company: a new name (refused when another company has it), and lists or posting that
   * replace what was there. Fields left out stay as they are.
   */
  async updateCompany(id: number, patch: CompanyPatch): Promise<Company> {
    await this.driver.writeTransaction(async (trx) => {
      const row = await trx.selectFrom('companies').selectAll().where('id', '=', rowId(id)).executeTakeFirst();
      if (!row) throw new StarlError('E_NOT_FOUND', `there is no company ${id}.`);
      const name = patch.name === undefined ? row.name : cleanName(patch.name, 'name');
      const clash = await trx.selectFrom('companies').select('name').where('name_key', '=', companyKey(name)).where('id', '!=', id).executeTakeFirst();
      if (clash) throw new StarlError('E_USAGE', `another company is already called "${clash.name}".`, { field: 'name' });
      await trx
        .updateTable('companies')
        .set({
          name,
          name_key: companyKey(name),
          ...(patch.aliases ? { aliases: JSON.stringify(mergeNames([], cleanNames(patch.aliases, 'alias'))) } : {}),
          ...(patch.competitors ? { competitors: JSON.stringify(mergeNames([], cleanNames(patch.competitors, 'competitor'))) } : {}),
          ...(patch.contextText !== undefined ? { context_text: patch.contextText, context_source: patch.contextSource ?? null, terms: JSON.stringify(patch.terms ?? []) } : {}),
          updated_at: this.stamp(),
        })
        .where('id', '=', rowId(id))
        .execute();
    });
    return this.requireCompanyById(id);
  }

  /** Deletes a company with its facts; its sessions stay, no longer tied to it. Returns how many facts went with it. */
  async deleteCompany(id: number): Promise<{ facts: number }> {
    return this.driver.writeTransaction(async (trx) => {
      await this.mustExist(trx, 'companies', id, `there is no company ${id}.`);
      const facts = await trx.deleteFrom('company_facts').where('company_id', '=', rowId(id)).executeTakeFirst();
      await trx.updateTable('sessions').set({ company_id: null }).where('company_id', '=', rowId(id)).execute();
      await trx.deleteFrom('companies').where('id', '=', rowId(id)).execute();
      return { facts: Number(facts.numDeletedRows) };
    });
  }

  /** Deletes one research fact. */
  async deleteFact(id: number): Promise<void> {
    await this.driver.writeTransaction(async (trx) => {
      await this.mustExist(trx, 'company_facts', id, `there is no fact ${id}.`);
      await trx.deleteFrom('company_facts').where('id', '=', rowId(id)).execute();
    });
  }

  /** Changes a story's title, text (with its newly labelled parts) or competencies; fields left out stay. */
  async updateStory(id: number, patch: Partial<Pick<Story, 'title' | 'text' | 'competencies' | 'parts'>>): Promise<Story> {
    const title = patch.title === undefined ? undefined : cleanName(patch.title, 'title');
    if (patch.competencies) assertCompetencies(patch.competencies);
    await this.driver.writeTransaction(async (trx) => {
      await this.mustExist(trx, 'stories', id, `there is no story ${id}.`);
      await trx
        .updateTable('stories')
        .set({
          ...(title !== undefined ? { title } : {}),
          ...(patch.text !== undefined ? { text: patch.text } : {}),
          ...(patch.competencies ? { competencies: JSON.stringify(patch.competencies) } : {}),
          ...(patch.parts ? { parts: JSON.stringify(patch.parts) } : {}),
        })
        .where('id', '=', rowId(id))
        .execute();
    });
    return this.requireStory(id);
  }

  /** Deletes a story from the bank. */
  async deleteStory(id: number): Promise<void> {
    await this.driver.writeTransaction(async (trx) => {
      await this.mustExist(trx, 'stories', id, `there is no story ${id}.`);
      await trx.deleteFrom('stories').where('id', '=', rowId(id)).execute();
    });
  }

  /**
   * Replaces the text and judgement of saved answers together, in one transaction: an edited answer
   * and the follow-ups judged with it never disagree.
   */
  async rewriteAnswers(changes: readonly { id: number; answer: string; report: Report }[]): Promise<void> {
    await this.driver.writeTransaction(async (trx) => {
      for (const change of changes) {
        await this.mustExist(trx, 'answers', change.id, `no saved answer ${change.id}`);
        await trx
          .updateTable('answers')
          .set({ answer: change.answer, report: JSON.stringify(change.report), ...verdictColumns(change.report) })
          .where('id', '=', rowId(change.id))
          .execute();
      }
    });
  }

  /**
   * Deletes a saved answer with the answers that follow it up and their recordings; stories saved from
   * them stay in the bank. Returns how many answers and recordings went.
   */
  async deleteAnswer(id: number): Promise<{ answers: number; recordings: number }> {
    return this.driver.writeTransaction(async (trx) => {
      await this.mustExist(trx, 'answers', id, `no saved answer ${id}`);
      const ids = [id, ...(await trx.selectFrom('answers').select('id').where('follow_up_of', '=', rowId(id)).execute()).map((row) => row.id)];
      await trx.updateTable('stories').set({ source_answer_id: null }).where('source_answer_id', 'in', ids).execute();
      const recordings = await trx.deleteFrom('recordings').where('answer_id', 'in', ids).executeTakeFirst();
      await trx.deleteFrom('answers').where('follow_up_of', '=', rowId(id)).execute();
      await trx.deleteFrom('answers').where('id', '=', rowId(id)).execute();
      return { answers: ids.length, recordings: Number(recordings.numDeletedRows) };
    });
  }

  /**
   * Deletes a session with its plan, answers and recordings (abandoning it, when unfinished). Returns
   * how many answers and recordings went. With `onlyUnfinished`, a session found finished inside the transaction is kept
   * (E_SESSION_FINISHED), so a finish that commits first always wins, as it does over a late answer.
   */
  async deleteSession(id: number, options: { onlyUnfinished?: boolean } = {}): Promise<{ answers: number; recordings: number }> {
    return this.driver.writeTransaction(async (trx) => {
      const session = await trx.selectFrom('sessions').select('status').where('id', '=', rowId(id)).executeTakeFirst();
      if (!session) throw noSuchSession(id);
      if (options.onlyUnfinished && session.status === 'finished') {
        throw new StarlError('E_SESSION_FINISHED', `practice session ${id} is finished; only an unfinished one can be abandoned`);
      }
      const ids = (await trx.selectFrom('answers').select('id').where('session_id', '=', rowId(id)).execute()).map((row) => row.id);
      let recordings = 0;
      if (ids.length > 0) {
        await trx.updateTable('stories').set({ source_answer_id: null }).where('source_answer_id', 'in', ids).execute();
        recordings = Number((await trx.deleteFrom('recordings').where('answer_id', 'in', ids).executeTakeFirst()).numDeletedRows);
        // Follow-ups first: they point at the answers they follow.
        await trx.deleteFrom('answers').where('session_id', '=', rowId(id)).where('follow_up_of', 'is not', null).execute();
        await trx.deleteFrom('answers').where('session_id', '=', rowId(id)).execute();
      }
      await trx.deleteFrom('session_questions').where('session_id', '=', rowId(id)).execute();
      await trx.deleteFrom('sessions').where('id', '=', rowId(id)).execute();
      return { answers: ids.length, recordings };
    });
  }

  /** Throws E_NOT_FOUND inside a transaction when the row is absent, so nothing is written. */
  private async mustExist(trx: Kysely<StarlSchema>, table: 'companies' | 'company_facts' | 'stories' | 'answers', id: number, message: string): Promise<void> {
    const row = await trx.selectFrom(table).select('id').where('id', '=', rowId(id)).executeTakeFirst();
    if (!row) throw new StarlError('E_NOT_FOUND', message);
  }

  /** For each story saved from a practice answer, the question that answer was given to, by story id. */
  async storySourceQuestions(): Promise<Map<number, string>> {
    const rows = await this.db
      .selectFrom('stories')
      .innerJoin('answers', 'answers.id', 'stories.source_answer_id')
      .select(['stories.id as id', 'answers.question as question'])
      .execute();
    return new Map(rows.map((row) => [row.id, row.question]));
  }

  /** Saves one judged answer from a transcript review. */
  async saveReview(input: ReviewInput): Promise<StoredReview> {
    const [review] = await this.saveReviews([input]);
    return review!;
  }

  /**
   * Saves a whole review's answers together: all of them or, on any failure, none. With a
   * `transcriptKey` (see `transcriptKey` in reviews.ts), the answers saved before under the same key
   * are replaced in the same transaction, so saving one interview twice keeps it once. Each row comes
   * back from its own insert, so nothing is read back after the commit: once committed, it succeeded.
   */
  async saveReviews(inputs: ReviewInput[], transcriptKey: string | null = null): Promise<StoredReview[]> {
    const rows = await this.driver.writeTransaction(async (trx) => {
      if (transcriptKey !== null) await trx.deleteFrom('reviews').where('transcript_key', '=', transcriptKey).execute();
      const saved: Selectable<ReviewsTable>[] = [];
      for (const input of inputs) {
        saved.push(
          await trx
            .insertInto('reviews')
            .values({
              uid: randomUUID(),
              source_file: input.sourceFile,
              question: input.question,
              answer: input.answer,
              report: JSON.stringify(input.report),
              answered_at: input.answeredAt ?? null,
              created_at: this.stamp(),
              transcript_key: transcriptKey,
              ...verdictColumns(input.report),
            })
            .returningAll()
            .executeTakeFirstOrThrow(),
        );
      }
      return saved;
    });
    return rows.map(toReview);
  }

  /** Up to `limit` saved review answers with ids above `afterId`, oldest first: one page of a long list. */
  async reviewsAfter(afterId: number, limit: number): Promise<StoredReview[]> {
    const rows = await this.db.selectFrom('reviews').selectAll().where('id', '>', afterId).orderBy('id').limit(limit).execute();
    return rows.map(toReview);
  }

  /** Whether answers of the transcript with this key are saved. */
  async hasReviewOf(transcriptKey: string): Promise<boolean> {
    const row = await this.db.selectFrom('reviews').select('id').where('transcript_key', '=', transcriptKey).executeTakeFirst();
    return row !== undefined;
  }

  /** Every saved review answer, oldest first. */
  async listReviews(): Promise<StoredReview[]> {
    const rows = await this.db.selectFrom('reviews').selectAll().orderBy('id').execute();
    return rows.map(toReview);
  }

  /**
   * Every judged answer, from practice and from reviews, oldest first, with its verdicts. For a
   * question answered with a follow-up, the follow-up's row carries the judgement of both together.
   */
  async judgedAnswers(): Promise<JudgedAnswer[]> {
    // Only the columns progress needs: the reports, the bulk of each row, stay in the database.
    const answers = await this.db.selectFrom('answers').select(JUDGED_ANSWER_COLUMNS).execute();
    const reviews = await this.db.selectFrom('reviews').select(JUDGED_REVIEW_COLUMNS).execute();
    return judgedInOrder(answers, reviews);
  }
}
