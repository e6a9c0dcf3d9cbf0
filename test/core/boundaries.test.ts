import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as starl from '../../src/index.js';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

describe('the analysis core stays pure, so it runs in the browser', () => {
  for (const file of sources('src/core')) {
    it(`${file} imports no Node module and no adapter, and reads no clock or randomness`, () => {
      const text = readFileSync(file, 'utf8');
      const imports = [...text.matchAll(/from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]!);
      for (const spec of imports) {
        expect(spec.startsWith('node:')).toBe(false);
        expect(/\.\.\/(cli|storage|server|web|transcripts|review|practice|company|stories|progress|report)\b/.test(spec)).toBe(false);
      }
      expect(text).not.toMatch(/\b(process\.|Date\.now|new Date\(|Math\.random|require\()/);
    });
  }
});

describe('the public API', () => {
  it('exports these names and nothing else', () => {
    expect(Object.keys(starl).sort()).toEqual(['MAX_ANSWER_LENGTH', 'QUESTION_TYPES', 'REASONS', 'STAR_LABELS', 'StarlError', 'analyze', 'extractContextTerms', 'rules']);
  });
});
