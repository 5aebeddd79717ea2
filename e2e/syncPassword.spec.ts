import { expect, test } from '@playwright/test';
import { connect, startSyncServer } from './syncServer';
import type { SyncServerProcess } from './syncServer';

// On our own sync server, any member (a viewer here) changes their own password from the Sync
// screen; the app signs in again with it and keeps syncing.
const password = 'viewer-pass-1234';
let server: SyncServerProcess | undefined;

test.beforeAll(async () => {
  server = await startSyncServer({ password, users: [['vera', 'viewer']] });
});

test.afterAll(() => {
  server?.stop();
});

test('a viewer changes their own password and keeps syncing', async ({ page }) => {
  await connect(page, server!, 'vera');
  await expect(page.getByText('vera (viewer)')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Team members' })).toHaveCount(0);
  const form = page.getByRole('form', { name: 'Your password' });
  await form.getByLabel('Current password').fill(password);
  await form.getByLabel('New password', { exact: true }).fill('copper meadow 77');
  await form.getByLabel('New password again').fill('vera typo password');
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(form.getByRole('alert')).toHaveText('The two new passwords differ. Type the same password twice.');
  await form.getByLabel('New password again').fill('copper meadow 77');
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Your password was changed.')).toBeVisible();
  await expect(page.getByTestId('sync-state')).toHaveText('Up to date', { timeout: 20_000 });
  const old = await fetch(`${server!.url}/_session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'acme/vera', password }) });
  expect(old.status).toBe(401);
  const fresh = await fetch(`${server!.url}/_session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'acme/vera', password: 'copper meadow 77' }) });
  expect(fresh.status).toBe(200);
});
