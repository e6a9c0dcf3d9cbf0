import { REASONS, type Reason, type Report } from '../core/types.js';
import type { Store, StoredAnswer } from '../storage/index.js';

/** One try at a question, with the follow-up the interviewer asked after it, if any. */
export interface AttemptReport {
  attempt: number;
  answer: string;
  seconds: number;
  report: Report;
  at: string;
  followUp: { question: string; answer: string; seconds: number; report: Report; at: string } | null;
}

/** A question of the session with every try at it. */
export interface QuestionReport {
  position: number;
  questionType: string;
  question: string;
  attempts: AttemptReport[];
  /** Which attempt counts (see {@link finalJudgements}); null when the question was not answered. */
  finalAttempt: number | null;
}

/** Everything a session's report shows, also what `starl report --json` prints. */
export interface SessionReport {
  session: {
    id: number;
    mode: string;
    role: string | null;
    field: string | null;
    company: string | null;
    status: string;
    startedAt: string;
    finishedAt: string | null;
  };
  questions: QuestionReport[];
  /** Per reason, passes among the questions it applied to, counting each question's final judgement. */
  totals: Record<Reason, { passed: number; judged: number }>;
  /** Seconds spent answering, final attempts and their follow-ups only. */
  seconds: number;
}

/**
 * The judgement that counts for each question: its latest attempt, judged together with that
 * attempt's follow-up when there was one. Keyed by position.
 */
export function finalJudgements(answers: readonly StoredAnswer[]): Map<number, { report: Report; seconds: number; attempt: number }> {
  const final = new Map<number, { report: Report; seconds: number; attempt: number }>();
  for (const answer of [...answers].sort((a, b) => a.id - b.id)) {
    const current = final.get(answer.position);
    if (answer.followUpOf === null) {
      if (!current || answer.attempt >= current.attempt) final.set(answer.position, { report: answer.report, seconds: answer.seconds, attempt: answer.attempt });
    } else if (current && current.attempt === answer.attempt) {
      final.set(answer.position, { report: answer.report, seconds: current.seconds + answer.seconds, attempt: answer.attempt });
    }
  }
  return final;
}

/** Pass counts per reason over a set of reports. */
export function passTotals(reports: Iterable<Report>): Record<Reason, { passed: number; judged: number }> {
  const totals = Object.fromEntries(REASONS.map((reason) => [reason, { passed: 0, judged: 0 }])) as Record<Reason, { passed: number; judged: number }>;
  for (const report of reports) {
    for (const reason of REASONS) {
      const verdict = report.reasons[reason].verdict;
      if (verdict === 'n/a') continue;
      totals[reason].judged++;
      if (verdict === 'pass') totals[reason].passed++;
    }
  }
  return totals;
}

/** Gathers a session's report; a typed error names an unknown session. */
export async function buildSessionReport(store: Store, sessionId: number): Promise<SessionReport> {
  const session = await store.requireSession(sessionId);
  const company = session.companyId === null ? null : ((await store.listCompanies()).find((c) => c.id === session.companyId)?.name ?? null);
  const answers = await store.answersOf(session.id);
  const final = finalJudgements(answers);
  const questions = session.questions.map((question): QuestionReport => {
    const originals = answers.filter((a) => a.position === question.position && a.followUpOf === null);
    return {
      position: question.position,
      questionType: question.questionType,
      question: question.text,
      finalAttempt: final.get(question.position)?.attempt ?? null,
      attempts: originals.map((original) => {
        const followUp = answers.find((a) => a.followUpOf === original.id);
        return {
          attempt: original.attempt,
          answer: original.answer,
          seconds: original.seconds,
          report: original.report,
          at: original.createdAt,
          followUp: followUp
            ? {
                question: original.report.followUp ?? 'Follow-up',
                answer: followUp.answer,
                seconds: followUp.seconds,
                report: followUp.report,
                at: followUp.createdAt,
              }
            : null,
        };
      }),
    };
  });
  return {
    session: {
      id: session.id,
      mode: session.mode,
      role: session.role,
      field: session.field,
      company,
      status: session.status,
      startedAt: session.startedAt,
      finishedAt: session.finishedAt,
    },
    questions,
    totals: passTotals([...final.values()].map((f) => f.report)),
    seconds: [...final.values()].reduce((sum, f) => sum + f.seconds, 0),
  };
}

/**
 * The try that counts for a question, as {@link finalJudgements} chose it, with the report that judges
 * it (its follow-up's, which judges both answers together) and the time both took. Null when unanswered.
 */
export function countingAttempt(question: QuestionReport): { attempt: AttemptReport; report: Report; seconds: number } | null {
  const attempt = question.attempts.find((a) => a.attempt === question.finalAttempt);
  if (!attempt) return null;
  return { attempt, report: attempt.followUp?.report ?? attempt.report, seconds: attempt.seconds + (attempt.followUp?.seconds ?? 0) };
}
