import type { Key } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { styleText } from 'node:util';
import { Prompt, wrapTextWithPrefix } from '@clack/core';
import { S_BAR, S_BAR_END, symbol } from '@clack/prompts';

/** What the candidate reads under the text while typing: how to end the answer. */
export const SUBMIT_HINT = 'Enter on an empty line or Ctrl-D submits · pasted lines stay one answer · Ctrl-C stops';

/** Terminal modes that wrap a paste in markers (xterm's "bracketed paste"), so a paste is told from typing. */
const BRACKETED_PASTE = { on: '\u001b[?2004h', off: '\u001b[?2004l' };

/** What {@link askAnswer} takes. `message` is read at every redraw, so a getter can keep a timer moving. */
export interface AnswerPromptOptions {
  message: string;
  placeholder?: string;
  /** Returns what is wrong with the text, or undefined to accept it. */
  validate?: (text: string) => string | undefined;
  input: Readable;
  output: Writable;
  signal?: AbortSignal;
}

/**
 * A prompt for text of any length and any number of lines. Enter starts a new line; Enter on an
 * empty line, or Ctrl-D, submits. Line breaks that arrive inside a paste (marked by the terminal, or
 * arriving in one read with other text) are always kept as text, so a pasted answer with blank lines
 * between its paragraphs stays one answer instead of being cut at its first line.
 */
class AnswerPrompt extends Prompt<string> {
  private readonly options: AnswerPromptOptions;
  /** Between the terminal's paste-start and paste-end markers. */
  private pasting = false;
  /** The input read being handled holds text and a line break together: a paste, not a key. */
  private readIsPaste = false;
  /** The last key was a carriage return, so a line feed right after it is the same line break. */
  private afterReturn = false;
  /** The keys of a read of more than one key are being handled: the text is drawn once, after them. */
  private inLongRead = false;
  private readonly watchReads = (chunk: Buffer | string): void => {
    const text = String(chunk);
    this.readIsPaste = /[\r\n]/.test(text) && /[^\r\n]/.test(text);
    // Clack redraws after every key, and each redraw wraps the whole text: a pasted page would take
    // a minute. The keys of one read are drawn once, after the last of them (clack redraws on "resize").
    if (text.length > 1 && !this.inLongRead) {
      this.inLongRead = true;
      setImmediate(() => {
        this.inLongRead = false;
        this.output.emit('resize');
      });
    }
  };

  constructor(options: AnswerPromptOptions) {
    super(
      {
        input: options.input,
        output: options.output,
        ...(options.signal ? { signal: options.signal } : {}),
        render() {
          return (this as AnswerPrompt).frame();
        },
      },
      false,
    );
    this.options = options;
    // Runs before the keypress decoder sees the read, so every key of a read knows where it came from.
    this.input.prependListener('data', this.watchReads);
    this.on('key', (char, key) => this.onKey(char, key));
    this.on('userInput', (text) => this._setValue(text));
  }

  protected override close(): void {
    this.input.off('data', this.watchReads);
    super.close();
  }

  private setText(text: string): void {
    this._setUserInput(text);
    this._cursor = text.length;
  }

  private onKey(char: string | undefined, key: Key): void {
    if (key.name === 'paste-start' || key.name === 'paste-end') {
      this.pasting = key.name === 'paste-start';
      return;
    }
    const lineFeedOfReturn = this.afterReturn && key.name === 'enter';
    this.afterReturn = key.name === 'return';
    if (lineFeedOfReturn || key.name === 'return') return; // a return is handled by _shouldSubmit
    if (key.ctrl && key.name === 'd') return this.submitNow();
    if (key.name === 'enter') return this.setText(`${this.userInput}\n`);
    if (key.name === 'backspace') return this.setText(this.userInput.slice(0, -1));
    if (char && !key.ctrl && !key.meta && (char === '\t' || char >= ' ')) this.setText(this.userInput + char);
  }

  /** A typed Enter on an empty line submits; any other Enter, and every pasted one, is a line break. */
  protected override _shouldSubmit(): boolean {
    const typed = !this.pasting && !this.readIsPaste;
    if (typed && (this.userInput === '' || this.userInput.endsWith('\n'))) {
      this.setText(this.userInput.replace(/\n$/, ''));
      return this.accepts();
    }
    this.setText(`${this.userInput}\n`);
    return false;
  }

  /** Ctrl-D: submit now, wherever the cursor is. */
  private submitNow(): void {
    if (this.accepts()) this.state = 'submit';
  }

  /** Runs the validation; on a problem, shows it and keeps the text. */
  private accepts(): boolean {
    const problem = this.options.validate?.(this.userInput);
    if (problem === undefined) return true;
    this.state = 'error';
    this.error = problem;
    return false;
  }

  frame(): string {
    const title = `${styleText('gray', S_BAR)}\n${symbol(this.state)}  ${this.options.message}\n`;
    const drawingLater = (this.inLongRead || this.pasting) && (this.state === 'active' || this.state === 'initial');
    if (drawingLater) return `${title}${styleText('cyan', S_BAR)}  ${styleText('dim', 'pasting…')}\n${styleText('cyan', S_BAR_END)}  ${styleText('dim', SUBMIT_HINT)}\n`;
    const text = this.userInput;
    const bar = (colour: 'gray' | 'cyan' | 'yellow') => `${styleText(colour, S_BAR)}  `;
    switch (this.state) {
      case 'submit':
        return `${title}${wrapTextWithPrefix(this.output, text, bar('gray'), undefined, undefined, (line) => styleText('dim', line))}`;
      case 'cancel':
        return `${title}${wrapTextWithPrefix(this.output, text, bar('gray'), undefined, undefined, (line) => styleText(['strikethrough', 'dim'], line))}`;
      case 'error':
        return `${title}${wrapTextWithPrefix(this.output, `${text}█`, bar('yellow'))}\n${styleText('yellow', S_BAR_END)}  ${styleText('yellow', this.error)}\n`;
      default: {
        const shown = text ? `${text}█` : `█${styleText('dim', this.options.placeholder ?? '')}`;
        return `${title}${wrapTextWithPrefix(this.output, shown, bar('cyan'))}\n${styleText('cyan', S_BAR_END)}  ${styleText('dim', SUBMIT_HINT)}\n`;
      }
    }
  }
}

/**
 * Asks for an answer (or any text that may be pasted) of any length and line count. Resolves to the
 * text, or to clack's cancel symbol when the candidate presses Ctrl-C or the signal aborts.
 *
 * @example
 * const answer = await askAnswer({ message: 'Your answer', input: process.stdin, output: process.stdout });
 * if (isCancel(answer)) return;
 */
export async function askAnswer(options: AnswerPromptOptions): Promise<string | symbol> {
  const terminal = (options.output as Writable & { isTTY?: boolean }).isTTY === true;
  if (terminal) options.output.write(BRACKETED_PASTE.on);
  try {
    return (await new AnswerPrompt(options).prompt()) ?? '';
  } finally {
    if (terminal) options.output.write(BRACKETED_PASTE.off);
  }
}
