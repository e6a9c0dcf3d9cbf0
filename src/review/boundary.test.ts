import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from 'vitest';

/** The transcript readers and the review run in the browser too: no Node modules, no storage, no CLI. */
test.each(['transcripts', 'review'])('src/%s imports nothing that ties it to Node or to an adapter', (folder) => {
  const dir = new URL(`../${folder}/`, import.meta.url);
  const sources = readdirSync(dir).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));
  expect(sources.length).toBeGreaterThan(3);
  for (const name of sources) {
    const imports = [...readFileSync(new URL(name, dir), 'utf8').matchAll(/from '([^']+)'/g)].map((match) => match[1]);
    for (const path of imports) expect(path, `${folder}/${name}`).toMatch(/^\.\.?\/(?!(?:\.\.\/)*(?:cli|storage|server|web)\/)/);
  }
});
