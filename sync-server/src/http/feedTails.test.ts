import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import type { ChangesOptions } from '../routes/changes';
import { readFeed } from '../routes/changes';
import { readChanges } from '../store/feed';
import type { Doc, PouchDatabase } from '../store/pouch';
import type { Store } from '../store/store';
import { createMemoryStore } from '../store/store';
import type { PageRange } from './feedPages';
import { derivePage, extendTail } from './feedPages';
import { Notifier } from './notifier';

// The notifier's tails (feedPages.ts extendTail): a complete page kept across writes and brought
// up to date by a read of what was written since, checked against direct reads of the real feed.

const stores: Store[] = [];
afterAll(async () => {
  for (const s of stores) await s.close();
});
async function freshStore(name: string): Promise<{ db: PouchDatabase; store: Store }> {
  const store = createMemoryStore();
  stores.push(store);
  await store.create(name);
  return { db: (await store.open(name))!, store };
}

const options = (since: number, limit?: number): ChangesOptions => ({ since, limit, include_docs: true, conflicts: true, style: 'all_docs', doc_ids: undefined });
const shape = JSON.stringify([true, true, 'all_docs', undefined]);
const direct = async (store: Store, name: string, since: number, limit?: number) => JSON.stringify(await readChanges(store.raw(name)!, options(since, limit))) + '\n';

/** A write of one of a few documents: new version, deletion, or a conflicting branch. */
async function write(db: PouchDatabase, n: number): Promise<void> {
  const id = `d${(n * 7) % 9}`;
  const current = (await db.get(id).catch(() => undefined)) as Doc | undefined;
  if (n % 5 === 3 && current?._rev) await db.put({ _id: id, _rev: current._rev, _deleted: true });
  else if (n % 7 === 4) await db.bulkDocs([{ _id: id, _rev: `1-${(n * 2654435761) % 1e6}`, v: -n }], { new_edits: false });
  else await db.put({ _id: id, v: n, ...(current?._rev ? { _rev: current._rev } : {}) });
}

describe('the notifier tail', () => {
  test('after each write one small read brings it up to date, and every answer is a direct read', async () => {
    const name = 'acme-personas';
    const { db, store } = await freshStore(name);
    for (let n = 0; n < 30; n++) await write(db, n);
    const notifier = new Notifier();
    const reads: PageRange[] = [];
    const ask = (since: number, limit?: number) =>
      notifier.page(name, { since, limit, shape, handle: db }, (range) => {
        reads.push(range);
        return readFeed(db, store.raw(name), { ...options(since, limit), ...range });
      });
    let seed = 7;
    const random = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    expect(String((await ask(0)).text)).toBe(await direct(store, name, 0));
    for (let n = 30; n < 60; n++) {
      await write(db, n);
      notifier.notify(name);
      const end = Number((await db.info()).update_seq);
      const asked = Array.from({ length: 40 }, () => ({ since: random(end + 1), limit: random(3) === 0 ? undefined : 1 + random(8) }));
      const answers = await Promise.all(asked.map((q) => ask(q.since, q.limit)));
      for (const [i, q] of asked.entries()) expect(String(answers[i]!.text), JSON.stringify(q)).toBe(await direct(store, name, q.since, q.limit));
    }
    // The first read, then one catch-up per write, each from where the tail ended.
    expect(reads).toHaveLength(31);
    expect(reads.slice(1).every((r) => r.since > 0 && r.limit !== undefined)).toBe(true);
  });

  test('a write during a catch-up is in the next one, and the newer tail is the one kept', async () => {
    const name = 'acme-journeys';
    const { db, store } = await freshStore(name);
    for (let n = 0; n < 10; n++) await write(db, n);
    const notifier = new Notifier();
    const ask = (since: number) => notifier.page(name, { since, limit: undefined, shape, handle: db }, (range) => readFeed(db, store.raw(name), { ...options(since), ...range }));
    await ask(0);
    await write(db, 10);
    notifier.notify(name);
    const during = ask(1);
    await write(db, 11);
    notifier.notify(name);
    const after = ask(2);
    await during;
    expect(String((await after).text)).toBe(await direct(store, name, 2));
    expect(String((await ask(0)).text)).toBe(await direct(store, name, 0));
  });

  test('a database deleted and created again (a restore) never gets the old rows', async () => {
    const name = 'acme-datasets';
    const store = createMemoryStore();
    stores.push(store);
    await store.create(name);
    const old = (await store.open(name))!;
    for (let n = 0; n < 8; n++) await write(old, n);
    const notifier = new Notifier();
    const ask = (db: PouchDatabase, since: number) => notifier.page(name, { since, limit: undefined, shape, handle: db }, (range) => readFeed(db, store.raw(name), { ...options(since), ...range }));
    await ask(old, 0);
    await store.destroy(name);
    notifier.notify(name);
    await store.create(name);
    const fresh = (await store.open(name))!;
    await fresh.put({ _id: 'restored', v: 1 });
    notifier.notify(name);
    expect(String((await ask(fresh, 0)).text)).toBe(await direct(store, name, 0));
    expect(String((await ask(fresh, 0)).text)).not.toContain('"id":"d');
  });

  test('a tail over its size drops its oldest rows and then answers only from where it starts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 5, max: 25 }), fc.integer({ min: 1, max: 15 }), fc.integer({ min: 100, max: 1500 }), async (before, after, maxBytes) => {
        const name = `t${before}x${after}x${maxBytes}-personas`;
        const { db, store } = await freshStore(name);
        for (let n = 0; n < before; n++) await write(db, n);
        const first = (await readChanges(store.raw(name)!, options(0)))!;
        const tail = { since: 0, feed: first, bytes: JSON.stringify(first).length };
        for (let n = before; n < before + after; n++) await write(db, n);
        const delta = (await readChanges(store.raw(name)!, options(first.last_seq)))!;
        const next = extendTail(tail, delta, JSON.stringify(delta.results).length, maxBytes);
        const end = Number((await db.info()).update_seq);
        for (let since = 0; since <= end; since++) {
          const answer = derivePage(next.feed, { since: next.since, limit: undefined }, { since, limit: undefined });
          if (since < next.since) expect(answer).toBeUndefined();
          else expect(answer, `since ${since} of tail from ${next.since}`).toEqual(await readChanges(store.raw(name)!, options(since)));
        }
      }),
      { numRuns: 25 },
    );
  });
});
