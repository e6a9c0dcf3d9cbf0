import type { Report } from '../core/types.js';

/** How a stretch of the answer is marked: a strength, a finding's words, or plain. */
export type Mark = 'strength' | 'finding' | 'plain';

/** A stretch of the answer with one mark; `insertBefore` is set where a finding says something is missing. */
export interface Segment {
  text: string;
  mark: Mark;
  /** The message of a finding about missing content that belongs right before this segment. */
  insertBefore?: string;
}

/**
 * Cuts an answer into marked stretches, for the terminal and the HTML report alike. Where a finding
 * and a strength overlap the finding wins: what to fix matters more than what already works.
 */
export function highlightSegments(answer: string, report: Pick<Report, 'findings' | 'strengths'>): Segment[] {
  const marks: Mark[] = Array.from({ length: answer.length }, () => 'plain');
  for (const strength of report.strengths) {
    for (let i = strength.span.start; i < Math.min(strength.span.end, answer.length); i++) marks[i] = 'strength';
  }
  const insertions = new Map<number, string>();
  for (const finding of report.findings) {
    if (finding.anchor === 'insertion' || finding.span.start === finding.span.end) {
      const at = Math.min(Math.max(finding.span.start, 0), answer.length);
      insertions.set(at, insertions.has(at) ? `${insertions.get(at)} ${finding.message}` : finding.message);
      continue;
    }
    // A finding that covers a whole part (the situation, say) is shown in the list, not painted over;
    // an info-level suggestion ("put a number on it") is advice, not a problem to mark in red.
    if (finding.anchor === 'scope' || finding.severity === 'info') continue;
    for (let i = finding.span.start; i < Math.min(finding.span.end, answer.length); i++) marks[i] = 'finding';
  }
  const segments: Segment[] = [];
  let start = 0;
  for (let i = 1; i <= answer.length; i++) {
    if (i < answer.length && marks[i] === marks[start] && !insertions.has(i)) continue;
    const segment: Segment = { text: answer.slice(start, i), mark: marks[start] ?? 'plain' };
    const insertion = insertions.get(start);
    if (insertion) segment.insertBefore = insertion;
    segments.push(segment);
    start = i;
  }
  const atEnd = insertions.get(answer.length);
  if (atEnd) segments.push({ text: '', mark: 'plain', insertBefore: atEnd });
  return segments;
}
