import type { TestProject } from 'vitest/node';
import { decideBrowser, type BrowserDecision } from './browser.js';

declare module 'vitest' {
  export interface ProvidedContext {
    browser: BrowserDecision;
  }
}

/** Finds the browser once per run, says in one line when the browser tests cannot run, and hands the decision to them. */
export default function setup(project: TestProject): void {
  const decision = decideBrowser(process.env);
  if (decision.kind !== 'run') process.stderr.write(`\n${decision.line}\n\n`);
  project.provide('browser', decision);
}
