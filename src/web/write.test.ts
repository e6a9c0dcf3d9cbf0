import { describe, expect, it } from 'vitest';
import { afterSave, KeyedWriter } from './write.js';

function counter(): () => string {
  let n = 0;
  return () => `key-${++n}`;
}

describe('KeyedWriter', () => {
  it('ignores a second submit while the first is in flight', async () => {
    const writer = new KeyedWriter(counter());
    const sent: string[] = [];
    let finish!: (value: string) => void;
    const first = writer.run({ title: 'A' }, (key) => { sent.push(key); return new Promise<string>((resolve) => { finish = resolve; }); });
    expect(writer.busy).toBe(true);
    expect(await writer.run({ title: 'A' }, async (key) => { sent.push(key); return 'twice'; })).toBeNull();
    finish('saved');
    expect(await first).toEqual({ result: 'saved' });
    expect(sent).toEqual(['key-1']);
    expect(writer.busy).toBe(false);
  });

  it('retries a failed write with the same key, so a save the server made is not made twice', async () => {
    const writer = new KeyedWriter(counter());
    const sent: string[] = [];
    await expect(writer.run({ title: 'A' }, async (key) => { sent.push(key); throw new Error('offline'); })).rejects.toThrow('offline');
    await writer.run({ title: 'A' }, async (key) => sent.push(key));
    // After a success the next write is a new one.
    await writer.run({ title: 'A' }, async (key) => sent.push(key));
    expect(sent).toEqual(['key-1', 'key-1', 'key-2']);
  });

  it('gives a changed body after a failure a new key', async () => {
    const writer = new KeyedWriter(counter());
    const sent: string[] = [];
    await expect(writer.run({ title: 'A' }, async (key) => { sent.push(key); throw new Error('offline'); })).rejects.toThrow();
    await writer.run({ title: 'A, fixed' }, async (key) => sent.push(key));
    expect(sent).toEqual(['key-1', 'key-2']);
  });
});

describe('afterSave', () => {
  it('empties the fields as they were submitted and keeps what was typed during a slow save', () => {
    const empty = { title: '', text: '' };
    expect(afterSave({ title: 'First', text: 'Story one' }, { title: 'First', text: 'Story one' }, empty)).toEqual(empty);
    expect(afterSave({ title: 'Second', text: 'Story one' }, { title: 'First', text: 'Story one' }, empty)).toEqual({ title: 'Second', text: '' });
  });
});
