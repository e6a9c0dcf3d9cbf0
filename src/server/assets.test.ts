import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { directoryAssets } from './assets.js';

const outside = mkdtempSync(join(tmpdir(), 'starl-assets-'));
const root = join(outside, 'web');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html>');
writeFileSync(join(root, 'assets', 'app.js'), 'export {}');
writeFileSync(join(root, '.hidden.html'), 'hidden');
writeFileSync(join(outside, 'secret.html'), 'not for the web');

describe('directoryAssets', () => {
  const assets = directoryAssets(root);

  it('serves files of the directory with their content type', async () => {
    const script = await assets('/assets/app.js');
    expect(script?.contentType).toBe('text/javascript; charset=utf-8');
    expect(new TextDecoder().decode(script?.body)).toBe('export {}');
  });

  it('never serves a file outside the directory, a dot-file or a missing file', async () => {
    expect(await assets('/../secret.html')).toBeNull();
    expect(await assets('/%2e%2e/secret.html')).toBeNull();
    expect(await assets('/.hidden.html')).toBeNull();
    expect(await assets('/missing.js')).toBeNull();
    expect(await assets('/%E0%A4%A')).toBeNull();
  });
});
