import type { styleText } from 'node:util';
import { REASON_LABELS, REASONS, type Report, type Verdict } from '../core/types.js';
import { highlightSegments } from './highlight.js';

/** Anything that styles terminal text: colour on a colour terminal, the text as it is elsewhere. */
export interface Painter {
  paint(style: Parameters<typeof styleText>[0], value: string): string;
}

const VERDICT_SYMBOLS: Record<Verdict, string> = { pass: '✔ pass', miss: '✘ miss', 'n/a': '· n/a' };

/** The four verdicts, one line each, with the analyzer's summary. */
export function verdictLines(report: Report, terminal: Painter): string[] {
  return REASONS.map((reason) => {
    const { verdict, summary, uncertain } = report.reasons[reason];
    const symbol = VERDICT_SYMBOLS[verdict];
    const painted = verdict === 'pass' ? terminal.paint('green', symbol) : verdict === 'miss' ? terminal.paint('red', symbol) : terminal.paint('dim', symbol);
    // A verdict near the line is a lean, and says so rather than sounding settled.
    const lean = uncertain ? ` ${terminal.paint('yellow', '(uncertain)')}` : '';
    return `${REASON_LABELS[reason].padEnd(16)} ${painted}${lean}${verdict === 'n/a' ? '' : `  ${summary}`}`;
  });
}

/**
 * The answer with its evidence marked: strengths green, the words a finding is about red and
 * underlined, and `⟨+ …⟩` where something is missing. Without colour, strengths are `[+…]` and
 * findings `[!…]` so the marks survive a plain terminal or a log file.
 */
export function highlightedAnswer(answer: string, report: Report, terminal: Painter, colour: boolean): string {
  return highlightSegments(answer, report)
    .map((segment) => {
      const missing = segment.insertBefore ? terminal.paint('yellow', `⟨+ ${segment.insertBefore}⟩`) : '';
      if (segment.mark === 'plain' || !segment.text) return `${missing}${segment.text}`;
      if (!colour) return `${missing}[${segment.mark === 'strength' ? '+' : '!'}${segment.text}]`;
      return `${missing}${segment.mark === 'strength' ? terminal.paint('green', segment.text) : terminal.paint(['red', 'underline'], segment.text)}`;
    })
    .join('');
}

/** One line per finding: what is wrong, then what to do. Delivery findings come last. */
export function suggestionLines(report: Report): string[] {
  const ranked = [...report.findings].sort((a, b) => Number(a.reason === 'delivery') - Number(b.reason === 'delivery'));
  return ranked.map((finding) => {
    const advice = finding.suggestions[0]?.text;
    return `• ${finding.message}${advice ? `\n  → ${advice}` : ''}`;
  });
}

/** The share of each STAR(L) part, for a behavioral answer. */
export function balanceLine(report: Report): string | null {
  const balance = report.balance;
  if (!balance) return null;
  const parts = (['S', 'T', 'A', 'R', 'L'] as const).map((label) => `${label} ${Math.round(balance.shares[label] * 100)}%`);
  const situationTask = Math.round(balance.situationTaskShare * 100);
  const limit = Math.round(balance.maxSituationTaskShare * 100);
  return `${parts.join(' · ')}   situation + task ${situationTask}% (keep it at most ${limit}%)`;
}
