import { expect, test } from '@playwright/test';
import { createBlankPersona } from '../common/persona/instantiate';
import { connect, startSyncServer } from './syncServer';
import type { SyncServerProcess } from './syncServer';

// Issue 20, item 4: a persona with two conflicting leaf revisions on the server (written the way a
// CouchDB cluster after a partition or a PouchDB client with `new_edits: false` leaves it) shows up
// in Sync → Conflicts on a laptop, and the user can make the losing version current again.
const password = 'workshop-pass-123';
let server: SyncServerProcess | undefined;

test.beforeAll(async () => {
  server = await startSyncServer({ password, users: [['ana', 'admin']] });
});

test.afterAll(() => {
  server?.stop();
});

test('a conflict made on the server is shown in Sync → Conflicts and resolves from there', async ({ page }) => {
  const personas = `${server!.url}/acme-personas`;
  const auth = { authorization: `Basic ${Buffer.from(`acme/ana:${password}`).toString('base64')}`, 'content-type': 'application/json', accept: 'application/json' };
  let n = 0;
  const body = { ...createBlankPersona({ ids: () => `pc-s${n++}`, now: 1_700_000_000_000, author: 'ana' }, 'Original'), id: undefined, _id: 'pc1' };
  const leaves = [
    { ...body, _rev: '1-aaaa', name: 'Planner (north office)', updatedAt: 1_700_000_001_000 },
    { ...body, _rev: '1-bbbb', name: 'Planner (south office)', updatedAt: 1_700_000_002_000 },
  ];
  const written = await fetch(`${personas}/_bulk_docs`, { method: 'POST', headers: auth, body: JSON.stringify({ docs: leaves, new_edits: false }) });
  expect(written.status).toBe(201);
  const serverName = async () => ((await (await fetch(`${personas}/pc1?conflicts=true`, { headers: auth })).json()) as { name: string; _conflicts?: string[] });

  await connect(page, server!, 'ana');
  // The laptop settled the conflict: one name won, the losing leaf is gone from the server…
  await expect.poll(async () => (await serverName())._conflicts, { timeout: 20_000 }).toBeUndefined();
  const winner = (await serverName()).name;
  const loser = leaves.map((l) => l.name).find((name) => name !== winner)!;

  // …and the other name is in Sync → Conflicts, where the user brings it back.
  await page.goto('/#/sync');
  const conflicts = page.getByRole('region', { name: 'Conflicts kept from syncing' });
  const row = conflicts.getByRole('row').filter({ hasText: loser });
  await expect(row).toBeVisible({ timeout: 20_000 });
  await page.screenshot({ path: 'test-results/sync-server-conflict.png', fullPage: true });
  await row.getByRole('button', { name: 'Use this version' }).click();
  await expect(page.getByText('That version is current again.')).toBeVisible();
  await expect.poll(async () => (await serverName()).name, { timeout: 20_000 }).toBe(loser);
});
