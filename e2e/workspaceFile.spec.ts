import { expect, test, type Page } from '@playwright/test';
import { samplePersona } from '../common/export/samplePersona';
import { emptyCollections, type WorkspaceDoc } from '../common/workspaceFile/format';
import { writeWorkspaceFile } from '../common/workspaceFile/file';

/** A workspace file with two personas and `snapshots` daily snapshots, written by the app's own writer. */
async function workspaceBytes(options: { password?: string; snapshots?: number; spoil?: boolean } = {}): Promise<Buffer> {
  const c = emptyCollections();
  c.personas.push(samplePersona('Ana from the bundle', 'p-ana') as unknown as WorkspaceDoc, samplePersona('Bo from the bundle', 'p-bo') as unknown as WorkspaceDoc);
  for (let i = 0; i < (options.snapshots ?? 0); i++) {
    c.snapshots.push({ id: `snap-${i}`, entity: 'persona', entityId: 'p-ana', day: '2026-11-01', metrics: { responses: i }, computedAt: 1 });
  }
  if (options.spoil) c.snapshots.push({ id: 'snap-bad', entity: 'persona', entityId: 'p-ana', day: 'yesterday' });
  const bytes = await writeWorkspaceFile({ name: 'Acme bundle', createdAt: 1_760_000_000_000, collections: c }, options.password ? { password: options.password, iterations: 100_000 } : {});
  return Buffer.from(bytes);
}

async function choose(page: Page, button: string, name: string, buffer: Buffer): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button }).click();
  await (await chooser).setFiles({ name, mimeType: 'application/octet-stream', buffer });
}

test('a client opens a password-protected bundle from the start screen, without an account, and restores it', async ({ page }) => {
  await page.goto('/');
  await choose(page, 'Open workspace file…', 'Acme bundle.cxstudio', await workspaceBytes({ password: 'client password' }));
  await expect(page.getByRole('heading', { name: 'Sync', level: 1 })).toBeVisible();
  await page.getByLabel('Password for Acme bundle.cxstudio').fill('client password');
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  const preview = page.getByRole('dialog', { name: 'Restore' });
  await expect(preview).toContainText('“Acme bundle” holds 2 documents.');
  await preview.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(page.getByText('Restored: 2 added, 0 replaced, 0 kept as they were.')).toBeVisible();
  await page.goto('/#/personas');
  await expect(page.getByText('Ana from the bundle').first()).toBeVisible();
});

test('a file with a bad document is refused whole, naming the problem', async ({ page }) => {
  await page.goto('/');
  await choose(page, 'Open workspace file…', 'Spoiled.cxstudio', await workspaceBytes({ spoil: true }));
  const alert = page.getByRole('alert').filter({ hasText: 'nothing was restored' });
  await expect(alert).toContainText('The file has 3 problems, so nothing was restored: snapshots[0].');
  await expect(alert).toContainText('snapshots[0].day');
  await expect(page.getByRole('dialog', { name: 'Restore' })).toHaveCount(0);
});

test('cancelling a restore part-way writes nothing', async ({ page }) => {
  await page.goto('/#/sync');
  const file = await workspaceBytes({ snapshots: 1500 });
  await choose(page, 'Restore from file…', 'Big.cxstudio', file);
  const preview = page.getByRole('dialog', { name: 'Restore' });
  await expect(preview).toContainText('holds 1,502 documents.');
  // Slow the page down so the restore is still running when Cancel is clicked.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 });
  await preview.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(page.getByText(/Restoring [\d,]+ of 1,502/)).toBeVisible();
  await page.locator('p[aria-live="polite"]').getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('Restore cancelled; nothing was restored.')).toBeVisible();
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  // Opened again, the same file finds none of its documents here.
  await choose(page, 'Restore from file…', 'Big.cxstudio', file);
  await expect(preview).toContainText('holds 1,502 documents.');
  await expect(preview).not.toContainText('already exist here');
});
