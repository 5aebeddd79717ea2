import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importSurvey, personaWithRules as persona } from './surveyImport';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
test.use({ timezoneId: 'UTC' });

/** Changes one field of one rule of a persona, saves, and returns to the overview. */
async function editRule(page: Page, persona: string, field: string, value: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Analytics views' }).getByRole('link', { name: persona }).click();
  await page.getByRole('link', { name: 'Rules (2)' }).click();
  await page.getByLabel(field).fill(value);
  await page.getByRole('button', { name: 'Save rules' }).click();
  await expect(page.getByText(`Saved 2 rules for ${persona}.`).last()).toBeVisible();
  await page.getByRole('link', { name: 'All personas' }).click();
}

const row = (page: Page, table: string, name: string) => page.getByRole('table', { name: table }).getByRole('row', { name: new RegExp(`^${name}`) });

test('each respondent gets a best persona with a confidence; a rules change shows who moves until re-classified', async ({ page }) => {
  await importSurvey(page, path.join(fixtures, 'survey-small.csv'));

  // By hand: Londoners (London, age 20–40) score r1 100, r2 50, r3 50, r4 50, r5 0, r6 100;
  // Leeds savers (save time, Leeds) score r1 50, r2 100, r3 0, r4 0, r5 100, r6 0.
  await persona(page, 'Londoners', [
    { kind: 'One of', column: 'location', fields: { values: 'London' } },
    { kind: 'Numeric range', column: 'age', fields: { minimum: '20', maximum: '40' } },
  ]);
  await persona(page, 'Leeds savers', [
    { kind: 'Contains any of', column: 'goals', fields: { values: 'save time' } },
    { kind: 'One of', column: 'location', fields: { values: 'Leeds' } },
  ]);
  await page.getByRole('link', { name: 'All personas' }).click();
  // Every margin is 50 points: all clear. Londoners r1, r3, r4, r6; Leeds savers r2, r5.
  await expect(row(page, 'Assignment', 'Londoners')).toHaveText(/Londoners\s*4\s*0\s*0\s*4/);
  await expect(row(page, 'Assignment', 'Leeds savers')).toHaveText(/Leeds savers\s*2\s*0\s*0\s*2/);
  await expect(row(page, 'Assignment', 'No persona')).toHaveText(/0$/);
  await expect(row(page, 'Latest responses', 'r4')).toHaveText(/r4\s*Londoners\s*50\.0%\s*50\.0\s*Clear/);
  await expect(page.getByText(/^6 responses, assigned on arrival: /)).toHaveText(/Londoners 4/);
  await expect(page.getByText(/^6 responses, assigned on arrival: /)).toHaveText(/Leeds savers 2/);
  // The screen compares with the classification it opened with (before Leeds savers had rules):
  // accepting the current one makes that the baseline.
  await page.getByRole('button', { name: 'Re-classify all' }).click();
  await expect(page.getByText(/^Matches the classification of /)).toBeVisible();

  // Widen Leeds savers to Paris, narrow Londoners to age 20–30: r4 (Paris, 31) scores 0 for
  // Londoners and 50 for Leeds savers, so it moves; nobody else does.
  await editRule(page, 'Leeds savers', 'Rule 2 values', 'Leeds, Paris');
  await editRule(page, 'Londoners', 'Rule 2 maximum', '30');
  await expect(page.getByText('1 respondent changes persona')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Before and after' }).getByRole('row')).toHaveCount(2);
  await expect(page.getByRole('table', { name: 'Before and after' }).getByRole('row', { name: 'Londoners Leeds savers 1' })).toBeVisible();
  await expect(row(page, 'Latest responses', 'r4')).toHaveText(/r4\s*Leeds savers\s*50\.0%\s*50\.0\s*Clear/);
  await page.getByRole('button', { name: 'Re-classify all' }).click();
  await expect(page.getByText(/^Matches the classification of /)).toBeVisible();

  // Londoners become Parisians aged 20–30: r1 (London, 28) and r4 now score 50 for both personas,
  // a tie called close with a margin of 0; r3 (London, 45) scores for neither and leaves Londoners.
  await editRule(page, 'Londoners', 'Rule 1 values', 'Paris');
  await expect(row(page, 'Latest responses', 'r1')).toHaveText(/r1\s*(Londoners|Leeds savers)\s*50\.0%\s*0\.0\s*Close call/);
  await expect(page.getByRole('table', { name: 'Before and after' }).getByRole('row', { name: 'Londoners No persona 1' })).toBeVisible();
  await page.getByRole('button', { name: 'Re-classify all' }).click();
  await expect(page.getByText(/^Matches the classification of /)).toBeVisible();
  await expect(row(page, 'Assignment', 'No persona')).toHaveText(/1$/);
  if (process.env.E2E_SHOTS) {
    await page.setViewportSize({ width: 1400, height: 2000 });
    await page.screenshot({ path: `${process.env.E2E_SHOTS}/assignment.png` });
  }
});
