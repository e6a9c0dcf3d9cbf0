import { readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerExport } from '../../src/cli/commands/export.js';
import { withStore } from '../../src/storage/index.js';
import { parseExport } from '../../src/server/export-file.js';
import { runCommand } from './inprocess.js';
import { tempDir } from './helpers.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

describe('export --out', () => {
  it('never follows a symlink planted where a temporary file could go, and leaves only the export', async () => {
    const db = join(dir, 'starl.db');
    await withStore(db, (store) => store.saveCompany({ name: 'Forkful' }));
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'not yours to overwrite\n');
    const out = join(dir, 'mine.json');
    symlinkSync(victim, `${out}.partial`);
    const result = await runCommand(registerExport, ['export', '--out', out, '--db', db]);
    expect(result.error).toBeNull();
    expect(readFileSync(victim, 'utf8')).toBe('not yours to overwrite\n');
    expect(parseExport(readFileSync(out, 'utf8'), out).companies.map((company) => company.name)).toEqual(['Forkful']);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir).filter((name) => !name.startsWith('starl.db')).sort()).toEqual(['mine.json', 'mine.json.partial', 'victim.txt']);
  });
});
