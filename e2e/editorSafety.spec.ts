import { expect, test, type Page } from '@playwright/test';

// Issue 12, items 1 and 2: no persona edit is lost without a word or a way back.

async function createFromTemplate(page: Page, template: string): Promise<string> {
  await page.goto('/#/personas/new');
  await page.getByRole('button', { name: `Use template ${template}` }).click();
  await expect(page.getByLabel('Persona name')).toBeVisible();
  await saved(page);
  return page.getByLabel('Persona name').inputValue();
}

async function saved(page: Page): Promise<void> {
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
}

test('an edit reloaded at once is still in the history, and restoring asks, keeps the current state and can be undone', async ({ page }) => {
  const original = await createFromTemplate(page, 'Healthcare patient');
  await page.getByLabel('Persona name').fill('Robert, edited just now');
  await saved(page);
  // Well inside the 20 s idle time: no version was written for this edit yet.
  await page.reload();
  await expect(page.getByLabel('Persona name')).toHaveValue('Robert, edited just now');
  await page.getByRole('button', { name: 'History' }).click();
  await expect(page.getByRole('listitem', { name: 'Version 2' })).toContainText('Robert, edited just now');

  // Restore asks first; cancelling changes nothing.
  await page.getByRole('button', { name: 'Restore version 1' }).click();
  const dialog = page.getByRole('dialog', { name: 'Restore version 1?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('listitem', { name: 'Version 3' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Restore version 1' }).click();
  await page.getByRole('dialog', { name: 'Restore version 1?' }).getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByRole('listitem', { name: 'Version 3' })).toContainText('Restored version 1');
  // The toast's Undo brings the edited state back, as one more version.
  await page.getByRole('status').filter({ hasText: 'Restored version 1' }).getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('listitem', { name: 'Version 4' })).toContainText('Undid the restore of version 1');
  await page.getByRole('button', { name: 'Back to editor' }).click();
  await expect(page.getByLabel('Persona name')).toHaveValue('Robert, edited just now');
  expect(original).not.toBe('Robert, edited just now');
});

test('a cleared name never drops the goal typed after it, and leaving warns', async ({ page }) => {
  const original = await createFromTemplate(page, 'E-commerce shopper');
  await page.getByLabel('Persona name').fill('');
  await expect(page.getByTestId('save-state')).toContainText('Not saved: name');
  await page.getByLabel('Goals item 1', { exact: true }).fill('A goal typed while the name is empty');
  // Everything valid is stored although the name is not.
  await expect(page.getByTestId('save-state')).toContainText('other edits are saved');

  // The browser asks before a reload or close.
  const prevented = await page.evaluate(() => {
    const e = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(e);
    return e.defaultPrevented;
  });
  expect(prevented).toBe(true);

  // In-app navigation asks too; staying keeps everything on screen.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Journeys' }).click();
  const ask = page.getByRole('dialog', { name: 'Leave this persona?' });
  await expect(ask).toContainText('name');
  await ask.getByRole('button', { name: 'Stay' }).click();
  await expect(page.getByLabel('Goals item 1', { exact: true })).toHaveValue('A goal typed while the name is empty');

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Journeys' }).click();
  await page.getByRole('dialog', { name: 'Leave this persona?' }).getByRole('button', { name: 'Leave' }).click();
  await expect(page.getByRole('heading', { name: 'Journeys', level: 1 })).toBeVisible();
  await page.goto('/#/personas');
  await page.getByRole('link', { name: original }).click();
  await expect(page.getByLabel('Goals item 1', { exact: true })).toHaveValue('A goal typed while the name is empty');
  await expect(page.getByLabel('Persona name')).toHaveValue(original);
});
