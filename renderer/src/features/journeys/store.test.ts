import { afterEach, describe, expect, test } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createDatabase, type Workspace } from '../../db/database';
import {
  builtInTemplates, createFromTemplate, publishJourney, readJourneyDoc, readTemplateDoc, templateFromJourney,
} from '../../../../common/journey';
import { deleteJourney, insertPublished, loadVersions, saveJourney, saveTemplate } from './store';

let db: Workspace | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});
const open = async () => (db = await createDatabase(getRxStorageMemory(), `j${Math.random().toString(36).slice(2)}`));
const now = 1_700_000_000_000;

describe('journey storage against the real collection schemas', () => {
  test('every built-in template is stored, read back and parsed unchanged', async () => {
    const w = await open();
    for (const [i, t] of builtInTemplates().entries()) {
      const j = createFromTemplate(t, { id: `j_${i}`, now });
      await saveJourney(w, j);
      const stored = await w.journeys.findOne(j.id).exec();
      const read = readJourneyDoc(stored?.toJSON());
      if (!read.ok) throw new Error(read.message);
      expect(read.data.flow).toEqual(j.flow);
      expect(read.data.map).toEqual(j.map);
    }
  });

  test('a published version is accepted by the history schema and listed; the same number twice is refused', async () => {
    const w = await open();
    const j = createFromTemplate(builtInTemplates()[3]!, { id: 'j_nps', now });
    const r = publishJourney(j, { now, author: 'ana', summary: 'first' });
    if (!r.ok) throw new Error(r.message);
    await insertPublished(w, r.data.entry);
    await saveJourney(w, r.data.journey);
    expect((await loadVersions(w, 'j_nps')).map((v) => v.number)).toEqual([1]);
    await expect(insertPublished(w, r.data.entry)).rejects.toThrow();
  });

  test('a deleted journey can be written back (undo) and persona links are found from the persona side', async () => {
    const w = await open();
    const j = { ...createFromTemplate(builtInTemplates()[0]!, { id: 'j_on', now }), personaIds: ['p_1'] };
    await saveJourney(w, j);
    await saveJourney(w, { ...createFromTemplate(builtInTemplates()[1]!, { id: 'j_other', now }), personaIds: ['p_2'] });
    const saved = await deleteJourney(w, 'j_on');
    expect(await w.journeys.findOne('j_on').exec()).toBeNull();
    await saveJourney(w, saved!);
    const linked = await w.journeys.find({ selector: { personaIds: { $elemMatch: { $eq: 'p_1' } } } }).exec();
    expect(linked.map((d) => d.id)).toEqual(['j_on']);
  });

  test('a journey saved as a template is accepted by the templates schema and reads back', async () => {
    const w = await open();
    const j = createFromTemplate(builtInTemplates()[4]!, { id: 'j_r', now });
    await saveTemplate(w, templateFromJourney(j, { id: 'tp_r', name: 'Renewal (ours)', now }));
    const doc = await w.templates.findOne('tp_r').exec();
    const read = readTemplateDoc(doc?.toJSON());
    if (!read.ok) throw new Error(read.message);
    expect(read.data.body.flow).toEqual(j.flow);
  });
});
