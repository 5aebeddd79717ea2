import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { connect as connectTo, connectForm, startSyncServer } from './syncServer';
import type { SyncServerProcess } from './syncServer';

// Two "laptops" (two browser contexts, two IndexedDBs) and a real sync server process on LevelDB.
const password = 'workshop-pass-123';
let server: SyncServerProcess | undefined;
let serverUrl = '';

test.beforeAll(async () => {
  server = await startSyncServer({ password, users: [['ana', 'admin'], ['ben', 'editor']] });
  serverUrl = server.url;
});

test.afterAll(() => {
  server?.stop();
});

const connect = (page: Page, user: string) => connectTo(page, server!, user);

test('a journey made on one laptop appears on the other, and a wrong password is explained', async ({ browser }) => {
  const a = await (await browser.newContext()).newPage();
  const b = await (await browser.newContext()).newPage();

  // Bad input first: a wrong password says so and keeps the form.
  await b.goto('/#/sync');
  await b.getByRole('textbox', { name: 'Server address' }).fill(serverUrl);
  await b.getByRole('textbox', { name: 'Team' }).fill('acme');
  await b.getByRole('textbox', { name: 'User name' }).fill('ben');
  await connectForm(b).getByLabel('Password').fill('not-the-password');
  await b.getByRole('button', { name: 'Connect' }).click();
  await expect(b.getByRole('alert').filter({ hasText: 'Wrong user name or password' })).toBeVisible();

  await connect(a, 'ana');
  await connect(b, 'ben');

  await a.goto('/#/journeys');
  await a.getByRole('button', { name: 'New journey' }).click();
  await a.getByRole('button', { name: 'Use template Customer onboarding' }).click();
  await expect(a.getByRole('textbox', { name: 'Journey name' })).toHaveValue('Customer onboarding');

  await b.goto('/#/journeys');
  await expect(b.getByText('Customer onboarding').first()).toBeVisible({ timeout: 20_000 });

  // The admin sees the team.
  await a.goto('/#/sync');
  await expect(a.getByRole('cell', { name: 'ben' })).toBeVisible();
});
