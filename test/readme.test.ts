import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import { describe, expect, it } from 'vitest';
import * as starl from '../src/index.js';
import { runCli } from './support/cli.js';

const readme = readFileSync('README.md', 'utf8');

/** The fenced blocks of one language that follow a heading. */
function blocks(heading: string, language: string): string[] {
  const section = readme.slice(readme.indexOf(heading));
  const end = section.indexOf('\n## ', 3);
  return [...(end > 0 ? section.slice(0, end) : section).matchAll(new RegExp(`\`\`\`${language}\\n([\\s\\S]*?)\`\`\``, 'g'))].map((m) => m[1]!);
}

describe('the README', { timeout: 90_000 }, () => {
  it('starts with the two commands that set up and run Starl and run every test', () => {
    expect(readme.split('\n').slice(0, 5).join('\n')).toMatch(/npm install && npm start[\s\S]*npm test/);
  });

  it("library example gives the results its comments claim", async () => {
    const [code] = blocks('## Use it as a library', 'ts');
    // `expr; // → value` lines become assertions; the import comes from the package's entry point.
    const body = code!
      .replace(/^import .*$/m, '')
      .replace(/^(.*?);\s*\/\/ → (.*)$/gm, (_, expr: string, value: string) => `assert.deepStrictEqual(${expr}, ${value});`);
    expect(body).toContain('assert.deepStrictEqual');
    const run = new Function('analyze', 'assert', body) as (a: typeof starl.analyze, b: typeof assert) => void;
    run(starl.analyze, assert);
  });

  it('command-line example prints what the README shows', async () => {
    const [example] = blocks('## Judge one answer', 'console');
    const [command, ...output] = example!.split('\n');
    const full = `${command}${output[0]!.trim().startsWith('-a') ? ` ${output.shift()!.trim()}` : ''}`.replace(/\\\s*/, '');
    const args = [...full.replace(/^\$ starl /, '').matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
    const { code, stdout } = await runCli(args);
    expect(code).toBe(0);
    expect(stdout.trimEnd()).toBe(output.join('\n').trimEnd());
  });
});
