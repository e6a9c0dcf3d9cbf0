import { describe, expect, it } from 'vitest';
import type { Me } from './api.js';
import { canCoach, isCandidate } from './me.js';

const signedIn = (role: 'candidate' | 'coach' | 'admin'): Me => ({ mode: 'multi', user: { id: 1, email: 'a@example.org', name: 'A', role }, csrfToken: 't' });

describe('who sees what', () => {
  it('shows the coach\'s dashboard to coaches and admins only, and only when signed in to a multi-user server', () => {
    expect([signedIn('coach'), signedIn('admin'), signedIn('candidate'), { mode: 'multi', user: null }, { mode: 'single' }].map((me) => canCoach(me as Me))).toEqual([true, true, false, false, false]);
  });

  it('reads coach comments only for a signed-in candidate', () => {
    expect([signedIn('candidate'), signedIn('coach'), { mode: 'multi', user: null }, { mode: 'single' }].map((me) => isCandidate(me as Me))).toEqual([true, false, false, false]);
  });
});
