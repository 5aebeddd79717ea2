import { existsSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { startSyncServer } from './syncServer';
import type { SyncServerProcess } from './syncServer';

// Web mode for a team: the sync server serves the built app (out/renderer) itself, and the app
// signs in to it by an HttpOnly session cookie instead of keeping a token in the tab.
const password = 'served-app-pass-123';
let server: SyncServerProcess | undefined;
let serverUrl = '';

test.beforeAll(async () => {
  if (!existsSync('out/renderer/index.html')) throw new Error('Build the app first: npm run build:renderer');
  server = await startSyncServer({ password, users: [['ana', 'admin']], extraArgs: ['--app', 'out/renderer'] });
  serverUrl = server.url;
});

test.afterAll(() => {
  server?.stop();
});

/** Every key and value of both web storages, for looking for anything credential-like. */
async function storages(page: Page): Promise<string> {
  return page.evaluate(() => {
    const dump = (s: Storage) => Array.from({ length: s.length }, (_, i) => `${s.key(i)}=${s.getItem(s.key(i) ?? '')}`).join('\n');
    return `${dump(localStorage)}\n${dump(sessionStorage)}`;
  });
}

test('the app served by the sync server signs in by cookie, keeps nothing, survives a reload and signs out', async ({ page, context }) => {
  test.setTimeout(120_000);
  // A browser opening the server's address lands in the app.
  await page.goto(`${serverUrl}/`);
  await expect(page).toHaveURL(`${serverUrl}/_app/`);
  // Every request to the server rides on the cookie: none carries an Authorization header.
  const withAuthorization: string[] = [];
  page.on('request', (request) => {
    if (request.url().startsWith(serverUrl) && request.headers().authorization !== undefined) withAuthorization.push(request.url());
  });
  await page.goto(`${serverUrl}/_app/#/sync`);
  const form = page.getByRole('form', { name: 'Connect to a team server' });
  await expect(form.getByRole('textbox', { name: 'Server address' })).toHaveValue(serverUrl);
  await expect(page.getByTestId('cookie-sign-in-note')).toBeVisible();
  await form.getByRole('textbox', { name: 'Team' }).fill('acme');
  await form.getByRole('textbox', { name: 'User name' }).fill('ana');
  await form.getByLabel('Password').fill(password);
  await form.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByTestId('sync-state')).toHaveText('Up to date', { timeout: 30_000 });

  const [cookie] = (await context.cookies(serverUrl)).filter((c) => c.name === 'AuthSession');
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', secure: false });
  expect(cookie!.expires).toBeGreaterThan(Date.now() / 1000);
  expect(await page.evaluate(() => document.cookie)).not.toContain('AuthSession');

  await page.goto(`${serverUrl}/_app/#/personas/new`);
  await page.getByRole('button', { name: 'Use template E-commerce shopper' }).click();
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  const name = await page.getByLabel('Persona name').inputValue();
  const onServer = async () => {
    const auth = `Basic ${Buffer.from(`acme/ana:${password}`).toString('base64')}`;
    const res = await fetch(`${serverUrl}/acme-personas/_all_docs?include_docs=true`, { headers: { authorization: auth } });
    const body = (await res.json()) as { rows: { doc?: { name?: string } }[] };
    return body.rows.some((r) => r.doc?.name === name);
  };
  await expect.poll(onServer, { timeout: 30_000 }).toBe(true);

  expect(withAuthorization).toEqual([]);

  // Nothing credential-like in the page's storages: no token, no password, no Basic value.
  const stored = await storages(page);
  for (const needle of [password, 'cx1.', cookie!.value, 'Bearer', 'Basic ', 'secret:sync.', '"token"']) expect(stored, needle).not.toContain(needle);

  // A reload keeps the session (the cookie) and syncing resumes without a sign-in form.
  await page.reload();
  await page.goto(`${serverUrl}/_app/#/sync`);
  await expect(page.getByTestId('sync-state')).toHaveText('Up to date', { timeout: 30_000 });
  await expect(page.getByRole('form', { name: /Connect to a team server|Sign in again/ })).toHaveCount(0);
  // Admin calls (the team list) ride on the same cookie.
  await expect(page.getByRole('cell', { name: 'ana' })).toBeVisible();
  await page.goto(`${serverUrl}/_app/#/personas`);
  await expect(page.getByText(name).first()).toBeVisible();

  // Signing out ends the session on the server: the old cookie no longer works anywhere.
  await page.goto(`${serverUrl}/_app/#/sync`);
  await page.getByRole('button', { name: 'Sign out…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page.getByRole('form', { name: 'Connect to a team server' })).toBeVisible();
  expect((await context.cookies(serverUrl)).some((c) => c.name === 'AuthSession' && c.value !== '')).toBe(false);
  const replay = await fetch(`${serverUrl}/acme-personas`, { headers: { cookie: `AuthSession=${cookie!.value}` } });
  expect(replay.status).toBe(401);
});
