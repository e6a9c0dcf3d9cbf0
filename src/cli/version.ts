import { readFileSync } from 'node:fs';

/**
 * Starl's version, from the package.json two folders up: the same path from `src/cli/` and from
 * `dist/cli/`, in the repository and when installed. Read when asked, so no command pays for it.
 */
export function starlVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
  return typeof manifest.version === 'string' ? manifest.version : 'unknown';
}
