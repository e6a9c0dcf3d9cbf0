import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { QuestionType, Reason, ReasonReport, Report, Verdict } from '../../src/core/types.js';

/** A fresh directory for one test's database and files, removed by the returned cleanup. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'starl-test-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

function reason(verdict: Verdict): ReasonReport {
  return {
    verdict,
    score: verdict === 'n/a' ? null : verdict === 'pass' ? 80 : 20,
    confidence: 0.9,
    uncertain: false,
    summary: `${verdict}`,
    findings: [],
    strengths: [],
  };
}

/** A report with the given verdicts, for storage tests that do not need the analyzer. */
export function reportWith(
  verdicts: Partial<Record<Reason, Verdict>>,
  questionType: QuestionType = 'behavioral',
): Report {
  return {
    questionType,
    questionTypeConfidence: 1,
    reasons: {
      opportunity: reason(verdicts.opportunity ?? 'pass'),
      memorable: reason(verdicts.memorable ?? 'pass'),
      specificReason: reason(verdicts.specificReason ?? 'n/a'),
      starl: reason(verdicts.starl ?? 'pass'),
    },
    sentences: [],
    balance: null,
    findings: [],
    strengths: [],
    context: null,
    followUp: null,
    words: 10,
  };
}
