import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { REASONS } from '../../core/types.js';
import type { Reason, Verdict } from '../../core/types.js';
import { fetchCandidateAnswers, fetchCoachCohorts, fetchCohort } from '../api.js';
import type { CohortCandidate, CohortWeek, Comment, CommentedAnswer } from '../api.js';
import { weeklyChartData } from '../chart-data.js';
import { COHORT_COLUMNS, DEFAULT_SORT, filterCandidates, formatLastPractice, formatShare, formatTrend, nextSort, NO_FILTER, sortCandidates } from '../cohort-table.js';
import type { CohortColumn, CohortFilter, CohortSort } from '../cohort-table.js';
import { CommentForm, CommentList } from '../components/comments.js';
import { dateLegend } from '../components/day-chart.js';
import { ReasonShareChart } from '../components/progress-chart.js';
import { ReportView, VerdictChips } from '../components/report-view.js';
import { REASON_LABELS } from '../labels.js';
import { useRead } from '../use-load.js';

/** The cohort chart's first column in the legend: each point is a week, named by its Monday. */
const WEEK_LEGEND = dateLegend('Week of');

const cohortHash = (cohortId: number): string => `#/coach/${cohortId}`;
const candidateHash = (cohortId: number, candidateId: number): string => `#/coach/${cohortId}/candidates/${candidateId}`;

/** A path segment as an id, or null when it is not one. */
function idIn(segment: string | undefined): number | null {
  return segment !== undefined && /^\d+$/.test(segment) ? Number(segment) : null;
}

/**
 * The coach's dashboard: a cohort picked from those the coach coaches, its table and weekly chart, and
 * one candidate's answers with comments. Its place is in the URL: `#/coach/<cohort>[/candidates/<id>]`.
 */
export function CoachPage({ path = [] }: { path?: readonly string[] }): VNode {
  const cohorts = useRead('coach-cohorts', fetchCoachCohorts);
  const chosen = idIn(path[0]);
  const candidateId = path[1] === 'candidates' ? idIn(path[2]) : null;
  const list = cohorts.data;
  const cohortId = chosen ?? list?.[0]?.id ?? null;
  const body = (): VNode | null => {
    if (cohorts.error && !list) return html`<p class="error" role="alert">${cohorts.error}</p>`;
    if (!list) return html`<p class="placeholder">Loading…</p>`;
    if (list.length === 0) return html`<p class="placeholder">You coach no cohort yet; an admin adds you to one.</p>`;
    if (cohortId === null) return null;
    if (candidateId !== null) return html`<${CandidateAnswersView} key=${`candidate-${candidateId}`} cohortId=${cohortId} candidateId=${candidateId} />`;
    return html`<${CohortView} key=${`cohort-${cohortId}`} cohortId=${cohortId} />`;
  };
  return html`<section class="page coach" aria-labelledby="coach-title">
    <h2 id="coach-title">Coach</h2>
    ${list && list.length > 0 && candidateId === null
      ? html`<div class="cohort-picker">
          <label for="cohort-pick">Cohort</label>
          <select id="cohort-pick" value=${String(cohortId)} onChange=${(e: Event) => { location.hash = cohortHash(Number((e.target as HTMLSelectElement).value)); }}>
            ${list.map((cohort) => html`<option value=${String(cohort.id)} key=${cohort.id}>${cohort.name} (${cohort.candidates} ${cohort.candidates === 1 ? 'candidate' : 'candidates'})</option>`)}
          </select>
        </div>`
      : null}
    ${body()}
  </section>`;
}

/** One cohort: who is stuck on which reason, sortable and filterable, and the cohort's shares week by week. */
function CohortView({ cohortId }: { cohortId: number }): VNode {
  const cohort = useRead(`cohort-${cohortId}`, () => fetchCohort(cohortId));
  if (cohort.error && !cohort.data) return html`<p class="error" role="alert">${cohort.error}</p>`;
  if (!cohort.data) return html`<p class="placeholder">Loading the cohort…</p>`;
  const { candidates, series } = cohort.data;
  return html`<div class="cohort">
    <h3>${cohort.data.cohort.name}</h3>
    ${cohort.error ? html`<p class="error" role="alert">${cohort.error}</p>` : null}
    ${candidates.length === 0
      ? html`<p class="placeholder">No candidates in this cohort yet.</p>`
      : html`<${CohortTable} cohortId=${cohortId} candidates=${candidates} />`}
    <h3>The cohort's pass share per reason, week by week</h3>
    ${series.length === 0 ? html`<p class="placeholder">Nothing judged in this cohort yet.</p>` : html`<${CohortChart} series=${series} />`}
  </div>`;
}

