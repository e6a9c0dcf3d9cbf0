import type { Finding, Report, Severity, StarLabel, Strength } from '../core/types.js';

/** Something marked in the answer: a finding against it or a strength for it. */
export type Mark =
  | { kind: 'finding'; severity: Severity; finding: Finding }
  | { kind: 'strength'; strength: Strength };

/** A run of the answer's text that carries the same marks throughout. */
export interface Segment {
  start: number;
  end: number;
  text: string;
  marks: Mark[];
}

/** One sentence of the answer, with its STAR(L) label when the answer is a story, cut into segments. */
export interface SentenceRun {
  start: number;
  end: number;
  star: StarLabel | undefined;
  segments: Segment[];
  /** Findings about something missing (empty spans), shown as markers where the content belongs. */
  insertions: { at: number; finding: Finding }[];
}

/** The answer laid out for highlighting: sentences, and the text between them (usually spaces). */
export type Run = { type: 'sentence'; sentence: SentenceRun } | { type: 'gap'; text: string; start: number };

function marksOf(report: Report): { start: number; end: number; mark: Mark }[] {
  const findings = report.findings
    .filter((finding) => finding.span.end > finding.span.start)
    .map((finding) => ({ ...finding.span, mark: { kind: 'finding', severity: finding.severity, finding } as Mark }));
  const strengths = report.strengths
    .filter((strength) => strength.span.end > strength.span.start)
    .map((strength) => ({ ...strength.span, mark: { kind: 'strength', strength } as Mark }));
  return [...findings, ...strengths];
}

/** Cuts `text[start, end)` at every mark boundary and extra cut point, so overlapping marks become one run each. */
function segment(answer: string, start: number, end: number, marks: { start: number; end: number; mark: Mark }[], extraCuts: number[]): Segment[] {
  const cuts = new Set([start, end]);
  for (const point of [...marks.flatMap((m) => [m.start, m.end]), ...extraCuts]) {
    if (point > start && point < end) cuts.add(point);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    segments.push({ start: from, end: to, text: answer.slice(from, to), marks: marks.filter((m) => m.start < to && m.end > from).map((m) => m.mark) });
  }
  return segments;
}

/**
 * Lays out the answer for highlighting: every character of `answer` appears exactly once, in order,
 * inside a sentence run or a gap, so the highlighted copy always reads the same as the answer. A
 * finding about something missing belongs to the sentence it would follow, at a segment boundary.
 */
export function layoutHighlights(answer: string, report: Report): Run[] {
  const marks = marksOf(report);
  const sentences: { start: number; end: number; star: StarLabel | undefined }[] = [];
  let cursor = 0;
  for (const sentence of [...report.sentences].sort((a, b) => a.start - b.start)) {
    const start = Math.max(sentence.start, cursor);
    const end = Math.min(sentence.end, answer.length);
    if (end <= start) continue;
    sentences.push({ start, end, star: sentence.star });
    cursor = end;
  }
  const insertionsBySentence = new Map<number, SentenceRun['insertions']>();
  for (const finding of report.findings.filter((f) => f.span.end === f.span.start)) {
    const index = Math.max(0, sentences.findLastIndex((s) => s.start <= finding.span.start));
    const owner = sentences[index];
    if (!owner) continue;
    const at = Math.min(Math.max(finding.span.start, owner.start), owner.end);
    insertionsBySentence.set(index, [...(insertionsBySentence.get(index) ?? []), { at, finding }]);
  }
  const runs: Run[] = [];
  cursor = 0;
  sentences.forEach((sentence, index) => {
    if (sentence.start > cursor) runs.push({ type: 'gap', text: answer.slice(cursor, sentence.start), start: cursor });
    const insertions = insertionsBySentence.get(index) ?? [];
    const segments = segment(answer, sentence.start, sentence.end, marks, insertions.map((i) => i.at));
    runs.push({ type: 'sentence', sentence: { ...sentence, segments, insertions } });
    cursor = sentence.end;
  });
  if (cursor < answer.length) runs.push({ type: 'gap', text: answer.slice(cursor), start: cursor });
  return runs;
}
/** The CSS classes for a segment's marks: the most severe finding wins the underline, strengths add a fill. */
export function classesFor(marks: readonly Mark[]): string {
  const classes: string[] = [];
  const severities = marks.flatMap((m) => (m.kind === 'finding' ? [m.severity] : []));
  if (severities.includes('error')) classes.push('mark-error');
  else if (severities.includes('warning')) classes.push('mark-warning');
  else if (severities.includes('info')) classes.push('mark-info');
  if (marks.some((m) => m.kind === 'strength')) classes.push('mark-strength');
  return classes.join(' ');
}
