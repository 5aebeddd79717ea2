import { expect, test, type Page } from '@playwright/test';

// The language setting: follows the system on first start, switches live from the sidebar, and
// lays Arabic out right to left.

const nav = (page: Page) => page.getByRole('navigation').first();

test('the language changes from the sidebar without a reload, Arabic right to left', async ({ page }) => {
  await page.goto('/');
  await expect(nav(page).getByRole('link', { name: 'Journeys' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // A marker on the window: still there after the switches means the page never reloaded.
  await page.evaluate(() => { (window as unknown as { i18nMarker: number }).i18nMarker = 42; });

  await page.getByTestId('language-picker').selectOption('fr');
  await expect(nav(page).getByRole('link', { name: 'Parcours' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Rubriques' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await nav(page).getByRole('link', { name: 'Données' }).click();
  await expect(page).toHaveTitle('Données — CX Studio');

  await page.getByTestId('language-picker').selectOption('ar');
  await expect(nav(page).getByRole('link', { name: 'الرحلات' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  // Right to left: the navigation sits at the right edge, the content to its left.
  const sidebar = await nav(page).boundingBox();
  const main = await page.locator('main').boundingBox();
  expect(sidebar!.x).toBeGreaterThan(main!.x);
  expect(await page.evaluate(() => (window as unknown as { i18nMarker?: number }).i18nMarker)).toBe(42);

  // The choice is kept on this computer; "system language" goes back to following the browser.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(nav(page).getByRole('link', { name: 'الرحلات' })).toBeVisible();
  await page.getByTestId('language-picker').selectOption('');
  await expect(nav(page).getByRole('link', { name: 'Journeys' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
});

test.describe('on first start', () => {
  test.use({ locale: 'de-DE' });
  test('the language follows the system', async ({ page }) => {
    await page.goto('/');
    await expect(nav(page).getByRole('link', { name: 'Daten' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(page.getByTestId('language-picker')).toHaveValue('');
  });
});

test.describe('a region the app has no catalogue for', () => {
  test.use({ locale: 'pt-PT' });
  test('gets the same language from another region', async ({ page }) => {
    await page.goto('/');
    await expect(nav(page).getByRole('link', { name: 'Jornadas' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'pt-BR');
  });
});

test('the pseudo-locale accents and lengthens every shell string', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('cx.locale.v1', 'en-XA'));
  await page.goto('/');
  const link = nav(page).getByRole('link').filter({ hasText: /^\[Ĵöûŕñéýš/ });
  await expect(link).toBeVisible();
  const text = (await link.textContent()) ?? '';
  expect(text.length).toBeGreaterThanOrEqual(Math.ceil('Journeys'.length * 1.4));
  expect(text.endsWith(']')).toBe(true);
});
