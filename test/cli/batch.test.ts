import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Chunk } from '../../src/cli/batch/chunk.js';
import { judgeChunk, type ChunkOutcome } from '../../src/cli/batch/line.js';
import type { ChunkJudge } from '../../src/cli/batch/pool.js';
import { runBatch } from '../../src/cli/batch/run.js';
import { runCli } from '../support/cli.js';

const QUESTION = 'How are you?';
const ANSWERS = ['Great, thanks, I have been looking forward to this!', 'Fine, you?', 'Tired, honestly, the train was late again.'];

/** A batch of `count` lines, with bad lines at the numbers given (1-based), each bad in its own way. */
function batchLines(count: number, bad: Record<number, string>): string[] {
  return Array.from({ length: count }, (_, i) => bad[i + 1] ?? JSON.stringify({ id: `a${i + 1}`, question: QUESTION, answer: ANSWERS[i % ANSWERS.length] }));
}

const BAD = {
  2: 'not json',
  70: JSON.stringify({ id: 'x', question: QUESTION }),
  130: JSON.stringify({ id: 'y', question: QUESTION, answer: '   ' }),
  131: '',
  200: JSON.stringify({ id: 'z', question: QUESTION, answer: 'Fine.', context: 7 }),
};

/**
 * Judges in this thread, but settles the chunks it holds newest first, once the batch waits for one:
 * the batch must still write them in input order.
 */
function newestFirstJudge(size: number): ChunkJudge & { settledOrder: number[] } {
  const held: { index: number; chunk: Chunk; resolve: (outcome: ChunkOutcome) => void }[] = [];
  const settledOrder: number[] = [];
  let submitted = 0;
  let scheduled = false;
  return {
    size,
    settledOrder,
    judge(chunk) {
      return new Promise((resolve) => {
        held.push({ index: submitted++, chunk, resolve });
        if (scheduled) return;
        scheduled = true;
        setImmediate(() => {
          scheduled = false;
          for (const job of held.splice(0).reverse()) {
            settledOrder.push(job.index);
            job.resolve(judgeChunk(job.chunk));
          }
        });
      });
    },
    close: async () => undefined,
  };
}

async function* linesOf(lines: string[]): AsyncGenerator<Buffer> {
  yield Buffer.from(`${lines.join('\n')}\n`);
}

describe('runBatch', () => {
  it('writes reports in input order and names each bad line, however the chunks finish', async () => {
    const judge = newestFirstJudge(3);
    let output = '';
    const errors: string[] = [];
    const result = await runBatch(linesOf(batchLines(400, BAD)), (bytes) => Boolean((output += Buffer.from(bytes).toString())), { file: 'in.jsonl', judge, errors: (m) => errors.push(m) });
    // Chunks really did finish out of order.
    expect(judge.settledOrder.slice(0, 2)).toEqual([...judge.settledOrder.slice(0, 2)].sort((a, b) => b - a));
    const ids = output.trim().split('\n').map((line) => JSON.parse(line).id);
    const expected = batchLines(400, {}).map((_, i) => `a${i + 1}`).filter((_, i) => !(i + 1 in BAD));
    expect(ids).toEqual(expected);
    expect(errors).toEqual([
      'in.jsonl:2: not valid JSON [E_INPUT_BAD_JSON]',
      'in.jsonl:70: "answer" is missing [E_INPUT_BAD_FIELD]',
      'in.jsonl:130: the answer is empty (answer) [E_INPUT_EMPTY_ANSWER]',
      expect.stringMatching(/^in\.jsonl:200: "context" is wrong/),
    ]);
    expect(result).toEqual({ written: 395, skipped: 4 });
  });

  it('fails as a whole, not line by line, when its judge fails', async () => {
    const judge: ChunkJudge = { size: 2, judge: () => Promise.reject(new Error('worker out of memory')), close: async () => undefined };
    await expect(runBatch(linesOf(batchLines(300, {})), () => true, { file: 'in.jsonl', judge, errors: () => undefined })).rejects.toThrow('worker out of memory');
  });
});

describe('starl analyze --jsonl --workers', () => {
  it('judges an answer the same whatever lines came before it in the batch', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'starl-batch-'));
    const question = 'Tell me about a project you are proud of.';
    const answer = "My master's was on earthworm counts under different tillage, so I've done a lot of muddy field sampling.";
    const before = { question, answer: "Yeah, so this is from my master's. So my project was on air quality near schools." };
    const alone = join(dir, 'alone.jsonl');
    const after = join(dir, 'after.jsonl');
    writeFileSync(alone, `${JSON.stringify({ id: 'last', question, answer })}\n`);
    writeFileSync(after, `${JSON.stringify({ id: 'first', ...before })}\n${JSON.stringify({ id: 'last', question, answer })}\n`);
    const one = await runCli(['analyze', '--jsonl', alone, '--workers', '1']);
    const both = await runCli(['analyze', '--jsonl', after, '--workers', '1']);
    expect(both.stdout.trim().split('\n')[1]).toBe(one.stdout.trim());
  }, 120_000);

  it('writes the same reports and the same errors on several worker threads as on one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'starl-batch-'));
    const file = join(dir, 'batch.jsonl');
    writeFileSync(file, `${batchLines(200, BAD).join('\n')}\n`);
    const one = await runCli(['analyze', '--jsonl', file, '--workers', '1']);
    const three = await runCli(['analyze', '--jsonl', file, '--workers', '3']);
    expect(one.code).toBe(2);
    expect(three.code).toBe(2);
    expect(three.stdout).toBe(one.stdout);
    expect(three.stderr).toBe(one.stderr);
    expect(one.stdout.trim().split('\n').map((line) => JSON.parse(line).id)).toEqual(
      batchLines(200, {}).map((_, i) => `a${i + 1}`).filter((_, i) => !(i + 1 in BAD)),
    );
    expect(one.stderr).toContain(`${file}:200: "context" is wrong`);
    expect(one.stderr).toContain('4 line(s) skipped, 195 written');
  }, 120_000);

  it('refuses a worker count that is not a whole number of at least 1', async () => {
    const { code, stderr } = await runCli(['analyze', '--jsonl', '--workers', '0']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--workers must be a whole number of at least 1, not "0"/);
  });
});