/** The filters, then the table of candidates with a sort button in every heading. */
function CohortTable({ cohortId, candidates }: { cohortId: number; candidates: readonly CohortCandidate[] }): VNode {
  const [sort, setSort] = useState<CohortSort>(DEFAULT_SORT);
  const [filter, setFilter] = useState<CohortFilter>(NO_FILTER);
  const shown = useMemo(() => sortCandidates(filterCandidates(candidates, filter), sort), [candidates, filter, sort]);
  const now = new Date();
  return html`<div class="cohort-filters" role="search" aria-label="Filter the candidates">
      <div>
        <label for="cohort-find">Find a candidate</label>
        <input id="cohort-find" type="search" placeholder="name or email" value=${filter.text} onInput=${(e: Event) => setFilter({ ...filter, text: (e.target as HTMLInputElement).value })} />
      </div>
      <div>
        <label for="cohort-weakest">Weakest reason is</label>
        <select id="cohort-weakest" value=${filter.weakest} onChange=${(e: Event) => setFilter({ ...filter, weakest: (e.target as HTMLSelectElement).value as CohortFilter['weakest'] })}>
          <option value="any">any reason</option>
          ${REASONS.map((reason) => html`<option value=${reason} key=${reason}>${REASON_LABELS[reason]}</option>`)}
          <option value="none">not judged yet</option>
        </select>
      </div>
    </div>
    <p class="hint" aria-live="polite">Showing ${shown.length} of ${candidates.length} ${candidates.length === 1 ? 'candidate' : 'candidates'}. Trends compare the last 14 days with the 14 before.</p>
    <div class="table-scroll">
      <table class="cohort-table">
        <caption class="visually-hidden">Candidates, sorted by ${COHORT_COLUMNS.find((c) => c.column === sort.column)?.title} (${sort.direction})</caption>
        <thead>
          <tr>${COHORT_COLUMNS.map((column) => html`<${SortHeading} key=${column.column} column=${column.column} title=${column.title} sort=${sort} onSort=${(picked: CohortColumn) => setSort(nextSort(sort, picked))} />`)}</tr>
        </thead>
        <tbody>
          ${shown.map(
            (candidate) => html`<tr key=${candidate.id}>
              <th scope="row"><a href=${candidateHash(cohortId, candidate.id)}>${candidate.name}</a><span class="candidate-email">${candidate.email}</span></th>
              <td>${candidate.weakestReason ? REASON_LABELS[candidate.weakestReason] : '–'}</td>
              ${REASONS.map((reason) => {
                const { pass, trend } = candidate.reasons[reason];
                // Nothing judged on a reason has no trend either: one dash says both.
                return html`<td key=${reason} class="share-cell">${formatShare(pass)}${pass === null ? null : html` <${Trend} trend=${trend} />`}</td>`;
              })}
              <td class="number">${candidate.answersThisWeek}</td>
              <td>${formatLastPractice(candidate.lastPracticeAt, now)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>
    ${shown.length === 0 ? html`<p class="placeholder">No candidate matches these filters.</p>` : null}`;
}

/** A column heading whose button sorts by it; `aria-sort` says how the table is sorted now. */
function SortHeading({ column, title, sort, onSort }: { column: CohortColumn; title: string; sort: CohortSort; onSort: (column: CohortColumn) => void }): VNode {
  const sorted = sort.column === column ? sort.direction : undefined;
  return html`<th scope="col" aria-sort=${sorted}>
    <button type="button" class="sort" onClick=${() => onSort(column)}>
      ${title}<span class="sort-mark" aria-hidden="true">${sorted === 'ascending' ? ' ▴' : sorted === 'descending' ? ' ▾' : ' ⇅'}</span>
    </button>
  </th>`;
}

/** A trend as an arrow and signed points (never colour alone), with the same in words for screen readers. */
function Trend({ trend }: { trend: number | null }): VNode {
  const label = formatTrend(trend);
  return html`<span class=${`trend trend-${label.direction}`}>
    <span aria-hidden="true">${label.arrow ? `${label.arrow} ` : ''}${label.points}</span>
    <span class="visually-hidden">${label.spoken}</span>
  </span>`;
}

/** The cohort's weekly pass share per reason, charted like Progress, with the same numbers as a table. */
function CohortChart({ series }: { series: readonly CohortWeek[] }): VNode {
  const data = useMemo(() => weeklyChartData(series), [series]);
  const weeks = [...series].sort((a, b) => a.week.localeCompare(b.week));
  return html`<${ReasonShareChart} data=${data} dates=${WEEK_LEGEND} description="The cohort's pass share per reason, week by week; the table below has the same numbers" />
    <details class="series-table">
      <summary>The chart as a table</summary>
      <table>
        <thead><tr><th scope="col">Week of</th>${REASONS.map((reason) => html`<th scope="col" key=${reason}>${REASON_LABELS[reason]}</th>`)}<th scope="col">Answers</th></tr></thead>
        <tbody>
          ${weeks.map(
            (week) => html`<tr key=${week.week}>
              <th scope="row">${week.week.slice(0, 10)}</th>
              ${REASONS.map((reason) => html`<td key=${reason}>${formatShare(week[reason])}</td>`)}
              <td>${week.answers}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </details>`;
}

/** An answer's verdicts, read from its report. */
function verdictsOf(answer: CommentedAnswer): Record<Reason, Verdict> {
  return Object.fromEntries(REASONS.map((reason) => [reason, answer.report.reasons[reason].verdict])) as Record<Reason, Verdict>;
}

/** The text an answer's report was judged on: a follow-up is judged together with the answer it follows. */
function judgedText(answer: CommentedAnswer, all: readonly CommentedAnswer[]): string {
  const original = answer.followUpOf === null ? undefined : all.find((other) => other.id === answer.followUpOf);
  return original ? `${original.answer}\n${answer.answer}` : answer.answer;
}

/** One candidate's answers, newest first, each with its report and the comments on it; the coach can comment but not change them. */
function CandidateAnswersView({ cohortId, candidateId }: { cohortId: number; candidateId: number }): VNode {
  const load = useRead(`candidate-${candidateId}`, () => fetchCandidateAnswers(candidateId));
  // Comments added here, shown until the next read brings them with the answers.
  const [added, setAdded] = useState<Comment[]>([]);
  const back = html`<p><a href=${cohortHash(cohortId)}>← Back to the cohort</a></p>`;
  if (load.error && !load.data) return html`${back}<p class="error" role="alert">${load.error}</p>`;
  if (!load.data) return html`${back}<p class="placeholder">Loading the answers…</p>`;
  const { candidate, answers } = load.data;
  const newestFirst = [...answers].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id);
  return html`${back}
    <h3>${candidate.name} <span class="candidate-email">${candidate.email}</span></h3>
    ${answers.length === 0
      ? html`<p class="placeholder">No answers yet.</p>`
      : html`<p class="hint">${answers.length} ${answers.length === 1 ? 'answer' : 'answers'}, newest first. You can comment on each; the answers themselves are the candidate's.</p>
          <ol class="coach-answers">
            ${newestFirst.map((answer) => {
              const comments = [...answer.comments, ...added.filter((comment) => comment.answerId === answer.id && !answer.comments.some((known) => known.id === comment.id))];
              return html`<li key=${answer.id}>
                <article class="coach-answer" aria-labelledby=${`coach-answer-${answer.id}`}>
                  <h4 id=${`coach-answer-${answer.id}`}>${answer.question}</h4>
                  <p class="judged-when">${answer.createdAt.slice(0, 10)} · session #${answer.sessionId}${answer.followUpOf === null ? '' : ' · follow-up, judged with the answer before it'}</p>
                  <${VerdictChips} verdicts=${verdictsOf(answer)} />
                  <details class="coach-report">
                    <summary>Answer and report</summary>
                    <${ReportView} answer=${judgedText(answer, answers)} report=${answer.report} delivery=${answer.delivery ?? null} />
                  </details>
                  <${CommentList} comments=${comments} title="Comments" />
                  <${CommentForm} answerId=${answer.id} onAdded=${(comment: Comment) => setAdded((before) => [...before, comment])} />
                </article>
              </li>`;
            })}
          </ol>`}`;
}
