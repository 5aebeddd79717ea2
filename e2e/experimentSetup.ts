import { expect, type Page } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sampleExperimentLog } from '../common/experiments/sampleLog';

/** The test's first day: 1 May 2026. */
export const checkoutStart = Date.UTC(2026, 4, 1);

/** A 14-day checkout test: B converts 16 % against A's 10 %, 50/50 split, 1 % complaints. */
function writeCheckoutLog(): string {
  const events = sampleExperimentLog({
    seed: 17, start: checkoutStart, days: 14, customersPerDay: 150,
    arms: [{ value: 'A', rate: 0.10, share: 1 }, { value: 'B', rate: 0.16, share: 1 }],
  });
  const lines = ['customer_id,event,timestamp,arm,amount', ...events.map((e) => [e.customer, e.event, new Date(e.time).toISOString(), e.properties?.arm ?? '', e.properties?.amount ?? ''].join(','))];
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'cx-exp-')), 'checkout-test.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** Imports the checkout test log on the Data screen (in English) and waits for it to be stored. */
export async function importCheckoutLog(page: Page): Promise<void> {
  await page.goto('/#/data');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import event log…' }).click();
  await (await chooser).setFiles(writeCheckoutLog());
  await expect(page.getByText(/Imported [\d,]+ events from checkout-test\.csv/)).toBeVisible();
}

/** Fills the open experiment form for the checkout test, with a complaints guardrail (in English). */
export async function fillCheckoutExperiment(page: Page, hypothesis?: string): Promise<void> {
  await page.getByLabel('Name', { exact: true }).fill('One-page checkout');
  if (hypothesis) await page.getByLabel('Hypothesis', { exact: true }).fill(hypothesis);
  await page.getByRole('combobox', { name: 'Event log', exact: true }).selectOption({ label: 'checkout-test' });
  await page.getByRole('combobox', { name: 'Assignment event', exact: true }).selectOption('assigned');
  await page.getByRole('combobox', { name: 'Arm column', exact: true }).selectOption('arm');
  await page.getByRole('combobox', { name: 'Goal event', exact: true }).selectOption('purchase');
  await page.getByRole('button', { name: 'Add guardrail' }).click();
  await page.getByLabel('Guardrail 1 name', { exact: true }).fill('Complaints');
  await page.getByRole('combobox', { name: 'Guardrail 1 event', exact: true }).selectOption('complaint');
  await page.getByLabel('Start', { exact: true }).fill('2026-05-01');
  await page.getByLabel('Planned end', { exact: true }).fill('2026-05-14');
}
