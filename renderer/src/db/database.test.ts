import { afterEach, describe, expect, test } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { collectionSchemas, maxCollections } from '../../../common/db/collections';
import { migrations } from '../../../common/db/migrations';
import { blankExperiment } from '../../../common/experiments/model';
import { createDatabase } from './database';
import type { Workspace } from './database';

let db: Workspace | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

const now = 1_700_000_000_000;

describe('workspace database', () => {
  test('opens every collection of the model within the collection budget', async () => {
    db = await createDatabase(getRxStorageMemory(), `t${Math.random().toString(36).slice(2)}`);
    const names = Object.keys(db.collections).sort();
    expect(names).toEqual(Object.keys(collectionSchemas).sort());
    expect(names.length).toBeLessThanOrEqual(maxCollections);
  });

  test('each schema version has exactly one migration strategy per bump', () => {
    for (const [name, schema] of Object.entries(collectionSchemas)) {
      const strategies = Object.keys(migrations[name as keyof typeof migrations]).map(Number).sort((a, b) => a - b);
      expect(strategies, name).toEqual(Array.from({ length: schema.version }, (_, i) => i + 1));
    }
  });

  test('refuses a document that fails its schema and writes nothing', async () => {
    db = await createDatabase(getRxStorageMemory(), `t${Math.random().toString(36).slice(2)}`);
    const bad = [
      { id: 'has space', value: 1, updatedAt: now },
      { id: 'ok', value: 1, updatedAt: -5 },
      { id: 'ok2', value: 1, updatedAt: now, extra: true },
      { id: 'x'.repeat(65), value: 1, updatedAt: now },
    ];
    for (const doc of bad) {
      await expect(db.settings.insert(doc)).rejects.toThrow();
    }
    expect(await db.settings.count().exec()).toBe(0);
  });

  test('a deleted experiment leaves the query results (its metric field no longer shadows RxDocument.primary)', async () => {
    db = await createDatabase(getRxStorageMemory(), `t${Math.random().toString(36).slice(2)}`);
    const exp = (id: string) => ({ ...blankExperiment(id, now), name: id });
    await db.experiments.bulkInsert([exp('e1'), exp('e2')]);
    const query = db.experiments.find({ selector: {}, sort: [{ id: 'asc' }] });
    expect((await query.exec()).map((d) => d.primary)).toEqual(['e1', 'e2']);
    await (await db.experiments.findOne('e1').exec())!.remove();
    expect((await query.exec()).map((d) => d.primary)).toEqual(['e2']);
  });

  test('an experiment of schema version 0 migrates its primary metric', () => {
    const old = { id: 'e1', primary: { kind: 'value', event: 'purchase', property: 'revenue' } };
    expect(migrations.experiments[1]!(structuredClone(old))).toEqual({ id: 'e1', primaryMetric: { kind: 'value', event: 'purchase', property: 'revenue' } });
  });

  test('keeps a valid document', async () => {
    db = await createDatabase(getRxStorageMemory(), `t${Math.random().toString(36).slice(2)}`);
    await db.settings.insert({ id: 'timeZone', value: 'Europe/Lisbon', updatedAt: now });
    const doc = await db.settings.findOne('timeZone').exec();
    expect(doc?.toJSON().value).toBe('Europe/Lisbon');
  });
});
