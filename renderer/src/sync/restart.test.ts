import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createSyncFetch } from '../../../common/sync/fetch';
import { createBlankPersona } from '../../../common/persona/instantiate';
import { hashPassword } from '../../../sync-server/src/auth/passwords';
import { Registry } from '../../../sync-server/src/auth/registry';
import { ensureTenantDatabases } from '../../../sync-server/src/cli/manage';
import { createLevelStore } from '../../../sync-server/src/store/store';
import type { ChildServer } from '../../../sync-server/src/testing/child';
import { startChildServer } from '../../../sync-server/src/testing/child';
import { basic, call, testPassword } from '../../../sync-server/src/testing/harness';
import { createDatabase } from '../db/database';
import type { Workspace } from '../db/database';
import { startSync } from './engine';
import type { SyncSession } from './engine';

/**
 * The app's own sync layer (engine, handlers, doorbell) against the real server in a child process
 * on LevelDB, which is SIGKILLed in the middle of replication and restarted on the same port. The
 * layer must notice and recover by itself — the test never nudges it — and end with every
 * document on both laptops and on the server exactly once.
 */

let dataDir: string;
let server: ChildServer | undefined;
const laptops: { db: Workspace; session: SyncSession }[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'cx-app-restart-'));
  const registry = new Registry(join(dataDir, 'users.json'));
  const hash = await hashPassword(testPassword);
  registry.setAdmin('root', hash);
  registry.addTenant('acme');
  registry.setUser('acme', 'ed', { hash, role: 'editor' });
  const store = createLevelStore(dataDir);
  await ensureTenantDatabases(store, 'acme');
  await store.close();
});

afterAll(async () => {
  for (const l of laptops) {
    await l.session.stop();
    await l.db.close();
  }
  if (server && server.proc.exitCode === null) {
    server.proc.kill('SIGTERM');
    await server.exited;
  }
  await rm(dataDir, { recursive: true, force: true });
});

async function laptop(name: string, url: string) {
  const db = await createDatabase(getRxStorageMemory(), `${name}${Math.random().toString(36).slice(2, 8)}`, { author: name, only: ['personas', 'history'] });
  const fetch = createSyncFetch({ authorization: () => basic('acme/ed'), idleTimeoutMs: 5_000 });
  const session = startSync(db, { serverUrl: url, tenant: 'acme', clientId: name, fetch, safetyResyncMs: 2_000, retryMs: 300 });
  const lap = { db, session };
  laptops.push(lap);
  return lap;
}

const ids = async (db: Workspace) => (await db.personas.find().exec()).map((d) => d.id).sort();

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('the app sync layer across a server SIGKILL', () => {
  test('replication resumes by itself with nothing lost or duplicated', { timeout: 150_000 }, async () => {
    server = await startChildServer(dataDir);
    const port = server.port;
    const a = await laptop('a', server.url);
    const b = await laptop('b', server.url);
    const docCount = async () => ((await call(`http://127.0.0.1:${port}/acme-personas`, 'root')).body as { doc_count?: number }).doc_count ?? -1;
    let n = 0;
    const make = (side: string) => createBlankPersona({ ids: () => `${side}${String(n++).padStart(4, '0')}`, now: Date.now(), author: side }, `${side} ${n}`);

    // A steady stream of edits on both laptops; the server dies while they are going out.
    const writing = (async () => {
      for (let i = 0; i < 60; i++) {
        await a.db.personas.insert(make('a'));
        await b.db.personas.insert(make('b'));
        await new Promise((r) => setTimeout(r, 25));
      }
    })();
    await until(async () => (await docCount()) >= 20, 30_000);
    server.proc.kill('SIGKILL');
    expect((await server.exited).signal).toBe('SIGKILL');
    await new Promise((r) => setTimeout(r, 1_000));
    server = await startChildServer(dataDir, port);
    await writing;

    const expected = (await ids(a.db)).concat(await ids(b.db)).filter((id, i, all) => all.indexOf(id) === i).sort();
    expect(expected).toHaveLength(120);
    await until(async () => (await ids(a.db)).length === 120 && (await ids(b.db)).length === 120 && (await docCount()) === 120, 90_000);
    expect(await ids(a.db)).toEqual(expected);
    expect(await ids(b.db)).toEqual(expected);
    expect(await docCount()).toBe(120);
    // Exactly once: no document was written twice as a new revision or left in conflict.
    const rows = (await call(`http://127.0.0.1:${port}/acme-personas/_all_docs?include_docs=true&conflicts=true`, 'root')).body.rows as { value: { rev: string }; doc: { _conflicts?: string[] } }[];
    expect(rows.filter((r) => !r.value.rev.startsWith('1-') || r.doc._conflicts)).toEqual([]);
    // The status line recovers by itself too (the doorbell reconnects after its back-off).
    await until(async () => [a, b].every((l) => l.session.status().state === 'idle'), 40_000);
    expect([a, b].map((l) => l.session.status())).toEqual([a, b].map(() => expect.objectContaining({ state: 'idle' })));
  });
});
