import { mkdtemp, rm } from 'node:fs/promises';
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

test('disk names are t_<tenant>_<collection>', () => {
  expect(diskName('acme-personas')).toBe('t_acme_personas');
  expect(diskName('acme2-snap_shots')).toBe('t_acme2_snap_shots');
});
