import type { Report } from '../core/types.js';
import { balanceLine, highlightedAnswer, suggestionLines, verdictLines } from '../format/feedback.js';
import type { Terminal } from './terminal.js';

/** Shows the whole judgement of one answer: verdicts, highlighted evidence, balance and suggestions. */
export function showFeedback(terminal: Terminal, answer: string, report: Report, title: string): void {
  const colour = terminal.paint('green', 'x') !== 'x';
  const sections = [verdictLines(report, terminal).join('\n'), highlightedAnswer(answer, report, terminal, colour)];
  const balance = balanceLine(report);
  if (balance) sections.push(balance);
  const suggestions = suggestionLines(report);
  if (suggestions.length > 0) sections.push(suggestions.join('\n'));
  terminal.note(sections.join('\n\n'), title);
}
