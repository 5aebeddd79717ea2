import { expect, test, type Page } from '@playwright/test';

/**
 * Icons are SVG (they render where no emoji font is installed) and every button can be named by a
 * screen reader. Checked on the screens that carry most icons: the persona editor, the journey map
 * and the flow view with its palette.
 */
async function auditButtons(page: Page): Promise<{ unnamed: string[]; glyphs: string[] }> {
  return page.evaluate(() => {
    const pictograph = /\p{Extended_Pictographic}/u;
    const unnamed: string[] = [];
    const glyphs: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('button, [role="button"], a[href], option, .flow-node-icon, .channel-tag')) {
      const text = (el.textContent ?? '').trim();
      const name = el.getAttribute('aria-label') ?? el.getAttribute('title') ?? text;
      if (el.matches('button, [role="button"], a[href]') && el.checkVisibility() && name.trim() === '') unnamed.push(el.outerHTML.slice(0, 120));
      // Emoji glyphs and symbol-font pictographs in the app's own chrome (not in what a user typed).
      if (pictograph.test(text) && !el.closest('[data-user-content]')) glyphs.push(`${el.tagName}: ${text.slice(0, 40)}`);
    }
    return { unnamed, glyphs };
  });
}

test('persona editor, journey map and flow view use SVG icons and name every button', async ({ page }) => {
  await page.goto('/#/personas/new');
  await page.getByRole('button', { name: 'Use template E-commerce shopper' }).click();
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  let audit = await auditButtons(page);
  expect(audit.unnamed).toEqual([]);
  expect(audit.glyphs).toEqual([]);
  await expect(page.locator('.section-drag svg').first()).toBeVisible();

  await page.goto('/#/journeys');
  await page.getByRole('button', { name: 'New journey' }).click();
  await page.getByRole('button', { name: 'Use template Customer onboarding' }).click();
  await expect(page.getByRole('textbox', { name: 'Journey name' })).toHaveValue('Customer onboarding');
  audit = await auditButtons(page);
  expect(audit.unnamed).toEqual([]);
  expect(audit.glyphs).toEqual([]);
  await expect(page.getByRole('button', { name: /^Remove stage / }).first().locator('svg')).toBeVisible();

  await page.getByRole('link', { name: 'Flow' }).click();
  await expect(page.getByRole('navigation', { name: 'Node palette' })).toBeVisible();
  audit = await auditButtons(page);
  expect(audit.unnamed).toEqual([]);
  expect(audit.glyphs).toEqual([]);
  await expect(page.getByRole('button', { name: 'Add Send email' }).locator('svg')).toBeVisible();
});
