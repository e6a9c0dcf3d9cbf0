import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { FACT_KINDS, FACT_KIND_HINTS } from '../../company/notebook.js';
import type { ChecklistItem } from '../../company/notebook.js';
import type { Company, CompanyFact } from '../../storage/records.js';
import { getJson, messageOf, sendJson } from '../api.js';

interface CompanyDetail {
  company: Company;
  facts: CompanyFact[];
  checklist: ChecklistItem[];
  questionsToAsk: { question: string; fact: CompanyFact }[];
}

/** Splits "a, b ,c" into ["a", "b", "c"]. */
function list(text: string): string[] {
  return text.split(',').map((part) => part.trim()).filter(Boolean);
}

/** The Companies page: the homework notebook, one company at a time. */
export function CompaniesPage(): VNode {
  const [companies, setCompanies] = useState<Company[]>([]);
  const [selected, setSelected] = useState<number | null>(null);
  // Bumped by every save, so an open notebook reloads and shows the company as it is now.
  const [saves, setSaves] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const reload = (): Promise<void> => getJson<Company[]>('/api/companies').then(setCompanies, (caught: unknown) => setError(messageOf(caught)));
  useEffect(() => void reload(), []);

  return html`<section class="page companies" aria-labelledby="companies-title">
    <h2 id="companies-title">Companies</h2>
    <p class="hint">Your homework per company: the posting's distinctive terms, research facts, the checklist and questions to ask.</p>
    ${error ? html`<p class="error" role="alert">${error}</p>` : null}
    <div class="columns">
      <div>
        ${companies.length > 0
          ? html`<ul class="company-list" aria-label="Saved companies">
              ${companies.map((c) => html`<li key=${c.id}><button type="button" aria-pressed=${c.id === selected} onClick=${() => setSelected(c.id)}>${c.name}</button></li>`)}
            </ul>`
          : html`<p class="placeholder">No companies yet.</p>`}
        <${CompanyForm} onSaved=${(company: Company) => { setSelected(company.id); setSaves((n) => n + 1); void reload(); }} onError=${setError} />
      </div>
      <div>${selected !== null ? html`<${CompanyNotebook} key=${`${selected}:${saves}`} id=${selected} onError=${setError} />` : null}</div>
    </div>
  </section>`;
}

function CompanyForm({ onSaved, onError }: { onSaved: (company: Company) => void; onError: (message: string) => void }): VNode {
  const [name, setName] = useState('');
  const [aliases, setAliases] = useState('');
  const [competitors, setCompetitors] = useState('');
  const [posting, setPosting] = useState('');
  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    try {
      onSaved(await sendJson<Company>('/api/companies', { name, aliases: list(aliases), competitors: list(competitors), ...(posting.trim() ? { contextText: posting } : {}) }));
      setName('');
      setAliases('');
      setCompetitors('');
      setPosting('');
    } catch (caught) {
      onError(messageOf(caught));
    }
  };
  return html`<form class="company-form" onSubmit=${submit}>
    <h3>Add or update a company</h3>
    <label for="company-name-new">Name</label>
    <input id="company-name-new" type="text" required value=${name} onInput=${(e: Event) => setName((e.target as HTMLInputElement).value)} />
    <label for="company-aliases">Other names, separated by commas</label>
    <input id="company-aliases" type="text" value=${aliases} onInput=${(e: Event) => setAliases((e.target as HTMLInputElement).value)} />
    <label for="company-competitors">Competitors, separated by commas</label>
    <input id="company-competitors" type="text" value=${competitors} onInput=${(e: Event) => setCompetitors((e.target as HTMLInputElement).value)} />
    <label for="company-posting">Job posting or company page (text or HTML)</label>
    <textarea id="company-posting" rows="6" value=${posting} onInput=${(e: Event) => setPosting((e.target as HTMLTextAreaElement).value)}></textarea>
    <div class="actions"><button type="submit" class="primary">Save company</button></div>
  </form>`;
}

function CompanyNotebook({ id, onError }: { id: number; onError: (message: string) => void }): VNode {
  const [detail, setDetail] = useState<CompanyDetail | null>(null);
  const [kind, setKind] = useState<string>(FACT_KINDS[0]);
  const [text, setText] = useState('');
  const [source, setSource] = useState('');
  const load = (): Promise<void> => getJson<CompanyDetail>(`/api/companies/${id}`).then(setDetail, (caught: unknown) => onError(messageOf(caught)));
  useEffect(() => void load(), [id]);
  if (!detail) return html`<p class="placeholder">Loading…</p>`;
  const { company } = detail;
  const addFact = async (event: Event): Promise<void> => {
    event.preventDefault();
    try {
      await sendJson(`/api/companies/${id}/facts`, { kind, text, ...(source.trim() ? { source: source.trim() } : {}) });
      setText('');
      setSource('');
      await load();
    } catch (caught) {
      onError(messageOf(caught));
    }
  };
  return html`<article class="notebook" aria-labelledby="notebook-title">
    <h3 id="notebook-title">${company.name}</h3>
    ${company.aliases.length > 0 ? html`<p>Also known as ${company.aliases.join(', ')}</p>` : null}
    ${company.competitors.length > 0 ? html`<p>Competes with ${company.competitors.join(', ')}: would your answer still fit them? Then it is not specific yet.</p>` : null}
    <h4>Distinctive terms of the posting</h4>
    ${company.terms.length > 0 ? html`<ul class="chips">${company.terms.map((term) => html`<li key=${term}>${term}</li>`)}</ul>` : html`<p class="placeholder">No posting saved.</p>`}
    <h4>Homework checklist</h4>
    <ul class="checklist">
      ${detail.checklist.map((item) => html`<li key=${item.item} class=${item.done ? 'done' : 'todo'}><span aria-hidden="true">${item.done ? '☑' : '☐'} </span><span class="visually-hidden">${item.done ? 'Done: ' : 'To do: '}</span>${item.item}${item.done ? '' : html` <span class="hint">— ${item.hint}</span>`}</li>`)}
    </ul>
    <h4>Research facts</h4>
    ${detail.facts.length > 0
      ? html`<ul class="facts">${detail.facts.map((fact) => html`<li key=${fact.id}><strong>${fact.kind}</strong>: ${fact.text}${fact.source ? html` <span class="hint">(${fact.source})</span>` : null}</li>`)}</ul>`
      : html`<p class="placeholder">No facts yet.</p>`}
    <form class="fact-form" onSubmit=${addFact}>
      <label for="fact-kind">Kind of fact</label>
      <select id="fact-kind" value=${kind} onChange=${(e: Event) => setKind((e.target as HTMLSelectElement).value)}>
        ${FACT_KINDS.map((k) => html`<option value=${k}>${k}</option>`)}
      </select>
      <p class="hint">${FACT_KIND_HINTS[kind as (typeof FACT_KINDS)[number]]}</p>
      <label for="fact-text">Fact</label>
      <input id="fact-text" type="text" required value=${text} onInput=${(e: Event) => setText((e.target as HTMLInputElement).value)} />
      <label for="fact-source">Where you found it (optional)</label>
      <input id="fact-source" type="text" value=${source} onInput=${(e: Event) => setSource((e.target as HTMLInputElement).value)} />
      <div class="actions"><button type="submit">Add fact</button></div>
    </form>
    ${detail.questionsToAsk.length > 0
      ? html`<h4>Questions to ask them</h4><ul class="questions-to-ask">${detail.questionsToAsk.map((q) => html`<li key=${q.fact.id}>${q.question}</li>`)}</ul>`
      : null}
  </article>`;
}
