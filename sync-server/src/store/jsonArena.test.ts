import { describe, expect, test } from 'vitest';
import { JsonArena, largeValueChars } from './jsonArena';

/** The reference: what PouchDB stored before, as UTF-8. */
const reference = (value: unknown): Buffer => Buffer.from(JSON.stringify(value));
const bytes = (encoded: string | Buffer): Buffer => (typeof encoded === 'string' ? Buffer.from(encoded) : encoded);

const big = (unit: string): string => unit.repeat(Math.ceil((largeValueChars + 10) / unit.length));

/** Long texts with what JSON.stringify treats specially, alone and mixed into plain text. */
const texts = [
  big('plain ascii text, the customer waited on hold. '),
  big('é'), // 2-byte UTF-8
  big('中文'), // 3-byte
  big('😀'), // surrogate pair, 4-byte
  big('a\u2028b\u2029c\u007f'), // not escaped by JSON.stringify
  `${big('x')}"quoted"`,
  `${big('x')}back\\slash`,
  `${big('x')}\n\t\r\u0000\u001f`,
  `${big('x')}\ud800`, // lone high surrogate at the end
  `\udc00${big('x')}`, // lone low surrogate at the start
  `${big('x')}\udbff\udfffok`, // the last valid pair
  `${big('x')}\ud83d\ud83d\ude00`, // a lone high surrogate before a pair
];

describe('JsonArena', () => {
  test('writes exactly the bytes of JSON.stringify for large documents of every shape', () => {
    const arena = new JsonArena();
    const values: unknown[] = [];
    for (const text of texts) {
      values.push(
        { _id: 'v1', _rev: '2-abc', snapshot: { id: 'p1', notes: text, tags: ['a', 'b'] }, number: 1, createdAt: 1.5e12 },
        { nested: [[text], { deep: { deeper: [1, null, true, text.slice(0, 2000)] } }], text },
        [text, 0, -0, 1e21, Number.NaN, Number.POSITIVE_INFINITY, false, null],
      );
    }
    // Members JSON.stringify leaves out or writes as null; keys that need escapes; a Date (toJSON).
    values.push(
      { a: undefined, b: () => 1, c: Symbol('s'), 'k"e\\y\n': big('v'), d: [undefined, () => 1, Symbol('t')], e: new Date(0), f: big('w') },
      Object.assign(Object.create(null) as object, { text: big('z'), '2': 'two', '1': 'one' }),
      { many: Array.from({ length: 300 }, (_, i) => ({ i, s: `row ${i} ${'r'.repeat(400)}` })) },
    );
    // Encoded one after another as one batch: earlier views must survive later encodes.
    const encoded = values.map((v) => arena.encode(v));
    encoded.forEach((e, i) => expect(bytes(e).equals(reference(values[i])), `value ${i}`).toBe(true));
    expect(encoded.filter((e) => typeof e !== 'string').length).toBeGreaterThan(30);
  });

  test('small documents and non-objects are left to JSON.stringify, as strings', () => {
    const arena = new JsonArena();
    for (const value of [{ _id: 'a', name: 'Dana' }, { text: 'x'.repeat(largeValueChars - 100) }, 'a string', 42, null, [1, 2]]) {
      expect(arena.encode(value)).toBe(JSON.stringify(value));
    }
  });

  test('a batch larger than the arena moves to a larger one, and views handed out stay intact', () => {
    const arena = new JsonArena();
    // ~12 MB in one batch: the 1 MB arena is outgrown several times mid-batch.
    const values = Array.from({ length: 60 }, (_, i) => ({ _id: `v${i}`, notes: `${i} ${big('growing arena text ')}`.repeat(3) }));
    const encoded = values.map((v) => arena.encode(v));
    encoded.forEach((e, i) => expect(bytes(e).equals(reference(values[i])), `value ${i}`).toBe(true));
  });

  test('after a release the arena is reused: the next batch overwrites the last one', () => {
    const arena = new JsonArena();
    const first = arena.encode({ notes: big('a') }) as Buffer;
    arena.release();
    const second = arena.encode({ notes: big('b') }) as Buffer;
    expect(second.buffer).toBe(first.buffer);
    expect(second.byteOffset).toBe(first.byteOffset);
    expect(second.equals(reference({ notes: big('b') }))).toBe(true);
  });

  test('a cycle throws as JSON.stringify does', () => {
    const arena = new JsonArena();
    const cyclic: Record<string, unknown> = { notes: big('c') };
    cyclic.self = cyclic;
    expect(() => arena.encode(cyclic)).toThrow(TypeError);
  });
});
