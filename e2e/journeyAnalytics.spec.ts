import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const shots = process.env.E2E_SHOTS;

async function snap(page: Page, name: string): Promise<void> {
  if (!shots) return;
  await page.setViewportSize({ width: 1700, height: 1300 });
  await page.screenshot({ path: `${shots}/${name}.png` });
}

test('an event log imported on the Data screen and mapped to stages shows funnel, heat and paths on the map', async ({ page }) => {
  test.slow();
  await page.goto('/#/data');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import event log…' }).click();
  await (await chooser).setFiles(path.join(fixtures, 'onboarding-events.csv'));
  await expect(page.getByText(/Imported 16 events from onboarding-events\.csv \(Event log\)\. 1 duplicate was skipped\./)).toBeVisible();
  await expect(page.getByRole('table', { name: 'Event logs' }).getByRole('row', { name: /onboarding-events/ })).toContainText('16');
  // Survey datasets stay separate: the event log is not listed as survey data.
  await expect(page.getByText('No survey data yet')).toBeVisible();

  await page.goto('/#/journeys');
  await page.getByRole('button', { name: 'New journey' }).click();
  await page.getByRole('button', { name: 'Use template Customer onboarding' }).click();
  await page.getByRole('combobox', { name: 'Event data' }).selectOption({ label: 'onboarding-events (16 events)' });

  // A rule typed on the map…
  await page.getByRole('button', { name: 'Edit events of Sign-up' }).click();
  await page.getByRole('combobox', { name: 'Event names' }).fill('signup_completed');
  await page.getByRole('button', { name: 'Add rule' }).click();
  await page.getByRole('button', { name: 'Done', exact: true }).click();
  await expect(page.getByTestId('rules-' + await stageId(page, 'Sign-up'))).toContainText('= signup_completed');
  // …and the rest picked from the unmatched events, which shrink as they are mapped.
  const unmatched = page.getByRole('region', { name: 'Unmatched events' });
  for (const [event, stage] of [['welcome_email_opened', 'Welcome'], ['tour_started', 'Welcome'], ['data_connected', 'Setup'], ['report_viewed', 'First value'], ['weekly_digest_opened', 'Habit']]) {
    await unmatched.getByRole('combobox', { name: `Add ${event} to a stage or a card` }).selectOption({ label: stage! });
    await expect(unmatched.getByRole('combobox', { name: `Add ${event} to a stage or a card` })).toHaveCount(0);
  }
  await expect(unmatched.getByRole('row')).toHaveCount(1);
  await expect(unmatched).toContainText('newsletter_opened');

  const expected = [['Sign-up', '5'], ['Welcome', '4'], ['Setup', '3'], ['First value', '2'], ['Habit', '1']];
  for (const [name, reach] of expected) {
    const id = await stageId(page, name!);
    await expect(page.getByTestId(`funnel-${id}`).locator('.funnel-count')).toHaveText(reach!);
    await expect(page.getByTestId(`heat-${id}`)).toHaveText(reach!);
  }
  const setup = await stageId(page, 'Setup');
  await expect(page.getByTestId(`funnel-${setup}`)).toContainText('75.0% of previous');
  await expect(page.getByTestId(`heat-${setup}`)).toHaveAttribute('title', /Drop-off: 1 \(33\.3%\)/);
  await expect(page.getByTestId('journey-summary')).toContainText('1 completed (20.0%)');
  await page.getByRole('combobox', { name: 'Heat measure' }).selectOption('dropOff');
  await expect(page.getByTestId(`heat-${setup}`)).toHaveText('33.3%');
  await expect(page.getByRole('region', { name: 'Top paths' })).toContainText('Sign-up → Welcome → Setup → First value → Habit');
  // The time distribution: the whole journey's row counts the one customer who completed, once.
  const whole = page.getByRole('region', { name: 'Time distribution' }).getByRole('row', { name: /^Whole journey/ });
  const cells = await whole.getByRole('cell').allTextContents();
  expect(cells[0]).toBe('time to complete');
  expect(cells.slice(2).map(Number).reduce((a, b) => a + b, 0)).toBe(1);
  await expect(page.getByRole('region', { name: 'Time distribution' }).getByRole('columnheader')).toContainText(['Stage', 'Measure', 'Median', '< 1 min', '1 min–5 min']);

  // Two segments side by side: customers whose first event came from the web or from the app.
  const compare = page.getByRole('region', { name: 'Compare two groups' });
  await compare.getByRole('combobox', { name: 'Segment property' }).selectOption('channel');
  await compare.getByRole('combobox', { name: 'Segment A' }).selectOption('web');
  await compare.getByRole('combobox', { name: 'Segment B' }).selectOption('app');
  await compare.getByRole('button', { name: 'Compare' }).click();
  const table = compare.getByRole('table', { name: 'Comparison' });
  await expect(table.getByRole('row', { name: /^Sign-up/ })).toContainText('3 (100.0%)');
  await expect(table.getByRole('row', { name: /^Setup/ })).toContainText('1 (33.3%)');
  await expect(table.getByRole('row', { name: /^Setup/ })).toContainText('2 (100.0%)');
  await expect(table.getByRole('row', { name: /^Setup/ })).toContainText('−66.7 pts');
  await snap(page, 'journey-analytics');

  // The rules are part of the journey: they are there after a reload.
  await page.reload();
  await page.getByRole('combobox', { name: 'Event data' }).selectOption({ label: 'onboarding-events (16 events)' });
  await expect(page.getByTestId(`funnel-${setup}`).locator('.funnel-count')).toHaveText('3');
});

