import { writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { connect, startSyncServer, type SyncServerProcess } from './syncServer';
import { startEngineProcess, type EngineProcess } from './engineProcess';
import { startSmtp, type Smtp } from '../engine/src/testing/parts';

// The Runs panel against real parts: the sync server, the engine process (`npm run engine`'s module)
// signed in as a server admin, and an SMTP server. Waits are compressed 1000× (2 hours → 7.2 s), so
// runs move past the first wait while the test watches and then sit at "Wait until ordered" (3 days → 4.3 min).
const password = 'workshop-pass-123';
let server: SyncServerProcess | undefined;
let smtp: Smtp | undefined;
let engine: EngineProcess | undefined;
const sendEvent = (customerId: string, id: string) => engine!.sendEvent(customerId, id);

test.beforeAll(async () => {
  test.setTimeout(180_000); // two server processes start on a shared machine
  server = await startSyncServer({ password, users: [['ana', 'editor']], admins: ['engine'] });
  smtp = await startSmtp();
  engine = await startEngineProcess(server.url, 'engine', password, {
    smtp: { host: '127.0.0.1', port: smtp.port, from: 'journeys@acme.example' }, waitScale: 1000,
  });
});

test.afterAll(async () => {
  engine?.stop();
  // The engine's JSON log lines, for a failure's post-mortem.
  if (engine) writeFileSync('test-results/journey-runs-engine.log', engine.log());
  await smtp?.close();
  server?.stop();
});

const card = (page: Page, label: string) => page.locator('.flow-node').filter({ has: page.locator('strong', { hasText: new RegExp(`^${label}$`) }) });

test('a published journey runs: live counts on the flow, customer lookup with keys, pause/resume, a dead letter retried, kill', async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await connect(page, server!, 'ana');
  // Straight on after signing in: Connect used to close and reopen the database under the screen.
  await page.goto('/#/journeys');
  await page.getByRole('button', { name: 'New journey' }).click();
  await page.getByRole('button', { name: 'Use template First purchase' }).click();
  await page.getByRole('link', { name: 'Flow' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(9);

  // Before publishing the panel says what is needed.
  await page.getByRole('button', { name: 'Runs…' }).click();
  const panel = page.getByRole('region', { name: 'Runs' });
  await expect(panel.getByRole('status')).toHaveText('Publish this journey first: only published versions run.');
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Publish' }).click();
  await expect(panel.getByTestId('engine-status')).toHaveText('Engine processes running: 1', { timeout: 30_000 });
  await expect(panel.getByTestId('journey-state')).toHaveText('Running');
  await expect(card(page, 'Cart abandoned').getByTestId('run-counts')).toContainText('done 0');

  // Bad input in the lookup: each gets its sentence and nothing is asked of the server.
  const lookup = panel.getByRole('region', { name: 'Customer lookup' });
  await lookup.getByRole('button', { name: 'Look up' }).click();
  await expect(lookup.getByRole('alert')).toHaveText('Type a customer id to look up.');
  await lookup.getByRole('textbox', { name: 'Customer id' }).fill('x'.repeat(201));
  await lookup.getByRole('button', { name: 'Look up' }).click();
  await expect(lookup.getByRole('alert')).toHaveText('A customer id has at most 200 characters.');

  // Three signed events start three runs (once the engine has read the published version).
  smtp!.reject.add('bad@example.com');
  // The engine reads the journey list every 5 s: until it has the new version, an event starts nothing.
  await expect.poll(async () => (await sendEvent('ann@example.com', `e-ann-${Date.now()}`)).runs, { timeout: 30_000, intervals: [1000] }).toBe(1);
  expect(await sendEvent('bob@example.com', 'e-bob')).toEqual({ status: 202, ok: true, runs: 1, duplicate: false, skipped: [] });
  expect(await sendEvent('bad@example.com', 'e-bad')).toEqual({ status: 202, ok: true, runs: 1, duplicate: false, skipped: [] });
  const refresh = () => panel.getByRole('button', { name: 'Refresh' }).click();
  await expect(async () => {
    await refresh();
    await expect(card(page, 'Wait 2 hours').getByTestId('run-counts')).toContainText('waiting 3', { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(card(page, 'Cart abandoned').getByTestId('run-counts')).toContainText('done 3');

  // After the compressed wait: two emails sent, the third refused (550) and dead-lettered.
  await expect(async () => {
    await refresh();
    await expect(card(page, 'Wait until ordered').getByTestId('run-counts')).toContainText('waiting 2', { timeout: 1000 });
    await expect(panel.getByTestId('failure-row')).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 40_000 });
  const failure = panel.getByTestId('failure-row');
  await expect(failure).toContainText('bad@example.com');
  await expect(failure).toContainText('550');

  // The lookup: version, step, and the send with the key the SMTP server received.
  await lookup.getByRole('textbox', { name: 'Customer id' }).fill('ann@example.com');
  await lookup.getByRole('button', { name: 'Look up' }).click();
  const run = lookup.getByTestId('run-card');
  await expect(run).toHaveCount(1);
  await expect(run.locator('strong')).toHaveText('This journey · version 1 · waiting');
  await expect(run).toContainText('At step: Wait until ordered');
  const sentKey = (await run.locator('tr[data-what="sent"] td.key').textContent())!.trim();
  expect(sentKey).toMatch(/^\S{8,}$/);
  const annMail = smtp!.mails.find((m) => m.to.includes('ann@example.com'))!;
  expect(annMail.data).toContain(`X-Idempotency-Key: ${sentKey}`);
  await lookup.getByRole('textbox', { name: 'Customer id' }).fill('nobody@example.com');
  await lookup.getByRole('button', { name: 'Look up' }).click();
  await expect(lookup.getByRole('status')).toHaveText('No runs for nobody@example.com.');

  // Pause: a paused journey takes no new customer (the event is stored for waits and goals only).
  await panel.getByRole('button', { name: 'Pause' }).click();
  await expect(panel.getByTestId('journey-state')).toHaveText('Paused');
  await expect(panel.getByRole('button', { name: 'Resume' })).toBeVisible();
  await page.waitForTimeout(2000); // the engine reads the control change from its feed
  expect(await sendEvent('dan@example.com', 'e-dan-paused')).toMatchObject({ status: 202, runs: 0 });
  await page.waitForTimeout(3000);
  await refresh();
  await expect(card(page, 'Cart abandoned').getByTestId('run-counts')).toContainText('done 3');
  await panel.getByRole('button', { name: 'Resume' }).click();
  await expect(panel.getByTestId('journey-state')).toHaveText('Running');
  await expect.poll(async () => (await sendEvent('dan@example.com', `e-dan-${Date.now()}`)).runs, { timeout: 10_000, intervals: [500] }).toBe(1);
  await expect(async () => {
    await refresh();
    await expect(card(page, 'Cart abandoned').getByTestId('run-counts')).toContainText('done 4', { timeout: 1000 });
  }).toPass({ timeout: 20_000 });

  // The dead letter: the mailbox works again, Retry sends with the same key and the run moves on.
  smtp!.reject.clear();
  await failure.getByRole('button', { name: 'Retry the run of bad@example.com' }).click();
  await expect(panel.getByRole('region', { name: 'Failures' }).getByRole('status')).toHaveText('Retry asked for bad@example.com; the engine picks it up within seconds.');
  await expect(async () => {
    await refresh();
    await expect(panel.getByTestId('failure-row')).toHaveCount(0, { timeout: 1000 });
    await expect(card(page, 'Wait until ordered').getByTestId('run-counts')).toContainText('waiting 4', { timeout: 1000 });
  }).toPass({ timeout: 40_000 });
  expect(smtp!.mails.filter((m) => m.to.includes('bad@example.com'))).toHaveLength(1);
  await page.screenshot({ path: 'test-results/journey-runs.png' });

  // The map shows the same runs per stage: the four at "Wait until ordered" are in Checkout, whose
  // steps they are at; Discover has no steps. Off until asked for.
  await page.getByRole('link', { name: 'Map' }).click();
  const stageIds = await page.locator('.stage-header').evaluateAll((els) => els.map((e) => ({ id: (e as HTMLElement).dataset.stageId!, name: (e.querySelector('input') as HTMLInputElement | null)?.value ?? e.textContent ?? '' })));
  const idOf = (name: string) => stageIds.find((s) => s.name.includes(name))!.id;
  await expect(page.getByTestId(`stage-runs-${idOf('Checkout')}`)).toHaveCount(0);
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page.getByTestId(`stage-runs-${idOf('Checkout')}`)).toContainText('waiting 4', { timeout: 15_000 });
  await expect(page.getByTestId(`stage-runs-${idOf('Checkout')}`)).toContainText('failed 0');
  await expect(page.getByTestId(`stage-runs-${idOf('Discover')}`)).toHaveText('No flow steps');
  await page.screenshot({ path: 'test-results/journey-runs-map.png' });
  await page.getByRole('link', { name: 'Flow' }).click();
  await page.getByRole('button', { name: 'Runs…' }).click();

  // Kill asks first; cancelling changes nothing, confirming stops every run.
  await panel.getByRole('button', { name: 'Kill…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await expect(panel.getByTestId('journey-state')).toHaveText('Running');
  await panel.getByRole('button', { name: 'Kill…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Kill the journey' }).click();
  await expect(panel.getByTestId('journey-state')).toHaveText('Stopped by the kill switch');
  await expect(async () => {
    await refresh();
    await expect(card(page, 'Wait until ordered').getByTestId('run-counts')).toContainText('waiting 0', { timeout: 1000 });
  }).toPass({ timeout: 20_000 });

  // The engine stops (it hands its heartbeat back): the panel says runs do not move.
  engine!.stop();
  await expect(async () => {
    await refresh();
    await expect(panel.getByTestId('engine-status')).toHaveText(/No engine process is running for this team/, { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
});
