import { expect, test, type Page } from '@playwright/test';
import { closeSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Issue 13 in the import dialog: the date order can be chosen, and answer labels map to numbers the user sees.
const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const shots = process.env.E2E_SHOTS;

async function snap(page: Page, name: string): Promise<void> {
  if (!shots) return;
  const size = page.viewportSize();
  await page.setViewportSize({ width: 1400, height: 1600 });
  await page.screenshot({ path: `${shots}/${name}.png` });
  if (size) await page.setViewportSize(size);
}

async function importFile(page: Page, file: string): Promise<void> {
  await page.goto('/#/data');
  await expect(page.getByRole('heading', { name: 'Data', level: 1 })).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import survey file…' }).click();
  await (await chooser).setFiles(path.join(fixtures, file));
  await expect(page.getByRole('heading', { name: `Preview of ${file}` })).toBeVisible();
}

test('day-first dates: the dialog says the order is a guess, and the chosen order is used without a warning', async ({ page }) => {
  await importFile(page, 'survey-day-first.csv');
  const order = page.getByLabel('Dates in this file');
  await expect(order).toHaveValue('mdy');
  await expect(page.getByRole('note')).toContainText('No date in the first rows has a day above 12');
  await order.selectOption('dmy');
  await expect(page.getByTestId('detected-date-order')).toHaveText('day/month/year');
  await snap(page, 'import-date-order');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Datasets' }).getByRole('row', { name: /survey-day-first/ })).toContainText('3');
});

test('day-first dates left to the guess are imported only after a warning', async ({ page }) => {
  await importFile(page, 'survey-day-first.csv');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Check before saving' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Warnings' })).toContainText('could be 5 March or 3 May');
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByText('No survey data yet')).toBeVisible();
});

test('SurveyMonkey answer text: the label mapping is shown, editable, and every response imports', async ({ page }) => {
  await importFile(page, 'surveymonkey-labels.csv');
  await expect(page.getByTestId('detected-shape')).toHaveText('SurveyMonkey');
  const source = 'Overall, how satisfied or dissatisfied are you with our company?';
  await expect(page.getByLabel(`Attribute for ${source}`)).toHaveValue('satisfaction');
  await expect(page.getByLabel(`Number for "Very satisfied" in ${source}`)).toHaveValue('5');
  await expect(page.getByLabel(`Number for "Somewhat dissatisfied" in ${source}`)).toHaveValue('2');
  await page.getByLabel(`Number for "Very satisfied" in ${source}`).scrollIntoViewIfNeeded();
  await snap(page, 'import-scale-labels');
  // An emptied number blocks the import until it is given again.
  const satisfied = page.getByLabel(`Number for "Satisfied" in ${source}`);
  await satisfied.fill('');
  await expect(page.getByRole('list', { name: 'Mapping problems' })).toContainText(`Give every answer label of "${source}" a number.`);
  await expect(page.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
  await satisfied.fill('4');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByText('Imported 4 responses into surveymonkey-labels.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Datasets' }).getByRole('row', { name: /surveymonkey-labels/ })).toContainText('4');
});

test('files over the app\'s limits are refused before they are read: a workbook over 256 MB, a CSV over 4 GB', async ({ page }, info) => {
  // Sparse: large on paper, nothing written; the limits are checked from the size alone.
  const sparse = (name: string, bytes: number) => {
    const file = info.outputPath(name);
    const fd = openSync(file, 'w');
    writeSync(fd, Buffer.from('x'), 0, 1, bytes - 1);
    closeSync(fd);
    return file;
  };
  const pick = async (file: string) => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import survey file…' }).click();
    await (await chooser).setFiles(file);
  };
  await page.goto('/#/data');
  await pick(sparse('huge.xlsx', 300 * 1024 * 1024));
  await expect(page.getByText('huge.xlsx is 300 MB. Excel workbooks are read whole, up to 256 MB. Save the sheet as CSV')).toBeVisible();
  await snap(page, 'import-too-large');
  await pick(sparse('huge.csv', 4097 * 1024 * 1024));
  await expect(page.getByText('huge.csv is 4,097 MB. The app imports survey files up to 4,096 MB')).toBeVisible();
  await expect(page.getByText(/npm run cli -- analyze/).first()).toBeVisible();
  await expect(page.getByRole('heading', { name: /Preview of/ })).toHaveCount(0);
});
