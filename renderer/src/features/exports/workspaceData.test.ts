import { afterEach, describe, expect, test } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { samplePersona, samplePhoto } from '../../../../common/export/samplePersona';
import { builtInTemplates, createFromTemplate } from '../../../../common/journey/templates/index';
import { readWorkspaceFile, writeWorkspaceFile } from '../../../../common/workspaceFile/file';
import { conflictCount, planRestore } from '../../../../common/workspaceFile/restore';
import { createDatabase, type Workspace } from '../../db/database';
import { imagesFor, personaPages, readPersonas } from './gather';
import { emptyCollections, type WorkspaceContent, type WorkspaceDoc } from '../../../../common/workspaceFile/format';
import { applyPlan, collectWorkspace, existingIds, isCancel, RestoreRefused } from './workspaceData';

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
    const counts = await applyPlan(db, planRestore(read.content, await existingIds(db), 'skip'));
    expect(counts).toEqual({ added: 3, replaced: 0, kept: 1 });
    expect((await readPersonas(db, ['p1', 'p2'])).map((p) => p.name)).toEqual(['Анна Петрова', 'Maya']);
    expect(await db.assets.count().exec()).toBe(1);
  });

  test('export gathering finds each persona photo once and the latest live metrics', async () => {
    db = await filled();
    const personas = await readPersonas(db, ['p2', 'p1', 'gone']);
    expect(personas.map((p) => p.id)).toEqual(['p2', 'p1']);
    expect((await imagesFor(db, personas)).map(([id]) => id)).toEqual(['photo-1']);
    const pages = await personaPages(db, personas);
    expect(pages[0]?.metrics).toEqual({ live: null, day: null, firstDay: null, targets: { satisfaction: 80, loyalty: 30 } });
  });
});

describe('a restore is all or nothing', () => {
  /** p1 renamed "Old" in the database; the file replaces it, adds 60 personas and whatever `extra` adds. */
  async function setup(extra: (c: WorkspaceContent['collections']) => void = () => undefined) {
    db = await filled();
    await db.personas.upsert({ ...samplePersona('Old', 'p1') });
    const c = emptyCollections();
    c.personas.push(samplePersona('From the file', 'p1') as unknown as WorkspaceDoc);
    for (let i = 0; i < 60; i++) c.personas.push(samplePersona(`New ${i}`, `n${i}`) as unknown as WorkspaceDoc);
    extra(c);
    const plan = planRestore({ name: 'f', createdAt: 1, collections: c }, await existingIds(db), 'replace');
    return { db, plan };
  }
  const state = async (w: Workspace) => ({ count: await w.personas.count().exec(), p1: (await readPersonas(w, ['p1']))[0]?.name, snapshots: await w.snapshots.count().exec() });

  test('counts what was written', async () => {
    const { db: w, plan } = await setup();
    expect(await applyPlan(w, plan)).toEqual({ added: 60, replaced: 1, kept: 0 });
    expect(await state(w)).toEqual({ count: 62, p1: 'From the file', snapshots: 0 });
  });

  test('a document the database refuses after others were written undoes the whole restore', async () => {
    const { db: w, plan } = await setup((c) => c.snapshots.push({ id: 'bad', entity: 'persona' } as WorkspaceDoc));
    const error = await applyPlan(w, plan).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RestoreRefused);
    expect((error as RestoreRefused).refused).toEqual(['snapshots/bad']);
    expect(await state(w)).toEqual({ count: 2, p1: 'Old', snapshots: 0 });
  });

  test('a storage failure part-way undoes the whole restore', async () => {
    const { db: w, plan } = await setup((c) => c.assets.push({ id: 'photo-2', ...samplePhoto, createdAt: 1 }));
    w.assets.bulkUpsert = () => Promise.reject(new Error('QuotaExceededError'));
    await expect(applyPlan(w, plan)).rejects.toThrow('QuotaExceededError');
    expect(await state(w)).toEqual({ count: 2, p1: 'Old', snapshots: 0 });
  });

  test('a cancelled backup stops between collections', async () => {
    db = await filled();
    const cancel = new AbortController();
    cancel.abort();
    const error = await collectWorkspace(db, 'Test', 1, cancel.signal).catch((e: unknown) => e);
    expect(isCancel(error)).toBe(true);
  });

  test('a cancel between slices writes nothing', async () => {
    const { db: w, plan } = await setup();
    const cancel = new AbortController();
    const seen: number[] = [];
    const error = await applyPlan(w, plan, { signal: cancel.signal, onProgress: (done) => { seen.push(done); cancel.abort(); } }).catch((e: unknown) => e);
    expect(isCancel(error)).toBe(true);
    expect(seen).toEqual([50]);
    expect(await state(w)).toEqual({ count: 2, p1: 'Old', snapshots: 0 });
  });
});
