import type { Rule, RuleMeta } from './rule.js';
import { noMinimalAnswer } from './no-minimal-answer.js';
import { noNegativity } from './no-negativity.js';
import { requireOpenerWarmth } from './require-opener-warmth.js';
import { requireGenuineQuestion } from './require-genuine-question.js';
import { noHollowAnswer } from './no-hollow-answer.js';
import { noCliches } from './no-cliches.js';
import { noBuzzwords } from './no-buzzwords.js';
import { noBareCategories } from './no-bare-categories.js';
import { requireSpecificDetail } from './require-specific-detail.js';
import { noGenericReasons } from './no-generic-reasons.js';
import { noNeedsReasons } from './no-needs-reasons.js';
import { requireCompanySpecifics } from './require-company-specifics.js';
import { requirePersonalTie } from './require-personal-tie.js';
import { noSwappableReason } from './no-swappable-reason.js';
import { requireStory } from './require-story.js';
import { requireOwnAction } from './require-own-action.js';
import { requireStarResult } from './require-star-result.js';
import { maxSituationShare } from './max-situation-share.js';
import { preferMeasuredResult } from './prefer-measured-result.js';
import { suggestLearning } from './suggest-learning.js';
import { maxFillerRate } from './max-filler-rate.js';
import { requireOnPoint } from './require-on-point.js';
import { noClicheWeakness } from './no-cliche-weakness.js';
import { noRepetition } from './no-repetition.js';

/** Every rule, in the order their findings are reported for one place in the answer. */
export const RULES: readonly Rule[] = [
  noMinimalAnswer,
  noNegativity,
  requireOnPoint,
  noClicheWeakness,
  noRepetition,
  requireOpenerWarmth,
  requireGenuineQuestion,
  noHollowAnswer,
  noCliches,
  noBuzzwords,
  noBareCategories,
  requireSpecificDetail,
  noGenericReasons,
  noNeedsReasons,
  requireCompanySpecifics,
  requirePersonalTie,
  noSwappableReason,
  requireStory,
  requireOwnAction,
  requireStarResult,
  maxSituationShare,
  preferMeasuredResult,
  suggestLearning,
  maxFillerRate,
];

/** The rule catalogue: each rule's metadata, for the `rules` command, the docs and `GET /api/rules`. */
export const rules: readonly RuleMeta[] = RULES.map((r) => r.meta);
