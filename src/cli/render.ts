import { styleText } from 'node:util';
import type { Report } from '../core/types.js';
import { balanceLine, highlightedAnswer, suggestionLines, verdictLines, type Painter } from '../format/feedback.js';

/** Paints with colour when asked, else leaves text as it is (pipes, files, NO_COLOR). */
export function painter(colour: boolean): Painter {
  return { paint: (style, value) => (colour ? styleText(style, value) : value) };
}

/**
 * The default text report of `starl analyze`: the four verdicts first, then the answer with its evidence
 * marked, the STAR(L) balance and parts, the findings with suggestions, and the interviewer's follow-up.
 */
export function renderReport(answer: string, report: Report, colour: boolean): string {
  const paint = painter(colour);
  const heading = (text: string): string => paint.paint('bold', text);
  const sections = [
    `${heading('Question type')}: ${report.questionType} (confidence ${report.questionTypeConfidence.toFixed(2)})\n${verdictLines(report, paint).join('\n')}`,
    `${heading('Your answer')}${colour ? '' : '  ([+strength] [!problem] ⟨+ missing⟩)'}\n${highlightedAnswer(answer, report, paint, colour)}`,
  ];
  const balance = balanceLine(report);
  if (balance) sections.push(`${heading('STAR(L)')}  ${balance}\n${report.sentences.map((s) => `  ${s.star} ${s.text}`).join('\n')}`);
  const suggestions = suggestionLines(report);
  if (suggestions.length) sections.push(`${heading('Findings')}\n${suggestions.join('\n')}`);
  if (report.followUp) sections.push(`${heading('The interviewer would likely ask next')}\n  “${report.followUp}”`);
  return `${sections.join('\n\n')}\n`;
}
