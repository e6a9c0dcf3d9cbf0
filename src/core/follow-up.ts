import type { QuestionType, Reason, ReasonReport } from './types.js';
import type { StoryFacts } from './facts.js';

/**
 * The question an interviewer would most likely ask next, because of the answer's biggest gap: in a story
 * the missing part in STAR order of importance, elsewhere the first reason missed.
 */
export function chooseFollowUp(type: QuestionType, reasons: Record<Reason, ReasonReport>, story: StoryFacts | undefined): string | null {
  const missed = (r: Reason): boolean => reasons[r].verdict === 'miss';
  if (type === 'behavioral' && story) {
    if (!story.isStory) return 'Can you tell me about one particular time that happened?';
    if (!story.ownAction) return 'What did you do, personally?';
    if (!story.result) return 'What came of it?';
    if (!story.balance.ok) return 'What did you do, specifically?';
    if (missed('memorable')) return 'Can you give me a concrete detail: what exactly changed, and by how much?';
    if (!story.learning) return 'What did you take away from it?';
    return null;
  }
  switch (type) {
    case 'motivation':
      if (missed('specificReason')) return 'What drew you to us in particular?';
      if (missed('memorable')) return 'What have you done that shows you would be good at this?';
      return missed('opportunity') ? 'What is it about this role that interests you?' : null;
    case 'introduction':
      if (missed('opportunity')) return 'What kind of work have you been doing?';
      return missed('memorable') ? 'What is one piece of work you are proudest of?' : null;
    case 'personal':
      return missed('memorable') || missed('opportunity') ? 'What is one you have really enjoyed recently?' : null;
    case 'closing':
      return missed('opportunity') ? 'Is there anything about the team or the work itself you would like to know?' : null;
    case 'opener':
      return missed('opportunity') ? 'What made you interested in this role?' : null;
    case 'other':
      return missed('opportunity') ? 'Could you say a bit more, with an example from your experience?' : null;
    default:
      return null;
  }
}
