import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { Screen } from '../support/screen.js';
import { runInteractive } from '../../src/cli/commands/interactive.js';
import { registerAnalyze } from '../../src/cli/commands/analyze.js';
import { registerRules } from '../../src/cli/commands/rules.js';
import { runAsMain } from '../practice/inprocess.js';

const dir = mkdtempSync(join(tmpdir(), 'starl-cli-'));
const STORY =
  'Last spring our returns queue hit 900 parcels. I was asked to clear it before the sale. I set up a second packing bench and trained two temps on the scanner, and we cleared the backlog in four days instead of ten. I learned to ask for help early.';

/** Each test here starts `starl` as a process (about 2 s each when idle); a busy machine needs far more. */
describe('starl analyze', { timeout: 90_000 }, () => {
  it('prints the verdicts first, then the answer with its evidence marked, then the follow-up', async () => {
    const { code, stdout } = await runCli(['analyze', '-q', 'How are you?', '-a', 'Fine, you?']);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^Question type: opener/);
    expect(lines[1]).toMatch(/^Opportunity\s+✘ miss/);
    expect(stdout).toContain('[!Fine, you]');
    expect(stdout).toContain('The interviewer would likely ask next');
  });

  it('reads the answer from standard input and prints one JSON report with --json', async () => {
    const { code, stdout } = await runCli(['analyze', '--question', 'Tell me about a time you fixed a backlog.', '--json'], { stdin: STORY });
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.questionType).toBe('behavioral');
    expect(report.reasons.starl.verdict).toBe('pass');
    expect(report.sentences.map((s: { star: string }) => s.star).slice(0, 3)).toEqual(['S', 'T', 'A']);
  });

  it('reads the question, answer and posting from files', async () => {
    const q = join(dir, 'q.txt');
    const a = join(dir, 'a.txt');
    const c = join(dir, 'c.txt');
    writeFileSync(q, 'Why do you want to work here?');
    writeFileSync(a, 'Mostly the Saturday reading club: I ran a story-time at my current shop that grew from three families to thirty, and I want to do that as my job.');
    writeFileSync(c, 'Fernleaf Books runs a Saturday reading club in every branch.');
    const { code, stdout } = await runAsMain(registerAnalyze, ['analyze', '--question-file', q, '--answer-file', a, '--context-file', c, '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).reasons.specificReason.verdict).toBe('pass');
  });

  it('refuses bad input with a clear message, a code and exit 2, never a stack trace', async () => {
    const cases: [string[], RegExp][] = [
      [['analyze', '-q', 'How are you?', '-a', '   '], /the answer is empty \(answer\) \[E_INPUT_EMPTY_ANSWER\]/],
      [['analyze', '-a', 'Fine.'], /give the question/],
      [['analyze', '-q', 'Tell me about yourself.', '-a', 'Je suis ingénieure depuis six ans et je travaille à Lyon dans une banque.'], /E_INPUT_NOT_ENGLISH/],
      [['analyze', '-q', 'Hi', '--answer-file', join(dir, 'missing.txt')], /missing\.txt: cannot read the answer file/],
    ];
    // In-process: what is tested is the message and the code, printed as `starl` prints them.
    for (const [args, message] of cases) {
      const { code, stderr } = await runAsMain(registerAnalyze, args);
      expect(code).toBe(2);
      expect(stderr).toMatch(message);
      expect(stderr).not.toMatch(/\n\s+at /);
    }
    // One real process, for the exit code and the stderr of the command itself.
    const { code, stderr } = await runCli(['analyze', '-q', 'How are you?', '-a', '   ']);
    expect(code).toBe(2);
    expect(stderr).toBe('starl: the answer is empty (answer) [E_INPUT_EMPTY_ANSWER]\n');
  });

  it('judges a JSONL batch line by line, reporting bad lines with their numbers and still writing the rest', async () => {
    const file = join(dir, 'batch.jsonl');
    const good = (id: string, answer: string) => JSON.stringify({ id, question: 'Tell me about a time you fixed a backlog.', answer, context: null });
    const lines = [
      good('a', STORY),
      'not json at all',
      JSON.stringify({ id: 'c', question: 'How are you?' }),
      JSON.stringify({ id: 'd', question: 'How are you?', answer: '   ' }),
      JSON.stringify({ id: 'e', question: 'How are you?', answer: 'Great!', context: 42 }),
      '',
      good('g', 'Fine, thanks.'),
    ];
    writeFileSync(file, Buffer.concat([Buffer.from(`${lines.join('\n')}\n`), Buffer.from([0xff, 0xfe, 0x41, 0x0a]), Buffer.from(`${good('i', STORY)}\n`)]));
    const { code, stdout, stderr } = await runCli(['analyze', '--jsonl', file]);
    expect(code).toBe(2);
    const reports = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(reports.map((r) => r.id)).toEqual(['a', 'g', 'i']);
    for (const r of reports) {
      expect(Object.keys(r.reasons)).toEqual(['opportunity', 'memorable', 'specificReason', 'starl']);
      expect(r.reasons.opportunity).toHaveProperty('verdict');
      expect(r.reasons.opportunity).toHaveProperty('score');
      expect(r.sentences[0]).toHaveProperty('start');
    }
    expect(stderr).toContain(`${file}:2: not valid JSON [E_INPUT_BAD_JSON]`);
    expect(stderr).toContain(`${file}:3: "answer" is missing [E_INPUT_BAD_FIELD]`);
    expect(stderr).toContain(`${file}:4: the answer is empty (answer) [E_INPUT_EMPTY_ANSWER]`);
    expect(stderr).toMatch(new RegExp(`${file}:5: "context" is wrong`));
    expect(stderr).toContain(`${file}:8: not UTF-8 text [E_INPUT_NOT_UTF8]`);
    expect(stderr).toContain('5 line(s) skipped, 3 written');
  });

  it('streams a batch from standard input', async () => {
    const input = `${JSON.stringify({ id: 7, question: 'How are you?', answer: "Great, thanks, I've been looking forward to this!" })}\n`;
    const { code, stdout } = await runCli(['analyze', '--jsonl'], { stdin: input });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ id: 7, questionType: 'opener', reasons: { opportunity: { verdict: 'pass' } } });
  });
});

describe('starl rules', () => {
  it('lists the catalogue from the rules\' metadata', async () => {
    const { code, stdout } = await runAsMain(registerRules, ['rules', '--json']);
    expect(code).toBe(0);
    const rules = JSON.parse(stdout);
    expect(rules.find((r: { id: string }) => r.id === 'require-star-result')).toMatchObject({ reason: 'starl', severity: 'error' });
  });
});

describe('starl, interactive', () => {
  it('asks for a question and an answer, prints the report and stops when asked', async () => {
    const { screen, input, output } = Screen.inProcess();
    const done = runInteractive({ input, output });
    await screen.waitFor([/What was the question\?/]);
    input.write('How are you?\r');
    await screen.waitFor([/Your answer/]);
    input.write('Fine, you?\u0004');
    await screen.waitFor([/Job posting/]);
    input.write('\r');
    await screen.waitFor([/Try another answer\?/]);
    expect(screen.text).toMatch(/Opportunity\s+✘ miss/);
    input.write('n\r');
    await done;
    expect(screen.text).toContain('Good luck!');
  });
});
