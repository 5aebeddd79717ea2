import { afterEach, describe, expect, test } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createSyncFetch } from '../../../common/sync/fetch';
import { createBlankPersona } from '../../../common/persona/instantiate';
import { newId } from '../../../common/persona/ids';
import { accounts, basic, startTestServer } from '../../../sync-server/src/testing/harness';
import type { TestServer } from '../../../sync-server/src/testing/harness';
import { createDatabase } from '../db/database';
import type { Workspace } from '../db/database';
import { startSync } from './engine';
import type { SyncSession } from './engine';

// Free RxDB opens at most 13 collections per process, so each laptop here opens only the
// collections a test needs (personas and history): two laptops fit, as they would not whole.
let server: TestServer | undefined;
const open: { db: Workspace; session?: SyncSession }[] = [];

afterEach(async () => {
  for (const o of open.splice(0)) {
    await o.session?.stop();
    await o.db.close();
  }
  await server?.close();
  server = undefined;
});

async function laptop(name: string, login: string = accounts.acmeEditor) {
  const db = await createDatabase(getRxStorageMemory(), `${name}${Math.random().toString(36).slice(2, 8)}`, { author: name, only: ['personas', 'history'] });
  const entry: { db: Workspace; session?: SyncSession } = { db };
  open.push(entry);
  return {
    db,
    connect() {
      entry.session = startSync(db, {
        serverUrl: server!.url,
        tenant: 'acme',
        clientId: name,
        fetch: createSyncFetch({ authorization: () => basic(login), idleTimeoutMs: 70_000 }),
      });
      return entry.session;
    },
    async disconnect() {
      await entry.session?.stop();
      entry.session = undefined;
    },
  };
}

const persona = (name: string) => createBlankPersona({ ids: newId, now: Date.now(), author: 'test' }, name);

