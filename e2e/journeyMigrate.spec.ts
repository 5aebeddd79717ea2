import { writeFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { connect, startSyncServer, type SyncServerProcess } from './syncServer';
import { startEngineProcess, type EngineProcess } from './engineProcess';

// Moving open runs to a new published version, from the Runs panel, against the real sync server and
// engine process. Waits are not compressed, so the runs sit at "Wait 2 hours" for the whole test:
// v2 keeps that step (the runs move), v3 deletes it (the engine refuses to move them; nothing moves).
const password = 'workshop-pass-123';
let server: SyncServerProcess | undefined;
let engine: EngineProcess | undefined;

test.beforeAll(async () => {
  test.setTimeout(180_000); // two server processes start on a shared machine
  server = await startSyncServer({ password, users: [['ana', 'editor']], admins: ['engine'] });
  engine = await startEngineProcess(server.url, 'engine', password, {});
});

test.afterAll(async () => {
  engine?.stop();
  if (engine) writeFileSync('test-results/journey-migrate-engine.log', engine.log());
  server?.stop();
});

const card = (page: Page, label: string) => page.locator('.flow-node').filter({ has: page.locator('strong', { hasText: new RegExp(`^${label}$`) }) });

async function publish(page: Page, version: number): Promise<void> {
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByText(`Active · v${version}`)).toBeVisible();
}

/** Looks a customer up in the Runs panel and returns their one run's card. */
async function lookUp(panel: Locator, customerId: string): Promise<Locator> {
  const lookup = panel.getByRole('region', { name: 'Customer lookup' });
  await lookup.getByRole('textbox', { name: 'Customer id' }).fill(customerId);
  await lookup.getByRole('button', { name: 'Look up' }).click();
  const run = lookup.getByTestId('run-card');
  await expect(run).toHaveCount(1);
  return run;
}

test('open runs move to a new version at the same step; a version without their step moves none and says why', async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await connect(page, server!, 'ana');
  await page.goto('/#/journeys');
  await page.getByRole('button', { name: 'New journey' }).click();
  await page.getByRole('button', { name: 'Use template First purchase' }).click();
  await page.getByRole('link', { name: 'Flow' }).click();
  await publish(page, 1);
  await page.getByRole('button', { name: 'Runs…' }).click();
  const panel = page.getByRole('region', { name: 'Runs' });
  await expect(panel.getByTestId('engine-status')).toHaveText('Engine processes running: 1', { timeout: 30_000 });

  // Three customers start on v1 and wait two hours at "Wait 2 hours".
  const customers = ['ann@example.com', 'bob@example.com', 'cat@example.com'];
  await expect.poll(async () => (await engine!.sendEvent(customers[0]!, `e-ann-${Date.now()}`)).runs, { timeout: 30_000, intervals: [1000] }).toBe(1);
  for (const c of customers.slice(1)) expect(await engine!.sendEvent(c, `e-${c}`)).toMatchObject({ status: 202, runs: 1 });
  const refresh = () => panel.getByRole('button', { name: 'Refresh' }).click();
  await expect(async () => {
    await refresh();
    await expect(card(page, 'Wait 2 hours').getByTestId('run-counts')).toContainText('waiting 3', { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(panel.getByRole('region', { name: 'Runs on older versions' })).toHaveCount(0);

  // v2 renames the first reminder; "Wait 2 hours" keeps its step id, so the runs can move.
  await card(page, 'Reminder').click();
  await page.getByRole('textbox', { name: 'Step label' }).fill('Cart reminder');
  await page.getByRole('textbox', { name: 'Step label' }).press('Enter');
  await page.getByRole('button', { name: 'Close inspector' }).click();
  await publish(page, 2);
  const versions = panel.getByRole('region', { name: 'Runs on older versions' });
  await expect(async () => {
    await refresh();
    await expect(versions.getByTestId('older-version')).toHaveText(/^Version 1: open runs 3/, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(versions).toContainText('Open runs stay on the version they started on until you move them. New runs start on version 2.');

  // The dialog maps the steps before anything happens: all three are at a step version 2 has.
  await versions.getByRole('button', { name: 'Move to version 2…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Move open runs from version 1 to version 2?' });
  await expect(dialog.getByTestId('migration-preview')).toContainText('Runs that move: 3. Each carries on at the same step of version 2; a wait keeps its due time.');
  await expect(dialog).not.toContainText('Runs that stay');
  // Cancelling moves nothing.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect((await lookUp(panel, customers[0]!)).locator('strong')).toHaveText('This journey · version 1 · waiting');

  await versions.getByRole('button', { name: 'Move to version 2…' }).click();
  await page.screenshot({ path: 'test-results/journey-migrate-dialog.png' });
  await dialog.getByRole('button', { name: 'Move the runs' }).click();
  const result = versions.getByTestId('migration-result');
  await expect(result).toHaveText('Moved 3 runs to version 2; 0 stayed on version 1.', { timeout: 30_000 });
  for (const c of customers) {
    const run = await lookUp(panel, c);
    await expect(run.locator('strong')).toHaveText('This journey · version 2 · waiting');
    await expect(run).toContainText('At step: Wait 2 hours');
    await expect(run.locator('tr[data-what="migrated"]')).toContainText('Moved to another version — Moved from version 1 to version 2 at the same step. Its timer keeps its due time.');
  }
  await expect(async () => {
    await refresh();
    await expect(versions.getByTestId('older-version')).toHaveCount(0, { timeout: 1000 });
    await expect(card(page, 'Wait 2 hours').getByTestId('run-counts')).toContainText('waiting 3', { timeout: 1000 });
  }).toPass({ timeout: 30_000 });

  // v3 deletes "Wait 2 hours" (the trigger leads straight to the A/B test): the runs' step is gone.
  await card(page, 'Wait 2 hours').click();
  await page.getByRole('button', { name: 'Delete step' }).click();
  await card(page, 'Cart abandoned').click();
  await page.getByRole('combobox', { name: 'Next leads to' }).selectOption({ label: 'Reminder test' });
  await page.getByRole('button', { name: 'Close inspector' }).click();
  await publish(page, 3);
  await expect(async () => {
    await refresh();
    await expect(versions.getByTestId('older-version')).toHaveText(/^Version 2: open runs 3/, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await versions.getByRole('button', { name: 'Move to version 3…' }).click();
  const refusal = page.getByRole('dialog', { name: 'Move open runs from version 2 to version 3?' });
  const preview = refusal.getByTestId('migration-preview');
  await expect(preview).toContainText('Runs that move: 0.');
  await expect(preview).toContainText('Runs that stay on version 2 because their step is not in version 3: 3');
  await expect(preview.getByRole('listitem')).toHaveText(['Wait 2 hours: 3']);
  await refusal.getByRole('button', { name: 'Move the runs' }).click();
  // The engine refuses each run, reports them by name, and every run stays where it was.
  await expect(result).toContainText('No run moved: version 3 has none of the steps these runs are at, so 3 runs stay on version 2.', { timeout: 30_000 });
  await expect(result).toContainText(`Still on version 2: ${customers.join(', ')}`);
  await page.screenshot({ path: 'test-results/journey-migrate-refused.png' });
  for (const c of customers) {
    const run = await lookUp(panel, c);
    await expect(run.locator('strong')).toHaveText('This journey · version 2 · waiting');
    await expect(run.locator('tr[data-what="migrated"]')).toHaveCount(1);
  }
  await refresh();
  await expect(versions.getByTestId('older-version')).toHaveText(/^Version 2: open runs 3/);
});
