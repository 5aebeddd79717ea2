import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, describe, expect, test } from 'vitest';
import { datasetFromRecords } from '../../../../common/import/records';
import { createSyncFetch } from '../../../../common/sync/fetch';
import { tenantDatabaseName } from '../../../../common/sync/names';
import { accounts, basic, call, startTestServer, type TestServer } from '../../../../sync-server/src/testing/harness';
import { createDatabase, type Workspace } from '../../db/database';
import { staysLocal } from '../../db/localOnly';
import { startSync, type SyncSession } from '../../sync/engine';
import { chunkWriter, readChunks, readHeaders } from './datasetStore';
import { processLocks } from './importLocks';
import { cleanAbandonedImports } from './pendingImports';

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0)) await c();
});

async function open(): Promise<Workspace> {
  const db = await createDatabase(getRxStorageMemory(), `p${Math.random().toString(36).slice(2)}`, { only: ['datasets', 'settings'] });
  cleanup.unshift(() => db.close());
  return db;
}

const records = Array.from({ length: 50 }, (_, i) => ({ respondentId: `r${i}`, age: 20 + i, city: i % 2 ? 'London' : 'Leeds' }));
const columns = [{ key: 'respondentId', type: 'id' }, { key: 'age', type: 'number' }, { key: 'city', type: 'category' }] as const;
const dataset = (datasetId = 'ds1') => datasetFromRecords(records, columns, { datasetId, maxRows: 4, now: 1 });

/** Every stored document of the collection, deleted ones included, as JSON text. */
async function everything(db: Workspace, datasetId = 'ds1'): Promise<string> {
  const ids = [datasetId, ...Array.from({ length: 40 }, (_, i) => `${datasetId}--${i}`)];
  return JSON.stringify(await db.datasets.storageInstance.findDocumentsById(ids, true));
}

const liveChunks = async (db: Workspace) => (await db.datasets.find({ selector: { kind: 'chunk' } }).exec()).map((d) => d.toJSON() as Record<string, unknown>);

describe('chunks of an import not yet confirmed', () => {
  test('are marked to stay local while the import runs, and lose the mark when it is confirmed', async () => {
    const db = await open();
    const { header, chunks } = dataset();
    const writer = chunkWriter(db, processLocks());
    for (const c of chunks) await writer.add(c);
    const pending = await liveChunks(db);
    expect(pending).toHaveLength(13);
    expect(pending.every(staysLocal)).toBe(true);
    const fractions: number[] = [];
    expect(await writer.finish(header, (f) => fractions.push(f))).toMatchObject({ ok: true });
    expect((await liveChunks(db)).some(staysLocal)).toBe(false);
    expect(fractions.at(-1)).toBe(1);
    expect((await readChunks(db, header)).map((c) => c.chunkIndex)).toEqual([...Array(13).keys()]);
    // Nothing is left to clean up at the next start.
    expect(await cleanAbandonedImports(db, processLocks())).toBe(0);
    expect(await liveChunks(db)).toHaveLength(13);
  });

  test('left by a closed tab are removed at the next start, emptied first; a running import is left alone', async () => {
    const db = await open();
    const { chunks } = dataset();
    const tab = processLocks();
    const writer = chunkWriter(db, tab);
    for (const c of chunks.slice(0, 6)) await writer.add(c);
    // The import's own tab still runs: its lock is held, so nothing goes.
    expect(await cleanAbandonedImports(db, tab)).toBe(0);
    expect(await liveChunks(db)).toHaveLength(6);
    // The tab closed without a cancel (its locks went with it); the app starts again.
    expect(await cleanAbandonedImports(db, processLocks())).toBe(6);
    expect(await liveChunks(db)).toEqual([]);
    expect(await readHeaders(db)).toEqual([]);
    expect(await everything(db)).not.toContain('London');
    // The register is empty: a second start finds nothing.
    expect(await cleanAbandonedImports(db, processLocks())).toBe(0);
  });

  test('of an abandoned new wave are removed while the dataset and its earlier waves stay', async () => {
    const db = await open();
    const first = dataset();
    const writer = chunkWriter(db, processLocks());
    for (const c of first.chunks) await writer.add(c);
    await writer.finish(first.header);
    const wave = datasetFromRecords([{ respondentId: 'x', age: 1, city: 'Paris' }, { respondentId: 'y', age: 2, city: 'Paris' }], columns, { datasetId: 'ds1', now: 2, maxRows: 1 });
    const next = chunkWriter(db, processLocks());
    for (const [i, c] of wave.chunks.entries()) await next.add({ ...c, id: `ds1--${13 + i}`, chunkIndex: 13 + i, waveId: 'w2' });
    expect(await liveChunks(db)).toHaveLength(15);
    expect(await cleanAbandonedImports(db, processLocks())).toBe(2);
    expect(await liveChunks(db)).toHaveLength(13);
    expect(await everything(db)).not.toContain('Paris');
    const [header] = await readHeaders(db);
    expect((await readChunks(db, header!)).length).toBe(13);
  });

  test('an import confirmed just before the app closed keeps its chunks (only the register entry goes)', async () => {
    const db = await open();
    const { header, chunks } = dataset();
    const writer = chunkWriter(db, processLocks());
    for (const c of chunks) await writer.add(c);
    // Confirm by hand up to the header, as finish does, but leave the register entry behind.
    for (const c of await db.datasets.find({ selector: { kind: 'chunk' } }).exec()) {
      await c.incrementalModify((d) => ({ ...d, data: { ...d.data, pending: undefined } }));
    }
    await db.datasets.upsert({ ...header, data: { header: { chunkCount: 13, shape: 'plain', waves: header.waves } } });
    expect(await cleanAbandonedImports(db, processLocks())).toBe(0);
    expect(await liveChunks(db)).toHaveLength(13);
  });
});

