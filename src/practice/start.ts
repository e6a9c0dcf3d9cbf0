import { StarlError } from '../core/errors.js';
import type { AnalyzeInput, QuestionType } from '../core/types.js';
import { judgingContext } from '../company/context.js';
import { planInterview, type PlanOptions } from '../questions/index.js';
import type { Session, Store } from '../storage/index.js';

/** What `starl practice` was asked for. */
export interface PracticeOptions {
  /** A company saved with `starl company add`, whose posting and facts the answers are judged with. */
  company?: string;
  role?: string;
  field?: string;
  competencies?: string[];
  count?: number;
  /** A quick drill of one question type instead of a whole interview. */
  only?: QuestionType;
  seed?: number;
  /** Resume a session: its id, or `true` for the newest unfinished one. */
  resume?: number | true;
  /** The page's key for this request: sent again, it returns the session it planned the first time. */
  clientId?: string;
}

/** A planned session, not yet saved. */
export type SessionPlan = Parameters<Store['createSession']>[0];

/** Plans a mock interview (or a drill) from the question bank and saves it as a new session. */
export async function startSession(store: Store, options: PracticeOptions): Promise<Session> {
  return store.createSession({ ...(await planSession(store, options)), ...(options.clientId ? { clientId: options.clientId } : {}) });
}

/**
 * Plans a mock interview (or a drill) from the question bank, without saving anything. The store is
 * needed only to find `options.company`; without one it may be null.
 */
export async function planSession(store: Store | null, options: PracticeOptions): Promise<SessionPlan> {
  const company = options.company && store ? await store.requireCompany(options.company) : null;
  const plan = planInterview({
    ...(options.role ? { role: options.role } : {}),
    ...(company ? { company: company.name } : {}),
    ...(options.field ? { field: options.field as PlanOptions['field'] } : {}),
    ...(options.competencies?.length ? { competencies: options.competencies as PlanOptions['competencies'] } : {}),
    ...(options.count !== undefined ? { count: options.count } : {}),
    ...(options.only ? { only: options.only } : {}),
    // A fresh interview each time unless a seed is given to repeat one.
    seed: options.seed ?? Math.floor(Math.random() * 2 ** 31),
  });
  return {
    companyId: company?.id ?? null,
    role: options.role ?? null,
    field: plan.field,
    mode: options.only ? 'drill' : 'interview',
    questions: plan.questions.map((q) => ({ bankId: q.question.id, questionType: q.question.type, text: q.text })),
  };
}

/** What the answers of a session for this company (if any) are judged with: its posting and facts. */
export async function companyJudging(store: Store, companyId: number | null): Promise<Pick<AnalyzeInput, 'context' | 'company'>> {
  const company = companyId === null ? undefined : (await store.listCompanies()).find((c) => c.id === companyId);
  return company ? judgingContext(company, await store.factsOf(company.id)) : {};
}

/** The session `--resume` names (`true`: the newest unfinished one); a typed error when it cannot go on. */
export async function sessionToResume(store: Store, resume: number | true): Promise<Session> {
  const session = resume === true ? await store.latestActiveSession() : await store.requireSession(resume);
  if (!session) throw new StarlError('E_NOT_FOUND', 'there is no unfinished practice session to resume; start one with: starl practice');
  if (session.status === 'finished') {
    throw new StarlError('E_USAGE', `practice session ${session.id} is already finished; see it with: starl report ${session.id}`);
  }
  return session;
}
