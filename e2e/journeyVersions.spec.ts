import { writeFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';

// Issue 12, item 7 (and item 1 for journeys): a map-only journey is versioned like any other, the
// list says when a draft is ahead of its active version, diffs speak in words, imports are copies.

async function blankJourney(page: Page): Promise<void> {
  await page.goto('/#/journeys');
  await page.getByRole('button', { name: 'New journey' }).click();
  await page.getByRole('button', { name: 'Blank journey' }).click();
  await expect(page.getByRole('textbox', { name: 'Journey name' })).toHaveValue('Untitled journey');
}

async function publish(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Publish' }).click();
}

test('a journey that is only a map publishes, the list flags unpublished changes, and the diff reads old → new', async ({ page }) => {
  await blankJourney(page);
  await page.getByRole('button', { name: '+ Stage' }).click();
  const stage = page.getByRole('textbox', { name: 'Stage 1 name' });
  await stage.fill('Discover');
  await stage.press('Enter');
  await expect(page.getByRole('button', { name: 'Publish', exact: true })).toBeEnabled();
  await publish(page);
  await expect(page.getByText('Active · v1')).toBeVisible();

  await page.getByRole('link', { name: '← Journeys' }).click();
  const card = page.locator('.journey-card').filter({ hasText: 'Untitled journey' });
  await expect(card).toContainText('Active · v1');
  await expect(card).not.toContainText('unpublished changes');

  await card.getByRole('link', { name: 'Untitled journey' }).click();
  await page.getByRole('textbox', { name: 'Stage 1 name' }).fill('Discovery');
  await page.getByRole('textbox', { name: 'Stage 1 name' }).press('Enter');
  await page.getByRole('link', { name: '← Journeys' }).click();
  await expect(card).toContainText('unpublished changes');

  await card.getByRole('link', { name: 'Untitled journey' }).click();
  await page.getByRole('link', { name: 'Versions' }).click();
  const diff = page.getByRole('list', { name: 'Differences' });
  await expect(diff).toContainText('name "Discover" → "Discovery"');
  await page.screenshot({ path: test.info().outputPath('journey-diff.png') });
});

test('restoring a version keeps the draft it replaces in the history, so a reload cannot lose it', async ({ page }) => {
  await page.goto('/#/journeys');
  await page.getByRole('button', { name: 'New journey' }).click();
  await page.getByRole('button', { name: 'Use template Renewal' }).click();
  await publish(page);
  await expect(page.getByText('Active · v1')).toBeVisible();
  await page.getByRole('button', { name: 'Remove stage Negotiation' }).click();
  await page.getByRole('link', { name: 'Versions' }).click();
  await page.getByRole('button', { name: 'Restore as draft' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByText('No differences.')).toBeVisible();
  await page.reload();
  const kept = page.getByRole('listitem').filter({ hasText: 'Draft before restoring version 1' });
  await expect(kept).toBeVisible();
  await kept.getByRole('button', { name: 'Restore this kept draft' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Restore' }).click();
  await page.getByRole('link', { name: 'Map' }).click();
  await expect(page.getByRole('button', { name: 'Remove stage Negotiation' })).toHaveCount(0);
});

test('an imported journey that exists already comes in named "(copy)"', async ({ page }, testInfo) => {
  await blankJourney(page);
  await page.getByRole('textbox', { name: 'Journey name' }).fill('Onboarding map');
  await page.getByRole('textbox', { name: 'Journey name' }).press('Enter');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  const file = testInfo.outputPath('onboarding.json');
  await (await download).saveAs(file);
  await page.getByRole('link', { name: '← Journeys' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import JSON…' }).click();
  await (await chooser).setFiles(file);
  await page.getByRole('button', { name: 'Import as copy' }).click();
  await expect(page.getByRole('textbox', { name: 'Journey name' })).toHaveValue('Onboarding map (copy)');
  await writeFile(testInfo.outputPath('done.txt'), 'ok');
});
