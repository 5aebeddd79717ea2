import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';

const dir = mkdtempSync(join(tmpdir(), 'cx-e2e-compare-'));

async function createFromTemplate(page: Page, template: string): Promise<void> {
  await page.goto('/#/personas/new');
  await page.getByRole('button', { name: `Use template ${template}` }).click();
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
}

async function download(page: Page, button: string, file: string): Promise<string> {
  const event = page.waitForEvent('download');
  await page.getByRole('button', { name: button, exact: true }).click();
  const path = join(dir, file);
  await (await event).saveAs(path);
  return path;
}

test('the compare page downloads the comparison as a PDF and a workbook', async ({ page }, testInfo) => {
  await createFromTemplate(page, 'E-commerce shopper');
  await createFromTemplate(page, 'SaaS admin');
  await page.goto('/#/personas');
  const names = ['Maya, the mobile bargain hunter', 'Priya, the pragmatic admin'];
  for (const name of names) await page.getByRole('listitem', { name }).getByLabel('Compare').check();
  await page.getByRole('button', { name: 'Compare (2)' }).click();
  await expect(page.getByRole('heading', { name: 'Compare personas' })).toBeVisible();

  await page.locator('details.export-menu > summary').click();
  await testInfo.attach('compare-export-menu.png', { body: await page.screenshot({ path: testInfo.outputPath('menu.png') }), contentType: 'image/png' });
  const pdf = await download(page, 'PDF', 'comparison.pdf');
  expect(execFileSync('pdfinfo', [pdf]).toString('utf8')).toMatch(/Page size:\s+841\.89 x 595\.28/);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-']).toString('utf8').replace(/\s+/g, ' ');
  for (const want of [...names, 'Find the best price without spending an evening on it', 'Onboard new hires in a day', 'No “Pie chart” section']) {
    expect(text).toContain(want);
  }

  const xlsx = await download(page, 'Excel (XLSX)', 'comparison.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['Profile', 'Sections', 'Section items', 'Rules', 'Live metrics']);
  expect(wb.getWorksheet('Profile')?.getRow(1).values).toEqual([undefined, 'Field', ...names, 'Differs']);
  const goals = wb.getWorksheet('Sections')?.getSheetValues().find((r) => Array.isArray(r) && r[1] === 'Goals') as unknown[] | undefined;
  expect(String(goals?.[2])).toContain('Find the best price');
  expect(String(goals?.[3])).toContain('Onboard new hires in a day');
  expect(goals?.[4]).toBe('yes');
});