async function until<T>(read: () => Promise<T>, accept: (value: T) => boolean, what: string, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests inspect documents field by field
type Loose = Record<string, any>;
const json = async (db: Workspace, id: string) => (await db.personas.findOne(id).exec())?.toJSON() as Loose | undefined;

describe('app sync layer against the sync server', () => {
  test('an edit on one laptop reaches the other live, through the doorbell', async () => {
    server = await startTestServer();
    const a = await laptop('a');
    const b = await laptop('b');
    const [sa, sb] = [a.connect(), b.connect()];
    await Promise.all([sa.awaitInSync(), sb.awaitInSync()]);
    const p = persona('Ana');
    await a.db.personas.insert(p);
    const got = await until(() => json(b.db, p.id), (d) => d?.name === 'Ana', 'the persona on b');
    expect(got?.sections).toEqual(p.sections);
    await (await a.db.personas.findOne(p.id).exec())!.incrementalPatch({ name: 'Ana Lopes', updatedAt: Date.now() });
    await until(() => json(b.db, p.id), (d) => d?.name === 'Ana Lopes', 'the rename on b');
    // Live means the doorbell, not the 60-second safety net: far fewer than one pull per second.
    expect(sb.status().state).not.toBe('error');
  });

  test('offline edits to different parts of one persona on two laptops both survive', async () => {
    server = await startTestServer();
    const a = await laptop('a');
    const b = await laptop('b');
    const p = persona('Ben');
    await a.db.personas.insert(p);
    const sa = a.connect();
    const sb = b.connect();
    await until(() => json(b.db, p.id), (d) => d?.name === 'Ben', 'first sync');
    await Promise.all([sa.awaitInSync(), sb.awaitInSync()]);
    await a.disconnect();
    await b.disconnect();
    // Offline: A renames, B changes the tags.
    await (await a.db.personas.findOne(p.id).exec())!.incrementalPatch({ name: 'Ben Okafor', updatedAt: Date.now() });
    await (await b.db.personas.findOne(p.id).exec())!.incrementalPatch({ tags: ['workshop'], updatedAt: Date.now() + 1 });
    a.connect();
    await until(() => json(a.db, p.id), () => true, 'a online', 1);
    await new Promise((r) => setTimeout(r, 500));
    b.connect();
    const final = await until(() => json(b.db, p.id), (d) => d?.name === 'Ben Okafor' && d?.tags?.[0] === 'workshop', 'merged on b');
    await until(() => json(a.db, p.id), (d) => d?.name === final?.name && d?.tags?.[0] === 'workshop', 'merged on a');
  });

  test('the same field edited on both laptops converges, and the losing value is kept in history', async () => {
    server = await startTestServer();
    const a = await laptop('a');
    const b = await laptop('b');
    const p = persona('Cleo');
    await a.db.personas.insert(p);
    const sa = a.connect();
    const sb = b.connect();
    await until(() => json(b.db, p.id), (d) => d?.name === 'Cleo', 'first sync');
    await Promise.all([sa.awaitInSync(), sb.awaitInSync()]);
    await a.disconnect();
    await b.disconnect();
    const t = Date.now();
    await (await a.db.personas.findOne(p.id).exec())!.incrementalPatch({ name: 'Cleo from A', updatedAt: t + 10 });
    await (await b.db.personas.findOne(p.id).exec())!.incrementalPatch({ name: 'Cleo from B', updatedAt: t + 5 });
    a.connect();
    b.connect();
    await until(() => json(a.db, p.id), (d) => d?.name === 'Cleo from A', 'a keeps the later edit');
    await until(() => json(b.db, p.id), (d) => d?.name === 'Cleo from A', 'b converges on the later edit');
    const kept = await until(
      async () => [...(await a.db.history.find().exec()), ...(await b.db.history.find().exec())].map((h) => h.toJSON() as Loose),
      (rows) => rows.some((h) => h.kind === 'conflict'),
      'a conflict entry',
    );
    const conflict = kept.find((h) => h.kind === 'conflict')!;
    expect(conflict.snapshot.name).toBe('Cleo from B');
    expect(conflict.summary).toContain('name');
  });

  test('a first pull of thousands of small documents lands every one, in batches larger than RxDB batch size', async () => {
    server = await startTestServer();
    const remote = await server.store.open('acme-personas');
    const seeded = Array.from({ length: 2600 }, (_, i) => ({ ...persona(`Seeded ${i}`), cx_schema: 1 }));
    await remote!.bulkDocs(seeded.map(({ id, ...rest }) => ({ ...rest, _id: id })));
    const a = await laptop('a');
    const session = a.connect();
    await until(() => a.db.personas.count().exec(), (n) => n === 2600, 'every seeded persona', 30_000);
    const sample = await json(a.db, seeded[1234]!.id);
    expect(sample?.name).toBe('Seeded 1234');
    expect(sample?.sections).toEqual(seeded[1234]!.sections);
    // The feed was read in pages of up to 2,000 rows once its row size was known (couchHandlers.ts).
    const pages = server.responses.filter((r) => r.path === '/acme-personas/_changes').length;
    // 100 rows, 2,000, then the last 500 (pages of at most 500 took 7); one more for a ring is allowed.
    expect(pages).toBeLessThanOrEqual(4);
    // And the replication carries on live after the oversized batches.
    await session.awaitInSync();
    const b = await laptop('b');
    b.connect();
    await until(() => b.db.personas.count().exec(), (n) => n === 2600, 'b has them too', 30_000);
    const late = persona('Late');
    await b.db.personas.insert(late);
    await until(() => json(a.db, late.id), (d) => d?.name === 'Late', 'a later persona on a');
    expect(session.status().state).not.toBe('error');
  });

  test('a viewer cannot write: the status says why and nothing reaches the server', async () => {
    server = await startTestServer();
    const v = await laptop('v', accounts.acmeViewer);
    const session = v.connect();
    await session.awaitInSync();
    await v.db.personas.insert(persona('Not allowed'));
    const status = await until(async () => session.status(), (s) => s.state === 'error', 'an error status');
    expect(status.message).toMatch(/not allowed|forbidden|permission|read/i);
    const written = server.responses.filter((r) => r.method === 'POST' && r.path === '/acme-personas/_bulk_docs' && r.status < 300);
    expect(written).toEqual([]);
  });
});
