import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { FACT_KINDS, FACT_KIND_HINTS } from '../../company/notebook.js';
import type { ChecklistItem } from '../../company/notebook.js';
import type { Company, CompanyFact } from '../../storage/records.js';
import { sendJson } from '../api.js';
import { useDraft } from '../draft.js';
import { useLoad } from '../use-load.js';
import { afterSave, useDelete, useWrite } from '../write.js';

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

const EMPTY_COMPANY = { name: '', aliases: '', competitors: '', posting: '' };

/** The Companies page: the homework notebook, one company at a time. */
export function CompaniesPage(): VNode {
  const companies = useLoad<Company[]>('/api/companies');
  const [selected, setSelected] = useState<number | null>(null);
  // Bumped by every save, so an open notebook reloads and shows the company as it is now.
  const [saves, setSaves] = useState(0);
  const saved = companies.data ?? [];
  return html`<section class="page companies" aria-labelledby="companies-title">
    <h2 id="companies-title">Companies</h2>
    <p class="hint">Your homework per company: the posting's distinctive terms, research facts, the checklist and questions to ask.</p>
    ${companies.error ? html`<p class="error" role="alert">${companies.error}</p>` : null}
    <div class="columns">
      <div>
        ${saved.length > 0
          ? html`<ul class="company-list" aria-label="Saved companies">
              ${saved.map((c) => html`<li key=${c.id}><button type="button" aria-pressed=${c.id === selected} onClick=${() => setSelected(c.id)}>${c.name}</button></li>`)}
            </ul>`
          : companies.data
            ? html`<p class="placeholder">No companies yet.</p>`
            : companies.error
              ? null
              : html`<p class="placeholder">Loading…</p>`}
        <${CompanyForm} onSaved=${(company: Company) => { setSelected(company.id); setSaves((n) => n + 1); void companies.reload(); }} />
      </div>
      <div>
        ${selected !== null
          ? html`<${CompanyNotebook}
              key=${`${selected}:${saves}`}
              id=${selected}
              onChanged=${() => companies.reload()}
              onDeleted=${() => { setSelected(null); void companies.reload(); }}
            />`
          : null}
      </div>
    </div>
  </section>`;
}

/** Adds a company, or edits `company` when given: its name, other names, competitors and posting. */
function CompanyForm({ company, onSaved, onCancel }: { company?: Company; onSaved: (company: Company) => void; onCancel?: () => void }): VNode {
  const initial = company ? { name: company.name, aliases: company.aliases.join(', '), competitors: company.competitors.join(', '), posting: '' } : EMPTY_COMPANY;
  const [fields, setFields, clear] = useDraft(company ? `companies.edit.${company.id}` : 'companies.new', initial);
  const write = useWrite();
  const fieldsNow = useRef(fields);
  fieldsNow.current = fields;
  const id = (name: string) => `company-${name}${company ? `-edit` : '-new'}`;
  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    const submitted = fields;
    const body = { name: submitted.name, aliases: list(submitted.aliases), competitors: list(submitted.competitors), ...(submitted.posting.trim() ? { contextText: submitted.posting } : {}) };
    // A company is saved under its name, so sending the same one twice saves it once.
    const saved = await write.run(body, () => (company ? sendJson<Company>(`/api/companies/${company.id}`, body, 'PATCH') : sendJson<Company>('/api/companies', body)));
    if (!saved) return;
    if (company) clear();
    else setFields(afterSave(fieldsNow.current, submitted, EMPTY_COMPANY));
    onSaved(saved);
  };
  const set = (name: keyof typeof EMPTY_COMPANY) => (e: Event) => setFields({ [name]: (e.target as HTMLInputElement).value });
  return html`<form class="company-form" onSubmit=${submit} aria-busy=${write.busy}>
    <h3>${company ? `Edit ${company.name}` : 'Add or update a company'}</h3>
    <label for=${id('name')}>Name</label>
    <input id=${id('name')} type="text" required value=${fields.name} onInput=${set('name')} />
    <label for=${id('aliases')}>Other names, separated by commas</label>
    <input id=${id('aliases')} type="text" value=${fields.aliases} onInput=${set('aliases')} />
    <label for=${id('competitors')}>Competitors, separated by commas</label>
    <input id=${id('competitors')} type="text" value=${fields.competitors} onInput=${set('competitors')} />
    <label for=${id('posting')}>${company ? 'A new job posting or company page (leave empty to keep the one saved)' : 'Job posting or company page (text or HTML)'}</label>
    <textarea id=${id('posting')} rows="6" value=${fields.posting} onInput=${set('posting')}></textarea>
    ${write.error ? html`<p class="error" role="alert">${write.error}</p>` : null}
    <div class="actions">
      <button type="submit" class="primary" disabled=${write.busy}>${write.busy ? 'Saving…' : company ? 'Save changes' : 'Save company'}</button>
      ${onCancel ? html`<button type="button" onClick=${() => { clear(); onCancel(); }}>Cancel</button>` : null}
    </div>
  </form>`;
}

