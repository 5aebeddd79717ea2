import { expect, test, type Page } from '@playwright/test';
import { fillCheckoutExperiment, importCheckoutLog } from './experimentSetup';
import { clippedText, overlappingText } from './i18nLayout';

// The translated Experiments and Sync screens (kept apart from i18n.spec.ts and i18nAnalytics.spec.ts,
// which other screens extend).

/** An experiment with three arms and a guardrail, saved and read from an imported log (in English). */
async function savedExperiment(page: Page): Promise<void> {
  await importCheckoutLog(page);
  await page.getByRole('link', { name: 'Experiments' }).click();
  await page.getByRole('button', { name: 'New experiment' }).click();
  await fillCheckoutExperiment(page);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Results' })).toContainText('Sample ratio check: passed');
}

test.describe('experiments and sync in German', () => {
  test.use({ timezoneId: 'UTC' });
  test('switch language live, with plurals, figures and problems the German way', async ({ page }) => {
    test.slow();
    await savedExperiment(page);
    await page.getByTestId('language-picker').selectOption('de');
    const planner = page.getByRole('region', { name: 'Planung' });
    // "etwa 12 Tage bei diesem Verkehr": the plural comes from the catalogue, the number from Intl.
    await expect(planner).toContainText(/etwa \d+ Tage? bei diesem Verkehr/);
    const results = page.getByRole('region', { name: 'Ergebnisse' });
    await expect(results).toContainText('Stichprobenverhältnis-Prüfung: bestanden');
    await expect(results).toContainText('z-Test für zwei Anteile');
    // Percentages with a decimal comma and a space before the sign.
    await expect(results.locator('tbody td.num').nth(2)).toHaveText(/^\d+,\d\d\s%/);
    // A data problem common/ reports as a code with its parts, worded in German.
    await page.getByLabel('Wert von Gruppe 2', { exact: true }).fill('b');
    await page.getByRole('button', { name: 'Speichern', exact: true }).click();
    await expect(results).toContainText('Gruppe „Variant“ hat keine Kunden erhalten (kein Ereignis „assigned“ mit arm = „b“)');
    // A setting problem common/ reports as a code, worded in German.
    await page.getByLabel('Name', { exact: true }).fill('');
    await expect(page.getByText('Geben Sie dem Experiment einen Namen.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Speichern', exact: true })).toBeDisabled();

    await page.goto('/#/sync');
    await expect(page.getByRole('heading', { name: 'Synchronisation' })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Serveradresse' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Verbinden' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Arbeitsbereiche auf diesem Computer' })).toBeVisible();
  });
});

for (const [locale, width, height] of [['ar', 1440, 900], ['de', 1280, 720], ['ja', 1280, 720]] as const) {
  test.describe(`experiments and sync in ${locale} at ${width}×${height}`, () => {
    test.use({ viewport: { width, height }, timezoneId: 'UTC' });
    test('the experiment and sync screens show every label whole, nothing on top of anything', async ({ page }) => {
      test.slow();
      await savedExperiment(page);
      await page.getByRole('button', { name: 'Add arm' }).click();
      await page.getByTestId('language-picker').selectOption(locale);
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await expect(page.getByRole('button', { name: 'New experiment' })).toHaveCount(0);
      const check = async (name: string, scopes: string[]) => {
        await page.screenshot({ path: test.info().outputPath(`${locale}-${name}.png`), fullPage: true });
        expect(await clippedText(page, scopes), name).toEqual([]);
        expect(await overlappingText(page, scopes), name).toEqual([]);
      };
      await check('experiment-form', ['.experiments-page .page-header', '.experiment-form', '.experiment-screen > .actions']);
      await page.locator('.memo').scrollIntoViewIfNeeded();
      await check('experiment-results', ['.exp-panel', '.memo']);
      if (locale === 'ar') {
        // Right to left: the form's labels start at the right edge, the list of experiments too.
        const form = (await page.locator('.experiment-form').boundingBox())!;
        const label = (await page.locator('.experiment-form > label').first().boundingBox())!;
        expect(form.x + form.width - (label.x + label.width)).toBeLessThan(form.width / 4);
      }
      await page.goto('/#/sync');
      await expect(page.locator('.workspace-file-panel')).toBeVisible();
      await check('sync', ['.page-header', '.panel']);
    });
  });
}
