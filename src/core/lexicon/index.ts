import { compileLexicons, type LexiconData } from './lexicon.js';
import cliches from './cliches.json' with { type: 'json' };
import buzzwords from './buzzwords.json' with { type: 'json' };
import genericReasons from './generic-reasons.json' with { type: 'json' };
import needs from './needs.json' with { type: 'json' };
import negativity from './negativity.json' with { type: 'json' };
import deflections from './deflections.json' with { type: 'json' };
import warmth from './warmth.json' with { type: 'json' };
import fillers from './fillers.json' with { type: 'json' };
import logistics from './logistics.json' with { type: 'json' };
import workWords from './work-words.json' with { type: 'json' };
import enthusiasm from './enthusiasm.json' with { type: 'json' };
import bareCategories from './bare-categories.json' with { type: 'json' };
import achievements from './achievements.json' with { type: 'json' };
import cues from '../star/cues.json' with { type: 'json' };
import clicheWeaknesses from './cliche-weaknesses.json' with { type: 'json' };

const cue = (entries: string[]): LexiconData => ({ about: cues.about, entries });

/** Every lexicon the analysis reads, compiled once into one trie so one walk over an answer finds them all. */
export const LEXICONS = compileLexicons({
  cliches: cliches as LexiconData,
  buzzwords: buzzwords as LexiconData,
  genericReasons: genericReasons as LexiconData,
  needs: needs as LexiconData,
  negativity: negativity as LexiconData,
  strongNegativity: { about: negativity.about, entries: negativity.strong },
  clicheWeaknesses: clicheWeaknesses as LexiconData,
  deflections: deflections as LexiconData,
  warmth: warmth as LexiconData,
  fillers: fillers as LexiconData,
  logistics: logistics as LexiconData,
  workWords: workWords as LexiconData,
  enthusiasm: enthusiasm as LexiconData,
  bareCategories: bareCategories as LexiconData,
  achievements: achievements as LexiconData,
  learningCues: cue(cues.learning),
  resultCues: cue(cues.result),
  taskCues: cue(cues.task),
  prefaceCues: cue(cues.preface),
  hypotheticalCues: cue(cues.hypothetical),
  habitualCues: cue(cues.habitual),
  situationCues: cue(cues.situation),
  effortCues: cue(cues.effort),
});
