import { describe, expect, it } from 'vitest';
import { deliveryAdvice, measureDelivery, type DeliveryMeasures } from '../delivery/index.js';
import { join, RATE, silence, tone } from '../../test/support/audio.js';
import { deliveryRows, starPartSeconds } from './delivery-view.js';

/** A recorded answer of `seconds`: half-second bursts with a half-second pause after each, and a transcript of `words` words. */
function recorded(seconds: number, words: number | null, fillers = ''): DeliveryMeasures {
  const bursts = Array.from({ length: Math.floor(seconds) }, () => [tone(0.5), silence(0.5)]).flat();
  const text = words === null ? undefined : { text: `${fillers}${Array(words).fill('word').join(' ')}` };
  return measureDelivery(join(silence(0.3), ...bursts, tone(0.5), silence(0.3)), RATE, text);
}

const rowsOf = (measures: DeliveryMeasures, questionType: 'behavioral' | 'motivation' = 'behavioral') =>
  Object.fromEntries(deliveryRows(measures, deliveryAdvice(measures, { report: { questionType, balance: null } }), questionType).map((row) => [row.id, row]));

describe('deliveryRows', () => {
  it('shows each measure with the range interviewers expect, and says which are out of range', () => {
    // 100.5 s with 240 words: 143 words a minute, a pause every second (many is fine), half of it silent.
    const rows = rowsOf(recorded(100, 240));
    expect(rows.pace).toMatchObject({ label: 'Pace', expected: '120–160', ok: true });
    expect(rows.pace!.value).toMatch(/^14\d words a minute$/);
    expect(rows.length).toMatchObject({ label: 'Length of the story', value: '1:41', expected: '1:30–2:00', ok: true });
    expect(rows.pauses).toMatchObject({ label: 'Pauses (0.25 s or longer)', value: '100 pauses, 59.7 a minute; longest 0.5 s', ok: true });
    expect(rows.silence).toMatchObject({ expected: 'at most 40%', ok: false });
    expect(rows.silence!.value).toMatch(/^(49|50)% of the answer$/);
    expect(rows.fillers).toMatchObject({ value: 'none', expected: null, ok: null });
    expect(rows.syllables!.value).toMatch(/^101: 1\.0 a second, 2\.0 while speaking$/);
  });

  it('holds an answer that is not a story to two minutes, and estimates the pace from syllables without a transcript', () => {
    const rows = rowsOf(recorded(130, null), 'motivation');
    expect(rows.length).toMatchObject({ label: 'Length', expected: 'up to 2:00', ok: false });
    expect(rows.pace!.value).toMatch(/^about \d+ words a minute \(from syllables\)$/);
    expect(rows.pace!.ok).toBe(false);
    expect(rows.fillers!.value).toBe('no transcript to count them in');
  });

  it('lists the fillers heard, most frequent first', () => {
    const rows = rowsOf(recorded(30, 60, 'Um, like, um, you know, '));
    expect(rows.fillers!.value).toBe('“um” ×2, “like” ×1, “you know” ×1; 6.2 per 100 words');
  });
});

describe('starPartSeconds', () => {
  it('gives the parts that took any time, in STAR(L) order, with their share', () => {
    const parts = { seconds: { S: 70.4, T: 0, A: 40, R: 9.6, L: 0, O: 0 }, totalSeconds: 120, situationTaskShare: 0.587, sentences: [] };
    expect(starPartSeconds(parts)).toEqual([
      { label: 'S', seconds: 70, share: 70.4 / 120 },
      { label: 'A', seconds: 40, share: 40 / 120 },
      { label: 'R', seconds: 10, share: 9.6 / 120 },
    ]);
  });
});
