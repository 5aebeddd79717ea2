import { expect, test, type Locator, type Page } from '@playwright/test';

/**
 * The emotion curve reads on its own (a y-axis with values, a key naming each curve, as-is or to-be,
 * and its persona) and every point can be taken, with the mouse or the keyboard, even where two
 * curves meet on the same value.
 */
async function createFromTemplate(page: Page, template: string) {
  await page.goto('/#/journeys');
  await page.getByRole('button', { name: 'New journey' }).click();
  await page.getByRole('button', { name: `Use template ${template}` }).click();
  await expect(page.getByRole('textbox', { name: 'Journey name' })).toHaveValue(template);
}

async function dragBy(page: Page, from: Locator, dy: number) {
  await from.evaluate((el) => el.scrollIntoView({ block: 'center', inline: 'center' }));
  const a = await from.boundingBox();
  if (!a) throw new Error('marker not visible');
  const start = { x: a.x + a.width / 2, y: a.y + a.height / 2 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x, start.y + dy / 2, { steps: 4 });
  await page.mouse.move(start.x, start.y + dy, { steps: 4 });
  await page.mouse.up();
}

test('the emotion curve has a y-axis and a key, and two curves meeting on one value are taken one by one', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await createFromTemplate(page, 'Customer onboarding');
  const chart = page.getByRole('group', { name: 'Emotions chart' });
  await chart.scrollIntoViewIfNeeded();
  await expect(page.getByRole('img', { name: 'Emotions scale' }).locator('.axis-label')).toHaveText(['+2', '+1', '0', '−1', '−2']);
  const key = page.getByRole('list', { name: 'Curves' });
  await expect(key.getByRole('listitem')).toHaveText(['Today (as-is) · any customer', 'Designed (to-be) · any customer']);

  // At Sign-up both curves stand at +1: two markers, side by side, neither covering the other.
  const today = page.getByRole('slider', { name: 'Today at Sign-up' });
  const designed = page.getByRole('slider', { name: 'Designed at Sign-up' });
  await expect(today).toHaveAttribute('aria-valuenow', '1');
  await expect(designed).toHaveAttribute('aria-valuenow', '1');
  const [a, b] = [await today.boundingBox(), await designed.boundingBox()];
  if (!a || !b) throw new Error('markers not visible');
  expect(Math.abs(a.x - b.x)).toBeGreaterThanOrEqual(a.width);
  await page.screenshot({ path: test.info().outputPath('emotion-curve.png') });

  // Keyboard: Tab goes from one curve's marker to the other's at the same stage; arrows move it.
  await today.focus();
  await page.keyboard.press('Tab');
  await expect(designed).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(designed).toHaveAttribute('aria-valuenow', '1.5');
  await expect(today).toHaveAttribute('aria-valuenow', '1');
  await page.keyboard.press('Shift+Tab');
  await expect(today).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(today).toHaveAttribute('aria-valuenow', '0.5');
  await expect(designed).toHaveAttribute('aria-valuenow', '1.5');

  // Back on one value, the pointer takes the marker it is on: the one drawn beneath included.
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown');
  await expect(today).toHaveAttribute('aria-valuenow', '1');
  await expect(designed).toHaveAttribute('aria-valuenow', '1');
  await dragBy(page, today, 50);
  await expect(today).not.toHaveAttribute('aria-valuenow', '1');
  expect(Number(await today.getAttribute('aria-valuenow'))).toBeLessThan(1);
  await expect(designed).toHaveAttribute('aria-valuenow', '1');
});
