import type { Readable, Writable } from 'node:stream';
import { isCancel, log, note, intro, outro, selectKey, text, type Option } from '@clack/prompts';
import { styleText } from 'node:util';
import { formatDuration } from '../format/duration.js';
import { printable } from '../text/printable.js';
import { askAnswer } from './answer-prompt.js';

/** Where the prompts read keys and draw: the process's terminal, or streams a test drives. */
export interface TerminalIO {
  input: Readable;
  output: Writable;
  /** Milliseconds on a monotonic clock, for timing answers; default `performance.now`. */
  clock?: () => number;
}

/** What a timed answer prompt gives back: the text and how long it took, or that the user stopped. */
export type TimedAnswer = { kind: 'answer'; text: string; seconds: number } | { kind: 'cancel' };

/** How often the visible timer redraws, in milliseconds. */
const TICK_MS = 1000;

type Style = Parameters<typeof styleText>[0];

/**
 * Terminal output for one practice run: colours only on a colour terminal (and never with NO_COLOR),
 * every prompt bound to the same input and output.
 */
export class Terminal {
  readonly io: TerminalIO;
  private readonly colour: boolean;
  private inputEnded = false;
  private readonly open = new Set<AbortController>();

  constructor(io: TerminalIO) {
    this.io = io;
    const tty = (io.output as Writable & { isTTY?: boolean }).isTTY === true;
    this.colour = tty && !process.env.NO_COLOR;
    // When the input ends (a closed pipe, Ctrl-D at a pipe's end), waiting prompts are cancelled
    // instead of hanging, and the run stops the way Ctrl-C stops it.
    const end = () => {
      this.inputEnded = true;
      for (const controller of this.open) controller.abort();
    };
    io.input.once('end', end);
    io.input.once('close', end);
  }

  /** Runs a prompt that is cancelled if the input ends while it waits. */
  private async guarded<T>(prompt: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    if (this.inputEnded) controller.abort();
    this.open.add(controller);
    try {
      return await prompt(controller.signal);
    } finally {
      this.open.delete(controller);
    }
  }

  /** `text` in a style when the terminal shows colour, else as it is. */
  paint(style: Style, value: string): string {
    return this.colour ? styleText(style, value) : value;
  }

  private get streams() {
    return { input: this.io.input, output: this.io.output };
  }

  intro(title: string): void {
    intro(printable(title), this.streams);
  }

  outro(message: string): void {
    outro(printable(message), this.streams);
  }

  /** A boxed note; `message` may carry Starl's colours, so the data in it must be printable already. */
  note(message: string, title: string): void {
    note(message, printable(title), this.streams);
  }

  info(message: string): void {
    log.info(printable(message), this.streams);
  }

  warn(message: string): void {
    log.warn(printable(message), this.streams);
  }

  step(message: string): void {
    log.step(printable(message), this.streams);
  }

  /** A one-key choice: each option's value is the key that picks it. Null when the user cancels. */
  async choose<Value extends string>(message: string, options: { value: Value; label: string }[]): Promise<Value | null> {
    const choice = await this.guarded((signal) => selectKey({ message: printable(message), options: options as Option<Value>[], signal, ...this.streams }));
    return isCancel(choice) ? null : choice;
  }

  /** A line of text; null when the user cancels. */
  async ask(message: string, options: { placeholder?: string; optional?: boolean } = {}): Promise<string | null> {
    const value = await this.guarded((signal) =>
      text({
        message: printable(message),
        ...(options.placeholder ? { placeholder: options.placeholder } : {}),
        validate: (input) => (options.optional || input?.trim() ? undefined : 'Type something, or press Ctrl-C to stop.'),
        signal,
        ...this.streams,
      }),
    );
    return isCancel(value) ? null : value.trim();
  }

  /**
   * Asks a question with a visible stopwatch beside it and measures the time to the answer. The answer
   * may have any number of lines, typed or pasted (see `askAnswer`).
   * `aimSeconds` is shown as the target length (a coaching guideline, not a limit).
   */
  async askTimed(question: string, aimSeconds: number): Promise<TimedAnswer> {
    const clock = this.io.clock ?? (() => performance.now());
    const started = clock();
    let finished: number | null = null;
    const elapsed = () => ((finished ?? clock()) - started) / 1000;
    const paint = this.paint.bind(this);
    const shown = printable(question);
    // The text prompt reads `message` at every redraw, so a getter keeps the stopwatch current.
    const options = {
      get message() {
        const time = formatDuration(elapsed());
        const timer = finished === null ? `⏱ ${time} (aim for about ${formatDuration(aimSeconds)})` : `⏱ took ${time}`;
        return `${shown}  ${paint('dim', timer)}`;
      },
      placeholder: 'Answer as you would in the interview, or paste it',
      validate: (input: string | undefined) => {
        if (!input?.trim()) return 'An empty answer cannot be judged; type your answer.';
        // Validation passes just before the prompt draws its submitted state: stop the clock here.
        finished = clock();
        return undefined;
      },
      ...this.streams,
    };
    // Clack redraws a prompt on its output's "resize" event; a tick sends one so the timer moves.
    const output = this.io.output as Writable & { isTTY?: boolean };
    const ticker = output.isTTY ? setInterval(() => output.emit('resize'), TICK_MS) : null;
    ticker?.unref();
    // Not spread into a new object: that would read the getter once and freeze the timer.
    const value = await this.guarded((signal) => askAnswer(Object.assign(options, { signal }))).finally(() => {
      finished ??= clock();
      if (ticker) clearInterval(ticker);
    });
    if (isCancel(value) || typeof value !== 'string') return { kind: 'cancel' };
    return { kind: 'answer', text: value.trim(), seconds: Math.round(elapsed() * 10) / 10 };
  }
}
