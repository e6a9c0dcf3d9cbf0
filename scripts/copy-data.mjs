// Copies the data files (lexicons, question bank) that tsc does not emit into dist/, beside the code that reads them.
import { cpSync, readdirSync, statSync, mkdirSync } from 'node:fs';
import { join, dirname, extname } from 'node:path';

const DATA = new Set(['.json', '.txt', '.html', '.css']);
function walk(dir) {
  // The web front end is built by Vite into dist/web; its sources are not data.
  if (dir === join('src', 'web')) return;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (DATA.has(extname(name))) {
      const out = join('dist', path.slice('src/'.length));
      mkdirSync(dirname(out), { recursive: true });
      cpSync(path, out);
    }
  }
}
walk('src');
