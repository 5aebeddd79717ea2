import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { clippedText, overlappingText } from './i18nLayout';
import { importSurvey } from './surveyImport';

// The translated Analytics screens (kept apart from i18n.spec.ts, which the other screens extend).
const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

// Analytics: the overview, a persona's dashboard and rules, and segments, in the same three cases,
// with the figures written the local way.
async function analyticsWithRule(page: Page): Promise<void> {
  await importSurvey(page, path.join(fixtures, 'survey-small.csv'));
  await page.goto('/#/personas/new');
  await page.getByRole('button', { name: 'Start blank' }).click();
  await expect(page).not.toHaveURL(/#\/personas\/new$/);
  await page.goto('/#/analytics');
  await page.getByRole('navigation', { name: 'Analytics views' }).getByRole('link', { name: 'Untitled persona' }).click();
  await page.getByRole('link', { name: 'Rules (0)' }).click();
  await page.getByRole('button', { name: 'Add rule' }).click();
  await page.getByLabel('Rule 1 kind').selectOption({ label: 'One of' });
  await page.getByLabel('Rule 1 column').selectOption('location');
  await page.getByLabel('Rule 1 values').fill('London, Leeds');
  await page.getByRole('button', { name: 'Save rules' }).click();
  await expect(page.getByText('Saved 1 rule for Untitled persona.')).toBeVisible();
}

test.describe('analytics in French', () => {
  test.use({ timezoneId: 'UTC' });
  test('the analytics screens switch language, with percentages and plurals the French way', async ({ page }) => {
    await analyticsWithRule(page);
    await page.getByTestId('language-picker').selectOption('fr');
    await expect(page.getByRole('link', { name: 'Règles (1)' })).toBeVisible();
    await page.getByRole('link', { name: 'Tableau de bord' }).click();
    await page.getByRole('button', { name: 'Recalculer' }).click();
    // London or Leeds: r1, r2, r3, r5, r6 of 6 score 100 → average 83.3 %, written "83,3 %".
    expect(await page.getByTestId('kpi-average').locator('.kpi-value').textContent()).toMatch(/^83,3[\u00a0\u202f]%$/);
    await expect(page.getByTestId('kpi-coverage')).toContainText('5 sur 6 ≥ 50');
    await page.getByRole('link', { name: 'Tous les personas' }).click();
    await expect(page.getByRole('table', { name: 'Comparaison des personas' })).toBeVisible();
    await expect(page.getByTestId('kpi-uncovered')).toContainText('1 réponse');
    await page.getByRole('link', { name: 'Segments' }).click();
    await expect(page.getByRole('button', { name: 'Enregistrer le segment' })).toBeVisible();
  });
});

for (const [locale, width, height] of [['ar', 1440, 900], ['de', 1280, 720], ['ja', 1280, 720]] as const) {
  test.describe(`analytics in ${locale} at ${width}×${height}`, () => {
    test.use({ viewport: { width, height }, timezoneId: 'UTC' });
    test('the analytics screens show every label whole, nothing on top of anything', async ({ page }) => {
      await analyticsWithRule(page);
      await page.getByTestId('language-picker').selectOption(locale);
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await expect(page.getByRole('link', { name: 'Rules (1)' })).toHaveCount(0);
      const scopes = ['.analytics-page .page-header', '.persona-tabs', '.persona-heading', '.kpis', '.rules-panel', '.settings-panel', '.segments'];
      const check = async (name: string) => {
        await page.screenshot({ path: test.info().outputPath(`${locale}-${name}.png`) });
        expect(await clippedText(page, scopes), name).toEqual([]);
        expect(await overlappingText(page, scopes), name).toEqual([]);
      };
      await check('rules');
      await page.locator('.persona-heading .sub-tabs a').first().click();
      await page.locator('.analytics-toolbar button.primary').click();
      await expect(page.getByTestId('kpi-average')).toBeVisible();
      await check('dashboard');
      if (locale === 'ar') {
        // Right to left, days run from the right: the first day's tick is right of the last day's.
        const tick = (day: string) => page.locator('.recharts-cartesian-axis-tick-value', { hasText: day }).first().boundingBox();
        expect((await tick('2026-11-01'))!.x).toBeGreaterThan((await tick('2026-11-03'))!.x);
      }
      await page.locator('.persona-tabs a').first().click();
      await expect(page.getByTestId('kpi-uncovered')).toBeVisible();
      await check('overview');
      await page.locator('.persona-tabs a').nth(1).click();
      await expect(page.locator('.segments form')).toBeVisible();
      await check('segments');
    });
  });
}
