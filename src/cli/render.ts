import type { Finding, Reason, Report, Span } from '../core/types.js';
import { REASONS } from '../core/types.js';

/** How the reasons are named to a candidate. */
export const REASON_NAMES: Record<Reason, string> = {
  opportunity: 'Opportunity',
  memorable: 'Memorable',
  specificReason: 'Specific reason',
  starl: 'STAR(L)',
};

const ANSI = { red: '\x1b[31m', green: '\x1b[32m', yellow: '\x1b[33m', dim: '\x1b[2m', bold: '\x1b[1m', underline: '\x1b[4m', reset: '\x1b[0m' };

type Mark = 'problem' | 'strength' | null;

/**
 * Reprints the answer with its evidence marked: problems as [-words-] and strengths as {+words+}
 * (or red and green underlines on a terminal), so colour is never the only signal.
 */
export function highlightAnswer(answer: string, report: Report, colour: boolean): string {
  const marks: Mark[] = new Array(answer.length).fill(null);
  const paint = (span: Span, mark: Mark): void => {
    for (let i = span.start; i < span.end; i++) if (marks[i] !== 'problem') marks[i] = mark;
  };
  for (const s of report.strengths) paint(s.span, 'strength');
  for (const f of report.findings) if (f.anchor === 'match' && f.severity !== 'info') paint(f.span, 'problem');
  let out = '';
  let i = 0;
  while (i < answer.length) {
    const mark = marks[i]!;
    let j = i;
    while (j < answer.length && marks[j] === mark) j++;
    const text = answer.slice(i, j);
    if (mark === null) out += text;
    else if (colour) out += `${mark === 'problem' ? ANSI.red : ANSI.green}${ANSI.underline}${text}${ANSI.reset}`;
    else out += mark === 'problem' ? `[-${text}-]` : `{+${text}+}`;
    i = j;
  }
  return out;
}

function verdictLine(report: Report, reason: Reason, colour: boolean): string {
  const r = report.reasons[reason];
  const label = r.verdict === 'pass' ? 'pass' : r.verdict === 'miss' ? 'MISS' : 'n/a ';
  const tint = !colour ? '' : r.verdict === 'pass' ? ANSI.green : r.verdict === 'miss' ? ANSI.red : ANSI.dim;
  const score = r.score === null ? '   ' : String(r.score).padStart(3);
  return `  ${tint}${label}${colour ? ANSI.reset : ''} ${score}  ${REASON_NAMES[reason].padEnd(16)} ${r.verdict === 'n/a' ? '' : r.summary}`;
}

function findingLines(finding: Finding, answer: string): string[] {
  const where = finding.anchor === 'insertion' ? `at "${answer.slice(Math.max(0, finding.span.start - 30), finding.span.start).trimStart()}▮"` : '';
  const lines = [`  ${finding.severity.padEnd(7)} ${finding.message}  (${finding.ruleId})${where ? `\n          ${where}` : ''}`];
  for (const s of finding.suggestions) lines.push(`          → ${s.text}`);
  return lines;
}

/** The default text report: verdicts first, then the highlighted answer, findings with suggestions, the follow-up. */
export function renderReport(answer: string, report: Report, colour: boolean): string {
  const lines: string[] = [];
  const bold = (s: string): string => (colour ? `${ANSI.bold}${s}${ANSI.reset}` : s);
  lines.push(bold(`Question type: ${report.questionType}`) + ` (confidence ${report.questionTypeConfidence.toFixed(2)})`);
  for (const reason of REASONS) lines.push(verdictLine(report, reason, colour));
  lines.push('', bold('Your answer') + (colour ? '' : '  ([-problem-] {+strength+})'), highlightAnswer(answer, report, colour));
  if (report.balance) {
    const b = report.balance;
    const part = (l: keyof typeof b.shares): string => `${l} ${Math.round(b.shares[l] * 100)}%`;
    lines.push('', bold('STAR(L) balance') + `  ${(['S', 'T', 'A', 'R', 'L', 'O'] as const).map(part).join('  ')}  (situation + task ${Math.round(b.situationTaskShare * 100)}%, target ≤ 50%)`);
    lines.push(report.sentences.map((s) => `  ${s.star} ${s.text}`).join('\n'));
  }
  const shown = report.findings.filter((f) => f.severity !== 'info' || report.findings.length < 8);
  if (shown.length) {
    lines.push('', bold('Findings'));
    for (const f of shown) lines.push(...findingLines(f, answer));
  }
  if (report.followUp) lines.push('', bold('The interviewer would likely ask next'), `  “${report.followUp}”`);
  return `${lines.join('\n')}\n`;
}
