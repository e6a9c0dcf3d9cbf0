/** Entry point of one `starl serve` worker process; see `startWorkers` in serve.ts. */
import { runWorker } from './serve.js';

await runWorker();
