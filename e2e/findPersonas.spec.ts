import { expect, test, type Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { plantedCsv, plantedSurvey } from '../common/clustering/generate';
import { importSurvey } from './surveyImport';

const shots = process.env.E2E_SHOTS;

/** Writes planted survey data (3 personas) as a CSV export and returns its path. */
function plantedFile(path: string, rows: number): string {
  const { table } = plantedSurvey({ rows, personas: 3, seed: 5, text: true });
  writeFileSync(path, plantedCsv(table));
  return path;
}

/** Imports the file through the dialog, keeping every column under its own name. */
async function importPlanted(page: Page, file: string): Promise<void> {
  const types: Record<string, string> = { comment: 'text' };
  for (let i = 1; i <= 4; i++) Object.assign(types, { [`score${i}`]: 'number', [`choice${i}`]: 'category' });
  for (let i = 1; i <= 2; i++) types[`multi${i}`] = 'multi';
  await importSurvey(page, file, async () => {
    for (const [column, type] of Object.entries(types)) {
      await page.getByLabel(`Attribute for ${column}`).selectOption({ label: `Other (q_${column})` });
      await page.getByLabel(`Type for ${column}`).selectOption(type);
    }
  });
}

test('groups found in survey data become persona drafts whose rules recover them', async ({ page }, info) => {
  await importPlanted(page, plantedFile(info.outputPath('planted.csv'), 600));
  await page.getByRole('link', { name: /^Find personas in / }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Find personas in/ })).toBeVisible();

  // Bad input: nothing to group by is refused with a reason, not run.
  const groupBy = page.getByRole('group', { name: 'Group respondents by' });
  await groupBy.getByRole('button', { name: 'None' }).click();
  await expect(page.getByRole('alert')).toHaveText('Choose at least one number or choice column to group by.');
  await expect(page.getByRole('button', { name: 'Find personas' })).toBeDisabled();
  await groupBy.getByRole('button', { name: 'All' }).click();
  await expect(groupBy).toContainText('10 of 10 chosen');

  await page.getByRole('button', { name: 'Find personas' }).click();
  // The evidence: one bar per k from 2 to 8, the planted 3 proposed.
  await expect(page.getByRole('button', { name: /^3 groups: silhouette 0\.\d\d, proposed$/ })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('button', { name: /groups: silhouette/ })).toHaveCount(7);
  await expect(page.getByRole('heading', { name: '3 groups of 600 respondents' })).toBeVisible();
  const cards = page.getByRole('article');
  await expect(cards).toHaveCount(3);
  let total = 0;
  for (const card of await cards.all()) {
    const size = /([\d,]+) respondents/.exec(await card.locator('.cluster-size').innerText());
    total += Number(size![1]!.replace(',', ''));
    // Each group's own rules score most of it strong and little of the rest.
    const recovery = /(\d+)% of this group scores strong against them \((\d+)% of everyone else\)/.exec(await card.locator('.recovery').innerText());
    expect(Number(recovery![1])).toBeGreaterThanOrEqual(50);
    expect(Number(recovery![2])).toBeLessThanOrEqual(10);
    await expect(card.locator('.phrase').first()).toBeVisible();
    await expect(card.getByText(/^R_\d+$/).first()).toBeVisible();
  }
  expect(total).toBe(600);
  if (shots) {
    await page.setViewportSize({ width: 1400, height: 2400 });
    await page.screenshot({ path: `${shots}/find-personas.png` });
    await page.setViewportSize({ width: 1280, height: 720 });
  }

  // Another k without running again, then back.
  await page.getByRole('button', { name: /^4 groups: silhouette/ }).click();
  await expect(cards).toHaveCount(4);
  await page.getByRole('button', { name: /^3 groups: silhouette/ }).click();
  await expect(cards).toHaveCount(3);

  // A group's rules as a saved segment: its members are what those rules score strong.
  const firstSize = Number(/([\d,]+) respondents/.exec(await cards.first().locator('.cluster-size').innerText())![1]!.replace(',', ''));
  await cards.first().getByRole('button', { name: 'Save as segment' }).click();
  await expect(page.getByText(/^Saved segment “Group 1 of 3 in /).last()).toBeVisible();

  // One click: a persona draft with its rules, pointing back at the data.
  await cards.first().getByRole('button', { name: 'Create persona draft' }).click();
  await cards.first().getByRole('link', { name: 'Open the draft' }).click();
  await expect(page).toHaveURL(/#\/personas\/[^/]+$/);
  await expect(page.getByLabel('Persona name')).toHaveValue(/^Draft 1: /);
  // Named after the question text, not the stored key; every claim marked as data.
  await expect(page.getByLabel('Persona name')).not.toHaveValue(/q_/);
  await expect(page.getByRole('listitem').filter({ hasText: /Data: [1-9]\d*$/ })).toBeVisible();
  await page.goto('/#/analytics');
  await page.getByRole('navigation', { name: 'Analytics views' }).getByRole('link', { name: /^Draft 1: / }).click();
  await expect(page.getByRole('link', { name: /^Rules \([1-9]\d*\)$/ })).toBeVisible();
  // The segment holds at least half the group (≥ 50 % strong) and at most 10 % of everyone else.
  await page.getByRole('navigation', { name: 'Analytics views' }).getByRole('link', { name: 'Segments' }).click();
  const size = page.locator('[data-testid^="segment-Group 1 of 3 in"]').getByTestId('segment-size');
  await expect(size).toHaveText(/^\d+$/);
  const members = Number(await size.innerText());
  expect(members).toBeGreaterThanOrEqual(firstSize / 2);
  expect(members).toBeLessThanOrEqual(firstSize + 0.1 * (600 - firstSize));
});

test('a search can be stopped part-way and nothing is saved', async ({ page }, info) => {
  test.setTimeout(120_000);
  await importPlanted(page, plantedFile(info.outputPath('planted-large.csv'), 40_000));
  await page.getByRole('link', { name: /^Find personas in / }).click();
  await page.getByRole('button', { name: 'Find personas' }).click();
  const progress = page.getByRole('status').filter({ hasText: 'Grouping respondents' });
  await expect(progress).toBeVisible();
  await progress.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('alert')).toHaveText('Stopped. Nothing was saved.');
  await expect(page.getByRole('article')).toHaveCount(0);
  // The form is usable again and a fixed k runs to the end.
  await page.getByLabel('Number of groups').selectOption('3');
  await page.getByRole('button', { name: 'Find personas' }).click();
  await expect(page.getByRole('heading', { name: '3 groups of 40,000 respondents' })).toBeVisible({ timeout: 90_000 });
  await page.goto('/#/personas');
  await expect(page.getByText(/^Draft \d/)).toHaveCount(0);
});
