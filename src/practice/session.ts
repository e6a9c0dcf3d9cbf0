import { StarlError } from '../core/errors.js';
import type { AnalyzeInput, Report } from '../core/types.js';
import type { Session, StoredAnswer, Store } from '../storage/index.js';
import { overusedStories, suggestStories } from '../stories/match.js';
import { storyFromAnswer, suggestableStories } from '../stories/bank.js';
import { buildSessionReport } from '../report/session.js';
import { summarizeSession } from './summary.js';
import { summaryText } from './summary-text.js';
import { showFeedback } from './feedback.js';
import { formatDuration } from '../format/duration.js';
import { countOf } from '../format/plural.js';
import { Terminal, type TerminalIO } from './terminal.js';
import { companyJudging, sessionToResume, startSession, type PracticeOptions } from './start.js';

export type { PracticeOptions } from './start.js';

/** Judges one answer; the CLI passes the core's `analyze`. */
export type Judge = (input: AnalyzeInput) => Report;


/** How a practice run ended. */
export interface PracticeOutcome {
  sessionId: number;
  status: 'finished' | 'stopped';
  answered: number;
}

/**
 * How long an answer of each type should take, in seconds: the usual coaching advice of a short
 * warm line for small talk, about a minute and a half for "tell me about yourself" and motivation,
 * and about two minutes for a STAR(L) story. Shown beside the timer; never enforced.
 */
export const AIM_SECONDS: Record<string, number> = {
  opener: 20,
  introduction: 90,
  personal: 60,
  motivation: 90,
  behavioral: 120,
  closing: 60,
  other: 90,
};

/** What the candidate wants after seeing the feedback on an answer, by the key that picks it. */
const NEXT_KEYS = { next: 'n', retry: 'r', story: 's', stop: 'q' } as const;
type NextStep = keyof typeof NEXT_KEYS;

/** A mock interview in the terminal: asks, times, judges, saves at once, follows up, allows retries. */
export class PracticeRun {
  private readonly terminal: Terminal;
  private judgeWith: Pick<AnalyzeInput, 'context' | 'company'> = {};

  constructor(
    private readonly store: Store,
    private readonly judge: Judge,
    io: TerminalIO,
  ) {
    this.terminal = new Terminal(io);
  }

  /** Runs a new or resumed session to its end, or until the candidate stops. */
  async run(options: PracticeOptions): Promise<PracticeOutcome> {
    const session = options.resume === undefined ? await this.startSession(options) : await this.resumeSession(options.resume);
    this.judgeWith = await companyJudging(this.store, session.companyId);
    const answered = await this.answeredPositions(session.id);
    const label = session.mode === 'drill' ? 'Drill' : 'Mock interview';
    this.terminal.intro(`Starl · ${label} #${session.id}${session.role ? ` for ${session.role}` : ''}`);
    if (answered.size > 0) this.terminal.info(`Resuming: ${answered.size} of ${countOf(session.questions.length, 'question')} already answered.`);
    else this.terminal.info(`${countOf(session.questions.length, 'question')}. Every answer is saved as soon as you submit it; Ctrl-C stops, and \`starl practice --resume ${session.id}\` picks up where you left off.`);

    for (const question of session.questions) {
      if (answered.has(question.position)) continue;
      const step = await this.askQuestion(session, question.position);
      if (step === 'stop') {
        const done = (await this.answeredPositions(session.id)).size;
        if (options.resume === undefined && (await this.store.discardEmptySession(session.id))) {
          this.terminal.outro('Stopped before the first answer; nothing was saved.');
          return { sessionId: session.id, status: 'stopped', answered: 0 };
        }
        this.terminal.outro(`Stopped after ${done} of ${countOf(session.questions.length, 'question')}; all saved. Resume with: starl practice --resume ${session.id}`);
        return { sessionId: session.id, status: 'stopped', answered: done };
      }
    }
    await this.store.finishSession(session.id);
    await this.showSummary(session);
    return { sessionId: session.id, status: 'finished', answered: session.questions.length };
  }

  /** The positions of the questions that have at least one answer (a follow-up alone does not count). */
  private async answeredPositions(sessionId: number): Promise<Set<number>> {
    const answers = await this.store.answersOf(sessionId);
    return new Set(answers.filter((a) => a.followUpOf === null).map((a) => a.position));
  }

  private startSession(options: PracticeOptions): Promise<Session> {
    return startSession(this.store, options);
  }


  private resumeSession(resume: number | true): Promise<Session> {
    return sessionToResume(this.store, resume);
  }

