import { REASONS } from '../core/types.js';
import { countOf } from '../format/plural.js';
import { candidateLabel, fewAnswersNote, FORMAT_LABELS, identificationLine, missCount, REASON_LABELS, percent, shortQuote, strengthQuotes, unsureMissesNote, where } from './labels.js';
import { MAIN_REASON_DEFINITION } from './main-reason.js';
import type { Moment, Review, ReviewedPair } from './types.js';

const STYLE = `
body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1d2330;background:#fff}
h1{font-size:1.5rem;margin-bottom:.25rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #dde;padding-bottom:.25rem}
.meta{color:#5a6270;margin-top:0}.main{background:#fff4e5;border-left:4px solid #e08a00;padding:.75rem 1rem}
table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.25rem .5rem;border-bottom:1px solid #eef}
.bar{background:#eef;height:.6rem;border-radius:.3rem;min-width:8rem}.bar span{display:block;height:100%;background:#d9534f;border-radius:.3rem}
blockquote{margin:.5rem 0;padding:.25rem .75rem;border-left:3px solid #c5cbe0;color:#333}
.at{font-variant-numeric:tabular-nums;color:#5a6270;font-size:.9rem}
.chip{display:inline-block;padding:0 .5rem;margin:0 .25rem .25rem 0;border-radius:1rem;font-size:.85rem;background:#eef}
.pass{background:#dff3e4}.miss{background:#fbe1e0}.na{color:#888}
.answer{white-space:pre-wrap;background:#f7f8fb;padding:.5rem .75rem;border-radius:.25rem}
li{margin-bottom:.25rem}.suggestion,.strengths{color:#2a6f3c}
@media print{body{margin:0}}`;

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * The review as one standalone HTML page (styles inline, no scripts, nothing fetched), to open in a
 * browser, print or send to a coach. All transcript text is escaped.
 */
export function renderReviewHtml(review: Review): string {
  const title = `Interview review: ${review.identification.name ?? review.candidate}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escape(title)}</h1>
<p class="meta">${escape(candidateLabel(review))}, interviewed by ${escape(review.interviewers.join(', '))} · ${escape(FORMAT_LABELS[review.format])} · ${countOf(review.pairs.length, 'answer')}</p>
<p class="meta">Candidate: ${escape(identificationLine(review.identification, review.candidateBasis))}</p>
${review.identification.unsure ? `<p class="main">Starl is not sure who you are: ${escape(review.identification.unsure)}. If this is wrong, review it again naming the candidate.</p>` : ''}
${mainReason(review)}
<h2>Misses by reason</h2>
${tallyTable(review)}
${moments(review)}
<h2>Delivery</h2>
${delivery(review)}
<h2>Answers</h2>
${review.pairs.map(pairSection).join('\n')}
</body>
</html>
`;
}

function mainReason(review: Review): string {
  const definition = `<p class="at">How it is chosen: ${escape(MAIN_REASON_DEFINITION)}.</p>`;
  if (review.mainReason === null) return `<div class="main"><p>No answer missed any of the four reasons.</p>${definition}</div>`;
  const main = review.mainReason;
  const label = REASON_LABELS[main];
  const note = fewAnswersNote(review.tallies[main]);
  const unsure = unsureMissesNote(review, main);
  const runnerUp = review.runnerUp
    ? `${escape(REASON_LABELS[review.runnerUp].name)}: ${escape(missCount(review.tallies[review.runnerUp]))}${fewAnswersNote(review.tallies[review.runnerUp]) ? ` (${escape(fewAnswersNote(review.tallies[review.runnerUp]))})` : ''}`
    : 'none; no other reason missed';
  const practice = review.practice ? `<p>Practise next: <code>${escape(review.practice.command)}</code></p>` : '';
  return `<div class="main"><p><strong>Main reason: ${escape(label.name)}</strong>, ${escape(label.meaning)}.</p>
<p>${escape(label.name)}: ${escape(missCount(review.tallies[main]))}${note ? `; <strong>${escape(note)}</strong>, so take it as a hint, not yet a pattern` : ''}.</p>
${unsure ? `<p>${escape(unsure)}.</p>\n` : ''}<p>Runner-up: ${runnerUp}.</p>${definition}${momentList(review.worstMoments[main])}${practice}</div>`;
}

