import type { Generated } from 'kysely';

/** A verdict as stored: the analyzer's `pass`, `miss` or `n/a`. */
export type StoredVerdict = 'pass' | 'miss' | 'n/a';

/**
 * The verdict and score of each reason, kept in columns beside the report's JSON so that progress
 * queries need not parse reports.
 */
export interface VerdictColumns {
  question_type: string;
  opportunity: StoredVerdict;
  memorable: StoredVerdict;
  specific_reason: StoredVerdict;
  starl: StoredVerdict;
  opportunity_score: number | null;
  memorable_score: number | null;
  specific_reason_score: number | null;
  starl_score: number | null;
}

/** Which numbered migrations a database has applied. */
export interface SchemaMigrationsTable {
  id: number;
  name: string;
  applied_at: string;
}

/** A company with its posting; lists are JSON text. */
export interface CompaniesTable {
  id: Generated<number>;
  name: string;
  /** The name folded for lookups, unique: "ACME" and "acme" are one company. */
  name_key: string;
  aliases: string;
  competitors: string;
  context_text: string | null;
  context_source: string | null;
  terms: string;
  created_at: string;
  updated_at: string;
}

/** A research fact about a company and where it came from. */
export interface CompanyFactsTable {
  id: Generated<number>;
  uid: string;
  company_id: number;
  kind: string;
  text: string;
  source: string;
  created_at: string;
  /** The key the client sent with the write that created the row; a repeat with it returns this row. */
  client_id: string | null;
}

/** A mock interview or drill. */
export interface SessionsTable {
  id: Generated<number>;
  uid: string;
  company_id: number | null;
  role: string | null;
  field: string | null;
  mode: string;
  status: string;
  started_at: string;
  finished_at: string | null;
  /** The key the client sent with the write that created the row; a repeat with it returns this row. */
  client_id: string | null;
}

/** A session's planned questions, by position. */
export interface SessionQuestionsTable {
  id: Generated<number>;
  session_id: number;
  position: number;
  bank_id: string | null;
  question_type: string;
  text: string;
}

/** Every submitted answer: first tries, retries and follow-ups, with the report as JSON. */
export interface AnswersTable extends VerdictColumns {
  id: Generated<number>;
  uid: string;
  session_id: number;
  position: number;
  attempt: number;
  follow_up_of: number | null;
  question: string;
  answer: string;
  seconds: number;
  report: string;
  created_at: string;
  /** The key the client sent with the write that created the row; a repeat with it returns this row. */
  client_id: string | null;
  /** How a recorded answer was delivered (an `AnswerDelivery` as JSON); null for a typed one. */
  delivery: string | null;
}

/** The recording of a spoken answer, compressed as the browser recorded it; one per answer at most. */
export interface RecordingsTable {
  answer_id: number;
  /** The content type it was recorded in, codec included (`audio/webm;codecs=opus`). */
  media_type: string;
  seconds: number;
  /** The length of `data`, kept so that listing recordings never reads them. */
  bytes: number;
  data: Uint8Array;
  created_at: string;
}

/** A story in the bank; competencies and labelled parts are JSON text. */
export interface StoriesTable {
  id: Generated<number>;
  uid: string;
  title: string;
  text: string;
  competencies: string;
  parts: string;
  source_answer_id: number | null;
  created_at: string;
  /** The key the client sent with the write that created the row; a repeat with it returns this row. */
  client_id: string | null;
}

/** An answer judged from a real interview's transcript. */
export interface ReviewsTable extends VerdictColumns {
  id: Generated<number>;
  uid: string;
  source_file: string;
  question: string;
  answer: string;
  report: string;
  answered_at: string | null;
  created_at: string;
  /** Which transcript and candidate the answer came from (a hash), so saving it again replaces it. */
  transcript_key: string | null;
}

/** A role in multi-user mode: what a signed-in user may see and change. */
export type Role = 'candidate' | 'coach' | 'admin';

/** An account of multi-user mode. */
export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  role: Role;
  /** An argon2id hash in PHC form; the password itself is never kept. */
  password_hash: string;
  created_at: string;
}

/** A signed-in browser: kept in the database so that every server process knows it. */
export interface AuthSessionsTable {
  id: Generated<number>;
  /** SHA-256 of the cookie's token, so a copy of the database signs no one in. */
  token_hash: string;
  user_id: number;
  /** The token every write must carry in `x-csrf-token`. */
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  /** The absolute end, however active the session. */
  expires_at: string;
}

/** An invitation by link to create an account with a given role (and cohort). */
export interface InvitationsTable {
  id: Generated<number>;
  token_hash: string;
  email: string;
  role: Role;
  cohort_id: number | null;
  created_by: number | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface CohortsTable {
  id: Generated<number>;
  name: string;
  created_at: string;
}

/** Who coaches which cohort. */
export interface CohortCoachesTable {
  cohort_id: number;
  user_id: number;
}

/** Which candidates are in which cohort. */
export interface CohortMembersTable {
  cohort_id: number;
  user_id: number;
}

/** A coach's comment on a candidate's answer. */
export interface CommentsTable {
  id: Generated<number>;
  answer_id: number;
  author_id: number;
  text: string;
  created_at: string;
}

/** Who did what, when and from where: sign-ins (failed ones too) and admin actions. */
export interface AuditLogTable {
  id: Generated<number>;
  /** The user who acted; null for a sign-in with an unknown email. Kept after the user is deleted. */
  actor_id: number | null;
  action: string;
  detail: string;
  address: string | null;
  at: string;
}

/** One failed sign-in, counted per account and per address (`account:…`, `address:…`) over a window. */
export interface LoginFailuresTable {
  id: Generated<number>;
  scope_key: string;
  at: string;
}

/** Every table Starl keeps, as Kysely sees them. */
export interface StarlSchema {
  schema_migrations: SchemaMigrationsTable;
  companies: CompaniesTable;
  company_facts: CompanyFactsTable;
  sessions: SessionsTable;
  session_questions: SessionQuestionsTable;
  answers: AnswersTable;
  recordings: RecordingsTable;
  stories: StoriesTable;
  reviews: ReviewsTable;
  users: UsersTable;
  auth_sessions: AuthSessionsTable;
  invitations: InvitationsTable;
  cohorts: CohortsTable;
  cohort_coaches: CohortCoachesTable;
  cohort_members: CohortMembersTable;
  comments: CommentsTable;
  audit_log: AuditLogTable;
  login_failures: LoginFailuresTable;
}

/**
 * The owned tables with the owner column a scoped store hides (see owner-scope.ts): only the accounts
 * code, which works across owners, reads it.
 */
export type WithOwners<S> = { [T in keyof S]: T extends 'companies' | 'company_facts' | 'sessions' | 'session_questions' | 'answers' | 'recordings' | 'stories' | 'reviews' ? S[T] & { owner_id: number | null } : S[T] };
