import { describe, expect, it } from 'vitest';
import { restartBackOff } from './serve.js';

describe('the wait before replacing a dead worker', () => {
  it('doubles while workers die close together, up to 10 s, and starts again after a calm spell', () => {
    let now = 0;
    const next = restartBackOff(() => now);
    const waits = [];
    for (let i = 0; i < 9; i++) {
      waits.push(next());
      now += 1000;
    }
    expect(waits).toEqual([100, 200, 400, 800, 1600, 3200, 6400, 10_000, 10_000]);
    now += 60_000;
    expect(next()).toBe(100);
  });
});