function CompanyNotebook({ id, onChanged, onDeleted }: { id: number; onChanged: () => void; onDeleted: () => void }): VNode {
  const notebook = useLoad<CompanyDetail>(`/api/companies/${id}`);
  const [editing, setEditing] = useState(false);
  const deleting = useDelete();
  const title = useRef<HTMLHeadingElement>(null);
  const loaded = notebook.data !== null;
  // On a phone the notebook sits below the list: bring it into view, with focus, once it is there.
  useEffect(() => {
    if (!loaded) return;
    title.current?.focus();
    title.current?.scrollIntoView({ block: 'start' });
  }, [loaded]);
  if (notebook.error && !notebook.data) return html`<p class="error" role="alert">${notebook.error}</p>`;
  if (!notebook.data) return html`<p class="placeholder">Loading…</p>`;
  const detail = notebook.data;
  const { company } = detail;
  return html`<article class="notebook" aria-labelledby="notebook-title">
    <h3 id="notebook-title" tabindex="-1" ref=${title}>${company.name}</h3>
    ${deleting.error ? html`<p class="error" role="alert">${deleting.error}</p>` : null}
    ${company.aliases.length > 0 ? html`<p>Also known as ${company.aliases.join(', ')}</p>` : null}
    ${company.competitors.length > 0 ? html`<p>Competes with ${company.competitors.join(', ')}: would your answer still fit them? Then it is not specific yet.</p>` : null}
    <div class="actions">
      <button type="button" aria-expanded=${editing} onClick=${() => setEditing(!editing)}>Edit ${company.name}</button>
      <button type="button" disabled=${deleting.busy} onClick=${() => deleting.remove(`Delete ${company.name} and its ${detail.facts.length} ${detail.facts.length === 1 ? 'fact' : 'facts'}? Practice sessions for it are kept.`, `/api/companies/${id}`, onDeleted)}>Delete ${company.name}</button>
    </div>
    ${editing ? html`<${CompanyForm} company=${company} onSaved=${() => { setEditing(false); onChanged(); void notebook.reload(); }} onCancel=${() => setEditing(false)} />` : null}
    <h4>Distinctive terms of the posting</h4>
    ${company.terms.length > 0 ? html`<ul class="chips">${company.terms.map((term) => html`<li key=${term}>${term}</li>`)}</ul>` : html`<p class="placeholder">No posting saved.</p>`}
    <h4>Homework checklist</h4>
    <ul class="checklist">
      ${detail.checklist.map((item) => html`<li key=${item.item} class=${item.done ? 'done' : 'todo'}><span aria-hidden="true">${item.done ? '☑' : '☐'} </span><span class="visually-hidden">${item.done ? 'Done: ' : 'To do: '}</span>${item.item}${item.done ? '' : html` <span class="hint">— ${item.hint}</span>`}</li>`)}
    </ul>
    <h4>Research facts</h4>
    ${detail.facts.length > 0
      ? html`<ul class="facts">${detail.facts.map(
          (fact) => html`<li key=${fact.id}>
            <strong>${fact.kind}</strong>: ${fact.text}${fact.source ? html` <span class="hint">(${fact.source})</span>` : null}
            <button type="button" class="link" aria-label=${`Delete the fact "${fact.text}"`} disabled=${deleting.busy} onClick=${() => deleting.remove(`Delete the fact "${fact.text}"?`, `/api/companies/${id}/facts/${fact.id}`, notebook.reload)}>Delete</button>
          </li>`,
        )}</ul>`
      : html`<p class="placeholder">No facts yet.</p>`}
    <${FactForm} companyId=${id} onSaved=${() => notebook.reload()} />
    ${detail.questionsToAsk.length > 0
      ? html`<h4>Questions to ask them</h4><ul class="questions-to-ask">${detail.questionsToAsk.map((q) => html`<li key=${q.fact.id}>${q.question}</li>`)}</ul>`
      : null}
  </article>`;
}

function FactForm({ companyId, onSaved }: { companyId: number; onSaved: () => void }): VNode {
  const empty = { kind: FACT_KINDS[0] as string, text: '', source: '' };
  const [fields, setFields] = useDraft(`companies.${companyId}.fact`, empty);
  const write = useWrite();
  const fieldsNow = useRef(fields);
  fieldsNow.current = fields;
  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    const submitted = fields;
    const body = { kind: submitted.kind, text: submitted.text, ...(submitted.source.trim() ? { source: submitted.source.trim() } : {}) };
    const saved = await write.run(body, (clientId) => sendJson<CompanyFact>(`/api/companies/${companyId}/facts`, { ...body, clientId }));
    if (!saved) return;
    setFields(afterSave(fieldsNow.current, submitted, { ...empty, kind: submitted.kind }));
    onSaved();
  };
  const set = (name: keyof typeof empty) => (e: Event) => setFields({ [name]: (e.target as HTMLInputElement).value });
  return html`<form class="fact-form" onSubmit=${submit} aria-busy=${write.busy}>
    <label for="fact-kind">Kind of fact</label>
    <select id="fact-kind" value=${fields.kind} onChange=${set('kind')}>
      ${FACT_KINDS.map((k) => html`<option value=${k}>${k}</option>`)}
    </select>
    <p class="hint">${FACT_KIND_HINTS[fields.kind as (typeof FACT_KINDS)[number]]}</p>
    <label for="fact-text">Fact</label>
    <input id="fact-text" type="text" required value=${fields.text} onInput=${set('text')} />
    <label for="fact-source">Where you found it (optional)</label>
    <input id="fact-source" type="text" value=${fields.source} onInput=${set('source')} />
    ${write.error ? html`<p class="error" role="alert">${write.error}</p>` : null}
    <div class="actions"><button type="submit" disabled=${write.busy}>${write.busy ? 'Saving…' : 'Add fact'}</button></div>
  </form>`;
}
