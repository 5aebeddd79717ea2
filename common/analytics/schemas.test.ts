import { expect, test } from 'vitest';
import { datasetsSchema } from '../db/schemas/datasets';
import { snapshotsSchema } from '../db/schemas/snapshots';
import { datasetFromRecords } from '../import/records';
import { buildSnapshot } from './snapshots';

// The collections refuse unknown fields (additionalProperties: false), so every document the engine
// and importer produce must use only declared fields, with the required ones present.
function fits(schema: { properties: object; required: readonly string[] }, doc: object): void {
  const allowed = Object.keys(schema.properties);
  expect(Object.keys(doc).filter((k) => !allowed.includes(k))).toEqual([]);
  for (const key of schema.required) expect(doc).toHaveProperty(key);
  expect((doc as { id: string }).id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
}

test('dataset headers and chunks use only fields of the datasets schema', () => {
  const { header, chunks } = datasetFromRecords([{ age: 3, city: 'x' }, { age: null, city: null }], [{ key: 'age', type: 'number' }, { key: 'city', type: 'category' }], { datasetId: 'd'.repeat(48), maxRows: 1 });
  fits(datasetsSchema, header);
  for (const chunk of chunks) fits(datasetsSchema, chunk);
  expect(chunks.map((c) => c.id)).toEqual([`${'d'.repeat(48)}--0`, `${'d'.repeat(48)}--1`]);
});

test('persona snapshots use only fields of the snapshots schema', () => {
  const snap = buildSnapshot({ personaId: 'p'.repeat(64), rules: [], timeZone: 'UTC' }, '2024-01-01', undefined, undefined, 5);
  fits(snapshotsSchema, snap);
  expect(snap.day).toMatch(new RegExp(snapshotsSchema.properties.day.pattern));
});
