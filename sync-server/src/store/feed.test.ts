import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { canReadFast, readChanges } from './feed';
import { feedText } from './storedJson';
import type { Doc, PouchDatabase } from './pouch';
import type { Store } from './store';
import { createLevelStore, createMemoryStore } from './store';

// The fast change feed against its reference, PouchDB's own changes(), on random histories:
// updates, deletions, conflicting branches written replicator-style (so the latest write is not
// always the winner), deleted winners, local documents, any since/limit/style/include_docs.

type Op =
  | { kind: 'put'; id: string; v: number }
  | { kind: 'del'; id: string }
  | { kind: 'branch'; id: string; pos: number; hash: string; deleted: boolean }
  | { kind: 'local'; v: number };

const ids = ['a', 'b', 'c', 'd', 'e/1', 'é'];
const op: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('put' as const), id: fc.constantFrom(...ids), v: fc.integer() }), weight: 5 },
  { arbitrary: fc.record({ kind: fc.constant('del' as const), id: fc.constantFrom(...ids) }), weight: 2 },
  {
    arbitrary: fc.record({
      kind: fc.constant('branch' as const),
      id: fc.constantFrom(...ids),
      pos: fc.integer({ min: 1, max: 4 }),
      hash: fc.stringMatching(/^[0-9a-f]{6}$/),
      deleted: fc.boolean(),
    }),
    weight: 2,
  },
  { arbitrary: fc.record({ kind: fc.constant('local' as const), v: fc.integer() }), weight: 1 },
);

async function apply(db: PouchDatabase, ops: Op[]): Promise<void> {
  for (const o of ops) {
    if (o.kind === 'local') {
      const old = (await db.get('_local/x').catch(() => undefined)) as Doc | undefined;
      await db.put({ _id: '_local/x', v: o.v, ...(old?._rev ? { _rev: old._rev } : {}) });
      continue;
    }
    const current = (await db.get(o.id).catch(() => undefined)) as Doc | undefined;
    // Text that a scan of the stored JSON must step over: quotes, escapes, braces, a key named _id.
    const note = `say "}{" \\ ${o.kind === 'put' ? o.v : ''} \u2028 ]`;
    if (o.kind === 'put') await db.put({ _id: o.id, v: o.v, nested: { list: [o.v, String(o.v), { _id: note }], note }, ...(current?._rev ? { _rev: current._rev } : {}) });
    else if (o.kind === 'del' && current?._rev) await db.put({ _id: o.id, _rev: current._rev, _deleted: true, v: 0 });
    else if (o.kind === 'branch') await db.bulkDocs([{ _id: o.id, _rev: `${o.pos}-${o.hash}`, v: -1, ...(o.deleted ? { _deleted: true } : {}) }], { new_edits: false });
  }
}

const query = fc.record({
  since: fc.integer({ min: 0, max: 40 }),
  limit: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
  style: fc.constantFrom('main_only' as const, 'all_docs' as const),
  include_docs: fc.boolean(),
  conflicts: fc.boolean(),
});

