import { defineRule } from './rule.js';
import { endOf } from '../engine.js';

export const requireSpecificDetail = defineRule({
  meta: {
    id: 'require-specific-detail',
    reason: 'memorable',
    description: 'An answer needs one detail only this candidate could give: a named project, an outcome, a vivid detail.',
    severity: 'error',
    appliesTo: ['introduction', 'personal', 'motivation', 'behavioral'],
    messages: { generic: 'Almost anyone could give this answer; nothing in it is yours alone.' },
    suggestions: { addDetail: 'Add one specific: a named project, a number that changed, or a detail people would remember.' },
  },
  check({ judgements, doc }) {
    if ((judgements.memorable?.z ?? 0) >= 0) return [];
    const at = endOf(doc.text);
    return [{ messageId: 'generic', span: { start: 0, end: at.end }, anchor: 'scope', suggestions: [{ kind: 'advice', id: 'addDetail' }] }];
  },
});
