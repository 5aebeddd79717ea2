import { describe, expect, test } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { samplePersona } from '../../../common/export/samplePersona';
import { fillWithDefaultSettings, getRxReplicationMetaInstanceSchema } from 'rxdb/plugins/core';
import type { RxJsonSchema } from 'rxdb/plugins/core';
import { replicateRxCollection } from 'rxdb/plugins/replication';
import { collectionSchemas } from '../../../common/db/collections';
import { createDatabase } from './database';
import { checkedDocDataContexts, wrappedValidateStorage } from './validation';

describe('schema validation on write', () => {
  test('a filled-in persona is accepted and a broken one is refused with the field and the reason', async () => {
    const db = await createDatabase(getRxStorageMemory(), `val${Math.random().toString(36).slice(2, 8)}`, { only: ['personas'] });
    try {
      await db.personas.insert(samplePersona('Maya Chen', 'p1'));
      expect(await db.personas.count().exec()).toBe(1);
      const broken = { ...samplePersona('Bad', 'p2'), status: 'nope', accentColor: 'red' };
      const error = await db.personas.insert(broken).then(() => null, (e: unknown) => e as { parameters?: { writeError?: { validationErrors?: { field: string; message: string }[] } } });
      expect(error).not.toBeNull();
      const problems = error?.parameters?.writeError?.validationErrors ?? [];
      expect(problems.map((p) => p.field).sort()).toEqual(['accentColor', 'status']);
      expect(problems.every((p) => p.message.length > 0)).toBe(true);
      // Ids that CouchDB would refuse (a leading underscore) never get in.
      await expect(db.personas.insert(samplePersona('Underscore', '_design'))).rejects.toThrow();
      expect(await db.personas.count().exec()).toBe(1);
    } finally {
      await db.close();
    }
  });
});

describe('replication meta writes', () => {
  const personas = fillWithDefaultSettings(collectionSchemas.personas as unknown as RxJsonSchema<unknown>);
  const metaSchema = getRxReplicationMetaInstanceSchema(personas as never, false);
  const metaRow = (docData: Record<string, unknown>, isCheckpoint = '0') => ({
    id: `${String(docData.id)}|${isCheckpoint}`, isCheckpoint, itemId: String(docData.id), docData,
    _deleted: false, _attachments: {}, _rev: '1-a', _meta: { lwt: 1_700_000_000_000 },
  });
  async function metaInstance() {
    const storage = wrappedValidateStorage({ storage: getRxStorageMemory() });
    return storage.createStorageInstance({
      databaseInstanceToken: 't', databaseName: `meta${Math.random().toString(36).slice(2, 8)}`, collectionName: 'rx-replication-meta',
      schema: metaSchema as never, options: {}, multiInstance: false, devMode: false,
    });
  }
  const invalid = { ...samplePersona('Bad', 'p9'), status: 'nope' };

  test('the state a pull or push just wrote to the collection is not checked a second time in the meta row', async () => {
    const instance = await metaInstance();
    try {
      for (const context of checkedDocDataContexts) {
        const result = await instance.bulkWrite([{ document: metaRow({ ...invalid, id: `p-${context.length}` }) as never }], context);
        expect(result.error).toEqual([]);
      }
    } finally {
      await instance.close();
    }
  });

  test("the server's copy a push conflicted with is checked in full, and a meta row's own fields always are", async () => {
    const instance = await metaInstance();
    try {
      const conflict = await instance.bulkWrite([{ document: metaRow(invalid) as never }], 'replication-up-write-conflict-meta');
      expect(conflict.error.map((e) => (e as { validationErrors?: { field: string }[] }).validationErrors?.map((v) => v.field))).toEqual([['docData/status']]);
      const badRow = await instance.bulkWrite([{ document: metaRow(samplePersona('Ok', 'p8') as never, '7') as never }], 'replication-down-write-meta');
      expect(badRow.error).toHaveLength(1);
      expect((badRow.error[0] as { status: number }).status).toBe(422);
    } finally {
      await instance.close();
    }
  });

  test('a pulled document that breaks its schema never reaches the collection, and the pull says so', async () => {
    const db = await createDatabase(getRxStorageMemory(), `val${Math.random().toString(36).slice(2, 8)}`, { only: ['personas'] });
    try {
      const docs = [{ ...samplePersona('Good', 'p1'), _deleted: false }, { ...invalid, _deleted: false }];
      const replication = replicateRxCollection({
        collection: db.personas, replicationIdentifier: 'validation-test', live: false, autoStart: true, waitForLeadership: false, retryTime: 60_000,
        pull: { handler: async (checkpoint: unknown) => ({ documents: checkpoint ? [] : docs, checkpoint: { at: 1 } }) },
      });
      const failed = new Promise<unknown>((resolve) => replication.error$.subscribe(resolve));
      const error = (await failed) as { parameters?: { writeError?: { documentId?: string; validationErrors?: { field: string }[] } } };
      expect(error.parameters?.writeError?.documentId).toBe('p9');
      expect(error.parameters?.writeError?.validationErrors?.map((v) => v.field)).toEqual(['status']);
      await replication.cancel();
      expect((await db.personas.find().exec()).map((d) => d.id)).toEqual(['p1']);
    } finally {
      await db.close();
    }
  });
});
