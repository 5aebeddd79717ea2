import { describe, expect, test } from 'vitest';
import { cutMessage, limitCounter, pasteOutcome } from './textLimit';

describe('pasteOutcome', () => {
  test('says how much of a paste a limited field drops', () => {
    const r = pasteOutcome({ text: 'x'.repeat(10_000), valueLength: 0, selectionLength: 0, max: 5000, multiline: true });
    expect(r).toEqual({ kept: 5000, cut: 5000, pasted: 10_000 });
    expect(cutMessage(r, 5000)).toBe('5,000 of the 10,000 pasted characters were cut: this field holds 5,000.');
  });

  test('counts what is already there, and the selection the paste replaces', () => {
    expect(pasteOutcome({ text: 'abcdef', valueLength: 8, selectionLength: 0, max: 10, multiline: false })).toMatchObject({ kept: 2, cut: 4 });
    expect(pasteOutcome({ text: 'abcdef', valueLength: 8, selectionLength: 8, max: 10, multiline: false })).toMatchObject({ kept: 6, cut: 0 });
    // A field already over its limit (set by code, not typing) has no room, never negative room.
    expect(pasteOutcome({ text: 'ab', valueLength: 12, selectionLength: 0, max: 10, multiline: false })).toMatchObject({ kept: 0, cut: 2 });
  });

  test('normalises line breaks as the browser does before the limit applies', () => {
    expect(pasteOutcome({ text: 'a\r\nb\r\n', valueLength: 0, selectionLength: 0, max: 4, multiline: true })).toMatchObject({ pasted: 4, cut: 0 });
    expect(pasteOutcome({ text: 'a\r\nb\n', valueLength: 0, selectionLength: 0, max: 2, multiline: false })).toMatchObject({ pasted: 2, cut: 0 });
  });
});

describe('limitCounter', () => {
  test('shows only near the limit', () => {
    expect(limitCounter(3999, 5000)).toBeNull();
    expect(limitCounter(4000, 5000)).toBe('4,000 / 5,000');
    expect(limitCounter(5000, 5000)).toBe('5,000 / 5,000');
    expect(limitCounter(10, 0)).toBeNull();
  });
});
