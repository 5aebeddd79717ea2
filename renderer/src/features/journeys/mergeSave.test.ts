import { afterEach, describe, expect, test } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { builtInTemplates, createFromTemplate, readJourneyDoc, type JourneyDoc } from '../../../../common/journey';
import { createDatabase, type Workspace } from '../../db/database';
import { saveJourney, saveJourneyMerged } from './store';

let db: Workspace | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});
const open = async () => (db = await createDatabase(getRxStorageMemory(), `jm${Math.random().toString(36).slice(2)}`, { only: ['journeys', 'history'] }));
const t0 = 1_700_000_000_000;
const renameStage = (j: JourneyDoc, index: number, name: string, updatedAt: number): JourneyDoc =>
  ({ ...j, updatedAt, map: { ...j.map, stages: j.map.stages.map((s, i) => (i === index ? { ...s, name } : s)) } });
const read = async (w: Workspace, id: string) => {
  const r = readJourneyDoc((await w.journeys.findOne(id).exec())?.toJSON());
  if (!r.ok) throw new Error(r.message);
  return r.data;
};
const teammateWrites = async (w: Workspace, doc: JourneyDoc) => (await w.journeys.findOne(doc.id).exec())!.incrementalModify(() => ({ ...doc }));

describe('the journey editor’s save merges against the database at write time', () => {
  test('a teammate’s rename of another stage, arriving between read and write, survives', async () => {
    const w = await open();
    const j = createFromTemplate(builtInTemplates()[0]!, { id: 'j_a', now: t0 });
    await saveJourney(w, j);
    const seen = await read(w, j.id);
    await teammateWrites(w, renameStage(seen, 1, 'Bo’s stage', t0 + 5));
    const r = await saveJourneyMerged(w, renameStage(seen, 0, 'My stage', t0 + 10), seen);
    expect(r.merged).toBe(true);
    expect((await read(w, j.id)).map.stages.slice(0, 2).map((s) => s.name)).toEqual(['My stage', 'Bo’s stage']);
    expect(await w.history.count().exec()).toBe(0);
  });

  test('the same stage renamed on both: the later stamp wins and the other journey is kept as a conflict', async () => {
    const w = await open();
    const j = createFromTemplate(builtInTemplates()[0]!, { id: 'j_b', now: t0 });
    await saveJourney(w, j);
    const seen = await read(w, j.id);
    await teammateWrites(w, renameStage(seen, 0, 'Later', t0 + 20));
    const r = await saveJourneyMerged(w, renameStage(seen, 0, 'Earlier', t0 + 10), seen);
    expect(r.doc.map.stages[0]!.name).toBe('Later');
    const kept = (await w.history.find({ selector: { kind: 'conflict' } }).exec()).map((d) => d.toJSON() as unknown as { entity: string; snapshot: JourneyDoc; summary: string });
    expect(kept).toHaveLength(1);
    expect(kept[0]!.entity).toBe('journey');
    expect(kept[0]!.snapshot.map.stages[0]!.name).toBe('Earlier');
    expect(kept[0]!.summary).toContain(`map.stages[id=${seen.map.stages[0]!.id}].name`);
  });
});
