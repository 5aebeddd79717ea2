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
  // Some specs import tens of thousands of rows; on a loaded 2-core machine saving them takes longer
  // than the default 10 s (seen: "Saving … 100%" still showing at 10 s with load 20).
  await expect(page.getByRole('table', { name: 'Datasets' })).toBeVisible({ timeout: 60_000 });
}

/** One rule as typed in the Rules form: its kind's label, its column and its fields by label. */
export interface RuleInput { kind: string; column: string; fields: Record<string, string> }

/** A blank persona with rules typed in Analytics → Rules; `sections` are added from the palette first. */
export async function personaWithRules(page: Page, name: string, rules: RuleInput[], sections: string[] = []): Promise<void> {
  await page.goto('/#/personas/new');
  await page.getByRole('button', { name: 'Start blank' }).click();
  await expect(page).not.toHaveURL(/#\/personas\/new$/);
  await page.getByLabel('Persona name').fill(name);
  for (const s of sections) await page.getByRole('button', { name: `Add ${s}` }).click();
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
  await page.goto('/#/analytics');
  await page.getByRole('navigation', { name: 'Analytics views' }).getByRole('link', { name }).click();
  await page.getByRole('link', { name: 'Rules (0)' }).click();
  for (const [i, r] of rules.entries()) {
    await page.getByRole('button', { name: 'Add rule' }).click();
    await page.getByLabel(`Rule ${i + 1} kind`).selectOption({ label: r.kind });
    await page.getByLabel(`Rule ${i + 1} column`).selectOption(r.column);
    for (const [field, value] of Object.entries(r.fields)) await page.getByLabel(`Rule ${i + 1} ${field}`).fill(value);
  }
  if (rules.length > 0) {
    await page.getByRole('button', { name: 'Save rules' }).click();
    await expect(page.getByText(`Saved ${rules.length} ${rules.length === 1 ? 'rule' : 'rules'} for ${name}.`).last()).toBeVisible();
  }
}
