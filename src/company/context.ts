import type { AnalyzeInput } from '../core/types.js';
import type { Company, CompanyFact } from '../storage/records.js';

/**
 * What an answer for this company is judged with: the posting's text plus every research fact as the
 * context, and the company's name, aliases and competitors so the analyzer can tell a real reason
 * from a name used as a label.
 */
export function judgingContext(company: Company, facts: readonly CompanyFact[]): Pick<AnalyzeInput, 'context' | 'company'> {
  const parts = [company.contextText ?? '', ...facts.map((fact) => fact.text)].map((part) => part.trim()).filter(Boolean);
  return {
    context: parts.length > 0 ? parts.join('\n') : null,
    company: { name: company.name, aliases: company.aliases, competitors: company.competitors },
  };
}
