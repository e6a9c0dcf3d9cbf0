import { render } from 'preact';
import { html } from 'htm/preact';
import type { Report } from '../core/types.js';
import { ReportView } from './components/report-view.js';
import styles from './styles.css?inline';

/** What an exported report shows besides the report itself. */
export interface ExportInput {
  question: string;
  answer: string;
  report: Report;
}

/**
 * A standalone HTML page of a report, to keep or share: styles inlined, no scripts, nothing fetched.
 * Every piece of the candidate's text goes through Preact's DOM rendering and the browser's
 * serializer, so it arrives escaped.
 */
export function exportReportHtml({ question, answer, report }: ExportInput): string {
  const container = document.createElement('div');
  render(
    html`<main class="export">
      <h1>Starl report</h1>
      <h2>Question</h2>
      <p class="export-question">${question}</p>
      <${ReportView} answer=${answer} report=${report} />
    </main>`,
    container,
  );
  const body = container.innerHTML;
  render(null, container);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Starl report</title>
<style>${styles}</style>
</head>
<body>${body}</body>
</html>
`;
}

/** Offers `content` to the user as a downloaded file. */
export function download(filename: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the URL is released.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
