import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hashPassword } from './auth/passwords';
import { Registry } from './auth/registry';
import { ensureTenantDatabases } from './cli/manage';
import { createLevelStore } from './store/store';
import type { ChildServer } from './testing/child';
import { startChildServer } from './testing/child';
import { eventually, localPouch, openRxClient, Pouch, remotePouch, replicateNotes, snapshot } from './testing/clients';
import { call, testPassword } from './testing/harness';

/**
 * The real server in a child process, on LevelDB, SIGKILLed in the middle of replication and
 * restarted on the same port: replication resumes and ends with every document exactly once.
 */

let dataDir: string;
let server: ChildServer | undefined;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'cx-sync-restart-'));
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
  if (server && server.proc.exitCode === null) {
    server.proc.kill('SIGTERM');
    await server.exited;
  }
  await rm(dataDir, { recursive: true, force: true });
});

async function killAndRestart(current: ChildServer): Promise<ChildServer> {
  current.proc.kill('SIGKILL');
  const { signal } = await current.exited;
  expect(signal).toBe('SIGKILL');
  return startChildServer(dataDir, current.port);
}

const docCount = async (url: string): Promise<number> => ((await call(url, 'root')).body as { doc_count?: number }).doc_count ?? -1;

describe('server killed during replication', { timeout: 120_000 }, () => {
  test('acknowledged writes survive SIGKILL', async () => {
    server = await startChildServer(dataDir);
    const url = `${server.url}/acme-settings`;
    for (let i = 0; i < 20; i++) {
      const res = await call(`${url}/_bulk_docs`, 'acme/ed', { method: 'POST', body: { docs: Array.from({ length: 10 }, (_, j) => ({ _id: `ack${i}-${j}` })) } });
      expect(res.status).toBe(201);
    }
    server = await killAndRestart(server);
    expect(await docCount(`${server.url}/acme-settings`)).toBe(200);
  });

  test('PouchDB live push resumes after a SIGKILL with nothing lost or duplicated', async () => {
    const active = server ?? (await startChildServer(dataDir));
    const url = `${active.url}/acme-datasets`;
    const local = localPouch();
    await local.bulkDocs(Array.from({ length: 1500 }, (_, i) => ({ _id: `d${String(i).padStart(5, '0')}`, i })));
    const push = Pouch.replicate(local, remotePouch(url, 'acme/ed'), { live: true, retry: true, batch_size: 50, back_off_function: () => 50 });
    await eventually(async () => (await docCount(url)) >= 300);
    server = await killAndRestart(active);
    await eventually(async () => (await docCount(url)) === 1500, 50);
    push.cancel();
    const conflicts = await call(`${url}/_all_docs?include_docs=true&conflicts=true`, 'root');
    const rows = conflicts.body.rows as { id: string; value: { rev: string }; doc: { _conflicts?: string[] } }[];
    expect(rows).toHaveLength(1500);
    expect(rows.every((r) => r.value.rev.startsWith('1-') && !r.doc._conflicts)).toBe(true);
    const copy = localPouch();
    const pulled = await Pouch.replicate(remotePouch(url, 'acme/ed'), copy, { batch_size: 500 });
    expect([pulled.ok, (await copy.info()).doc_count]).toEqual([true, 1500]);
  });

  test('RxDB replication resumes after a SIGKILL mid-push and mid-pull', async () => {
    const active = server ?? (await startChildServer(dataDir));
    const url = `${active.url}/acme-journeys`;
    const a = await openRxClient('ka');
    const b = await openRxClient('kb');
    try {
      const ra = replicateNotes(a, { url, login: 'acme/ed', batchSize: 25, retryTime: 50, identifier: 'ka' });
      const rb = replicateNotes(b, { url, login: 'acme/ed', batchSize: 25, retryTime: 50, identifier: 'kb' });
      await a.notes.bulkInsert(Array.from({ length: 800 }, (_, i) => ({ id: `k${i}`, title: 'before kill', n: i })));
      await eventually(async () => (await docCount(url)) >= 100);
      server = await killAndRestart(active);
      await eventually(async () => {
        ra.state.reSync();
        rb.state.reSync();
        return (await b.notes.count().exec()) === 800;
      }, 100);
      expect(await docCount(url)).toBe(800);
      expect(await snapshot(b)).toEqual(await snapshot(a));
      const rows = (await call(`${url}/_all_docs`, 'root')).body.rows as { value: { rev: string } }[];
      expect(rows.every((r) => r.value.rev.startsWith('1-'))).toBe(true);
      await ra.state.cancel();
      await rb.state.cancel();
    } finally {
      await a.close();
      await b.close();
    }
  });

  test('SIGTERM shuts down cleanly while a longpoll is waiting', async () => {
    if (server) {
      server.proc.kill('SIGKILL');
      await server.exited;
    }
    const active = await startChildServer(dataDir);
    server = active;
    const res = await fetch(`${active.url}/acme-assets/_changes?feed=longpoll&since=now&heartbeat=1000`, {
      headers: { authorization: `Basic ${Buffer.from(`acme/ed:${testPassword}`).toString('base64')}` },
    });
    // Headers are out, so the longpoll is parked on the server: now ask it to stop.
    expect(res.status).toBe(200);
    active.proc.kill('SIGTERM');
    expect(JSON.parse((await res.text()).trim())).toMatchObject({ results: [] });
    const { code } = await active.exited;
    expect(code).toBe(0);
    expect(active.stdout.some((l) => l.includes('"msg":"stopped"'))).toBe(true);
    server = undefined;
  });
});
