import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registerProgress } from '../../src/cli/commands/progress.js';
import { StarlError } from '../../src/core/errors.js';
import type { Verdict } from '../../src/core/types.js';
import { svgChart, terminalChart } from '../../src/progress/chart.js';
import { describeProgress } from '../../src/progress/describe.js';
import { progressSeries, weakestReason } from '../../src/progress/series.js';
import { openStore, type JudgedAnswer } from '../../src/storage/index.js';
import { judgedSession } from './fixtures/session.js';
import { reportWith, tempDir } from './helpers.js';
import { runCommand } from './inprocess.js';

function judged(at: string, starl: Verdict, memorable: Verdict, origin: JudgedAnswer['origin'] = 'practice'): JudgedAnswer {
  return {
    origin,
    id: 1,
    sessionId: origin === 'practice' ? 1 : null,
    question: 'Tell me about a failure.',
    answer: `An answer from ${at}`,
    questionType: 'behavioral',
    verdicts: { opportunity: 'pass', memorable, specificReason: 'n/a', starl },
    at,
  };
}

const HISTORY = [
  judged('2026-11-01T09:00:00.000Z', 'miss', 'pass'),
  judged('2026-11-01T09:05:00.000Z', 'miss', 'miss'),
  judged('2026-11-03T18:00:00.000Z', 'pass', 'miss', 'review'),
  judged('2026-11-03T18:10:00.000Z', 'pass', 'miss'),
];

describe('progress', () => {
  it('computes the share of passes per reason per day, leaving out reasons that did not apply', () => {
    const series = progressSeries(HISTORY);
    expect(series.starl).toEqual([
      { day: '2026-11-01', passed: 0, judged: 2, share: 0 },
      { day: '2026-11-03', passed: 2, judged: 2, share: 1 },
    ]);
    expect(series.specificReason).toEqual([]);
  });

  it('names the weakest reason now and the answers that show it', () => {
    const weakest = weakestReason(HISTORY, 2);
    expect(weakest).toMatchObject({ reason: 'memorable', passed: 0, judged: 2 });
    expect(weakest!.misses.map((m) => m.at)).toEqual(['2026-11-03T18:00:00.000Z', '2026-11-03T18:10:00.000Z']);
    expect(weakestReason([])).toBeNull();
  });

  it('draws a sparkline per reason in the terminal', () => {
    const chart = terminalChart(progressSeries(HISTORY));
    expect(chart).toMatch(/STAR\(L\) +▁█ +100% on 2026-11-03/);
    expect(chart).toMatch(/Memorable +▅▁ +0% on 2026-11-03/);
    expect(chart).toContain('Specific reason  (not judged yet)');
  });

  it('draws an SVG line chart with a line per reason', async () => {
    const svg = await svgChart(progressSeries(HISTORY));
    expect(svg).toMatch(/^<svg /);
    for (const label of ['Opportunity', 'Memorable', 'STAR(L)']) expect(svg).toContain(label);
  });

  it('counts practice answers and reviews together', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const file = join(dir, 'starl.db');
      const store = await openStore(file);
      await judgedSession(store);
      await store.saveReview({ sourceFile: 'call.vtt', question: 'Why us?', answer: 'Pay.', report: reportWith({ specificReason: 'miss' }, 'motivation') });
      await store.close();
      const chartFile = join(dir, 'progress.svg');
      const result = await runCommand(registerProgress, ['progress', '--chart', chartFile, '--db', file]);
      expect(result.error).toBeNull();
      expect(result.stdout).toContain('5 judged answers (4 from practice, 1 from reviews).');
      expect(result.stdout).toMatch(/Weakest now: .+, passed in \d+ of the \d+ recent answers it applied to\./);
      expect(readFileSync(chartFile, 'utf8')).toMatch(/^<svg /);
      const png = await runCommand(registerProgress, ['progress', '--chart', join(dir, 'p.png'), '--db', file]);
      expect(png.error).toBeInstanceOf(StarlError);
    } finally {
      cleanup();
    }
  });

  it('says what to do when nothing has been judged', () => {
    expect(describeProgress([])).toBe('Nothing judged yet: run `starl practice`, or review a transcript.\n');
  });
});
