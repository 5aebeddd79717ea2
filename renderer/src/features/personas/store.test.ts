import { afterEach, describe, expect, test } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createDatabase, type Workspace } from '../../db/database';
import { builtInTemplates, createEnvelope, createFromTemplate, sequentialIds, serializeEnvelope } from '../../../../common/persona';
import { writeImport } from './personaFiles';
import { clonePersonaById, createPersona, deletePersona, latestVersion, loadPersona, restoreVersion, savePersona, undeletePersona, versionIfChanged } from './store';

let db: Workspace | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});
const open = async () => (db = await createDatabase(getRxStorageMemory(), `p${Math.random().toString(36).slice(2)}`));
const sample = (prefix = 'a') => createFromTemplate(builtInTemplates[0]!, { ids: sequentialIds(prefix), now: 1_700_000_000_000, author: 'ana' });

describe('persona store', () => {
  test('a persona that fails validation is refused with its path and nothing is written', async () => {
    const w = await open();
    for (const bad of [{ ...sample(), name: '' }, { ...sample(), sections: [{ ...sample().sections[0]!, type: 'zodiac' }] }]) {
      const r = await savePersona(w, bad);
      expect(r.ok).toBe(false);
      expect(r.ok ? '' : r.message).toMatch(/^(name|sections\[0\]\.type):/);
    }
    expect(await w.personas.count().exec()).toBe(0);
  });

  test('creating records version 1 with its note, and the persona reads back the same', async () => {
    const w = await open();
    const p = sample();
    await createPersona(w, p, 'Created from template');
    expect(await loadPersona(w, p.id)).toMatchObject({ name: p.name, sections: p.sections });
    expect(await latestVersion(w, p.id)).toMatchObject({ number: 1, summary: 'Created from template' });
  });

  test('restoring a version keeps the unversioned state first, writes the version and adds one instead of changing history', async () => {
    const w = await open();
    const p = sample();
    await createPersona(w, p, 'First');
    const v1 = (await latestVersion(w, p.id))!;
    const renamed = (await savePersona(w, { ...p, name: 'Renamed' }));
    if (!renamed.ok) throw new Error(renamed.message);
    const r = await restoreVersion(w, renamed.data, v1);
    if (!r.ok) throw new Error(r.message);
    expect((await loadPersona(w, p.id))?.name).toBe(p.name);
    // The renamed state was in no version: it is kept before the restore, and undo goes back to it.
    expect(r.data.before).toMatchObject({ number: 2, summary: `Before restore of version 1: Renamed "${p.name}" to "Renamed"` });
    expect(r.data.before.snapshot.name).toBe('Renamed');
    expect(await latestVersion(w, p.id)).toMatchObject({ number: 3, summary: 'Restored version 1' });
    const undone = await restoreVersion(w, r.data.doc, r.data.before, 'Undid the restore of version 1');
    if (!undone.ok) throw new Error(undone.message);
    expect((await loadPersona(w, p.id))?.name).toBe('Renamed');
    // The restored state was versioned already, so undo adds only its own version.
    expect(await latestVersion(w, p.id)).toMatchObject({ number: 4, summary: 'Undid the restore of version 1' });
    expect(await w.history.count().exec()).toBe(4);
  });

  test('versionIfChanged records a state once, even when asked twice at the same time', async () => {
    const w = await open();
    const p = sample();
    await createPersona(w, p, 'First');
    const edited = { ...p, role: 'Edited' };
    const [a, b] = await Promise.all([versionIfChanged(w, edited), versionIfChanged(w, edited)]);
    expect([a.number, b.number]).toEqual([2, 2]);
    expect(await w.history.count().exec()).toBe(2);
  });

  test('a deleted persona comes back exactly as it was on undo', async () => {
    const w = await open();
    const p = sample();
    await createPersona(w, p, 'First');
    const removed = (await deletePersona(w, p.id))!;
    expect(await loadPersona(w, p.id)).toBeNull();
    await undeletePersona(w, removed);
    expect(await loadPersona(w, p.id)).toEqual(removed);
  });

  test('cloning writes a new draft with its own first version', async () => {
    const w = await open();
    const p = sample();
    await createPersona(w, p, 'First');
    const copy = await clonePersonaById(w, p.id);
    expect(copy.ok && copy.data.id).not.toBe(p.id);
    if (!copy.ok) return;
    expect(await latestVersion(w, copy.data.id)).toMatchObject({ number: 1, summary: `Cloned from "${p.name}"` });
  });

  test('importing the same file twice adds copies and never overwrites; replace overwrites on request', async () => {
    const w = await open();
    const p = sample();
    const text = serializeEnvelope(createEnvelope([p], 1));
    expect(await writeImport(w, text, new Set(), 'copy')).toBe(1);
    const edited = await savePersona(w, { ...p, name: 'Edited locally' });
    expect(edited.ok).toBe(true);
    const existing = new Set([p.id]);
    expect(await writeImport(w, text, existing, 'copy')).toBe(1);
    expect((await loadPersona(w, p.id))?.name).toBe('Edited locally');
    expect(await w.personas.count().exec()).toBe(2);
    await writeImport(w, text, existing, 'replace');
    expect((await loadPersona(w, p.id))?.name).toBe(p.name);
  });
});
