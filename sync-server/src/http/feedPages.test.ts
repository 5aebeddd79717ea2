import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import type { ChangesOptions } from '../routes/changes';
import { readFeed } from '../routes/changes';
import { readChanges } from '../store/feed';
import type { Doc, PouchDatabase } from '../store/pouch';
import type { Store } from '../store/store';
import { createMemoryStore } from '../store/store';
import { derivePage } from './feedPages';
import type { PageRequest } from './notifier';
import { Notifier } from './notifier';

// Pages answered from another page (feedPages.ts, issue 22) against direct reads of the real
// feed, on random histories with updates, deletions and conflicting branches; then through the
// notifier: fewer reads, the same answers, nothing shared across databases (tenants) or writes.

type Op = { kind: 'put' | 'del'; id: string; v: number } | { kind: 'branch'; id: string; hash: string; deleted: boolean };
const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
const op: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('put' as const), id: fc.constantFrom(...ids), v: fc.integer() }), weight: 6 },
  { arbitrary: fc.record({ kind: fc.constant('del' as const), id: fc.constantFrom(...ids), v: fc.constant(0) }), weight: 2 },
  {
    arbitrary: fc.record({ kind: fc.constant('branch' as const), id: fc.constantFrom(...ids), hash: fc.stringMatching(/^[0-9a-f]{6}$/), deleted: fc.boolean() }),
    weight: 1,
  },
);

async function apply(db: PouchDatabase, ops: Op[]): Promise<void> {
  for (const o of ops) {
    const current = (await db.get(o.id).catch(() => undefined)) as Doc | undefined;
    const rev = current?._rev ? { _rev: current._rev } : {};
    if (o.kind === 'put') await db.put({ _id: o.id, v: o.v, ...rev });
    else if (o.kind === 'del' && current?._rev) await db.put({ _id: o.id, _deleted: true, ...rev });
    else if (o.kind === 'branch') await db.bulkDocs([{ _id: o.id, _rev: `1-${o.hash}`, v: -1, ...(o.deleted ? { _deleted: true } : {}) }], { new_edits: false });
  }
}

const stores: Store[] = [];
afterAll(async () => {
  for (const s of stores) await s.close();
});
let count = 0;
async function freshDb(name = `t${++count}-personas`): Promise<{ db: PouchDatabase; store: Store; name: string }> {
  const store = createMemoryStore();
  stores.push(store);
  await store.create(name);
  const db = await store.open(name);
  if (!db) throw new Error('no db');
  return { db, store, name };
}

const limit = fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined });
const shape = fc.record({ style: fc.constantFrom('main_only' as const, 'all_docs' as const), include_docs: fc.boolean(), conflicts: fc.boolean() });

describe('a page answered from another page', () => {
  test('equals a direct read of the feed, and is given whenever the page reached the end', { timeout: 120_000 }, async () => {
    let derived = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(op, { minLength: 10, maxLength: 40 }),
        shape,
        fc.array(fc.record({ since: fc.nat(25), limit, to: fc.nat(12), toLimit: limit }), { minLength: 1, maxLength: 8 }),
        async (ops, options, queries) => {
          const { db, store, name } = await freshDb();
          await apply(db, ops);
          const raw = store.raw(name)!;
          for (const q of queries) {
            const from = { since: q.since, limit: q.limit };
            const want = { since: q.since + q.to, limit: q.toLimit };
            const page = await readChanges(raw, { ...options, ...from });
            const direct = await readChanges(raw, { ...options, ...want });
            const answer = derivePage(page!, from, want);
            const complete = q.limit === undefined || page!.results.length < q.limit;
            const filled = want.limit !== undefined && page!.results.filter((r) => r.seq > want.since).length >= want.limit;
            const context = JSON.stringify({ from, want, page: page!.last_seq });
            if ((complete && want.since <= page!.last_seq) || filled) expect(answer, context).toBeDefined();
            if (answer) {
              derived++;
              expect(answer, context).toEqual(direct);
            }
          }
          await store.destroy(name);
        },
      ),
      { numRuns: 150 },
    );
    // The property compared something. fast-check draws a new seed each run, so the count varies
    // (185–228 in six runs): 200 as the bound failed a CI run at 188.
    expect(derived).toBeGreaterThan(50);
  });

  test('a page that stopped at its limit does not answer past its last row', () => {
    const page = { results: [{ seq: 3 }, { seq: 5 }], last_seq: 5 };
    expect(derivePage(page, { since: 0, limit: 2 }, { since: 3, limit: 5 })).toBeUndefined();
    expect(derivePage(page, { since: 0, limit: 2 }, { since: 0, limit: 1 })).toEqual({ results: [{ seq: 3 }], last_seq: 3 });
    expect(derivePage(page, { since: 0, limit: 3 }, { since: 5, limit: 5 })).toEqual({ results: [], last_seq: 5 });
    expect(derivePage(page, { since: 0, limit: 3 }, { since: 6, limit: 5 })).toBeUndefined();
    expect(derivePage(page, { since: 2, limit: 3 }, { since: 1, limit: 5 })).toBeUndefined();
  });
});

