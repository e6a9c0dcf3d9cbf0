#!/usr/bin/env node
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * A JSONL batch keeps one report alive at a time (about 40 MB of live heap), but V8 lets its heap grow
 * lazily to several hundred MB. The batch therefore runs in a Node with a capped heap, started here
 * before anything heavy is loaded, running an entry point that loads only the analyzer, so the two
 * processes together stay under 200 MB (`npm run bench`).
 */
const BATCH_HEAP = ['--max-old-space-size=80', '--max-semi-space-size=1'];

function isBatch(args: string[]): boolean {
  return args[0] === 'analyze' && args.includes('--jsonl') && !process.execArgv.some((arg) => arg.startsWith('--max-old-space-size'));
}

if (isBatch(process.argv.slice(2))) {
  const entry = fileURLToPath(new URL(`./batch-main${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url));
  const child = spawn(process.execPath, [...process.execArgv, ...BATCH_HEAP, entry, ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 2 : 0);
  });
  child.on('error', (error) => {
    process.stderr.write(`starl: cannot start the batch: ${error.message} [E_INTERNAL]\n`);
    process.exitCode = 2;
  });
} else {
  const { main } = await import('./program.js');
  await main();
}
