import type { QuestionType } from '../core/types.js';
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
}

/** Plans a mock interview (or a drill) from the question bank and saves it as a new session. */
export async function startSession(store: Store, options: PracticeOptions): Promise<Session> {
  const company = options.company ? await store.requireCompany(options.company) : null;
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
  return store.createSession({
    companyId: company?.id ?? null,
    role: options.role ?? null,
    field: plan.field,
    mode: options.only ? 'drill' : 'interview',
    questions: plan.questions.map((q) => ({ bankId: q.question.id, questionType: q.question.type, text: q.text })),
  });
}