const options = (since: number, limit?: number): ChangesOptions => ({ since, limit, include_docs: true, conflicts: true, style: 'all_docs', doc_ids: undefined });
const request = (o: ChangesOptions, handle: object): PageRequest => ({ since: o.since, limit: o.limit, shape: JSON.stringify([o.include_docs, o.conflicts, o.style, o.doc_ids]), handle });

describe('the notifier answering from kept pages', () => {
  test('longpolls woken at many since values share a few reads and get what a direct read gets', async () => {
    const { db, store, name } = await freshDb('acme-personas');
    await apply(db, Array.from({ length: 60 }, (_, i) => ({ kind: 'put', id: ids[i % ids.length]!, v: i }) as Op));
    const notifier = new Notifier();
    let reads = 0;
    const ask = (o: ChangesOptions) =>
      notifier.page(name, request(o, db), (range) => {
        reads++;
        return readFeed(db, store.raw(name), { ...o, ...range });
      });
    // The laptops at the lowest since ask first, as after a write; 200 requests at 50 sinces.
    const sinces = Array.from({ length: 200 }, (_, i) => 10 + (i % 50));
    const answers = await Promise.all(sinces.map((since) => ask(options(since, 100))));
    for (const [i, since] of sinces.entries()) {
      expect(String(answers[i]!.text), String(since)).toBe(JSON.stringify(await readChanges(store.raw(name)!, options(since, 100))) + '\n');
    }
    expect(reads).toBe(1);
    // A write drops them: the next answers include it.
    await db.put({ _id: 'new', v: 1 });
    notifier.notify(name);
    const after = await ask(options(40, 100));
    expect(String(after.text)).toContain('"id":"new"');
    expect(reads).toBe(2);
  });

  test('a request waits for a lower page being read, and reads itself when that page stops short', async () => {
    const { db, store, name } = await freshDb();
    await apply(db, Array.from({ length: 20 }, (_, i) => ({ kind: 'put', id: `${i}`, v: i }) as Op));
    const notifier = new Notifier();
    let reads = 0;
    const held: (() => void)[] = [];
    const ask = (o: ChangesOptions) =>
      notifier.page(name, request(o, db), async (range) => {
        reads++;
        await new Promise<void>((resolve) => held.push(resolve));
        return readFeed(db, store.raw(name), { ...o, ...range });
      });
    const low = ask(options(2, 5));
    const covered = ask(options(4, 2));
    const beyond = ask(options(12, 5));
    await new Promise((resolve) => setImmediate(resolve));
    expect(reads).toBe(1);
    held.shift()!();
    await low;
    // The page from 2 stopped at 7 (limit 5): it answers since 4 limit 2, not since 12.
    expect(String((await covered).text)).toBe(JSON.stringify(await readChanges(store.raw(name)!, options(4, 2))) + '\n');
    await new Promise((resolve) => setImmediate(resolve));
    expect(reads).toBe(2);
    held.shift()!();
    expect(String((await beyond).text)).toBe(JSON.stringify(await readChanges(store.raw(name)!, options(12, 5))) + '\n');
  });

  test('a page is never shared across databases or tenants', async () => {
    const notifier = new Notifier();
    const dbs = await Promise.all(['acme-personas', 'beta-personas', 'acme-journeys'].map((name) => freshDb(name)));
    for (const [i, { db }] of dbs.entries()) await apply(db, Array.from({ length: 10 + i * 3 }, (_, n) => ({ kind: 'put', id: `${i}-${n % 4}`, v: n }) as Op));
    // All at once, so requests meet pages being read as well as pages kept.
    const asked = [0, 3, 6].flatMap((since) => dbs.map(({ db, store, name }) => ({ since, db, store, name })));
    const pages = await Promise.all(asked.map(({ since, db, store, name }) => notifier.page(name, request(options(since), db), (range) => readFeed(db, store.raw(name), { ...options(since), ...range }))));
    for (const [i, { since, store, name }] of asked.entries()) {
      expect(String(pages[i]!.text), `${name} ${since}`).toBe(JSON.stringify(await readChanges(store.raw(name)!, options(since))) + '\n');
    }
  });
});
