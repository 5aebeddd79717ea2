import { afterEach, describe, expect, test } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { collectionSchemas } from '../../../common/db/collections';
import { createSyncFetch } from '../../../common/sync/fetch';
import { accounts, basic, call, startTestServer } from '../../../sync-server/src/testing/harness';
import type { TestServer } from '../../../sync-server/src/testing/harness';
import { createDatabase } from '../db/database';
import type { Workspace } from '../db/database';
import type { CouchTarget } from './couchHandlers';
import { toCouch } from './couchHandlers';
import { repush } from './heal';

/**
 * Healing after a restore sends copies it read from the local database a moment earlier. An edit
 * made in between, and pushed by the live replication before healing writes, must not be replaced
 * by the older copy (the lead from session 4: a dataset's newer name lost, a deleted one back).
 */

let server: TestServer | undefined;
let db: Workspace | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
  await server?.close();
  server = undefined;
});

const header = (name: string, updatedAt: number) => ({ id: 'd1', kind: 'header', datasetId: 'd1', name, rowCount: 0, updatedAt });

describe('healing and a concurrent edit', () => {
  for (const edit of ['renamed', 'deleted'] as const) {
    test(`a copy read before the dataset was ${edit} does not replace the edit on the server`, async () => {
      server = await startTestServer();
      db = await createDatabase(getRxStorageMemory(), `heal${Math.random().toString(36).slice(2, 8)}`, { author: 'a', only: ['datasets'] });
      const workspace = db;
      await workspace.datasets.insert(header('first', 1_700_000_000_000));
      const base = createSyncFetch({ authorization: () => basic(accounts.acmeEditor) });
      const url = `${server.url}/acme-datasets/`;
      let raced = false;
      const target: CouchTarget = {
        url, collection: 'datasets', schemaVersion: collectionSchemas.datasets.version, writerId: 'laptop-a',
        onNewer: () => {}, onRefused: () => {},
        // Between healing's read of the local copy and its write: the user edits the dataset and
        // the live push sends the edit (as this laptop's writer).
        fetch: Object.assign(async (input: string | URL | Request, init?: RequestInit) => {
          if (!raced && String(input).endsWith('_all_docs')) {
            raced = true;
            const doc = await workspace.datasets.findOne('d1').exec();
            if (edit === 'renamed') await doc!.incrementalPatch({ name: 'second', updatedAt: 1_700_000_000_500 });
            else await doc!.remove();
            const now = (await workspace.datasets.storageInstance.findDocumentsById(['d1'], true))[0] as unknown as Record<string, unknown>;
            const { _meta: _m, _rev: _r, _attachments: _a, ...data } = now;
            const current = await call(`${url}d1`, accounts.acmeEditor);
            const rev = current.status === 200 ? (current.body as { _rev: string })._rev : undefined;
            const pushed = await call(`${url}_bulk_docs`, accounts.acmeEditor, { method: 'POST', body: { docs: [toCouch(target, data as never, rev)] } });
            expect(pushed.status).toBe(201);
          }
          return base(input, init);
        }, { authFailure: undefined, resetAuth: () => {} }) as CouchTarget['fetch'],
      };
      await repush(target, workspace.datasets as never);
      const onServer = await call(`${url}d1`, accounts.acmeEditor);
      if (edit === 'renamed') expect((onServer.body as { name: string }).name).toBe('second');
      else expect(onServer.status).toBe(404);
    });
  }
});