  /** Asks one question until the candidate moves on; every answer, retry and follow-up is saved. */
  private async askQuestion(session: Session, position: number): Promise<NextStep> {
    const question = session.questions[position]!;
    const number = `${position + 1}/${session.questions.length}`;
    if (question.questionType === 'behavioral') await this.suggestFromBank(question.text, question.bankId);
    for (;;) {
      const first = await this.answerAndSave(session, position, `${number} · ${question.text}`, question.text, null);
      if (!first) return 'stop';
      await this.warnAboutOverusedStories(session.id);
      let latest = first;
      if (first.report.followUp) {
        const followUp = await this.answerAndSave(session, position, `The interviewer follows up: ${first.report.followUp}`, question.text, first);
        if (!followUp) return 'stop';
        latest = followUp;
      }
      const key = await this.terminal.choose('What next?', [
        { value: NEXT_KEYS.next, label: position + 1 < session.questions.length ? 'next question' : 'finish' },
        { value: NEXT_KEYS.retry, label: 'retry this question (both versions are kept)' },
        { value: NEXT_KEYS.story, label: 'save this answer as a story, then go on' },
        { value: NEXT_KEYS.stop, label: 'stop for now' },
      ]);
      const step = (Object.keys(NEXT_KEYS) as NextStep[]).find((name) => NEXT_KEYS[name] === key) ?? 'stop';
      if (step === 'stop') return 'stop';
      if (step === 'story') {
        await this.saveAsStory(latest);
        return 'next';
      }
      if (step === 'next') return 'next';
    }
  }

  /**
   * Asks with the timer, judges, saves the answer in its own transaction and shows the feedback.
   * A follow-up's answer is judged together with the original, as the interviewer hears them.
   * Returns null when the candidate stops.
   */
  private async answerAndSave(
    session: Session,
    position: number,
    prompt: string,
    question: string,
    original: StoredAnswer | null,
  ): Promise<StoredAnswer | null> {
    const type = session.questions[position]!.questionType;
    for (;;) {
      const reply = await this.terminal.askTimed(prompt, AIM_SECONDS[type] ?? 90);
      if (reply.kind === 'cancel') return null;
      const judged = original ? `${original.answer}\n${reply.text}` : reply.text;
      let report: Report;
      try {
        report = this.judge({ question, answer: judged, ...this.judgeWith });
      } catch (error) {
        // An answer the analyzer cannot judge (not English, too long) is not saved; the candidate tries again.
        if (error instanceof StarlError && error.code.startsWith('E_INPUT')) {
          this.terminal.warn(`${error.message}. Try again.`);
          continue;
        }
        throw error;
      }
      const saved = await this.store.saveAnswer({
        sessionId: session.id,
        position,
        followUpOf: original?.id ?? null,
        question,
        answer: reply.text,
        seconds: reply.seconds,
        report,
      });
      const title = original
        ? `Judged with your first answer · took ${formatDuration(reply.seconds)}`
        : `Attempt ${saved.attempt} · took ${formatDuration(reply.seconds)}`;
      showFeedback(this.terminal, judged, report, title);
      return saved;
    }
  }

  /** Before a behavioral question, names the stories in the bank that fit it best. */
  private async suggestFromBank(text: string, bankId: string | null): Promise<void> {
    const stories = await suggestableStories(this.store);
    if (stories.length === 0) return;
    const fits = suggestStories({ text, bankId }, stories);
    if (fits.length > 0) this.terminal.info(`Stories from your bank that fit: ${fits.map((f) => `"${f.story.title}" (${f.why})`).join(', ')}`);
  }

  private async warnAboutOverusedStories(sessionId: number): Promise<void> {
    const stories = await this.store.listStories();
    if (stories.length === 0) return;
    const answers = (await this.store.answersOf(sessionId)).filter((a) => a.followUpOf === null);
    for (const { story, positions } of overusedStories(answers, stories)) {
      this.terminal.warn(
        `You have told "${story.title}" for ${countOf(positions.length, 'question')} (${positions.map((p) => p + 1).join(', ')}); an interviewer remembers more when each question gets its own story.`,
      );
    }
  }

  private async saveAsStory(answer: StoredAnswer): Promise<void> {
    const title = await this.terminal.ask('A short title for this story', { placeholder: 'e.g. The night the payroll run failed' });
    if (title === null) return;
    const competencies = await this.terminal.ask('Competencies it shows, separated by commas (optional)', {
      placeholder: 'e.g. ownership, pressure',
      optional: true,
    });
    const text = answer.followUpOf === null ? answer.answer : `${(await this.store.requireAnswer(answer.followUpOf)).answer}\n${answer.answer}`;
    const story = await this.store.saveStory(
      storyFromAnswer({ id: answer.id, text, report: answer.report }, title, (competencies ?? '').split(',')),
    );
    this.terminal.info(`Saved story #${story.id} "${story.title}".`);
  }

  private async showSummary(session: Session): Promise<void> {
    const summary = summarizeSession(await buildSessionReport(this.store, session.id));
    this.terminal.note(summaryText(summary), `Session #${session.id} finished`);
    this.terminal.outro(`Full report: starl report ${session.id}   (HTML: starl report ${session.id} --html report.html)`);
  }

}
