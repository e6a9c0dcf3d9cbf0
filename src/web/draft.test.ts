import { describe, expect, it } from 'vitest';
import { clearDraft, mayReplace, readDraft, writeDraft } from './draft.js';
import type { DraftStorage } from './draft.js';

function memoryStorage(): DraftStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value), removeItem: (key) => void items.delete(key) };
}

const EMPTY = { question: '', answer: '', companyName: '' };

describe('drafts', () => {
  it('keep each page\'s fields until they are cleared', () => {
    const storage = memoryStorage();
    writeDraft('analyze', { question: 'Why us?', answer: 'Line one\nline two', companyName: 'Fernway' }, storage);
    writeDraft('practice.7.0', { answer: 'My answer so far' }, storage);
    expect(readDraft('analyze', EMPTY, storage)).toEqual({ question: 'Why us?', answer: 'Line one\nline two', companyName: 'Fernway' });
    expect(readDraft('practice.7.0', { answer: '' }, storage)).toEqual({ answer: 'My answer so far' });
    clearDraft('analyze', storage);
    expect(readDraft('analyze', EMPTY, storage)).toEqual(EMPTY);
    expect(readDraft('practice.7.0', { answer: '' }, storage)).toEqual({ answer: 'My answer so far' });
  });

  it('drop an all-empty draft instead of keeping it', () => {
    const storage = memoryStorage();
    writeDraft('analyze', { question: 'Why us?', answer: '', companyName: '' }, storage);
    writeDraft('analyze', EMPTY, storage);
    expect(storage.items.size).toBe(0);
  });

  it('read a damaged or older draft field by field, never failing', () => {
    const storage = memoryStorage();
    storage.setItem('starl.draft.analyze', '{"question": "Why us?", "answer": 42, "extra": "x"}');
    expect(readDraft('analyze', EMPTY, storage)).toEqual({ question: 'Why us?', answer: '', companyName: '' });
    storage.setItem('starl.draft.analyze', '{not json');
    expect(readDraft('analyze', EMPTY, storage)).toEqual(EMPTY);
  });

  it('let the page work on when the storage refuses to keep anything', () => {
    const full: DraftStorage = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); }, removeItem: () => undefined };
    expect(() => writeDraft('analyze', { question: 'Why us?' }, full)).not.toThrow();
    expect(readDraft('analyze', EMPTY, null)).toEqual(EMPTY);
  });
});

describe('mayReplace', () => {
  it('replaces an empty or identical draft without asking, and asks before dropping typed text', () => {
    const asked: string[] = [];
    const ask = (question: string) => (asked.push(question), false);
    expect(mayReplace({ question: '', answer: '' }, { question: 'Why us?', answer: 'Because.' }, ask)).toBe(true);
    expect(mayReplace({ question: 'Why us?', answer: 'Because.' }, { question: 'Why us?', answer: 'Because.' }, ask)).toBe(true);
    expect(asked).toEqual([]);
    expect(mayReplace({ question: 'Why us?', answer: 'My own words' }, { question: 'Why us?', answer: 'Because.' }, ask)).toBe(false);
    expect(asked).toHaveLength(1);
  });
});