function tallyTable(review: Review): string {
  const rows = REASONS.map((reason) => {
    const { misses, applicable } = review.tallies[reason];
    const share = applicable > 0 ? misses / applicable : 0;
    const note = fewAnswersNote(review.tallies[reason]);
    const count = applicable === 0 ? 'does not apply' : `${escape(missCount(review.tallies[reason]))}${note ? ` (${escape(note)})` : ''}`;
    return `<tr><th scope="row">${escape(REASON_LABELS[reason].name)}</th><td>${count}</td><td><div class="bar" role="img" aria-label="${percent(share)} missed"><span style="width:${percent(share)}"></span></div></td></tr>`;
  });
  return `<table><thead><tr><th>reason</th><th>misses</th><th></th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function moments(review: Review): string {
  return REASONS.filter((reason) => reason !== review.mainReason && review.worstMoments[reason].length > 0)
    .map((reason) => `<h2>Where ${escape(REASON_LABELS[reason].name)} cost you</h2>${momentList(review.worstMoments[reason])}`)
    .join('\n');
}

function momentList(moments: readonly Moment[]): string {
  if (moments.length === 0) return '';
  const items = moments.map((moment) => `<li><span class="at">${escape(where(moment.time, moment.line))}</span> <blockquote>${escape(shortQuote(moment.quote))}</blockquote>${escape(moment.message)}</li>`);
  return `<ul>${items.join('')}</ul>`;
}

function delivery(review: Review): string {
  const stats = review.delivery;
  const basis = stats.talkTimeBasis === 'time' ? 'of the speaking time' : 'of the words (the transcript has no per-turn times)';
  const pace = stats.wordsPerMinute === null ? 'unknown (no per-turn times)' : `${Math.round(stats.wordsPerMinute)} words a minute`;
  const reliability = stats.fillerRateReliable ? '' : ' <em>(unreliable: the transcript looks cleaned of “um” and “uh”)</em>';
  return `<ul><li>You spoke ${percent(stats.talkTimeShare)} ${basis}.</li><li>Pace: ${pace}.</li><li>Fillers: ${stats.fillersPer100Words.toFixed(1)} per 100 words${reliability}.</li></ul>`;
}

function pairSection(pair: ReviewedPair, index: number): string {
  const type = pair.questionType ? ` <span class="chip">${escape(pair.questionType)}</span>` : '';
  const followUps = pair.followUps.map((followUp) => `<p class="at">Follow-up: ${escape(followUp)}</p>`).join('');
  const head = `<h3>${index + 1}. ${escape(pair.question)}${type} <span class="at">${escape(where(pair.start, pair.line))}</span></h3>${followUps}`;
  const answer = `<div class="answer">${escape(pair.answer)}</div>`;
  if (pair.problem) return `<section>${head}${answer}<p><strong>Not judged:</strong> ${escape(pair.problem.message)} [${escape(pair.problem.code)}]</p></section>`;
  const chips = pair.reasons
    ? REASONS.map((reason) => {
        const { verdict, score, summary, uncertain } = pair.reasons![reason];
        const css = verdict === 'n/a' ? 'na' : verdict;
        return `<span class="chip ${css}" title="${escape(summary)}">${escape(REASON_LABELS[reason].name)}: ${verdict}${score === null ? '' : ` (${score})`}${uncertain ? ', uncertain' : ''}</span>`;
      }).join('')
    : '';
  const evidence = pair.reasons
    ? `<ul class="verdicts">${REASONS.filter((reason) => pair.reasons![reason].verdict !== 'n/a')
        .map((reason) => `<li><strong>${escape(REASON_LABELS[reason].name)} ${pair.reasons![reason].verdict}</strong>: ${escape(pair.reasons![reason].summary)}</li>`)
        .join('')}</ul>`
    : '';
  const findings = pair.findings
    .map((finding) => {
      const quote = finding.quote ? ` “${escape(shortQuote(finding.quote))}”` : '';
      const suggestions = finding.suggestions.map((text) => `<div class="suggestion">→ ${escape(text)}</div>`).join('');
      return `<li>${escape(finding.message)}${quote}${suggestions}</li>`;
    })
    .join('');
  const strengths = strengthQuotes(pair.strengths.map((strength) => strength.quote));
  const praise = strengths.length > 0 ? `<p class="strengths">Counts for you: ${strengths.map((quote) => `“${escape(quote)}”`).join(', ')}</p>` : '';
  const couldUse = pair.questionType === 'motivation' && pair.context && pair.context.couldUse.length > 0
    ? `<p class="at">From the posting, you could have used: ${escape(pair.context.couldUse.slice(0, 5).join(', '))}</p>`
    : '';
  const next = pair.followUp ? `<p class="at">Expect next: ${escape(pair.followUp)}</p>` : '';
  return `<section>${head}<p>${chips}</p>${evidence}${answer}${praise}${findings ? `<ul>${findings}</ul>` : ''}${couldUse}${next}</section>`;
}
