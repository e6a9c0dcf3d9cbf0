import { useEffect, useState } from 'preact/hooks';
import type { AnalyzeInput } from '../core/types.js';
import type { Company, CompanyFact, Session } from '../storage/records.js';
import { judgingContext } from '../company/context.js';
import { getJson } from './api.js';

export type Judging = Pick<AnalyzeInput, 'context' | 'company'>;

/** What answers for a saved company are judged with, built exactly as the server builds it when it saves them. */
export async function fetchJudging(companyId: number): Promise<Judging> {
  const detail = await getJson<{ company: Company; facts: CompanyFact[] }>(`/api/companies/${companyId}`);
  return judgingContext(detail.company, detail.facts);
}

/**
 * The judging context of a practice session's company, so the live verdicts while typing are the ones the
 * server saves. Without a company, or when the server cannot be reached, answers are judged without one.
 */
export function useSessionJudging(session: Pick<Session, 'companyId'> | null): Judging {
  const [judging, setJudging] = useState<Judging>({ context: null, company: null });
  const companyId = session?.companyId ?? null;
  useEffect(() => {
    if (companyId === null) return void setJudging({ context: null, company: null });
    let current = true;
    fetchJudging(companyId).then(
      (found) => current && setJudging(found),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [companyId]);
  return judging;
}
