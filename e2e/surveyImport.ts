import { expect, type Page } from '@playwright/test';

/**
 * Imports a survey file through Data → Import survey file…; `map` runs on the mapping step before
 * Import is pressed (e.g. to keep custom columns).
 */
export async function importSurvey(page: Page, file: string, map?: (page: Page) => Promise<void>): Promise<void> {
  await page.goto('/#/data');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import survey file…' }).click();
  await (await chooser).setFiles(file);
  if (map) await map(page);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Datasets' })).toBeVisible();
}
