import { expect, test, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importSurvey, personaWithRules as persona } from './surveyImport';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const shots = process.env.E2E_SHOTS;
test.use({ timezoneId: 'UTC', acceptDownloads: true });
// Four personas typed in through the UI, then every view: longer than the default minute on a shared machine.
test.describe.configure({ timeout: 150_000 });

async function saveSegment(page: Page, from: string, name: string): Promise<void> {
  const form = page.getByRole('form', { name: 'New segment' });
  await form.getByLabel('From persona').selectOption({ label: from });
  await form.getByLabel('Name').fill(name);
  await form.getByRole('button', { name: 'Save segment' }).click();
}

const segmentRow = (page: Page, name: string) => page.getByTestId(`segment-${name}`);

test('segments from personas: size, growth, overlap, Venn, member export, and bad input', async ({ page }, info) => {
  await importSurvey(page, path.join(fixtures, 'survey-small.csv'));
  // By hand: London = r1, r3, r6 (days 1, 2, 3); aged 20–35 = r1, r2, r4, r6; both r1, r6.
  await persona(page, 'Londoners', [{ kind: 'One of', column: 'location', fields: { values: 'London' } }]);
  await persona(page, 'Young', [{ kind: 'Numeric range', column: 'age', fields: { minimum: '20', maximum: '35' } }]);
  await persona(page, 'Romans', [{ kind: 'One of', column: 'location', fields: { values: 'Rome' } }]);
  await persona(page, 'No rules yet', []);

  await page.getByRole('navigation', { name: 'Analytics views' }).getByRole('link', { name: 'Segments' }).click();
  await saveSegment(page, 'No rules yet', 'Empty');
  await expect(page.getByText(/This segment has no rules, so nobody could be a member/).last()).toBeVisible();

  await saveSegment(page, 'Londoners', 'London');
  await saveSegment(page, 'Young', 'Young');
  await saveSegment(page, 'Romans', 'Rome');
  await saveSegment(page, 'Londoners', 'london');
  await expect(page.getByText(/A segment named “london” exists already/).last()).toBeVisible();

  await expect(segmentRow(page, 'London').getByTestId('segment-size')).toHaveText('3');
  await expect(segmentRow(page, 'Young').getByTestId('segment-size')).toHaveText('4');
  await expect(segmentRow(page, 'Rome').getByTestId('segment-size')).toHaveText('0');
  await expect(segmentRow(page, 'London').getByTestId('segment-growth')).toHaveText('2026-11-01: 1 → 2026-11-03: 3');
  await expect(segmentRow(page, 'London').getByRole('img')).toHaveAttribute('aria-label', 'London size over time: 2026-11-01 1, 2026-11-02 2, 2026-11-03 3');

  const overlap = page.getByRole('table', { name: 'Segment overlap' });
  await expect(overlap.getByRole('row', { name: /^London/ })).toHaveText(/London\s*3\s*2\s*0/);
  await expect(overlap.getByRole('row', { name: /^Young/ })).toHaveText(/Young\s*2\s*4\s*0/);

  await page.getByLabel('Show London in the Venn view').check();
  await page.getByLabel('Show Young in the Venn view').check();
  const venn = page.getByRole('figure', { name: 'Venn view' }).getByRole('img');
  await expect(venn).toHaveAttribute('aria-label', 'London only: 1; Young only: 2; London and Young (all of these): 2');
  if (shots) await page.getByRole('region', { name: 'Segments' }).screenshot({ path: `${shots}/segments.png` });

  // Export of 0 members is refused with a reason; London's members come back from the CSV.
  await segmentRow(page, 'Rome').getByRole('button', { name: 'Export members…' }).click();
  await page.getByRole('button', { name: 'Export members', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'This segment has no members in the loaded data' })).toBeVisible();
  await page.getByRole('button', { name: 'Close' }).click();

  await segmentRow(page, 'London').getByRole('button', { name: 'Export members…' }).click();
  const group = page.getByRole('group', { name: 'Export London' });
  await group.getByLabel('age', { exact: true }).check();
  await group.getByLabel('location', { exact: true }).check();
  const started = page.waitForEvent('download');
  await group.getByRole('button', { name: 'Export members', exact: true }).click();
  const download = await started;
  expect(download.suggestedFilename()).toBe('London members.csv');
  const file = info.outputPath('london.csv');
  await download.saveAs(file);
  expect(readFileSync(file, 'utf8')).toBe('\ufeffrespondent,age,location\r\nr1,28,London\r\nr3,45,London\r\nr6,26,London\r\n');

  // XLSX of the same members reads back too.
  await segmentRow(page, 'Young').getByRole('button', { name: 'Export members…' }).click();
  const young = page.getByRole('group', { name: 'Export Young' });
  await young.getByLabel('Format').selectOption('xlsx');
  const startedXlsx = page.waitForEvent('download');
  await young.getByRole('button', { name: 'Export members', exact: true }).click();
  const xlsx = info.outputPath('young.xlsx');
  await (await startedXlsx).saveAs(xlsx);
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  const ids = wb.getWorksheet('Members')!.getColumn(1).values.slice(1);
  expect(ids).toEqual(['respondent', 'r1', 'r2', 'r4', 'r6']);

  // The persona behind a segment is deleted: the segment keeps its rules and says so.
  await page.goto('/#/personas');
  await page.getByRole('listitem', { name: 'Young' }).getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await page.goto('/#/analytics/segments');
  await expect(segmentRow(page, 'Young')).toContainText('Its persona (Persona Young) was deleted: the segment keeps the rules it had then.');
  await expect(segmentRow(page, 'Young').getByTestId('segment-size')).toHaveText('4');
});

