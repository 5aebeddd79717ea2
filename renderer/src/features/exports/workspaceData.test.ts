import { afterEach, describe, expect, test } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { samplePersona, samplePhoto } from '../../../../common/export/samplePersona';
import { builtInTemplates, createFromTemplate } from '../../../../common/journey/templates/index';
import { readWorkspaceFile, writeWorkspaceFile } from '../../../../common/workspaceFile/file';
import { conflictCount, planRestore } from '../../../../common/workspaceFile/restore';
import { createDatabase, type Workspace } from '../../db/database';
import { imagesFor, personaPages, readPersonas } from './gather';
import { applyPlan, collectWorkspace, existingIds } from './workspaceData';

let db: Workspace | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

async function filled(): Promise<Workspace> {
  const w = await createDatabase(getRxStorageMemory(), `x${Math.random().toString(36).slice(2)}`);
  const template = builtInTemplates()[0];
  if (!template) throw new Error('no template');
  await w.personas.bulkInsert([samplePersona('Анна Петрова', 'p1'), samplePersona('Maya', 'p2')]);
  await w.journeys.insert(createFromTemplate(template, { id: 'j1', now: 1_760_000_000_000 }));
  await w.assets.insert({ id: 'photo-1', ...samplePhoto, createdAt: 1 });
  return w;
}

describe('workspace file against the database', () => {
  test('a backup restores into the same workspace after its documents are gone, and the database accepts every one', async () => {
    db = await filled();
    const bytes = await writeWorkspaceFile(await collectWorkspace(db, 'Test', 1), { password: 'a long password', iterations: 100_000 });
    await db.personas.find().remove();
    await db.assets.find().remove();
    const read = await readWorkspaceFile(bytes, { password: 'a long password' });
    if (!read.ok) throw new Error(read.message);
    const plan = planRestore(read.content, await existingIds(db));
    expect(conflictCount(plan)).toBe(1); // the journey is still there
    const refused = await applyPlan(db, planRestore(read.content, await existingIds(db), 'skip'), () => undefined);
    expect(refused).toEqual([]);
    expect((await readPersonas(db, ['p1', 'p2'])).map((p) => p.name)).toEqual(['Анна Петрова', 'Maya']);
    expect(await db.assets.count().exec()).toBe(1);
  });

  test('export gathering finds each persona photo once and the latest live metrics', async () => {
    db = await filled();
    const personas = await readPersonas(db, ['p2', 'p1', 'gone']);
    expect(personas.map((p) => p.id)).toEqual(['p2', 'p1']);
    expect((await imagesFor(db, personas)).map(([id]) => id)).toEqual(['photo-1']);
    const pages = await personaPages(db, personas);
    expect(pages[0]?.metrics).toEqual({ live: null, day: null, targets: { satisfaction: 80, loyalty: 30 } });
  });
});
