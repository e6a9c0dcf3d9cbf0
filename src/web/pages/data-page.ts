import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { sendText } from '../api.js';
import { AccountPanel } from '../components/account-panel.js';
import { useWrite } from '../write.js';

interface ImportCounts {
  added: Record<string, number>;
  alreadyPresent: Record<string, number>;
}

/** "3 stories, 1 company", from an import's counts per table. */
function describeCounts(counts: Record<string, number>): string {
  const parts = Object.entries(counts).filter(([, n]) => n > 0).map(([table, n]) => `${n} ${n === 1 ? table.replace(/_/g, ' ').replace(/ies$/, 'y').replace(/s$/, '') : table.replace(/_/g, ' ')}`);
  return parts.length > 0 ? parts.join(', ') : 'nothing';
}

/** The Your data page: everything Starl keeps, as one JSON file to download, and such a file to add back. */
export function DataPage(): VNode {
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const write = useWrite();
  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (!file) return write.fail('Choose a file written by Export first.');
    setResult(null);
    const text = await file.text();
    // Importing is safe to repeat: rows already present are skipped, so no key is needed.
    const counts = await write.run({ name: file.name, size: file.size }, () => sendText<ImportCounts>(`/api/import?file=${encodeURIComponent(file.name)}`, text));
    if (counts) setResult(`Imported ${describeCounts(counts.added)}${Object.values(counts.alreadyPresent).some((n) => n > 0) ? `; already here: ${describeCounts(counts.alreadyPresent)}` : ''}.`);
  };
  return html`<section class="page data" aria-labelledby="data-title">
    <h2 id="data-title">Your data</h2>
    <p class="hint">Everything Starl keeps (companies, facts, sessions, answers and their recordings, stories, reviews) is yours: the same file as <code>starl export</code> and <code>starl import</code>.</p>
    <h3>Export</h3>
    <p class="actions">
      <a class="button" href="/api/export" download>Download all your data (JSON)</a>
      <a class="button" href="/api/export?recordings=0" download>Download without recordings (a much smaller file)</a>
    </p>
    <h3>Import</h3>
    <form class="import" onSubmit=${submit} aria-busy=${write.busy}>
      <label for="import-file">A file written by Export</label>
      <input id="import-file" type="file" accept=".json,application/json" onChange=${(e: Event) => setFile((e.target as HTMLInputElement).files?.[0] ?? null)} />
      ${write.error ? html`<p class="error" role="alert">${write.error}</p>` : null}
      <div class="actions"><button type="submit" class="primary" disabled=${write.busy}>${write.busy ? 'Importing…' : 'Import'}</button></div>
    </form>
    <p role="status">${result ?? ''}</p>
    <${AccountPanel} />
  </section>`;
}

