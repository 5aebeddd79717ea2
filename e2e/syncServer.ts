import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';

/** A real sync server process for e2e specs, with tenant `acme` and the given users. */
export interface SyncServerProcess {
  url: string;
  password: string;
  stop(): void;
}

/**
 * Runs `sync-server serve` on a free port (read from its "listening" log line, so specs running in
 * parallel never clash) over a fresh data directory. The app is served on E2E_PORT, which need
 * not be one of the origins the server allows by default, so that origin is allowed explicitly.
 */
export async function startSyncServer(options: { password: string; users: [name: string, role: string][]; admins?: string[]; extraArgs?: string[] }): Promise<SyncServerProcess> {
  const data = mkdtempSync(join(tmpdir(), 'cx-e2e-sync-'));
  const cli = (args: string[]) => {
    const run = spawnSync('npx', ['tsx', 'sync-server/src/index.ts', ...args, '--data', data], { env: { ...process.env, CX_PASSWORD: options.password }, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`sync-server ${args.join(' ')} failed: ${run.stderr}`);
  };
  cli(['tenant', 'add', 'acme']);
  for (const [name, role] of options.users) cli(['user', 'add', 'acme', name, '--role', role]);
  for (const name of options.admins ?? []) cli(['admin', 'add', name]);
  const appOrigin = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`;
  const server: ChildProcess = spawn('npx', ['tsx', 'sync-server/src/index.ts', 'serve', '--port', '0', '--data', data, '--cors-origin', appOrigin, ...(options.extraArgs ?? [])], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('sync server did not start')), 90_000);
    let seen = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const found = /"msg":"listening"[^\n]*?"url":"(http:\/\/[^"]+)"/.exec(seen)?.[1];
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    });
  });
  // npx and tsx each start a child: signalling npx alone left the server itself running after the
  // spec, so the whole process group (its own, from `detached`) is stopped.
  const stop = () => {
    try { if (server.pid) process.kill(-server.pid, 'SIGTERM'); } catch { /* already gone */ }
  };
  return { url, password: options.password, stop };
}

/** The Sync page's sign-in form (the page has other password fields, e.g. workspace backups). */
export const connectForm = (page: Page) => page.getByRole('form', { name: /Connect to a team server|Sign in again/ });

/** Signs in to team `acme` on the Sync page and waits until the workspace is up to date. */
export async function connect(page: Page, server: SyncServerProcess, user: string): Promise<void> {
  await page.goto('/#/sync');
  await page.getByRole('textbox', { name: 'Server address' }).fill(server.url);
  await page.getByRole('textbox', { name: 'Team' }).fill('acme');
  await page.getByRole('textbox', { name: 'User name' }).fill(user);
  await connectForm(page).getByLabel('Password').fill(server.password);
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByTestId('sync-state')).toHaveText('Up to date', { timeout: 20_000 });
}
