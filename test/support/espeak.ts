import { execFileSync, spawnSync } from 'node:child_process';
import { isCi } from '../e2e/browser.js';
import { decodeWav, type Audio } from './wav.js';

/** What to install when espeak-ng is missing. */
const INSTALL_HINT = 'install espeak-ng (Debian/Ubuntu: sudo apt-get install espeak-ng)';

/** Whether the tests that speak with espeak-ng run, are skipped (with one line saying why), or fail the run. */
export type EspeakDecision = { kind: 'run' } | { kind: 'skip'; line: string } | { kind: 'fail'; line: string };

/** Runs when `espeak-ng` answers `--version`; without it, skips, except in CI, where every test must run. */
export function decideEspeak(env: NodeJS.ProcessEnv = process.env): EspeakDecision {
  if (spawnSync('espeak-ng', ['--version'], { stdio: 'ignore' }).status === 0) return { kind: 'run' };
  if (isCi(env)) return { kind: 'fail', line: `Speech tests cannot run in CI: espeak-ng was not found; ${INSTALL_HINT}.` };
  return { kind: 'skip', line: `Speech tests skipped: espeak-ng was not found; to run them, ${INSTALL_HINT}.` };
}

/** `text` spoken by espeak-ng's default English voice at `wordsPerMinute` (its `-s`), as mono samples. */
export function speak(text: string, wordsPerMinute: number): Audio {
  return decodeWav(execFileSync('espeak-ng', ['--stdout', '-v', 'en', '-s', String(wordsPerMinute), text]));
}
