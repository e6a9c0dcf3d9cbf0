import type { ImportEdge } from './import-graph.js';

/**
 * Starl's floors, bottom first: a folder of `src/` may import only from folders on floors below its own.
 * The core is the ground floor; then measuring delivery from a recording, reading files, keeping text
 * safe (names, limits, terminal output), wording validation problems and checking recordings; then what stores, reads transcripts or formats text; then the features built on those (accounts among them); the practice loop, which uses several features; the two
 * front ends; and the command line, which can also start the server. `index.ts`, the public API, stands beside everything and uses the core.
 */
export const LAYERS: readonly (readonly string[])[] = [
  ['core'],
  ['delivery', 'files', 'text', 'validation', 'recording'],
  ['format', 'storage', 'transcripts', 'questions'],
  ['company', 'stories', 'progress', 'review', 'report', 'accounts'],
  ['practice'],
  ['server', 'web'],
  ['cli'],
];

/**
 * Folders that may import from fewer floors than their own allows. The web app runs in the browser: it
 * runs the core, the delivery measures, the shared formatting, the transcript reader, the review, the company notebook's pure parts and the recording checks, and takes only
 * types from the storage and progress. The public API is the core.
 */
export const ONLY: Readonly<Record<string, { runtime: readonly string[]; typesOnly?: readonly string[] }>> = {
  web: { runtime: ['core', 'delivery', 'format', 'transcripts', 'review', 'company', 'recording'], typesOnly: ['storage', 'progress', 'report'] },
  'index.ts': { runtime: ['core'] },
};

/** Packages that exist only in Node: nothing the browser loads may reach them. */
export const NODE_ONLY = /^(node:|better-sqlite3$|kysely$|hono$|@hono\/|commander$|@clack\/|vega)/;

/** The folder of `src/` a file is in (`index.ts` for the public API at the top). */
export function areaOf(file: string): string {
  return file.includes('/') ? file.slice(0, file.indexOf('/')) : file;
}

function floorOf(area: string): number {
  return LAYERS.findIndex((floor) => floor.includes(area));
}

/** Each local import that leaves its folder for a floor that is not below, or a folder its `ONLY` entry does not allow. */
export function layerViolations(edges: readonly ImportEdge[]): string[] {
  const problems: string[] = [];
  for (const edge of edges.filter((e) => e.local)) {
    const from = areaOf(edge.from);
    const to = areaOf(edge.to);
    if (from === to) continue;
    const only = ONLY[from];
    if (only) {
      const allowed = only.runtime.includes(to) || (edge.typeOnly && (only.typesOnly ?? []).includes(to));
      if (!allowed) problems.push(`${edge.from} imports ${edge.to}: ${from} may import only ${describeOnly(only)}`);
      continue;
    }
    if (floorOf(from) < 0 || floorOf(to) < 0) problems.push(`${edge.from} imports ${edge.to}: put ${floorOf(from) < 0 ? from : to} on a floor in LAYERS`);
    else if (floorOf(to) >= floorOf(from)) problems.push(`${edge.from} imports ${edge.to}: ${from} is on floor ${floorOf(from)}, ${to} on floor ${floorOf(to)}; import only from below`);
  }
  return problems;
}

function describeOnly(only: (typeof ONLY)[string]): string {
  return `${only.runtime.join(', ')}${only.typesOnly?.length ? `, and types from ${only.typesOnly.join(', ')}` : ''}`;
}

/** The import cycles among files (type imports included: they too tie files together), each as a list of files. */
export function importCycles(edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const edge of edges.filter((e) => e.local)) next.set(edge.from, [...(next.get(edge.from) ?? []), edge.to]);
  // Tarjan's strongly connected components: every component of more than one file, or a file importing itself, is a cycle.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const connect = (file: string): void => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const to of next.get(file) ?? []) {
      if (!index.has(to)) {
        connect(to);
        low.set(file, Math.min(low.get(file)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(file, Math.min(low.get(file)!, index.get(to)!));
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || (next.get(file) ?? []).includes(file)) cycles.push(component.sort());
  };
  for (const file of next.keys()) if (!index.has(file)) connect(file);
  return cycles;
}

/** The Node-only modules that files under `area` reach at run time (type imports excluded), with the path there. */
export function nodeOnlyReach(edges: readonly ImportEdge[], area: string): string[] {
  const runtime = edges.filter((e) => !e.typeOnly);
  const seen = new Set<string>();
  const problems: string[] = [];
  const queue = [...new Set(runtime.filter((e) => areaOf(e.from) === area).map((e) => e.from))].map((file) => [file]);
  while (queue.length) {
    const path = queue.shift()!;
    const file = path[path.length - 1]!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const edge of runtime.filter((e) => e.from === file)) {
      if (!edge.local && NODE_ONLY.test(edge.to)) problems.push(`${[...path, edge.to].join(' → ')}`);
      else if (edge.local) queue.push([...path, edge.to]);
    }
  }
  return problems;
}