/** A seeded generator, so the planted and stationary days are the same on every run. */
function generator(seed: number): () => number {
  // mulberry32: a plain LCG's successive draws are correlated enough to plant a false shift.
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** Survey rows: `days` days from `first` (day of October 2026), `perDay` each, channel drawn from `probs`. */
function surveyRows(random: () => number, first: number, days: number, perDay: number, probs: number[], idFrom: number): string[] {
  const channels = ['Web', 'App', 'Phone', 'Store'];
  const rows: string[] = [];
  for (let d = 0; d < days; d++) {
    for (let i = 0; i < perDay; i++) {
      let u = random(), c = 0;
      while (c < 3 && (u -= probs[c]!) > 0) c++;
      const id = idFrom + d * perDay + i;
      const day = String(first + d).padStart(2, '0');
      rows.push(`s${id},2026-10-${day}T10:00:00Z,${20 + Math.floor(random() * 40)},${random() < 0.5 ? 'Female' : 'Male'},${channels[c]},${1 + Math.floor(random() * 5)}`);
    }
  }
  return rows;
}

test('a chart and demographics follow the data; a planted shift in a second wave raises an alert', async ({ page }, info) => {
  const header = 'Respondent ID,Submitted At,Age,Gender,Preferred channel,Satisfaction';
  const random = generator(11);
  const stationary = [0.4, 0.3, 0.2, 0.1];
  const wave1 = info.outputPath('panel.csv');
  writeFileSync(wave1, [header, ...surveyRows(random, 1, 20, 40, stationary, 0)].join('\n'));
  const wave2 = info.outputPath('panel-wave2.csv');
  writeFileSync(wave2, [header, ...surveyRows(random, 21, 1, 80, [0.1, 0.1, 0.2, 0.6], 10_000)].join('\n'));

  await importSurvey(page, wave1);
  await persona(page, 'Everyone', [{ kind: 'Numeric range', column: 'age', fields: { minimum: '0', maximum: '130' } }], ['Bar chart', 'Demographics']);
  await page.getByRole('link', { name: 'Dashboard' }).click();

  const chart = page.locator('[data-testid^="follow-"]').filter({ hasText: 'Bar chart (chart)' });
  await chart.getByLabel('Column').selectOption('channel');
  await chart.getByLabel('Follow data: Bar chart (chart)').click();
  await expect(chart.getByLabel('Follow data: Bar chart (chart)')).toBeChecked();
  await expect(page.getByText(/Bar chart now follows panel/).last()).toBeVisible();
  await expect(chart).toContainText('Follows panel, matched = strong match (score ≥ 70), column “channel”');
  await expect(chart).toContainText('panel: 800 matched respondents (strong matches), followed');
  await expect(chart.getByTestId('follow-values')).toHaveText(/^Web \d+(\.\d)? % · App \d+(\.\d)? % · Phone \d+(\.\d)? % · Store \d+(\.\d)? %$/);

  const demo = page.locator('[data-testid^="follow-"]').filter({ hasText: 'Demographics (demographics)' });
  await demo.getByLabel('Follow data: Demographics (demographics)').click();
  await expect(demo.getByLabel('Follow data: Demographics (demographics)')).toBeChecked();
  await expect(demo).toContainText('gender ← gender, age ← age');
  await expect(demo.getByTestId('follow-values')).toHaveText(/gender: (Female|Male) \(\d+ %\) · age: \d+–\d+ \(mean \d+\)/);

  // Stationary data: no alert on the newest day.
  await expect(page.getByTestId('drift-none')).toHaveText('No alert on 2026-10-20.');
  await expect(page.getByTestId('drift-rule')).toContainText('chi-square p < 0.001 and total variation distance ≥ 0.1');

  // The typed values are one click away: History has "Before following data".
  await page.goto('/#/personas');
  await page.getByRole('listitem', { name: 'Everyone' }).getByRole('link', { name: 'Everyone' }).click();
  await page.getByRole('button', { name: 'History' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: 'Before following data' }).first()).toBeVisible();

  // The second wave's day draws most answers from "Store": an alert on the card and in Analytics.
  await page.goto('/#/data');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Add a wave to panel' }).click();
  await (await chooser).setFiles(wave2);
  await page.getByRole('button', { name: 'Import wave' }).click();
  await expect(page.getByRole('table', { name: 'Datasets' }).getByRole('row', { name: /panel/ })).toContainText('880');
  await page.goto('/#/personas');
  await expect(page.getByRole('listitem', { name: 'Everyone' }).getByTestId('drift-badge')).toHaveText(/drift alert/);
  await page.goto('/#/analytics');
  await page.getByRole('navigation', { name: 'Analytics views' }).getByRole('link', { name: 'Everyone' }).click();
  await expect(page.getByRole('list', { name: 'Drift alerts' })).toContainText(/channel: answers shifted on 2026-10-21 \(distance 0\.\d\d/);
  await expect(chart).toContainText('panel: 880 matched respondents');
  await expect(chart.getByTestId('follow-values')).toHaveText(/^Web/);
  if (shots) {
    await page.getByRole('region', { name: 'What changed (drift)' }).screenshot({ path: `${shots}/drift.png` });
    await page.getByRole('region', { name: 'Follow data' }).screenshot({ path: `${shots}/follow.png` });
  }

  // Turning it off keeps the last values.
  await chart.getByLabel('Follow data: Bar chart (chart)').click();
  await expect(chart.getByLabel('Follow data: Bar chart (chart)')).not.toBeChecked();
  await expect(page.getByText(/Bar chart no longer follows the data; its last values are kept/).last()).toBeVisible();
});
