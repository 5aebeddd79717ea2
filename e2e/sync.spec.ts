import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';

// Two "laptops" (two browser contexts, two IndexedDBs) and a real sync server process on LevelDB.
const password = 'workshop-pass-123';
let server: ChildProcess | undefined;
let serverUrl = '';

function cli(args: string[], data: string) {
  const run = spawnSync('npx', ['tsx', 'sync-server/src/index.ts', ...args, '--data', data], { env: { ...process.env, CX_PASSWORD: password }, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`sync-server ${args.join(' ')} failed: ${run.stderr}`);
}

test.beforeAll(async () => {
  const data = mkdtempSync(join(tmpdir(), 'cx-e2e-sync-'));
  cli(['tenant', 'add', 'acme'], data);
  cli(['user', 'add', 'acme', 'ana', '--role', 'admin'], data);
  cli(['user', 'add', 'acme', 'ben', '--role', 'editor'], data);
  // Port 0: the server picks a free port and logs its URL (no clash with anything else running).
  // The app's origin is whatever port this run serves it on (E2E_PORT), so allow it explicitly.
  const appOrigin = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`;
  server = spawn('npx', ['tsx', 'sync-server/src/index.ts', 'serve', '--port', '0', '--data', data, '--cors-origin', appOrigin], { stdio: ['ignore', 'pipe', 'pipe'] });
  serverUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('sync server did not start')), 90_000);
    let seen = '';
    server!.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const url = /"msg":"listening"[^\n]*?"url":"(http:\/\/[^"]+)"/.exec(seen)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve(url);
      }
    });
  });
});

test.afterAll(() => {
  server?.kill('SIGTERM');
});

// The Sync page has other password fields (workspace backups): stay inside the sign-in form.
const connectForm = (page: Page) => page.getByRole('form', { name: /Connect to a team server|Sign in again/ });

async function connect(page: Page, user: string) {
  await page.goto('/#/sync');
  await page.getByRole('textbox', { name: 'Server address' }).fill(serverUrl);
  await page.getByRole('textbox', { name: 'Team' }).fill('acme');
  await page.getByRole('textbox', { name: 'User name' }).fill(user);
  await connectForm(page).getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByTestId('sync-state')).toHaveText('Up to date', { timeout: 20_000 });
  await expect(page.getByRole('link', { name: 'Up to date' })).toBeVisible();
}

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
