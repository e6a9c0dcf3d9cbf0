#!/usr/bin/env node
// Measures how long the delivery measures take per second of audio (target: under 50 ms), and prints it.
//   node scripts/bench-delivery.mjs [--seconds S] [--runs N]
// The answer is espeak-ng's speech (a story read at 150 words a minute with pauses between sentences),
// or, without espeak-ng, a synthetic voice of the same length. It is measured at the rates a browser
// records at (48 and 44.1 kHz) and at 16 kHz; the page runs the same code in a Web Worker.
// Needs `npm run build` first (it runs the built dist/delivery).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'dist/delivery/index.js');
if (!existsSync(built)) {
  console.error('bench-delivery: run `npm run build` first (dist/delivery/index.js is missing)');
  process.exit(2);
}
const { measureDelivery } = await import(built);
const { values: options } = parseArgs({ options: { seconds: { type: 'string', default: '120' }, runs: { type: 'string', default: '15' } } });
const SECONDS = Number(options.seconds);
const RUNS = Number(options.runs);

const STORY = [
  'At my last job our warehouse scanners kept dropping orders in the weeks before the holiday rush.',
  'My task was to find out why before the busiest week of the year.',
  'I logged every failed scan for a week and mapped where each one happened.',
  'The failures clustered near the cold storage doors, where the wireless signal dropped.',
  'I moved two access points and wrote a retry queue for the scanners.',
  'Lost orders fell from forty a day to none, and the holiday rush went smoothly.',
  'I learned to measure before guessing.',
];

/** 16-bit PCM WAV (espeak-ng's output) to samples from −1 to 1; espeak-ng streams, so the data runs to the end. */
function decodeWav(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sampleRate = view.getUint32(24, true);
  const samples = new Float32Array(Math.floor((bytes.length - 44) / 2));
  for (let i = 0; i < samples.length; i++) samples[i] = view.getInt16(44 + 2 * i, true) / 32768;
  return { samples, sampleRate };
}

/** The story read by espeak-ng, sentence by sentence with 0.6 s between, repeated to `seconds`; null without espeak-ng. */
function spokenStory(seconds) {
  const parts = [];
  let rate = 0;
  let length = 0;
  for (let i = 0; rate === 0 || length < seconds * rate; i++) {
    const run = spawnSync('espeak-ng', ['--stdout', '-v', 'en', '-s', '150', STORY[i % STORY.length]], { maxBuffer: 64 << 20 });
    if (run.status !== 0 || run.error) return null;
    const audio = decodeWav(run.stdout);
    rate = audio.sampleRate;
    parts.push(audio.samples, new Float32Array(Math.round(0.6 * rate)));
    length += audio.samples.length + Math.round(0.6 * rate);
  }
  const samples = new Float32Array(Math.round(seconds * rate));
  let at = 0;
  for (const part of parts) {
    if (at >= samples.length) break;
    samples.set(part.subarray(0, samples.length - at), at);
    at += part.length;
  }
  return { samples, sampleRate: rate, source: 'espeak-ng at 150 words a minute' };
}

/** A voice-like stand-in: a 120 Hz buzz swelling four times a second, with a 0.6 s pause every 4 s. */
function syntheticStory(seconds, sampleRate = 22050) {
  const samples = new Float32Array(Math.round(seconds * sampleRate));
  for (let i = 0; i < samples.length; i++) {
    const t = i / sampleRate;
    const speaking = t % 4 < 3.4;
    samples[i] = speaking ? 0.4 * Math.sin(Math.PI * 4 * t) ** 2 * Math.sign(Math.sin(2 * Math.PI * 120 * t)) : 0;
  }
  return { samples, sampleRate, source: 'a synthetic voice (espeak-ng not found)' };
}

/** Linear resampling: enough for timing, which is all this is for. */
function resample({ samples, sampleRate }, rate) {
  const out = new Float32Array(Math.round((samples.length * rate) / sampleRate));
  for (let i = 0; i < out.length; i++) {
    const x = (i * sampleRate) / rate;
    const j = Math.floor(x);
    out[i] = (samples[j] ?? 0) + ((samples[j + 1] ?? 0) - (samples[j] ?? 0)) * (x - j);
  }
  return out;
}

const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
const story = spokenStory(SECONDS) ?? syntheticStory(SECONDS);
console.log(`\nDelivery measures on a ${SECONDS}-second answer (${story.source}), median of ${RUNS} runs after warm-up, one core`);
console.log('sample rate   median    p95     per second of audio (target < 50 ms)   syllables  pauses');
for (const rate of [48000, 44100, 16000]) {
  const samples = resample(story, rate);
  for (let i = 0; i < 3; i++) measureDelivery(samples, rate);
  const times = [];
  let measures;
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    measures = measureDelivery(samples, rate);
    times.push(performance.now() - started);
  }
  const median = quantile(times, 0.5);
  const perSecond = median / SECONDS;
  console.log(
    `${String(rate).padStart(6)} Hz  ${median.toFixed(1).padStart(6)} ms ${quantile(times, 0.95).toFixed(1).padStart(6)} ms   ${perSecond.toFixed(2).padStart(6)} ms (${(perSecond / 50).toFixed(3)}× the target)          ${String(measures.syllables).padStart(6)}  ${String(measures.pauses.count).padStart(6)}`,
  );
}
