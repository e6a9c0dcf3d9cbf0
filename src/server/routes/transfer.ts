import type { Hono } from 'hono';
import { exportAll, importAll } from '../../storage/index.js';
import type { Store } from '../../storage/index.js';
import { parseExport } from '../export-file.js';
import { readText } from '../read-json.js';

/** Largest export the page may import: the whole history of a very busy candidate, with room to spare. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

/** `GET /api/export` and `POST /api/import`: the same JSON file as `starl export` and `starl import`. */
export function registerTransferRoutes(app: Hono, store: Store): void {
  app.get('/api/export', async (c) => {
    const document = await exportAll(store);
    const day = document.exportedAt.slice(0, 10);
    c.header('content-disposition', `attachment; filename="starl-export-${day}.json"`);
    return c.json(document);
  });

  app.post('/api/import', async (c) => {
    // Checked in full before anything is written: a damaged file changes nothing.
    const name = c.req.query('file') ?? 'the uploaded file';
    const document = parseExport(await readText(c, MAX_IMPORT_BYTES), name);
    return c.json(await importAll(store, document));
  });
}
