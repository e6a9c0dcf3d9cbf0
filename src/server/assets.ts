import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Asset } from './app.js';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves the files of a directory (the Vite build output) by URL path. Paths that would leave the
 * directory, dot-files and unknown file types are treated as absent.
 */
export function directoryAssets(root: string): (path: string) => Promise<Asset | null> {
  const base = normalize(root + sep);
  return async (urlPath) => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(urlPath);
    } catch {
      return null;
    }
    const file = normalize(join(base, decoded));
    const contentType = CONTENT_TYPES[extname(file)];
    if (!file.startsWith(base) || decoded.includes('\0') || /(^|[\\/])\./.test(decoded) || !contentType) return null;
    try {
      return { body: await readFile(file), contentType };
    } catch {
      return null;
    }
  };
}
