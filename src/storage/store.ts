import { StarlError } from '../core/errors.js';
import type { Report } from '../core/types.js';
import type { AnswerDelivery } from '../delivery/types.js';
import type { StoreDriver } from './driver.js';
import { migrate } from './migrations.js';
import { scopedDriver } from './owner-scope.js';
import type { Company, CompanyFact, DeliveredAnswer, JudgedAnswer, Recording, RecordingInfo, Session, Story, StoredAnswer, StoredReview } from './records.js';
import * as answers from './store/answers.js';
import * as companies from './store/companies.js';
import * as recordings from './store/recordings.js';
import * as reviews from './store/reviews.js';
import type { AnswerInput } from './store/answers.js';
import type { CompanyInput, CompanyPatch } from './store/companies.js';
import type { RecordingInput } from './store/recordings.js';
import type { ReviewInput } from './store/reviews.js';
import type { ClientKey, StoreScope } from './store/rows.js';
import type { SessionInput } from './store/sessions.js';
import * as sessions from './store/sessions.js';
import * as stories from './store/stories.js';
import * as verdicts from './store/verdicts.js';

export { rowId, type ClientKey } from './store/rows.js';
export { companyKey, type CompanyInput, type CompanyPatch } from './store/companies.js';
export { verdictColumns, judgedInOrder, JUDGED_ANSWER_COLUMNS, JUDGED_REVIEW_COLUMNS } from './store/verdicts.js';
export { recordingRow, type RecordingInput } from './store/recordings.js';
export type { AnswerInput } from './store/answers.js';
export type { ReviewInput } from './store/reviews.js';
export type { SessionInput } from './store/sessions.js';

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
  /** What the queries in store/ run with: this owner's view of the database, and the clock. */
  private readonly scope: StoreScope;
  /** The whole database, across owners: only {@link forUser} and {@link close} use it. */
  private readonly database: StoreDriver;

  private constructor(database: StoreDriver, owner: number | null, now: () => Date, migrated: readonly number[]) {
    this.database = database;
    this.owner = owner;
    this.driver = scopedDriver(database, owner);
    this.now = now;
    this.migrated = migrated;
    this.scope = { driver: this.driver, stamp: () => now().toISOString() };
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

  /** Closes the connection; the store cannot be used afterwards. */
  async close(): Promise<void> {
    await this.database.close();
  }

  // Companies and their research facts (store/companies.ts).

  /** Adds a company, or updates the one with that name or alias (its own name is kept). */
  saveCompany(input: CompanyInput): Promise<Company> {
    return companies.saveCompany(this.scope, input);
  }

  /** The company with this id; a typed error when there is none. */
  requireCompanyById(id: number): Promise<Company> {
    return companies.requireCompanyById(this.scope, id);
  }

  /** The company with this name or alias, or null. */
  findCompany(nameOrAlias: string): Promise<Company | null> {
    return companies.findCompany(this.scope, nameOrAlias);
  }

  /** The company with this name or alias; a typed error naming it when there is none. */
  requireCompany(nameOrAlias: string): Promise<Company> {
    return companies.requireCompany(this.scope, nameOrAlias);
  }

  /** Every company, by name. */
  listCompanies(): Promise<Company[]> {
    return companies.listCompanies(this.scope);
  }

  /** Saves a research fact about a company. */
  addFact(companyId: number, fact: { kind: string; text: string; source: string } & ClientKey): Promise<CompanyFact> {
    return companies.addFact(this.scope, companyId, fact);
  }

  /** The fact with this id; a typed error when there is none. */
  requireFact(id: number): Promise<CompanyFact> {
    return companies.requireFact(this.scope, id);
  }

  /** A company's research facts, oldest first. */
  factsOf(companyId: number): Promise<CompanyFact[]> {
    return companies.factsOf(this.scope, companyId);
  }

  /**
   * Changes a company: a new name (refused when another company has it), and lists or posting that
   * replace what was there. Fields left out stay as they are.
   */
  updateCompany(id: number, patch: CompanyPatch): Promise<Company> {
    return companies.updateCompany(this.scope, id, patch);
  }

  /** Deletes a company with its facts; its sessions stay, no longer tied to it. Returns how many facts went with it. */
  deleteCompany(id: number): Promise<{ facts: number }> {
    return companies.deleteCompany(this.scope, id);
  }

  /** Deletes one research fact. */
  deleteFact(id: number): Promise<void> {
    return companies.deleteFact(this.scope, id);
  }

  // Practice sessions (store/sessions.ts).

  /** Starts a session with its plan, saved before the first question is asked. */
  createSession(input: SessionInput): Promise<Session> {
    return sessions.createSession(this.scope, input);
  }

  /** The session with this id, or null. */
  findSession(id: number): Promise<Session | null> {
    return sessions.findSession(this.scope, id);
  }

  /** The session with this id; a typed error naming the id when there is none. */
  requireSession(id: number): Promise<Session> {
    return sessions.requireSession(this.scope, id);
  }

  /** Every session, newest first. */
  listSessions(): Promise<Session[]> {
    return sessions.listSessions(this.scope);
  }

  /** The newest session that was not finished, to resume; null when there is none. */
  latestActiveSession(): Promise<Session | null> {
    return sessions.latestActiveSession(this.scope);
  }

  /** The newest session with at least one answer, the one a report shows by default; null when none. */
  newestAnsweredSession(): Promise<number | null> {
    return sessions.newestAnsweredSession(this.scope);
  }

  /**
   * Deletes a session that has no answer (one stopped before its first answer), with its plan, so it
   * is not left behind as unfinished; a session with answers is kept. Returns whether it was deleted.
   */
  discardEmptySession(id: number): Promise<boolean> {
    return sessions.discardEmptySession(this.scope, id);
  }

  /**
   * Marks a session finished, once: finishing it again keeps the first `finishedAt`. Done in a write
   * transaction, as answers are saved, so no answer can be stored after the session finished.
   */
  finishSession(id: number): Promise<void> {
    return sessions.finishSession(this.scope, id);
  }

  /**
   * Deletes a session with its plan, answers and recordings (abandoning it, when unfinished). Returns
   * how many answers and recordings went. With `onlyUnfinished`, a session found finished inside the transaction is kept
   * (E_SESSION_FINISHED), so a finish that commits first always wins, as it does over a late answer.
   */
  deleteSession(id: number, options?: { onlyUnfinished?: boolean }): Promise<{ answers: number; recordings: number }> {
    return sessions.deleteSession(this.scope, id, options);
  }

  // Practice answers (store/answers.ts).

  /**
   * Saves a submitted answer at once, in its own transaction. A new answer to a question already
   * answered is a retry and gets the next attempt number; a follow-up shares its original's attempt.
   */
  saveAnswer(input: AnswerInput): Promise<StoredAnswer> {
    return answers.saveAnswer(this.scope, input);
  }

  /** The answer with this id; a typed error when there is none. */
  requireAnswer(id: number): Promise<StoredAnswer> {
    return answers.requireAnswer(this.scope, id);
  }

  /**
   * Keeps how a saved answer was delivered, or forgets it (null), as when its recording is measured
   * after the answer was saved, or deleted. Returns the answer as it now is.
   */
  saveDelivery(id: number, delivery: AnswerDelivery | null): Promise<StoredAnswer> {
    return answers.saveDelivery(this.scope, id, delivery);
  }

  /** Every practice answer with a measured delivery, oldest first, for progress over time. */
  deliveredAnswers(): Promise<DeliveredAnswer[]> {
    return answers.deliveredAnswers(this.scope);
  }

  /** Every practice answer, in the order they were given. */
  listAnswers(): Promise<StoredAnswer[]> {
    return answers.listAnswers(this.scope);
  }

  /** A session's answers in the order they were given. */
  answersOf(sessionId: number): Promise<StoredAnswer[]> {
    return answers.answersOf(this.scope, sessionId);
  }

  /**
   * Replaces the text and judgement of saved answers together, in one transaction: an edited answer
   * and the follow-ups judged with it never disagree.
   */
  rewriteAnswers(changes: readonly { id: number; answer: string; report: Report }[]): Promise<void> {
    return answers.rewriteAnswers(this.scope, changes);
  }

  /**
   * Deletes a saved answer with the answers that follow it up and their recordings; stories saved from
   * them stay in the bank. Returns how many answers and recordings went.
   */
  deleteAnswer(id: number): Promise<{ answers: number; recordings: number }> {
    return answers.deleteAnswer(this.scope, id);
  }

  // Recordings of spoken answers (store/recordings.ts).

  /**
   * Keeps the recording of a saved answer, replacing any it had. It is checked first (a type Starl
   * keeps, bytes that are of that type, within the limits), so a refused one writes nothing.
   */
  saveRecording(answerId: number, input: RecordingInput): Promise<RecordingInfo> {
    return recordings.saveRecording(this.scope, answerId, input);
  }

  /** A saved answer's recording with its audio, or null when it has none. */
  recordingOf(answerId: number): Promise<Recording | null> {
    return recordings.recordingOf(this.scope, answerId);
  }

  /** What is known of the recordings of a session's answers, without their audio, oldest answer first. */
  recordingsOf(sessionId: number): Promise<RecordingInfo[]> {
    return recordings.recordingsOf(this.scope, sessionId);
  }

  /** Deletes a saved answer's recording and keeps the answer; a typed error when it has none. */
  deleteRecording(answerId: number): Promise<void> {
    return recordings.deleteRecording(this.scope, answerId);
  }

  // The story bank (store/stories.ts).

  /** Saves a story to the bank. */
  saveStory(input: Omit<Story, 'id' | 'uid' | 'createdAt'> & ClientKey): Promise<Story> {
    return stories.saveStory(this.scope, input);
  }

  /** The story with this id; a typed error when there is none. */
  requireStory(id: number): Promise<Story> {
    return stories.requireStory(this.scope, id);
  }

  /** Every story in the bank, oldest first. */
  listStories(): Promise<Story[]> {
    return stories.listStories(this.scope);
  }

  /** Changes a story's title, text (with its newly labelled parts) or competencies; fields left out stay. */
  updateStory(id: number, patch: Partial<Pick<Story, 'title' | 'text' | 'competencies' | 'parts'>>): Promise<Story> {
    return stories.updateStory(this.scope, id, patch);
  }

  /** Deletes a story from the bank. */
  deleteStory(id: number): Promise<void> {
    return stories.deleteStory(this.scope, id);
  }

  /** For each story saved from a practice answer, the question that answer was given to, by story id. */
  storySourceQuestions(): Promise<Map<number, string>> {
    return stories.storySourceQuestions(this.scope);
  }

  // Reviewed transcripts (store/reviews.ts).

  /** Saves one judged answer from a transcript review. */
  saveReview(input: ReviewInput): Promise<StoredReview> {
    return reviews.saveReview(this.scope, input);
  }

  /**
   * Saves a whole review's answers together: all of them or, on any failure, none. With a
   * `transcriptKey` (see `transcriptKey` in reviews.ts), the answers saved before under the same key
   * are replaced in the same transaction, so saving one interview twice keeps it once. Each row comes
   * back from its own insert, so nothing is read back after the commit: once committed, it succeeded.
   */
  saveReviews(inputs: ReviewInput[], transcriptKey?: string | null): Promise<StoredReview[]> {
    return reviews.saveReviews(this.scope, inputs, transcriptKey);
  }

  /** Up to `limit` saved review answers with ids above `afterId`, oldest first: one page of a long list. */
  reviewsAfter(afterId: number, limit: number): Promise<StoredReview[]> {
    return reviews.reviewsAfter(this.scope, afterId, limit);
  }

  /** Whether answers of the transcript with this key are saved. */
  hasReviewOf(transcriptKey: string): Promise<boolean> {
    return reviews.hasReviewOf(this.scope, transcriptKey);
  }

  /** Every saved review answer, oldest first. */
  listReviews(): Promise<StoredReview[]> {
    return reviews.listReviews(this.scope);
  }

  // Progress (store/verdicts.ts).

  /**
   * Every judged answer, from practice and from reviews, oldest first, with its verdicts. For a
   * question answered with a follow-up, the follow-up's row carries the judgement of both together.
   */
  judgedAnswers(): Promise<JudgedAnswer[]> {
    return verdicts.judgedAnswers(this.scope);
  }
}
