import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { IdSet, fnv1a } from './idSet';

/** Adds every id to an IdSet and to a Set; returns the positions each said were duplicates. */
function duplicatesOf(ids: readonly string[], hash?: (text: string) => number): { ours: number[]; reference: number[] } {
  const set = new IdSet([], hash);
  const reference = new Set<string>();
  const ours: number[] = [], expected: number[] = [];
  ids.forEach((id, i) => {
    if (!set.add(id)) ours.push(i);
    if (reference.has(id)) expected.push(i);
    reference.add(id);
  });
  expect(set.size).toBe(reference.size);
  return { ours, reference: expected };
}

describe('IdSet', () => {
  test('reports exactly the repeated ids, in order', () => {
    const ids = ['r1', 'r2', 'r1', 'R1', 'r2 ', 'r2', 'r10', 'r1'];
    const { ours, reference } = duplicatesOf(ids);
    expect(ours).toEqual([2, 5, 7]);
    expect(ours).toEqual(reference);
  });

  test('every id hashing alike: duplicates still found and distinct ids still told apart', () => {
    for (const hash of [() => 0, () => 0xffffffff, (t: string) => t.length]) {
      const ids = ['a', 'b', 'ab', 'a', 'ba', 'b', '', 'ab', '', 'é', 'e', 'é', 'ā', 'Ā', 'ā'];
      const { ours, reference } = duplicatesOf(ids, hash);
      expect(ours).toEqual([3, 5, 7, 8, 11, 14]);
      expect(ours).toEqual(reference);
    }
  });

  test('ids whose bytes coincide across one- and two-byte storage are different ids', () => {
    // "Ā" (U+0100) is stored as the bytes 00 01; "\u0000\u0001" is stored as the same two bytes, one per character.
    for (const hash of [undefined, () => 7]) {
      const set = new IdSet([], hash);
      expect(set.add('Ā')).toBe(true);
      expect(set.add('\u0000\u0001')).toBe(true);
      expect(set.has('Ā')).toBe(true);
      expect(set.has('\u0000\u0001')).toBe(true);
      expect(set.has('\u0001')).toBe(false);
      expect(set.size).toBe(2);
    }
  });

  test('two ids with the same FNV-1a hash are told apart', () => {
    // Found by hashing R_0, R_1, … (base 36) until two collided.
    const [a, b] = ['R_2pf8', 'R_jrj6'];
    expect(fnv1a(a)).toBe(fnv1a(b));
    const set = new IdSet([a]);
    expect(set.has(b)).toBe(false);
    expect(set.add(b)).toBe(true);
    expect(set.add(a)).toBe(false);
    expect(set.add(b)).toBe(false);
    expect(set.size).toBe(2);
  });

  test('holds its ids through growth (200,000 ids, a tenth repeated)', () => {
    const set = new IdSet();
    const id = (i: number) => `R_${i.toString(36).padStart(15, '0')}`;
    let added = 0, repeated = 0;
    for (let i = 0; i < 200_000; i++) if (set.add(id(i))) added += 1;
    for (let i = 0; i < 200_000; i += 10) if (!set.add(id(i))) repeated += 1;
    expect([added, repeated, set.size]).toEqual([200_000, 20_000, 200_000]);
    expect([set.has(id(0)), set.has(id(199_999)), set.has(id(200_000))]).toEqual([true, true, false]);
  });

  test('starts from existing ids (an appended wave), skipping missing ones', () => {
    const set = new IdSet(['r1', null, 'r2', 'r1']);
    expect(set.size).toBe(2);
    expect(set.add('r2')).toBe(false);
    expect(set.add('r3')).toBe(true);
  });

  test('agrees with Set on any sequence of ids, with a real and with a colliding hash', () => {
    const id = fc.oneof(fc.string({ maxLength: 6 }), fc.array(fc.constantFrom('a', 'b', 'c', 'é', 'Ā', 'ā', '\u0000', '\u0001'), { maxLength: 4 }).map((cs) => cs.join('')), fc.constantFrom('r1', 'r2', 'Ā', '\u0000\u0001'));
    fc.assert(fc.property(fc.array(id, { maxLength: 80 }), fc.integer({ min: 0, max: 3 }), (ids, buckets) => {
      const { ours, reference } = duplicatesOf(ids, buckets === 0 ? undefined : (t) => t.length % buckets);
      expect(ours).toEqual(reference);
    }));
  });

  test('hands back each id in the order added, wide and narrow, long and empty', () => {
    const ids = ['r1', '', 'Ā', '\u0000\u0001', 'é', '日本', 'x'.repeat(20_000) + 'Ā', 'R_jrj6', 'R_2pf8'];
    const set = new IdSet();
    for (const id of [...ids, 'r1', 'Ā']) set.add(id);
    expect(Array.from({ length: set.size }, (_, i) => set.idAt(i))).toEqual(ids);
    expect(() => set.idAt(ids.length)).toThrow(RangeError);
    expect(() => set.idAt(-1)).toThrow(RangeError);
  });
});
