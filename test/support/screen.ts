import { PassThrough, type Readable, type Writable } from 'node:stream';

/** Removes colour and cursor escape sequences, leaving the text a person would read. */
export function plainText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').replace(/\u001b[78]/g, '');
}

/**
 * A terminal a test reads and types into: it collects everything written to `output` and waits for
 * prompts to appear before typing, as a person would, so no keystroke reaches a prompt not yet drawn.
 */
export class Screen {
  text = '';
  /** Where the next `waitFor` starts looking: text before it belongs to prompts already handled. */
  private cursor = 0;
  private readonly waiters = new Set<() => void>();
  private failure: Error | null = null;

  constructor(
    private readonly keys: Writable,
    output: Readable,
  ) {
    output.on('data', (chunk: Buffer | string) => {
      this.text += plainText(chunk.toString());
      for (const wake of this.waiters) wake();
    });
  }

  /** A screen for in-process runs: streams for the prompts, wide enough that nothing wraps. */
  static inProcess(): { screen: Screen; input: PassThrough; output: PassThrough } {
    const input = new PassThrough();
    const output = Object.assign(new PassThrough(), { columns: 400, rows: 200 });
    return { screen: new Screen(input, output), input, output };
  }

  /**
   * Waits until one of `patterns` appears after the cursor, moves the cursor past it and returns the
   * index of the pattern and its match. Fails with the screen's tail after `timeoutMs`.
   */
  async waitFor(patterns: RegExp[], timeoutMs = 40_000): Promise<{ which: number; match: RegExpExecArray }> {
    const find = () => {
      let best: { which: number; match: RegExpExecArray } | null = null;
      patterns.forEach((pattern, which) => {
        const match = new RegExp(pattern.source, pattern.flags.replace('g', '')).exec(this.text.slice(this.cursor));
        if (match && (!best || match.index < best.match.index)) best = { which, match };
      });
      return best as { which: number; match: RegExpExecArray } | null;
    };
    return new Promise((resolve, reject) => {
      const check = () => {
        if (this.failure) {
          done();
          reject(this.failure);
          return;
        }
        const found = find();
        if (!found) return;
        this.cursor += found.match.index + found.match[0].length;
        done();
        resolve(found);
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`none of ${patterns.join(', ')} appeared; the screen ends with:\n${this.text.slice(-1500)}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }

  /** Makes every wait, now and later, fail at once: the program behind the screen has crashed or quit. */
  fail(error: Error): void {
    this.failure = error;
    for (const wake of this.waiters) wake();
  }

  /** Everything after the cursor has been drawn by prompts now on screen: skip it. */
  skipToEnd(): void {
    this.cursor = this.text.length;
  }

  /** Types text and presses Enter. */
  submit(text: string): void {
    this.skipToEnd();
    this.keys.write(`${text}\r`);
  }

  /** Types or pastes an answer, lines and all, and submits it with Ctrl-D. */
  answer(text: string): void {
    this.skipToEnd();
    this.keys.write(`${text}\u0004`);
  }

  /** Presses one key. */
  press(key: string): void {
    this.skipToEnd();
    this.keys.write(key);
  }
}

/** An active (not yet answered) prompt's first line starts with clack's active symbol. */
export const ACTIVE = '[◆*] {2}';
