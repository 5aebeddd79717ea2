import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fillCheckoutExperiment, importCheckoutLog } from './experimentSetup';

const shots = process.env.E2E_SHOTS;

async function snap(page: Page, name: string): Promise<void> {
  if (!shots) return;
  await page.setViewportSize({ width: 1500, height: 2000 });
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

test('an experiment is planned, read from an imported event log, and decided in a memo; bad input is named', async ({ page }) => {
  test.slow();
  page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
  page.on('console', (m) => { if (m.type() === 'error') console.log('CONSOLE', m.text()); });
  await importCheckoutLog(page);

  await page.getByRole('link', { name: 'Experiments' }).click();
  await expect(page.getByText('No experiments yet')).toBeVisible();
  await page.getByRole('button', { name: 'New experiment' }).click();
  await expect(page.getByText('Choose the event that assigns customers to arms.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeDisabled();

  await fillCheckoutExperiment(page, 'A one-page checkout lets more customers finish their purchase.');
  await page.getByRole('button', { name: 'Save', exact: true }).click();

  const planner = page.getByRole('region', { name: 'Planner' });
  await expect(planner).toContainText(/about 1\d\d customers a day/);
  await expect(planner).toContainText(/days at this traffic/);
  const results = page.getByRole('region', { name: 'Results' });
  await expect(results).toContainText('Sample ratio check: passed');
  await expect(results).toContainText('two-proportion z-test');
  await expect(results).toContainText('P(beats control)');
  const memo = page.getByRole('article', { name: 'Decision memo' });
  await expect(memo.locator('.memo-verdict')).toHaveText('Ship Variant');
  await expect(memo).toContainText('Decision rule');
  await expect(memo).toContainText(/Complaints in Variant: [\d.]+ ?% vs [\d.]+ ?% \(ok\)/);
  await snap(page, 'experiment-ship');

  // The memo as PDF: the same verdict and rule, as real text in the embedded font.
  const download = page.waitForEvent('download');
  await memo.getByRole('button', { name: 'Save memo as PDF' }).click();
  const pdfPath = path.join(mkdtempSync(path.join(tmpdir(), 'cx-memo-')), 'memo.pdf');
  await (await download).saveAs(pdfPath);
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-']).toString();
  expect(text).toContain('Ship Variant');
  expect(text).toContain('Decision rule');
  expect(text).toMatch(/Arms\s+Control: 1,0\d\d customers/);
  expect(text).toMatch(/Split: passed/);
  expect(execFileSync('pdfinfo', [pdfPath]).toString()).toMatch(/Pages:\s+1\b/);
  if (shots) execFileSync('pdftoppm', ['-png', '-r', '60', '-singlefile', pdfPath, `${shots}/experiment-memo`]);

  // A planned split the data does not follow: SRM shown first, ship blocked.
  await page.getByLabel('Arm 1 share', { exact: true }).fill('3');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(results.locator('p').first()).toContainText('Sample ratio check: FAILED');
  await expect(memo.locator('.memo-verdict')).toHaveText("Don't ship");
  await snap(page, 'experiment-srm');

  // An arm value the log does not have: no traffic, no numbers.
  await page.getByLabel('Arm 1 share', { exact: true }).fill('1');
  await page.getByLabel('Arm 2 value', { exact: true }).fill('b');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(results).toContainText('Arm "Variant" received no customers');
  await expect(results.getByRole('table')).toHaveCount(0);
  await expect(memo.locator('.memo-verdict')).toHaveText('Keep running');

  // A goal event the log does not have.
  await page.getByLabel('Arm 2 value', { exact: true }).fill('B');
  await page.getByRole('combobox', { name: 'Goal event', exact: true }).selectOption('complaint');
  await page.getByRole('combobox', { name: 'Kind', exact: true }).selectOption('value');
  await expect(page.getByText('Choose the numeric property the metric sums.')).toBeVisible();
  await page.getByRole('combobox', { name: 'Property', exact: true }).selectOption('amount');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(results).toContainText("Welch's t-test");

  // Survives a reload (stored in the experiments collection).
  await page.reload();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('One-page checkout');
});
