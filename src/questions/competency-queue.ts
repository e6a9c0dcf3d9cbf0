import type { Random } from './random.js';
import { shuffled } from './random.js';
import { COMPETENCIES, type Competency } from './taxonomy.js';

/**
 * Hands out competencies: the favoured ones first, then the rest, each in a seeded order, and only
 * starts over once every competency with questions left has been used.
 */
export class CompetencyQueue {
  private readonly order: readonly Competency[];
  private readonly used = new Set<Competency>();

  constructor(favoured: readonly Competency[], random: Random) {
    const rest = COMPETENCIES.filter((competency) => !favoured.includes(competency));
    this.order = [...shuffled(favoured, random), ...shuffled(rest, random)];
  }

  /** The next competency that `hasQuestions`; the caller has checked that one exists. */
  next(hasQuestions: (competency: Competency) => boolean): Competency {
    const available = this.order.filter(hasQuestions);
    const fresh = available.find((competency) => !this.used.has(competency));
    if (fresh === undefined) this.used.clear();
    const competency = fresh ?? (available[0] as Competency);
    this.used.add(competency);
    return competency;
  }
}
