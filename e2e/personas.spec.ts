import { expect, test, type Page } from '@playwright/test';

// A 1×1 PNG: enough for the app to decode, downscale and store as an asset.
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

async function createFromTemplate(page: Page, template: string): Promise<void> {
  await page.goto('/#/personas/new');
  await page.getByRole('button', { name: `Use template ${template}` }).click();
  await expect(page.getByLabel('Persona name')).toBeVisible();
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
}

async function saved(page: Page): Promise<void> {
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
}

test('a persona made from a template keeps its edited list, chart and photo across a reload', async ({ page }) => {
  await createFromTemplate(page, 'E-commerce shopper');
  await page.getByLabel('Goals item 1', { exact: true }).fill('Find sizes that fit the first time');
  await page.getByLabel('Where she shops value 1').fill('70');
  await page.getByLabel('Where she shops label 2').fill('Tablet');

  // Anything but PNG, JPEG or WebP is refused with a clear message, whatever its name says.
  const upload = page.getByLabel(/^Upload photo of/);
  await upload.setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('just some text, not an image') });
  await expect(page.getByRole('alert').filter({ hasText: 'is not a PNG, JPEG or WebP image' })).toBeVisible();
  await upload.setInputFiles({ name: 'maya.png', mimeType: 'image/png', buffer: png });
  await expect(page.getByRole('img', { name: /^photo of/ })).toBeVisible();
  await saved(page);

  await page.reload();
  await expect(page.getByLabel('Goals item 1', { exact: true })).toHaveValue('Find sizes that fit the first time');
  await expect(page.getByLabel('Where she shops value 1')).toHaveValue('70');
  await expect(page.getByLabel('Where she shops label 2')).toHaveValue('Tablet');
  await expect(page.getByRole('img', { name: /^photo of/ })).toBeVisible();
});

test('an edit shows as saved and survives a reload', async ({ page }) => {
  await createFromTemplate(page, 'SaaS admin');
  await page.getByLabel('Persona name').fill('Priya the admin');
  await saved(page);
  await page.reload();
  await expect(page.getByLabel('Persona name')).toHaveValue('Priya the admin');
});

test('undo and redo from the keyboard, what is stored follows them, and sections move by keyboard', async ({ page }) => {
  await createFromTemplate(page, 'Student');
  const sections = page.locator('[data-section-type]');
  const before = await sections.count();
  await page.getByRole('button', { name: 'Add Behaviour scales' }).click();
  await expect(sections).toHaveCount(before + 1);
  await page.keyboard.press('Control+z');
  await expect(sections).toHaveCount(before);
  await page.keyboard.press('Control+Shift+z');
  await expect(sections).toHaveCount(before + 1);
  await page.keyboard.press('Control+z');
  await expect(sections).toHaveCount(before);
  // The undone state is what is stored, even though a write of the added section was under way.
  await saved(page);
  await page.reload();
  await expect(page.getByLabel('Persona name')).toBeVisible();
  await expect(sections).toHaveCount(before);

  // Sections move from the keyboard too: the new section trades places with the one before it.
  await page.getByRole('button', { name: 'Add Behaviour scales' }).click();
  const added = page.locator('[data-section-type="scales"]');
  const top = (await added.boundingBox())!.y;
  await page.getByRole('button', { name: 'Move Behaviour: arrow keys' }).press('ArrowUp');
  await expect.poll(async () => (await added.boundingBox())!.y).toBeLessThan(top);
});

test('an old version can be restored, and restoring adds a version instead of rewriting history', async ({ page }) => {
  await createFromTemplate(page, 'Healthcare patient');
  const original = await page.getByLabel('Persona name').inputValue();
  await page.getByLabel('Persona name').fill('Robert, renamed');
  await saved(page);
  await page.getByRole('button', { name: 'History' }).click();
  await expect(page.getByRole('listitem', { name: 'Version 2' })).toContainText(`Renamed “${original}” to “Robert, renamed”`);
  await page.getByRole('button', { name: 'Restore version 1' }).click();
  await page.getByRole('dialog', { name: 'Restore version 1?' }).getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByRole('listitem', { name: 'Version 3' })).toContainText('Restored version 1');
  await page.getByRole('button', { name: 'Back to editor' }).click();
  await expect(page.getByLabel('Persona name')).toHaveValue(original);
});

test('two personas compare side by side with their differences flagged', async ({ page }) => {
  await createFromTemplate(page, 'E-commerce shopper');
  await createFromTemplate(page, 'SaaS admin');
  await page.goto('/#/personas');
  for (const name of ['Maya, the mobile bargain hunter', 'Priya, the pragmatic admin']) {
    await page.getByRole('listitem', { name }).getByLabel('Compare').check();
  }
  await page.getByRole('button', { name: 'Compare (2)' }).click();
  await expect(page.getByRole('heading', { name: 'Compare personas' })).toBeVisible();
  await expect(page.getByRole('row', { name: 'Goals (differs)' })).toBeVisible();
  await expect(page.getByRole('row', { name: /^Pie chart/ })).toContainText('No pie chart section');
});

test('the list searches, filters, and deletes with confirmation and undo', async ({ page }) => {
  await createFromTemplate(page, 'Banking customer');
  await createFromTemplate(page, 'Student');
  await page.goto('/#/personas');
  await page.getByLabel('Search personas').fill('banking');
  await expect(page.getByRole('list', { name: 'Personas' }).getByRole('listitem')).toHaveCount(1);
  await page.getByLabel('Search personas').fill('');
  const card = page.getByRole('listitem', { name: 'Aisha, the busy undergraduate' });
  await card.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(card).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(card).toBeVisible();
});

test('personas export to a JSON envelope and import back as copies, with problems listed by path', async ({ page }) => {
  await createFromTemplate(page, 'B2B procurement buyer');
  await page.goto('/#/personas');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export all' }).click();
  const file = await (await download).path();
  const { readFile } = await import('node:fs/promises');
  const envelope = JSON.parse(await readFile(file, 'utf8')) as { type: string; version: number; personas: { name: string }[] };
  expect(envelope).toMatchObject({ type: 'cx-studio.personas', version: 1 });
  expect(envelope.personas.map((p) => p.name)).toEqual(['Thomas, the process keeper']);

  // The same file back, plus a broken persona: the broken one is reported by path, the other imported as a copy.
  const broken = { ...envelope, personas: [...envelope.personas, { name: '', sections: [{ type: 'zodiac' }] }] };
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…' }).click();
  await (await chooser).setFiles({ name: 'personas.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
  const dialog = page.getByRole('dialog', { name: 'Import report' });
  await expect(dialog).toContainText('personas[1].name');
  await expect(dialog).toContainText('personas[1].sections[0].type');
  await dialog.getByRole('button', { name: 'Import as copies' }).click();
  await expect(page.getByRole('list', { name: 'Personas' }).getByRole('listitem', { name: 'Thomas, the process keeper' })).toHaveCount(2);
});