const stores: Store[] = [];
const dirs: string[] = [];
afterAll(async () => {
  for (const s of stores) await s.close();
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

let count = 0;
async function freshDb(kind: 'memory' | 'level'): Promise<{ db: PouchDatabase; store: Store; name: string }> {
  if (kind === 'level') dirs.push(await mkdtemp(join(tmpdir(), 'cx-feed-')));
  const store = kind === 'memory' ? createMemoryStore() : createLevelStore(dirs[dirs.length - 1]!);
  stores.push(store);
  const name = `feed${++count}-personas`;
  await store.create(name);
  const db = await store.open(name);
  if (!db) throw new Error('no db');
  return { db, store, name };
}

describe('the fast change feed', () => {
  for (const kind of ['memory', 'level'] as const) {
    test(`answers exactly what PouchDB's changes() answers (${kind})`, { timeout: 120_000 }, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(op, { minLength: 0, maxLength: 30 }), fc.array(query, { minLength: 1, maxLength: 6 }), async (ops, queries) => {
          const { db, store, name } = await freshDb(kind);
          await apply(db, ops);
          const raw = store.raw(name);
          expect(raw).toBeDefined();
          for (const q of queries) {
            const reference = await db.changes({ ...q, return_docs: true, ...(q.limit === undefined ? {} : { limit: q.limit }) });
            const fast = await readChanges(raw!, q);
            expect(fast, JSON.stringify(q)).toEqual({ results: reference.results, last_seq: reference.last_seq });
            // Bodies kept as their stored bytes make the same JSON answer.
            const asText = await readChanges(raw!, { ...q, asText: true });
            expect(asText && String(feedText(asText)), JSON.stringify(q)).toBe(JSON.stringify(fast) + '\n');
          }
          await store.destroy(name);
        }),
        { numRuns: kind === 'memory' ? 60 : 30 },
      );
    });
  }

  test('pages through a feed the way a puller does, ending on the same last_seq', async () => {
    const { db, store, name } = await freshDb('memory');
    await db.bulkDocs(Array.from({ length: 2500 }, (_, i) => ({ _id: `d${i}`, n: i })));
    await apply(db, Array.from({ length: 200 }, (_, i) => ({ kind: 'put', id: `d${i * 7}`, v: i }) as Op));
    const seen = new Set<string>();
    let since = 0;
    for (;;) {
      const page = await readChanges(store.raw(name)!, { since, limit: 1000, style: 'all_docs', include_docs: true });
      if (!page || page.results.length === 0) break;
      for (const row of page.results) seen.add(row.id);
      since = page.last_seq;
    }
    expect(seen.size).toBe(2500);
    expect(since).toBe((await db.changes({ since: 0, return_docs: true })).last_seq);
  });

  test('a since past the end, up to the largest the route accepts, answers an empty page like PouchDB', async () => {
    const { db, store, name } = await freshDb('memory');
    await db.bulkDocs([{ _id: 'x' }, { _id: 'y' }]);
    for (const since of [2, 3, 10 ** 15, Number.MAX_SAFE_INTEGER]) {
      const q = { since, limit: 5, style: 'all_docs' as const, include_docs: true };
      const reference = await db.changes({ ...q, return_docs: true });
      expect(await readChanges(store.raw(name)!, q), String(since)).toEqual({ results: reference.results, last_seq: reference.last_seq });
    }
  });

  test('filters are left to PouchDB; conflicts are read here', () => {
    expect(canReadFast({ doc_ids: undefined })).toBe(true);
    expect(canReadFast({ doc_ids: ['a'] })).toBe(false);
  });

  for (const kind of ['memory', 'level'] as const) {
    test(`large bodies served as their stored bytes are the parsed answer: unicode, escapes, conflicts, deletions (${kind})`, async () => {
      const { db, store, name } = await freshDb(kind);
      const note = (n: number) => `${'Interview — «é€😀» "quoted" \\ back\nslash '.repeat(600)}${n}`;
      await db.bulkDocs(Array.from({ length: 6 }, (_, i) => ({ _id: `v${i}/ü`, note: note(i), nested: { _id: 'not me', list: [i, '}'] } })));
      await db.bulkDocs([{ _id: 'v1/ü', _rev: '1-ffffffffffffffffffffffffffffffff', note: note(99) }, { _id: 'v2/ü', _rev: '1-00000000000000000000000000000000', note: note(98) }], { new_edits: false });
      const second = (await db.get('v3/ü')) as Doc;
      await db.put({ ...second, _deleted: true });
      const raw = store.raw(name)!;
      for (const q of [{ since: 0, limit: undefined, style: 'all_docs' as const, include_docs: true, conflicts: true }, { since: 2, limit: 3, style: 'main_only' as const, include_docs: true, conflicts: false }]) {
        const reference = await db.changes({ ...q, return_docs: true, ...(q.limit === undefined ? {} : { limit: q.limit }) });
        const fast = await readChanges(raw, q);
        expect(fast, JSON.stringify(q)).toEqual({ results: reference.results, last_seq: reference.last_seq });
        const page = feedText((await readChanges(raw, { ...q, asText: true }))!);
        expect(String(page)).toBe(JSON.stringify(fast) + '\n');
        expect(page.length).toBe(Buffer.byteLength(String(page)));
      }
      expect(JSON.stringify(await readChanges(raw, { since: 0, limit: undefined, style: 'all_docs', include_docs: true, conflicts: true }))).toContain('"_conflicts":["1-');
    });
  }

  test('a document with conflicting leaves carries _conflicts with the losing non-deleted leaves', async () => {
    const { db, store, name } = await freshDb('memory');
    await db.bulkDocs([{ _id: 'p', _rev: '1-aaa', v: 1 }, { _id: 'p', _rev: '1-bbb', v: 2 }, { _id: 'p', _rev: '1-ccc', _deleted: true }], { new_edits: false });
    const page = await readChanges(store.raw(name)!, { since: 0, limit: 10, style: 'all_docs', include_docs: true, conflicts: true });
    expect(page?.results[0]?.doc).toMatchObject({ _id: 'p', _rev: '1-bbb', _conflicts: ['1-aaa'] });
  });
});
