import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createSyncFetch } from '../../../common/sync/fetch';
import { createBlankPersona } from '../../../common/persona/instantiate';
import { backup, restore } from '../../../sync-server/src/cli/backup';
import { accounts, basic, call, startTestServer, testPassword } from '../../../sync-server/src/testing/harness';
import type { TestServer } from '../../../sync-server/src/testing/harness';
import { createDatabase } from '../db/database';
import type { Workspace } from '../db/database';
import { startSync } from './engine';
import type { SyncSession } from './engine';

/**
 * An admin backs the server up, the team keeps working, and the admin restores last night's
 * backup while everyone is online (issue 20, item 3). The laptops must notice, send back what the
 * server lost, and pick up what is written after the restore, with a notice in the app.
 */

let server: TestServer | undefined;
let dir = '';
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function laptop(name: string): Promise<{ db: Workspace; session: SyncSession }> {
  const db = await createDatabase(getRxStorageMemory(), `${name}${Math.random().toString(36).slice(2, 8)}`, { author: name, only: ['personas', 'history'] });
  const session = startSync(db, { serverUrl: server!.url, tenant: 'acme', clientId: name, writerId: `${name}-w`, fetch: createSyncFetch({ authorization: () => basic(accounts.acmeEditor) }), safetyResyncMs: 1_000, retryMs: 300, log: () => {} });
  cleanup.push(async () => {
    await session.stop();
    await db.close();
  });
  return { db, session };
}

const names = async (db: Workspace) => (await db.personas.find({ sort: [{ id: 'asc' }] }).exec()).map((d) => `${d.id}:${String(d.get('name'))}`);
const onServer = async () => ((await call(`${server!.url}/acme-personas/_all_docs?include_docs=true`, accounts.admin)).body.rows as { id: string; doc: { name: string } }[]).map((r) => `${r.id}:${r.doc.name}`);
async function until(check: () => Promise<boolean>, ms = 30_000) {
  const deadline = Date.now() + ms;
  while (!(await check()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
}
const persona = (id: string, name: string) => ({ ...createBlankPersona({ ids: (() => { let n = 0; return () => `${id}s${n++}`; })(), now: Date.now(), author: 'a' }, name), id });

describe('a server restored from a backup', () => {
  test('laptops re-send what it lost and receive what is written after the restore', { timeout: 90_000 }, async () => {
    server = await startTestServer();
    dir = await mkdtemp(join(tmpdir(), 'cx-backup-'));
    const env = { CX_PASSWORD: testPassword };
    const a = await laptop('a');
    const b = await laptop('b');
    for (const id of ['p1', 'p2', 'p3']) await a.db.personas.insert(persona(id, `${id} v1`));
    await until(async () => (await onServer()).length === 3 && (await names(b.db)).length === 3);
    const epochBefore = ((await call(`${server.url}/acme-personas`, accounts.admin)).body as { cx_epoch?: string }).cx_epoch;
    expect(epochBefore).toMatch(/^[0-9a-f]{24}$/);

    const backedUp = await backup({ url: server.url, tenant: 'acme', dir: join(dir, 'nightly'), user: 'root', env });
    expect(backedUp).toContain('acme-personas: 3 documents');

    // Work after the backup: a new persona and an edit, on every laptop and the server.
    await a.db.personas.insert(persona('p4', 'p4 v1'));
    await (await a.db.personas.findOne('p1').exec())!.incrementalPatch({ name: 'p1 v2', updatedAt: Date.now() });
    const after = ['p1:p1 v2', 'p2:p2 v1', 'p3:p3 v1', 'p4:p4 v1'];
    await until(async () => JSON.stringify(await onServer()) === JSON.stringify(after) && JSON.stringify(await names(b.db)) === JSON.stringify(after));
    expect(await onServer()).toEqual(after);

    // The admin restores last night's backup while everyone is online.
    await restore({ url: server.url, tenant: 'acme', dir: join(dir, 'nightly'), user: 'root', env });
    const epochAfter = ((await call(`${server.url}/acme-personas`, accounts.admin)).body as { cx_epoch?: string }).cx_epoch;
    expect(epochAfter).not.toBe(epochBefore);
    // A teammate writes right after the restore.
    await b.db.personas.insert(persona('p5', 'p5 v1'));

    const healed = [...after, 'p5:p5 v1'];
    await until(async () => JSON.stringify(await onServer()) === JSON.stringify(healed) && JSON.stringify(await names(a.db)) === JSON.stringify(healed) && JSON.stringify(await names(b.db)) === JSON.stringify(healed), 60_000);
    expect(await onServer()).toEqual(healed);
    expect(await names(a.db)).toEqual(healed);
    expect(await names(b.db)).toEqual(healed);
    expect(a.session.status().notice).toMatch(/restored from a backup: this laptop sent back \d+ items? it had lost/);
    // The screens word the notice from its count (catalogue sync.restored), the same count the sentence gives.
    expect(a.session.status().notice).toContain(`sent back ${a.session.status().restored} item`);
  });
});
