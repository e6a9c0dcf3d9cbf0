import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, readImportGraph, type ImportEdge } from './import-graph.js';
import { importCycles, layerViolations, LAYERS, nodeOnlyReach } from './layers.js';

const graph = readImportGraph(join(import.meta.dirname, '..', '..', 'src'));

/** An edge of a made-up graph, for testing the checks themselves. */
const edge = (from: string, to: string, typeOnly = false): ImportEdge => ({ from, to, typeOnly, local: true });

describe('the import graph of src/', () => {
  it('reads the imports of the whole tree', () => {
    expect(graph.length).toBeGreaterThan(300);
    expect(graph).toContainEqual({ from: 'practice/feedback.ts', to: 'format/feedback.ts', typeOnly: false, local: true });
  });

  it('has every folder of src/ on a floor, and every import pointing down', () => {
    expect(layerViolations(graph)).toEqual([]);
  });

  it('has no import cycle', () => {
    expect(importCycles(graph)).toEqual([]);
  });

  it('loads nothing into the browser that needs Node', () => {
    // The web app, and what it runs: the core, the delivery measures, formatting, the transcript reader and the review.
    for (const area of ['web', 'core', 'delivery', 'format', 'transcripts', 'review']) expect(nodeOnlyReach(graph, area), area).toEqual([]);
  });
});

describe('the delivery measures stay pure, so they run in a Web Worker as in Node', () => {
  const folder = join(import.meta.dirname, '..', '..', 'src', 'delivery');
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))) {
    it(`delivery/${file} touches no DOM, Node global, clock or randomness`, () => {
      const text = readFileSync(join(folder, file), 'utf8');
      expect(text).not.toMatch(/\b(window\.|document\.|navigator\.|AudioContext|OfflineAudioContext|process\.|Buffer\.|Date\.now|new Date\(|Math\.random|require\()/);
    });
  }
});

describe('the checks themselves', () => {
  it('find every kind of import the sources use', () => {
    const source = [
      "import { a } from './a.js';",
      "import type { B } from '../b.js';",
      "export { c } from './c.js';",
      "export type { D } from './d.js';",
      "import './e.js';",
      "const f = await import('./f.js');",
      '// import { g } from "./g.js";',
    ].join('\n');
    expect(importsOf('x.ts', source)).toEqual([
      { specifier: './a.js', typeOnly: false },
      { specifier: '../b.js', typeOnly: true },
      { specifier: './c.js', typeOnly: false },
      { specifier: './d.js', typeOnly: true },
      { specifier: './e.js', typeOnly: false },
      { specifier: './f.js', typeOnly: false },
    ]);
  });

  it('refuse an import that points up a floor or across one', () => {
    expect(LAYERS[0]).toEqual(['core']);
    expect(layerViolations([edge('core/analyze.ts', 'storage/store.ts')])).toEqual([
      'core/analyze.ts imports storage/store.ts: core is on floor 0, storage on floor 2; import only from below',
    ]);
    expect(layerViolations([edge('practice/feedback.ts', 'cli/render.ts')])).toHaveLength(1);
    expect(layerViolations([edge('report/html.ts', 'review/labels.ts')])).toHaveLength(1);
    expect(layerViolations([edge('report/html.ts', 'format/duration.ts'), edge('report/html.ts', 'report/session.ts')])).toEqual([]);
  });

  it('refuse a folder that is on no floor', () => {
    expect(layerViolations([edge('plugins/x.ts', 'core/types.ts')])).toEqual(['plugins/x.ts imports core/types.ts: put plugins on a floor in LAYERS']);
  });

  it('let the web app take code only from what runs in the browser, and types from the storage', () => {
    expect(layerViolations([edge('web/main.ts', 'storage/records.ts', true), edge('web/main.ts', 'review/labels.ts')])).toEqual([]);
    expect(layerViolations([edge('web/main.ts', 'storage/store.ts')])).toHaveLength(1);
    expect(layerViolations([edge('web/main.ts', 'practice/session.ts', true)])).toHaveLength(1);
    expect(layerViolations([edge('index.ts', 'cli/main.ts')])).toHaveLength(1);
  });

  it('find a cycle, type imports included, and name its files', () => {
    const edges = [edge('core/a.ts', 'core/b.ts'), edge('core/b.ts', 'core/c.ts', true), edge('core/c.ts', 'core/a.ts'), edge('core/c.ts', 'core/d.ts')];
    expect(importCycles(edges)).toEqual([['core/a.ts', 'core/b.ts', 'core/c.ts']]);
    expect(importCycles([edge('core/a.ts', 'core/a.ts')])).toEqual([['core/a.ts']]);
    expect(importCycles([edge('core/a.ts', 'core/b.ts'), edge('core/c.ts', 'core/b.ts')])).toEqual([]);
  });

  it('follow the browser\'s code to a Node module, but not through type imports', () => {
    const reach = [edge('web/page.ts', 'company/notebook.ts'), edge('company/notebook.ts', 'company/fetch.ts'), { from: 'company/fetch.ts', to: 'node:http', typeOnly: false, local: false }];
    expect(nodeOnlyReach(reach, 'web')).toEqual(['web/page.ts → company/notebook.ts → company/fetch.ts → node:http']);
    expect(nodeOnlyReach([edge('web/page.ts', 'company/fetch.ts', true), ...reach.slice(2)], 'web')).toEqual([]);
  });
});
