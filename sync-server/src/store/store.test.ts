import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { Store } from './store';
import { createLevelStore, createMemoryStore, diskName } from './store';

/** One contract, run against every Store implementation (STYLE.md: tldraw-style spec ids). */
const dirs: string[] = [];
const implementations: [string, () => Promise<Store>][] = [
  ['memory', async () => createMemoryStore()],
  [
    'leveldb',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'cx-store-'));
      dirs.push(dir);
      return createLevelStore(dir);
    },
  ],
];

afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

for (const [label, make] of implementations) {
  describe(`Store contract: ${label}`, () => {
    test('[ST1] create, exists, list, open, destroy', async () => {
      const store = await make();
      expect(await store.exists('acme-personas')).toBe(false);
      expect(await store.open('acme-personas')).toBeUndefined();
      expect(await store.create('acme-personas')).toBe(true);
      expect(await store.create('acme-personas')).toBe(false);
      expect(await store.create('beta-journeys')).toBe(true);
      expect(await store.list()).toEqual(['acme-personas', 'beta-journeys']);
      const db = await store.open('acme-personas');
      await db?.put({ _id: 'x', v: 1 });
      expect((await db?.info())?.doc_count).toBe(1);
      expect(await store.destroy('acme-personas')).toBe(true);
      expect(await store.destroy('acme-personas')).toBe(false);
      expect(await store.list()).toEqual(['beta-journeys']);
      expect(await store.create('acme-personas')).toBe(true);
      expect((await (await store.open('acme-personas'))?.info())?.doc_count).toBe(0);
      await store.close();
    });

    test('[ST2] concurrent creates of one name create it once', async () => {
      const store = await make();
      const results = await Promise.all(Array.from({ length: 8 }, () => store.create('acme-history')));
      expect(results.filter(Boolean)).toHaveLength(1);
      await store.close();
    });

    test('[ST5] the engine\'s databases keep 50 revisions per document, the app\'s the default 1,000', async () => {
      const store = await make();
      const kept = async (name: string): Promise<number> => {
        await store.create(name);
        const db = (await store.open(name))!;
        let rev: string | undefined;
        for (let i = 0; i < 60; i++) rev = (await db.put({ _id: 'busy', i, ...(rev ? { _rev: rev } : {}) })).rev;
        return ((await db.get('busy', { revs: true })) as { _revisions: { ids: string[] } })._revisions.ids.length;
      };
      expect(await kept('acme-engine_runs')).toBe(50);
      expect(await kept('acme-engine_control')).toBe(50);
      expect(await kept('acme-journeys')).toBe(60);
      await store.close();
    });

    test('[ST6] revision ids are a function of parent and content, and a retried write that was applied is refused', async () => {
      const store = await make();
      await store.create('acme-history');
      await store.create('beta-history');
      const a = (await store.open('acme-history'))!;
      const b = (await store.open('beta-history'))!;
      const body = { _id: 'v1', notes: 'same content' };
      const [first] = (await a.bulkDocs([{ ...body }])) as { ok?: boolean; rev: string }[];
      const [elsewhere] = (await b.bulkDocs([{ ...body }])) as { rev: string }[];
      // Same content, same parent (none): the same id, as a re-send after a restore needs (store.ts).
      expect(first!.rev).toMatch(/^1-[0-9a-f]{32}$/);
      expect(elsewhere!.rev).toBe(first!.rev);
      // The answers a retry after a lost acknowledgement meets (renderer/src/sync/couchPush.ts).
      const conflict = { error: true, name: 'conflict', status: 409 };
      expect((await a.bulkDocs([{ ...body }]))[0]).toMatchObject(conflict);
      const [update] = (await a.bulkDocs([{ ...body, notes: 'edited', _rev: first!.rev }])) as { ok: boolean; rev: string }[];
      expect(update).toMatchObject({ ok: true });
      expect(update!.rev).toMatch(/^2-[0-9a-f]{32}$/);
      expect((await a.bulkDocs([{ ...body, notes: 'edited', _rev: first!.rev }]))[0]).toMatchObject(conflict);
      const stored = (await a.get('v1', { revs: true, conflicts: true })) as { notes: string; _rev: string; _conflicts?: string[]; _revisions: { ids: string[] } };
      expect(stored).toMatchObject({ notes: 'edited', _rev: update!.rev });
      expect(stored._conflicts).toBeUndefined();
      expect(stored._revisions.ids).toEqual([update!.rev.slice(2), first!.rev.slice(2)]);
      await store.close();
    });

    test('[ST7] large bodies written in concurrent batches to several databases read back exactly', async () => {
      // LevelDB encodes large bodies into one reused arena (jsonArena.ts): batches of different
      // databases interleave here, and every body must come back as it went in.
      const store = await make();
      const names = ['acme-history', 'beta-history', 'gamma-history'];
      for (const name of names) await store.create(name);
      const dbs = await Promise.all(names.map(async (name) => (await store.open(name))!));
      const units = ['plain text of a long interview. ', 'é中😀', 'quote " and backslash \\ and \n ', 'x\ud800y'];
      const body = (db: number, i: number) => ({ _id: `v${i}`, db, i, snapshot: { notes: `${db}/${i} ${units[(db + i) % units.length]!.repeat(3000)}` } });
      await Promise.all(
        dbs.map(async (db, d) => {
          for (let start = 0; start < 24; start += 6) {
            await db.bulkDocs(Array.from({ length: 6 }, (_, k) => body(d, start + k)));
          }
        }),
      );
      for (const [d, db] of dbs.entries()) {
        const all = (await db.allDocs({ include_docs: true })) as { rows: { doc: Record<string, unknown> }[] };
        expect(all.rows).toHaveLength(24);
        for (const row of all.rows) {
          const { _rev, ...doc } = row.doc;
          expect(_rev).toMatch(/^1-/);
          expect(doc).toEqual(body(d, doc.i as number));
        }
      }
      await store.close();
    });

    test('[ST3] refuses names that are not <tenant>-<collection>', async () => {
      const store = await make();
      for (const name of ['personas', '../etc', 'acme-../x', 'ACME-p', 'a_b-c', '']) {
        await expect(store.create(name)).rejects.toThrow();
        expect(await store.exists(name)).toBe(false);
      }
      await store.close();
    });
  });
}

test('[ST4] data survives closing and reopening a LevelDB store', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'cx-store-'));
  dirs.push(dir);
  const first = createLevelStore(dir);
  await first.create('acme-settings');
  await (await first.open('acme-settings'))?.put({ _id: 'kept', v: 1 });
  await first.close();
  const second = createLevelStore(dir);
  expect(await second.list()).toEqual(['acme-settings']);
  expect(((await (await second.open('acme-settings'))?.get('kept')) as { v: number }).v).toBe(1);
  await second.close();
});

test('[ST8] a LevelDB database in the layout of PouchDB before version 3 is refused with a message', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'cx-store-'));
  dirs.push(dir);
  const store = createLevelStore(dir);
  await mkdir(join(dir, 'dbs'), { recursive: true });
  await writeFile(join(dir, 'dbs', `${diskName('acme-personas')}.uuid`), 'legacy');
  await mkdir(join(dir, 'dbs', diskName('acme-personas')));
  await expect(store.open('acme-personas')).rejects.toThrow(/older than version 3/);
  await store.close();
});

test('disk names are t_<tenant>_<collection>', () => {
  expect(diskName('acme-personas')).toBe('t_acme_personas');
  expect(diskName('acme2-snap_shots')).toBe('t_acme2_snap_shots');
});
