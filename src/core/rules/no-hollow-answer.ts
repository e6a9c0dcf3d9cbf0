import { defineRule } from './rule.js';

export const noHollowAnswer = defineRule({
  meta: {
    id: 'no-hollow-answer',
    reason: 'opportunity',
    description: 'Flags answers made only of buzzwords and clichés, which give the interviewer nothing to connect with.',
    severity: 'error',
    appliesTo: ['introduction', 'motivation', 'behavioral', 'other'],
    messages: { hollow: 'The answer is {{count}} stock phrases and nothing concrete the interviewer can ask about.' },
    suggestions: { nameOneThing: 'Name one real thing: a place, a task, a tool, something you did.' },
  },
  check({ signals, judgements }) {
    const stock = [...signals.buzzwords, ...signals.cliches].sort((a, b) => a.start - b.start);
    const concrete = signals.drivers.filter((d) => d.kind !== 'scaleNumber').length;
    if (stock.length < 3 || concrete > 0 || (judgements.opportunity?.z ?? 0) >= 0) return [];
    const first = stock[0]!;
    return [{ messageId: 'hollow', span: first, anchor: 'match', data: { count: String(stock.length) }, evidence: stock.slice(1), suggestions: [{ kind: 'advice', id: 'nameOneThing' }] }];
  },
});