async function stageId(page: Page, name: string): Promise<string> {
  const header = page.locator('.map-grid [data-stage-id]').filter({ has: page.locator(`input[aria-label="Colour of ${name}"]`) });
  return (await header.first().getAttribute('data-stage-id'))!;
}

test('in French the event import, the analytics panel and the map rows read in French with French numbers', async ({ page }) => {
  test.slow();
  await page.addInitScript(() => localStorage.setItem('cx.locale.v1', 'fr'));
  await page.goto('/#/data');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Importer un journal d’événements…' }).click();
  await (await chooser).setFiles(path.join(fixtures, 'onboarding-events.csv'));
  await expect(page.getByText('16 événements importés depuis onboarding-events.csv (Journal d’événements). 1 doublon ignoré.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Journaux d’événements' })).toContainText('Journal d’événements');

  await page.goto('/#/journeys/templates');
  await page.locator('.template-card button.primary').first().click();
  await page.getByRole('combobox', { name: 'Données d’événements' }).selectOption({ label: 'onboarding-events (16 événements)' });
  const unmatched = page.getByRole('region', { name: 'Événements non rattachés' });
  // The first two stages of the onboarding template: the option list starts with "Ajouter à l’étape…".
  for (const [event, stage] of [['signup_completed', 1], ['welcome_email_opened', 2], ['tour_started', 2]] as const) {
    await unmatched.getByRole('combobox', { name: `Ajouter ${event} à une étape` }).selectOption({ index: stage });
    await expect(unmatched.getByRole('combobox', { name: `Ajouter ${event} à une étape` })).toHaveCount(0);
  }
  await expect(page.locator('.analytics-row-header').first()).toContainText('Entonnoiratteinte dans l’ordre');
  const funnel = page.locator('.funnel-cell');
  await expect(funnel.nth(0)).toContainText('5au départ');
  // 4 of 5: a decimal comma and a space before the percent sign, as French writes it.
  await expect(funnel.nth(1)).toContainText(/^480,0\s%\sde l’étape précédente$/);
  await expect(page.locator('.heat-cell').nth(1)).toHaveAttribute('title', /Atteinte dans l’ordre : 4/);
  await expect(page.getByTestId('journey-summary')).toContainText('5 clients');
  await expect(page.locator('.stage-rules').first()).toContainText('= signup_completed');
  await expect(page.getByRole('button', { name: /^Modifier les événements de / }).first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Sauts et boucles' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Comparer deux groupes' }).getByRole('button', { name: 'Comparer' })).toBeVisible();
});
