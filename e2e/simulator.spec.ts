import { expect, test, type Page } from '@playwright/test';

/** The "First purchase" template's flow: cart abandoned → wait → A/B reminder → wait until ordered (3 days) → SMS or exit. */
async function openFirstPurchaseFlow(page: Page) {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/#/journeys');
  await page.getByRole('button', { name: 'New journey' }).click();
  await page.getByRole('button', { name: 'Use template First purchase' }).click();
  await page.getByRole('link', { name: 'Flow' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(9);
  await page.getByRole('button', { name: 'Simulate…' }).click();
  return page.getByRole('region', { name: 'Simulator' });
}

const card = (page: Page, label: string) => page.locator('.flow-node').filter({ has: page.locator('strong', { hasText: new RegExp(`^${label}$`) }) });
const num = (text: string | null) => Number((text ?? '').replace(/[^0-9]/g, ''));

test('simulating 1,000 generated customers: A/B arms near the split, a step no one reaches flagged, counts on the flow', async ({ page }) => {
  const panel = await openFirstPurchaseFlow(page);
  await panel.getByRole('spinbutton', { name: 'Generated customers' }).fill('1000');
  await panel.getByRole('button', { name: 'Run simulation' }).click();
  const results = panel.getByTestId('sim-results');
  await expect(results).toBeVisible({ timeout: 30_000 });
  await expect(results.getByRole('status')).toContainText('1,000 of 1,000 customers started');

  // A/B arms: 50/50 by design; 1,000 hashed ids land within ±70 of 500.
  const arms = panel.getByRole('region', { name: 'Arms of Reminder test' });
  const a = num(await arms.locator('tr[data-arm="Variant A"] td').nth(2).textContent());
  const b = num(await arms.locator('tr[data-arm="Variant B"] td').nth(2).textContent());
  expect(a + b).toBe(1000);
  expect(Math.abs(a - 500)).toBeLessThan(70);

  // No customer has an `orders` attribute and no event was designed: everyone times out, nobody gets the SMS.
  await expect(card(page, 'Shipping update').getByTestId('sim-unreached')).toHaveText('No one reaches this step');
  await expect(panel.getByRole('region', { name: 'Steps no one reaches' })).toContainText('Shipping update');
  await expect(card(page, 'Reminder').getByTestId('sim-counts')).toContainText(`${a.toLocaleString('en')} reached`);
  await expect(card(page, 'Did not buy').getByTestId('sim-counts')).toContainText('1,000 exited');
  // Messages per day: every customer got exactly one reminder email on day 1.
  const messages = panel.getByRole('region', { name: 'Messages per day' });
  await expect(messages.locator('tbody tr').first()).toHaveText(/^1\s*1,000$/);

  // Designed events: 40 % order after a day, so about 400 get the SMS and the flag goes.
  await panel.getByRole('spinbutton', { name: 'Wait until ordered event %' }).fill('40');
  await panel.getByRole('button', { name: 'Run simulation' }).click();
  await expect(card(page, 'Shipping update').getByTestId('sim-counts')).toBeVisible({ timeout: 30_000 });
  const sms = num(await card(page, 'Shipping update').locator('[data-k="reached"]').textContent());
  expect(Math.abs(sms - 400)).toBeLessThan(60);
  await expect(panel.getByRole('region', { name: 'Steps no one reaches' })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/simulator.png' });
  await panel.getByRole('region', { name: 'Messages per day' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/simulator-results.png' });

  // Editing the draft takes the counts off the canvas and says why.
  await card(page, 'Reminder').click();
  await page.getByRole('textbox', { name: 'Step label' }).fill('First reminder');
  await page.getByRole('textbox', { name: 'Step label' }).press('Enter');
  await expect(page.getByTestId('sim-counts')).toHaveCount(0);
  await expect(panel.getByRole('note')).toContainText('The draft changed since this simulation');
});

test('bad input gets a clear message and a long simulation can be cancelled', async ({ page }) => {
  const panel = await openFirstPurchaseFlow(page);
  const count = panel.getByRole('spinbutton', { name: 'Generated customers' });
  for (const value of ['0', '250000', '']) {
    await count.fill(value);
    await panel.getByRole('button', { name: 'Run simulation' }).click();
    await expect(panel.getByRole('alert')).toHaveText('Generate between 1 and 200,000 customers.');
  }
  await panel.getByRole('combobox', { name: 'Population', exact: true }).selectOption('eventLog');
  await panel.getByRole('button', { name: 'Run simulation' }).click();
  await expect(panel.getByRole('alert')).toHaveText('Choose the data whose customers to simulate.');

  await panel.getByRole('combobox', { name: 'Population', exact: true }).selectOption('generated');
  await count.fill('200000');
  await panel.getByRole('spinbutton', { name: 'Days simulated' }).fill('365');
  await panel.getByRole('button', { name: 'Run simulation' }).click();
  await expect(panel.getByText(/Simulating…/)).toBeVisible();
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await expect(panel.getByRole('alert')).toHaveText('Simulation cancelled; nothing was changed.');
  await expect(panel.getByRole('button', { name: 'Run simulation' })).toBeEnabled();
  await expect(page.getByTestId('sim-counts')).toHaveCount(0);
});

test('a flow with no trigger is refused with a message', async ({ page }) => {
  await page.goto('/#/journeys');
  await page.getByRole('button', { name: 'New journey' }).click();
  await page.getByRole('button', { name: 'Blank journey' }).click();
  await page.getByRole('link', { name: 'Flow' }).click();
  await page.getByRole('button', { name: 'Add Send email' }).click();
  await page.getByRole('button', { name: 'Simulate…' }).click();
  const panel = page.getByRole('region', { name: 'Simulator' });
  await panel.getByRole('button', { name: 'Run simulation' }).click();
  await expect(panel.getByRole('alert')).toHaveText('This flow has no trigger: add one so customers have a way in.');
});

test('a schedule trigger set up in the flow: daily at 09:00 for listed ids, simulated as one run per customer and slot', async ({ page }) => {
  const panel = await openFirstPurchaseFlow(page);
  await card(page, 'Cart abandoned').click();
  await page.getByRole('combobox', { name: 'Trigger type' }).selectOption('schedule');
  await page.getByRole('combobox', { name: 'Repeats' }).selectOption('calendar');
  await expect(page.getByLabel('Time', { exact: true })).toHaveValue('09:00');
  await expect(page.getByText(/^Time zone: /)).toBeVisible();
  await page.getByRole('combobox', { name: 'Starts' }).selectOption('customers');
  const ids = page.getByRole('textbox', { name: 'Customer ids, separated by commas' });
  await ids.fill(`ann, bob, ann, ${'x'.repeat(201)}`);
  await ids.press('Enter');
  await expect(page.getByText('Customer ids (2)')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Ids left out' })).toContainText('Ids left out: 2 (duplicates');
  await expect(card(page, 'Cart abandoned')).toContainText('Daily at 09:00');

  await panel.getByRole('spinbutton', { name: 'Generated customers' }).fill('100');
  await panel.getByRole('button', { name: 'Run simulation' }).click();
  const status = panel.getByTestId('sim-results').getByRole('status');
  await expect(status).toContainText('100 customers at each of', { timeout: 30_000 });
  const m = /([\d,]+) runs started: 100 customers at each of (\d+) schedule slots/.exec((await status.textContent()) ?? '');
  expect(m).not.toBeNull();
  // 30 simulated days hold 30 (or 31, by the start's time of day) daily slots.
  expect([30, 31]).toContain(Number(m![2]));
  expect(num(m![1] ?? null)).toBe(100 * Number(m![2]));
});
