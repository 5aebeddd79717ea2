import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importSurvey } from './surveyImport';
import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const dir = mkdtempSync(path.join(tmpdir(), 'cx-e2e-analytics-export-'));
const name = 'Export Мая';

// Days are counted in the workspace zone, which defaults to the browser's: pin it.
test.use({ timezoneId: 'UTC' });

/** The small fixture imported and a persona named `name` given the three hand-computed rules. */
async function setUp(page: Page): Promise<void> {
  await importSurvey(page, path.join(fixtures, 'survey-small.csv'));
  await page.goto('/#/personas/new');
  await page.getByRole('button', { name: 'Start blank' }).click();
  await expect(page).not.toHaveURL(/#\/personas\/new$/);
  await page.getByLabel('Persona name').fill(name);
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  await page.goto('/#/analytics');
  await page.getByRole('navigation', { name: 'Analytics views' }).getByRole('link', { name }).click();
  await page.getByRole('link', { name: 'Rules (0)' }).click();
  const rules: [string, string, Record<string, string>][] = [
    ['Numeric range', 'age', { minimum: '25', maximum: '40' }], ['One of', 'location', { values: 'London, Leeds' }], ['Contains any of', 'goals', { values: 'save time' }],
  ];
  for (const [i, [kind, column, fields]] of rules.entries()) {
    await page.getByRole('button', { name: 'Add rule' }).click();
    await page.getByLabel(`Rule ${i + 1} kind`).selectOption({ label: kind });
    await page.getByLabel(`Rule ${i + 1} column`).selectOption(column);
    for (const [field, value] of Object.entries(fields)) await page.getByLabel(`Rule ${i + 1} ${field}`).fill(value);
  }
  await page.getByRole('button', { name: 'Save rules' }).click();
  await expect(page.getByText(`Saved 3 rules for ${name}.`)).toBeVisible();
  await page.getByRole('link', { name: 'All personas' }).click();
  await expect(page.getByRole('table', { name: 'Personas compared' })).toContainText(name);
}

async function download(page: Page, button: string, file: string): Promise<Buffer> {
  const menu = page.getByTestId('analytics-export');
  if ((await menu.getAttribute('open')) === null) await menu.locator('summary').click();
  const started = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const target = path.join(dir, file);
  const got = await started;
  await got.saveAs(target);
  const ext = path.extname(file);
  expect(got.suggestedFilename()).toMatch(new RegExp(`^Persona analytics.*\\${ext}$`));
  await expect(page.getByText(`Saved ${got.suggestedFilename()}.`).last()).toBeVisible();
  return readFileSync(target);
}

async function workbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}
const rowsOf = (ws: ExcelJS.Worksheet | undefined) => (ws?.getSheetValues() ?? []).filter(Boolean).map((r) => (Array.isArray(r) ? r.slice(1) : []));

test('the Analytics page exports a PDF report and an Excel workbook that read back with the persona and its scores', async ({ page }) => {
  test.setTimeout(120_000);
  await setUp(page);

  if (process.env.E2E_SHOTS) {
    await page.getByTestId('analytics-export').locator('summary').click();
    await page.screenshot({ path: path.join(process.env.E2E_SHOTS, 'analytics-export-menu.png') });
  }
  const pdf = await download(page, 'PDF report', 'report.pdf');
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  writeFileSync(path.join(dir, 'report.pdf'), pdf);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path.join(dir, 'report.pdf'), '-']).toString('utf8').replace(/\s+/g, ' ');
  for (const want of ['Persona analytics', name, 'Date range: All responses', 'Personas compared', '66.7%', 'Top matches', 'r1']) expect(text).toContain(want);

  const wb = await workbook(await download(page, 'Excel workbook', 'analytics.xlsx'));
  expect(wb.worksheets.map((w) => w.name)).toEqual(['Report', 'Responses', 'Distribution', 'Coverage', 'Overlap', 'Evolution']);
  const responses = rowsOf(wb.getWorksheet('Responses'));
  expect(responses[0]).toEqual(['Respondent', 'Dataset', 'Submitted', 'Best persona', `${name}: age 25–40`, `${name}: location is one of: London, Leeds`,
    `${name}: goals contains any of: save time`, `${name} score %`, `${name} match`]);
  expect(responses).toHaveLength(7);
  const r1 = responses.find((r) => r[0] === 'r1');
  expect(r1?.slice(3)).toEqual([name, 1, 1, 1, 100, 'strong']);
  expect(rowsOf(wb.getWorksheet('Distribution'))[1]?.slice(0, 5)).toEqual([name, 6, 2, 2, 2]);

  // The date range on screen is the export's: 3 November keeps r5 and r6.
  await page.getByLabel('From', { exact: true }).fill('2026-11-03');
  await page.getByLabel('To', { exact: true }).fill('2026-11-03');
  const ranged = await workbook(await download(page, 'Excel workbook', 'ranged.xlsx'));
  expect(rowsOf(ranged.getWorksheet('Responses')).slice(1).map((r) => r[0])).toEqual(['r5', 'r6']);
  expect(rowsOf(ranged.getWorksheet('Report'))).toContainEqual(['From', '2026-11-03']);
});
