import type { Company, CompanyFact } from '../storage/records.js';
import { FACT_KINDS } from './fact-kinds.js';
import { homeworkChecklist } from './notebook.js';
import { notebookTerms } from './notebook-terms.js';
import { questionsToAsk } from './questions.js';

/** Everything `starl company show` prints, as plain text. */
export function describeCompany(company: Company, facts: readonly CompanyFact[]): string {
  const lines: string[] = [company.name];
  if (company.aliases.length) lines.push(`  also known as: ${company.aliases.join(', ')}`);
  lines.push(`  competitors: ${company.competitors.length ? company.competitors.join(', ') : '(none saved)'}`);
  lines.push(
    company.contextText
      ? `  posting: ${company.contextSource ?? 'saved text'} (${company.contextText.length} characters)`
      : '  posting: (none saved)',
  );
  lines.push('', 'Distinctive terms (used when your answers are judged for this company):');
  const terms = notebookTerms(company);
  lines.push(terms.length ? `  ${terms.join(' · ')}` : '  (none: save the job posting to get them)');
  lines.push('', 'Research:');
  if (facts.length === 0) lines.push('  (no facts saved yet: starl company fact NAME KIND "TEXT" --source WHERE)');
  for (const kind of FACT_KINDS) {
    for (const fact of facts.filter((f) => f.kind === kind)) lines.push(`  [${kind}] ${fact.text}  (source: ${fact.source})`);
  }
  lines.push('', 'Homework checklist:');
  for (const item of homeworkChecklist(company, facts)) {
    lines.push(`  [${item.done ? 'x' : ' '}] ${item.item}${item.done ? '' : ` — ${item.hint}`}`);
  }
  lines.push('', 'Questions to ask them (built from your facts):');
  const questions = questionsToAsk(facts);
  if (questions.length === 0) lines.push('  (save some facts first; each question is built from one of them)');
  questions.forEach(({ question }, i) => lines.push(`  ${i + 1}. ${question}`));
  if (questions.length > 0 && questions.length < 3) lines.push('  (save more facts for more questions)');
  return `${lines.join('\n')}\n`;
}
