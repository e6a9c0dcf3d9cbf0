import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze, REASONS, type Report } from '../../src/index.js';

interface Labelled {
  id: string;
  question: string;
  answer: string;
  context: string | null;
  questionType: string;
  reasons: Record<string, string>;
  sentences?: { text: string; star: string }[];
}

const records: Labelled[] = readdirSync('corpus')
  .filter((f) => f.endsWith('.jsonl'))
  .flatMap((f) => readFileSync(`corpus/${f}`, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)))
  .filter((r) => typeof r.answer === 'string');
const reports = new Map<string, Report>(records.map((r) => [r.id, analyze(r)]));

/** Word-level STAR(L) agreement, counted as the labelling guide's scorer does: each word takes its sentence's label. */
function starWords(record: Labelled, report: Report): [number, number] {
  let at = 0;
  const gold = record.sentences!.map((s) => {
    const start = record.answer.indexOf(s.text, at);
    at = start + s.text.length;
    return { start, end: at, star: s.star };
  });
  let ok = 0;
  let total = 0;
  for (const m of record.answer.matchAll(/\S+/g)) {
    const g = gold.find((s) => m.index >= s.start && m.index < s.end)?.star ?? 'O';
    const p = report.sentences.find((s) => m.index >= s.start && m.index < s.end)?.star ?? 'O';
    total++;
    if (g === p) ok++;
  }
  return [ok, total];
}

// Floors a little under what the analyzer reaches on our own corpus, so a change that makes it worse fails here.
describe('accuracy on our own labelled corpus', () => {
  it('classifies question types', () => {
    const right = records.filter((r) => reports.get(r.id)!.questionType === r.questionType).length;
    expect(right / records.length).toBeGreaterThanOrEqual(0.98);
  });
  it('types every question of the question-type list', () => {
    const questions = readFileSync('corpus/question-types.jsonl', 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Labelled);
    const wrong = questions.filter((q) => analyze({ question: q.question, answer: 'Yes, I think so.' }).questionType !== q.questionType);
    expect(wrong.map((q) => `${q.id} ${q.question}`)).toEqual([]);
  });
  for (const reason of REASONS) {
    it(`judges ${reason}`, () => {
      const judged = records.filter((r) => r.reasons[reason] !== 'n/a');
      const right = judged.filter((r) => reports.get(r.id)!.reasons[reason].verdict === r.reasons[reason]).length;
      expect(right / judged.length).toBeGreaterThanOrEqual(0.82);
    });
  }
  it('labels STAR(L) words', () => {
    let ok = 0;
    let total = 0;
    for (const r of records.filter((x) => x.sentences)) {
      const [a, b] = starWords(r, reports.get(r.id)!);
      ok += a;
      total += b;
    }
    expect(ok / total).toBeGreaterThanOrEqual(0.8);
  });
});

/** A compact, readable judgement per answer: what a reviewer reads when a snapshot changes. */
function summarize(record: Labelled, report: Report): string {
  const verdicts = REASONS.filter((r) => report.reasons[r].verdict !== 'n/a')
    .map((r) => `${r} ${report.reasons[r].verdict} ${report.reasons[r].score}`)
    .join(' | ');
  const findings = report.findings.map((f) => `${f.ruleId}${f.actual ? ` "${f.actual.slice(0, 40)}"` : ''}`).join('; ');
  return [
    `## ${record.id} ${report.questionType}: ${record.question}`,
    `verdicts: ${verdicts}`,
    ...(report.balance ? [`labels: ${report.sentences.map((s) => s.star).join(' ')} (situation+task ${Math.round(report.balance.situationTaskShare * 100)}%)`] : []),
    `findings: ${findings || '-'}`,
    `follow-up: ${report.followUp ?? '-'}`,
  ].join('\n');
}

describe('snapshots over a sample of realistic answers', () => {
  it('judges the sample as reviewed', async () => {
    const sample = records.filter((_, i) => i % 15 === 0);
    const text = `${sample.map((r) => summarize(r, reports.get(r.id)!)).join('\n\n')}\n`;
    await expect(text).toMatchFileSnapshot('./__snapshots__/corpus-sample.md');
  });
});
