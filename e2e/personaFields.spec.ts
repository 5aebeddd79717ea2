import { expect, test, type Page } from '@playwright/test';

// Issue 12, items 3 and 4: a field says when pasted text is cut; initials never cut a character.

// A 1×1 PNG: enough for the app to decode, downscale and store as an asset.
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

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

test('pasting more than a field holds says how much was cut, and a counter shows near the limit', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await createFromTemplate(page, 'SaaS admin');
  await page.getByRole('button', { name: 'Add Context' }).click();
  const area = page.getByLabel('Context text');
  await area.click();
  await page.evaluate((text) => navigator.clipboard.writeText(text), 'x'.repeat(10_000));
  await page.keyboard.press('Control+V');
  await expect(area).toHaveValue('x'.repeat(5000));
  await expect(page.getByRole('status').filter({ hasText: '5,000 of the 10,000 pasted characters were cut' })).toBeVisible();
  await expect(page.getByTestId('limit-counter')).toHaveText('5,000 / 5,000');

  // A list item (500) warns the same way.
  await page.getByLabel('Goals item 1', { exact: true }).fill('');
  await page.evaluate((text) => navigator.clipboard.writeText(text), 'y'.repeat(700));
  await page.getByLabel('Goals item 1', { exact: true }).focus();
  await page.keyboard.press('Control+V');
  await expect(page.getByRole('status').filter({ hasText: '200 of the 700 pasted characters were cut' })).toBeVisible();
  await saved(page);
  await page.screenshot({ path: test.info().outputPath('limit-counter.png') });
});

test('a name starting with an emoji gets a whole emoji as initial, and cards show the photo', async ({ page }) => {
  await createFromTemplate(page, 'Student');
  await page.getByLabel('Persona name').fill('🦊 Fox Trot');
  await saved(page);
  await page.goto('/#/personas');
  const card = page.getByRole('listitem', { name: '🦊 Fox Trot' });
  await expect(card.locator('.avatar')).toHaveText('🦊F');
  await card.getByRole('link', { name: '🦊 Fox Trot' }).click();
  // The editor's placeholder uses the same initials.
  await expect(page.locator('.photo-initials')).toHaveText('🦊F');
  await page.getByLabel(/^Upload photo of/).setInputFiles({ name: 'fox.png', mimeType: 'image/png', buffer: png });
  await expect(page.getByRole('img', { name: /^photo of/ })).toBeVisible();
  await saved(page);
  await page.goto('/#/personas');
  await expect(page.getByRole('listitem', { name: '🦊 Fox Trot' }).getByRole('img', { name: 'Photo of 🦊 Fox Trot' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('cards.png') });
});