describe('sync of an import under review', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  const onServer = async () => {
    const all = await call(`${server!.url}/${tenantDatabaseName('acme', 'datasets')}/_all_docs?include_docs=true`, accounts.admin);
    return (all.body as { rows: { id: string; doc: Record<string, unknown> }[] }).rows;
  };
  async function until(check: () => Promise<boolean>, what: string) {
    const deadline = Date.now() + 30_000;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  test('pending chunks never reach the server; once confirmed they do, with the header', { timeout: 90_000 }, async () => {
    server = await startTestServer();
    const db = await open();
    const session: SyncSession = startSync(db, { serverUrl: server.url, tenant: 'acme', clientId: 'a', fetch: createSyncFetch({ authorization: () => basic(accounts.acmeEditor) }), retryMs: 300, log: () => {} });
    cleanup.unshift(() => session.stop());
    await session.awaitInSync();
    const { header, chunks } = dataset();
    const writer = chunkWriter(db, processLocks());
    for (const c of chunks) await writer.add(c);
    // A document written after the chunks: once it is on the server, the push has passed the chunks.
    const other = dataset('ds2');
    const confirmed = chunkWriter(db, processLocks());
    await confirmed.add(other.chunks[0]!);
    await confirmed.finish({ ...other.header, chunkCount: 1 });
    await until(async () => (await onServer()).some((r) => r.id === 'ds2'), 'the other dataset on the server');
    const before = await onServer();
    expect(before.map((r) => r.id).filter((id) => id.startsWith('ds1'))).toEqual([]);
    // The user chooses Import.
    expect(await writer.finish(header)).toMatchObject({ ok: true });
    await until(async () => (await onServer()).filter((r) => r.id.startsWith('ds1')).length === 14, 'the confirmed import on the server');
    expect((await onServer()).some((r) => JSON.stringify(r.doc).includes('"pending"'))).toBe(false);
  });

  test('a stopped import leaves nothing on the server, not even emptied chunks', { timeout: 90_000 }, async () => {
    server = await startTestServer();
    const db = await open();
    const session: SyncSession = startSync(db, { serverUrl: server.url, tenant: 'acme', clientId: 'a', fetch: createSyncFetch({ authorization: () => basic(accounts.acmeEditor) }), retryMs: 300, log: () => {} });
    cleanup.unshift(() => session.stop());
    await session.awaitInSync();
    const writer = chunkWriter(db, processLocks());
    for (const c of dataset().chunks) await writer.add(c);
    await writer.discard();
    const other = dataset('ds2');
    const confirmed = chunkWriter(db, processLocks());
    await confirmed.add(other.chunks[0]!);
    await confirmed.finish({ ...other.header, chunkCount: 1 });
    await until(async () => (await onServer()).some((r) => r.id === 'ds2'), 'the other dataset on the server');
    const deleted = await call(`${server.url}/${tenantDatabaseName('acme', 'datasets')}/_changes`, accounts.admin);
    expect(JSON.stringify(deleted.body)).not.toContain('ds1');
  });
});
