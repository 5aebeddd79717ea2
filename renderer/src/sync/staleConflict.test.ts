import { afterEach, describe, expect, test } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createBlankPersona } from '../../../common/persona/instantiate';
import { createSyncFetch } from '../../../common/sync/fetch';
import { accounts, basic, startTestServer } from '../../../sync-server/src/testing/harness';
import type { TestServer } from '../../../sync-server/src/testing/harness';
import { createDatabase } from '../db/database';
import { startSync } from './engine';

/**
 * The "stale shared journey" of the sync chaos runs (seed 62, session 6): the push answers RxDB with
 * a conflict carrying the teammate's copy M1; before RxDB resolves it the teammate saves M2 and
 * this laptop's pull reads M2, which RxDB does not apply while the laptop's own edit is unsent.
 * M1 then wins the conflict, and the laptop kept M1 for good while the server held M2.
 */

let server: TestServer | undefined;
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
  await server?.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(check: () => Promise<boolean>, what: string, ms = 20_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

describe('a conflict answered with a copy the server has already replaced', () => {
  test('the laptop ends on the server’s newest copy', { timeout: 60_000 }, async () => {
    server = await startTestServer();
    const url = `${server.url}/acme-personas`;
    const admin = { authorization: basic(accounts.admin), 'content-type': 'application/json' };
    const serverDoc = async () => (await (await fetch(`${url}/p1`, { headers: admin })).json()) as Record<string, unknown>;
    const teammateSaves = async (change: Record<string, unknown>) => {
      const current = await serverDoc();
      const put = await fetch(`${url}/p1`, { method: 'PUT', headers: admin, body: JSON.stringify({ ...current, ...change, cx_by: 'teammate-writer' }) });
      expect(put.status).toBe(201);
    };

    // A pull can be held before it goes out, and the push's read of the server's copies after it
    // came back: the race of the chaos run (a pull retrying through faults while a push runs).
    let gate: Promise<void> | undefined;
    let hold: (() => Promise<void>) | undefined;
    const seen: string[] = [];
    const net = async (input: string | URL | Request, init?: RequestInit) => {
      const target = String(input);
      if (target.includes('/acme-personas/_changes') && gate) await gate;
      const response = await globalThis.fetch(input, init);
      if (target.includes('/acme-personas/_changes')) seen.push(await response.clone().text());
      if (hold && target.endsWith('/acme-personas/_all_docs') && init?.method === 'POST') {
        const text = await response.text();
        const during = hold;
        hold = undefined;
        await during();
        return new Response(text, { status: response.status, headers: response.headers });
      }
      return response;
    };
    const db = await createDatabase(getRxStorageMemory(), `stale${Math.random().toString(36).slice(2, 8)}`, { author: 'b', only: ['personas', 'history'] });
    const session = startSync(db, {
      serverUrl: server.url, tenant: 'acme', clientId: 'b', writerId: 'b-writer',
      fetch: createSyncFetch({ fetch: net, authorization: () => basic(accounts.acmeEditor) }), safetyResyncMs: 600_000, retryMs: 300, log: () => {},
    });
    cleanup.push(async () => {
      await session.stop();
      await db.close();
    });

    let n = 0;
    const persona = { ...createBlankPersona({ ids: () => `s${n++}`, now: 1_700_000_000_000, author: 'b' }, 'First'), id: 'p1' };
    await db.personas.insert(persona);
    await until(async () => (await serverDoc()).name === 'First', 'the persona on the server');
    await session.awaitInSync();

    // The teammate renames it (later than the laptop's own rename below, so M1 wins the conflict).
    await teammateSaves({ name: 'Teammate M1', updatedAt: 1_700_000_005_000 });
    let open = () => {};
    gate = new Promise<void>((resolve) => (open = resolve));
    session.syncNow();
    await sleep(300);
    hold = async () => {
      await teammateSaves({ name: 'Teammate M2', updatedAt: 1_700_000_006_000 });
      gate = undefined;
      open();
      await until(async () => seen.some((page) => page.includes('Teammate M2')), 'the laptop to pull M2');
      await sleep(300);
    };
    const mine = await db.personas.findOne('p1').exec();
    await mine!.incrementalPatch({ name: 'Laptop rename', updatedAt: 1_700_000_001_000 });

    await until(async () => hold === undefined, 'the held push');
    await until(async () => (await db.personas.findOne('p1').exec())?.name === 'Teammate M2', 'the laptop to hold M2', 10_000);
    expect((await serverDoc()).name).toBe('Teammate M2');
  });
});
