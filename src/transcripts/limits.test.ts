import { describe, expect, it } from 'vitest';
import { StarlError } from '../core/errors.js';
import { readInterview } from './interview.js';
import { MAX_REVIEW_ANSWER_BYTES, MAX_REVIEW_PAIRS } from './limits.js';

/** Notes with `count` questions, each answered with `answer`; question n is on line 3n - 2. */
function notes(count: number, answer: string): string {
  return Array.from({ length: count }, (_, i) => `Q: Tell me about a time you led team ${i + 1}.\nA: ${answer}\n`).join('\n');
}

function refusal(text: string): StarlError {
  try {
    readInterview(text, { file: 'call.txt' });
  } catch (error) {
    if (error instanceof StarlError) return error;
    throw error;
  }
  throw new Error('the transcript was not refused');
}

describe('what one review may hold', () => {
  it('refuses more questions than one review judges, at the first one too many', () => {
    const error = refusal(notes(MAX_REVIEW_PAIRS + 1, 'I rebuilt the rota.'));
    expect(error.code).toBe('E_INPUT_TOO_LONG');
    expect(error.describe()).toBe(
      `call.txt:${3 * MAX_REVIEW_PAIRS + 1}: the transcript has ${MAX_REVIEW_PAIRS + 1} questions and answers; one review takes at most ${MAX_REVIEW_PAIRS}, so split it into one file per interview [E_INPUT_TOO_LONG]`,
    );
    expect(readInterview(notes(MAX_REVIEW_PAIRS, 'I rebuilt the rota.')).pairs).toHaveLength(MAX_REVIEW_PAIRS);
  });

  it('refuses more answer text than one review judges', () => {
    const long = 'I rebuilt the rota and cut overtime. '.repeat(500);
    const count = Math.ceil(MAX_REVIEW_ANSWER_BYTES / long.length) + 1;
    const error = refusal(notes(count, long));
    expect(error.code).toBe('E_INPUT_TOO_LONG');
    expect(error.message).toContain('pass 1 MB of text');
    expect(error.where?.line).toBe(3 * (count - 1) - 2);
  });
});
