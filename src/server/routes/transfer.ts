import type { Hono } from 'hono';
import { storeOf, type AppEnv } from '../access.js';
import { exportAll, importAll, MAX_EXPORT_BYTES } from '../../storage/index.js';
import { parseExport } from '../export-file.js';
import { readText } from '../read-json.js';

/**
 * `GET /api/export` and `POST /api/import`: the same JSON file as `starl export` and `starl import`.
 * `?recordings=0` leaves the recordings out, as `starl export --no-recordings` does.
 */
export function registerTransferRoutes(app: Hono<AppEnv>): void {
  app.get('/api/export', async (c) => {
    const store = storeOf(c);
    const document = await exportAll(store, { recordings: c.req.query('recordings') !== '0' });
    const day = document.exportedAt.slice(0, 10);
    c.header('content-disposition', `attachment; filename="starl-export-${day}.json"`);
    return c.json(document);
  });

  app.post('/api/import', async (c) => {
    const store = storeOf(c);
    // Checked in full before anything is written: a damaged file changes nothing.
    const name = c.req.query('file') ?? 'the uploaded file';
    const document = parseExport(await readText(c, MAX_EXPORT_BYTES), name);
    return c.json(await importAll(store, document));
  });
}
