import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { deterministicRevision } from './revisionId';
import { memoryPouch } from './pouch';

// The reference: PouchDB's own deterministic revision function.
const pouchRev = (createRequire(import.meta.url)('pouchdb-utils') as { rev(doc: unknown, deterministic: boolean): string }).rev;
const original = (doc: Record<string, unknown>): string => {
  const copy: Record<string, unknown> = Object.assign({}, doc);
  delete copy._rev_tree;
  // Computed the way pouchdb-utils does, independent of any patch applied to its export.
  return (createRequire(import.meta.url)('pouchdb-md5') as { stringMd5(s: string): string }).stringMd5(JSON.stringify(copy));
};

const big = (unit: string): string => unit.repeat(Math.ceil(70_000 / unit.length));
const texts = [
  big('plain ascii text, the customer waited on hold. '),
  big('é'),
  big('中文'),
  big('😀'),
  big('a\u2028b\u00ffc\u0100'),
  `${big('x')}"quoted"`,
  `${big('x')}back\\slash\n`,
  `${big('x')}\ud800`,
  `\udc00${big('x')}`,
];

describe('deterministicRevision', () => {
  test('equals PouchDB’s md5 revision for large and small documents of every shape', () => {
    const docs: Record<string, unknown>[] = [{ _id: 'a', name: 'small' }, { _id: 'b', _rev: '1-x', _rev_tree: [{ pos: 1 }], n: -0, list: [1, null, 'two'] }];
    for (const text of texts) {
      docs.push(
        { _id: 'v1', _rev: '3-abc', _rev_tree: [{ pos: 1, ids: ['x', {}, []] }], snapshot: { id: 'p1', notes: text, tags: ['a'] }, createdAt: 1.5e12 },
        { _id: 'v2', nested: [[text], { deep: [1, null, true, text.slice(0, 3000)] }], text, gone: undefined, fn: () => 1, when: new Date(0) },
      );
    }
    for (const doc of docs) {
      expect(deterministicRevision(doc)).toBe(original(doc));
      expect(deterministicRevision(doc)).toBe(pouchRev(doc, true));
    }
  });

  test('does not change the document it hashes', () => {
    const doc = { _id: 'v', _rev_tree: [1], notes: big('n') };
    deterministicRevision(doc);
    expect(doc._rev_tree).toEqual([1]);
  });

  test('the server’s PouchDB gives a large write this id (pouch.ts installs it)', async () => {
    const db = new (memoryPouch())(`revision-${Date.now()}`);
    const doc = { _id: 'v1', snapshot: { notes: big('é interview ') } };
    const [first] = (await db.bulkDocs([{ ...doc }])) as { rev: string }[];
    expect(first!.rev).toBe(`1-${original(doc)}`);
    const edited = { ...doc, _rev: first!.rev, summary: 'edited' };
    const [second] = (await db.bulkDocs([{ ...edited }])) as { rev: string }[];
    expect(second!.rev).toBe(`2-${original(edited)}`);
    await db.destroy();
  });
});
