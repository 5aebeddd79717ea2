import { expect, test } from '@playwright/test';
import { provisionCouchDb } from '../sync-server/src/cli/couch';
import { couchUser } from '../sync-server/src/cli/couchUsers';
import { basicAuth, startPouchDbServer } from '../sync-server/src/testing/couchServers';
import type { CouchServer } from '../sync-server/src/testing/couchServers';
import { connect } from './syncServer';

// The app against a CouchDB provisioned by our command line (pouchdb-server standing in for
// Apache CouchDB): it syncs with the role check's design document in every database, knows the
// member's role, explains who manages members, and lets a member change their own password.
const password = 'couch-member-pass-1';
let server: CouchServer | undefined;

test.beforeAll(async () => {
  server = await startPouchDbServer();
  const env = { CX_PASSWORD: server.admin.password, CX_NEW_PASSWORD: password };
  await provisionCouchDb({ url: server.url, user: server.admin.name, tenant: 'acme', env });
  // The app is served on E2E_PORT, not one of the origins provisioning allows.
  const origins = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`;
  const cors = await fetch(`${server.url}/_config/cors/origins`, { method: 'PUT', headers: { authorization: basicAuth(server.admin.name, server.admin.password) }, body: JSON.stringify(origins) });
  if (!cors.ok) throw new Error(`CORS: ${cors.status}`);
  for (const [name, role] of [['alice', 'admin'], ['vic', 'viewer']] as const) await couchUser({ action: 'add', name, role, url: server.url, user: server.admin.name, tenant: 'acme', env });
});

test.afterAll(async () => {
  await server?.close();
});

test('a tenant admin on CouchDB syncs, sees how members are managed and changes their password', async ({ page }) => {
  await connect(page, { url: server!.url, password, stop: () => undefined }, 'alice');
  await expect(page.getByText('alice (admin)')).toBeVisible();
  const team = page.getByTestId('couch-team');
  await expect(team).toContainText('managed by the CouchDB server admin');
  await expect(team).toContainText(`couchdb-user add NAME --url ${server!.url} --tenant acme --role viewer|editor|admin`);
  await expect(team.getByRole('row', { name: 'alice admin' })).toBeVisible();
  await expect(team).toContainText('Only the server admin can list every member');
  await team.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/couchdb-team.png' });

  const form = page.getByRole('form', { name: 'Your password' });
  await form.getByLabel('Current password').fill('not the password');
  await form.getByLabel('New password', { exact: true }).fill('silver harbour 19');
  await form.getByLabel('New password again').fill('silver harbour 19');
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(form.getByRole('alert')).toHaveText('Your current password is not right.');
  await form.getByLabel('Current password').fill(password);
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Your password was changed.')).toBeVisible();
  await expect(page.getByTestId('sync-state')).toHaveText('Up to date', { timeout: 20_000 });
  const session = await fetch(`${server!.url}/_session`, { headers: { authorization: basicAuth('acme/alice', 'silver harbour 19') } });
  expect(((await session.json()) as { userCtx: { name: string } }).userCtx.name).toBe('acme/alice');
});

test('a viewer on CouchDB is told their role and sees no member management', async ({ page }) => {
  await connect(page, { url: server!.url, password, stop: () => undefined }, 'vic');
  await expect(page.getByText('vic (viewer)')).toBeVisible();
  await expect(page.getByRole('form', { name: 'Your password' })).toBeVisible();
  await expect(page.getByTestId('couch-team')).toHaveCount(0);
});
