import type { Hono } from 'hono';
import { storeOf, type AppEnv } from '../access.js';
import { deliverySeries } from '../../progress/delivery-series.js';
import { progressSeries, weakestReason } from '../../progress/series.js';

/**
 * `GET /api/progress`: every judged answer (practice and reviews), the pass share per reason per day,
 * the weakest reason now, and how the recorded answers were delivered, day by day.
 */
export function registerProgressRoutes(app: Hono<AppEnv>): void {
  app.get('/api/progress', async (c) => {
    const store = storeOf(c);
    const judged = await store.judgedAnswers();
    const weakest = weakestReason(judged);
    return c.json({
      judged,
      series: progressSeries(judged),
      weakest: weakest && { reason: weakest.reason, passed: weakest.passed, judged: weakest.judged, misses: weakest.misses.map((answer) => ({ origin: answer.origin, id: answer.id })) },
      delivery: deliverySeries(await store.deliveredAnswers()),
    });
  });
}
