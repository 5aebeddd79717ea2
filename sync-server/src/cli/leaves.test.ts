import { afterAll, expect, test } from 'vitest';
import type { PouchDatabase } from '../store/pouch';
import { createMemoryStore } from '../store/store';
import { compareLeaves, missingLeaves } from './leaves';

// A restore checks that the backup's leaves are all on the server, which laptops may already have
// written on top of (renderer/src/sync/restore.test.ts restores while laptops are online).

const store = createMemoryStore();
afterAll(() => store.close());
async function db(name: string): Promise<PouchDatabase> {
  await store.create(name);
  return (await store.open(name))!;
}

test('a target that went on from every source leaf lacks nothing; a missing branch or document is named', async () => {
  const source = await db('acme-personas');
  const target = await db('beta-personas');
  await source.bulkDocs([{ _id: 'a', _rev: '1-aaa', v: 1 }, { _id: 'b', _rev: '1-bbb', v: 1 }], { new_edits: false });
  // The target holds a's leaf as the parent of a laptop's later edit, and a document of its own.
  await target.bulkDocs([{ _id: 'a', _rev: '1-aaa', v: 1 }], { new_edits: false });
  await target.bulkDocs([{ _id: 'a', _rev: '2-ccc', _revisions: { start: 2, ids: ['ccc', 'aaa'] }, v: 2 }, { _id: 'new', _rev: '1-ddd' }], { new_edits: false });
  expect(await compareLeaves(source, target)).toContain('a has leaves 2-ccc, expected 1-aaa');
  expect(await missingLeaves(source, target)).toEqual(['b lacks 1-bbb']);
  await target.bulkDocs([{ _id: 'b', _rev: '1-eee' }], { new_edits: false });
  expect(await missingLeaves(source, target)).toEqual(['b lacks 1-bbb']);
  await target.bulkDocs([{ _id: 'b', _rev: '1-bbb', v: 1 }], { new_edits: false });
  expect(await missingLeaves(source, target)).toEqual([]);
});
