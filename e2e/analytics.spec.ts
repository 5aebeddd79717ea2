import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importSurvey } from './surveyImport';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const shots = process.env.E2E_SHOTS;

// Days are counted in the workspace zone, which defaults to the browser's: pin it.
test.use({ timezoneId: 'UTC' });

const importFixture = (page: Page, file: string) => importSurvey(page, path.join(fixtures, file));

async function createPersona(page: Page): Promise<void> {
  await page.goto('/#/personas/new');
  await page.getByRole('button', { name: 'Start blank' }).click();
  await expect(page).not.toHaveURL(/#\/personas\/new$/);
}

async function addRule(page: Page, n: number, kind: string, column: string, fields: Record<string, string>): Promise<void> {
  await page.getByRole('button', { name: 'Add rule' }).click();
  await page.getByLabel(`Rule ${n} kind`).selectOption({ label: kind });
  await page.getByLabel(`Rule ${n} column`).selectOption(column);
  for (const [field, value] of Object.entries(fields)) await page.getByLabel(`Rule ${n} ${field}`).fill(value);
}

/** A screenshot of the whole screen (the content pane scrolls, so the viewport grows instead). */
async function snap(page: Page, name: string): Promise<void> {
  if (!shots) return;
  const size = page.viewportSize();
  await page.setViewportSize({ width: 1400, height: 2600 });
  await page.screenshot({ path: `${shots}/${name}.png` });
  if (size) await page.setViewportSize(size);
}

/** The small fixture imported and a blank persona given the three rules the hand computation uses. */
async function personaWithThreeRules(page: Page) {
  await importFixture(page, 'survey-small.csv');
  await createPersona(page);
  await page.goto('/#/analytics');
  await page.getByRole('navigation', { name: 'Analytics views' }).getByRole('link', { name: 'Untitled persona' }).click();
  await page.getByRole('link', { name: 'Rules (0)' }).click();

  await addRule(page, 1, 'Numeric range', 'age', { minimum: '25', maximum: '40' });
  await addRule(page, 2, 'One of', 'location', { values: 'London, Leeds' });
  await addRule(page, 3, 'Contains any of', 'goals', { values: 'save time' });
}

const kpi = (page: Page, id: string) => page.getByTestId(`kpi-${id}`).locator('.kpi-value');

test('rules added in the app score the fixture exactly as computed by hand', async ({ page }) => {
  await personaWithThreeRules(page);
  // An invalid rule is explained and blocks saving.
  await addRule(page, 4, 'Numeric range', 'nps', { minimum: '9', maximum: '3' });
  await expect(page.getByRole('listitem', { name: 'Rule 4' })).toContainText('Maximum is below the minimum.');
  await page.getByRole('button', { name: 'Save rules' }).click();
  await expect(page.getByText('Fix the problem shown before saving the rules.')).toBeVisible();
  await page.getByRole('button', { name: 'Remove rule 4' }).click();
  await page.getByRole('button', { name: 'Save rules' }).click();
  await expect(page.getByText('Saved 3 rules for Untitled persona.')).toBeVisible();
  await snap(page, 'rules');

  await page.getByRole('link', { name: 'Dashboard' }).click();
  await page.getByRole('button', { name: 'Recalculate' }).click();
  // By hand: scores 100, 100, 33.3, 33.3, 66.7, 66.7 → mean 66.7; 4 of 6 ≥ 50; 2 ≥ 70.
  await expect(kpi(page, 'responses')).toHaveText('6');
  await expect(kpi(page, 'average')).toHaveText('66.7%');
  await expect(kpi(page, 'coverage')).toHaveText('66.7%');
  await expect(kpi(page, 'strong')).toHaveText('2');
  // Matched r1, r2, r5, r6: NPS 9, 10, 8, 9 → 3 promoters, 0 detractors of 4 = +75, mean 9.
  await expect(kpi(page, 'nps')).toHaveText('+75');
  await expect(page.getByTestId('kpi-nps')).toContainText('mean 9');
  // Satisfaction 4, 5, 4, 5: CSAT (answers of 4–5) 100%, mean 4.5; trust the same; CES (2+1+3+2)/4 = 2.
  await expect(kpi(page, 'satisfaction')).toHaveText('100.0%');
  await expect(page.getByTestId('kpi-satisfaction')).toContainText('mean 4.5');
  await expect(kpi(page, 'trust')).toHaveText('100.0%');
  await expect(kpi(page, 'effort')).toHaveText('2');

  // r6 has no goals: the explanation shows the rule as missing, not as a mismatch.
  const r6 = page.getByRole('table', { name: 'Top matches' }).getByRole('row', { name: /r6/ });
  await r6.getByText('2 of 3 rules').click();
  await expect(r6.locator('.outcome-missing')).toContainText('goals contains any of: save time');
  await snap(page, 'persona-dashboard');

  // The date filter keeps 3 November only: r5 and r6, both 66.7.
  await page.getByLabel('From', { exact: true }).fill('2026-11-03');
  await page.getByLabel('To', { exact: true }).fill('2026-11-03');
  await expect(kpi(page, 'responses')).toHaveText('2');
  await expect(kpi(page, 'coverage')).toHaveText('100.0%');
  await expect(kpi(page, 'strong')).toHaveText('0');

  await page.getByRole('link', { name: 'All personas' }).click();
  await expect(page.getByRole('table', { name: 'Personas compared' })).toContainText('Untitled persona');
  await expect(page.getByRole('table', { name: 'Overlap' })).toContainText('2');
  await snap(page, 'overview');
});

test('backfilled daily snapshots drive the evolution chart and flag a day that departs from the trailing mean', async ({ page }) => {
  await personaWithThreeRules(page);
  await page.getByLabel('Take daily snapshots of this persona’s metrics').check();
  await page.getByRole('button', { name: 'Save rules' }).click();
  await expect(page.getByText('Saved 3 rules for Untitled persona.')).toBeVisible();

  await page.getByText(/^Settings: time zone/).click();
  await page.getByLabel('Anomaly limit (standard errors)').fill('2.5');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText(/anomaly limit 2.5 standard errors$/)).toBeVisible();

  await page.getByRole('link', { name: 'Dashboard' }).click();
  await expect(kpi(page, 'responses')).toHaveText('6');
  await page.getByRole('button', { name: 'Backfill snapshots' }).click();
  await expect(page.getByText(/^Backfilled \d+ daily snapshots\.$/)).toBeVisible();
  // Snapshot ids are a function of persona, day and inputs: a second backfill finds nothing to do.
  await page.getByRole('button', { name: 'Backfill snapshots' }).click();
  await expect(page.getByText('Snapshots are up to date.')).toBeVisible();

  await page.getByLabel('Range').selectOption('custom');
  await page.getByLabel('First day').fill('2026-11-01');
  await page.getByLabel('Last day').fill('2026-11-03');
  await expect(page.getByTestId('evolution-total')).toHaveText('6 responses in range · NPS +75 · CSAT 100.0%');
  // Daily NPS of matched responses: 1 Nov +100 (9, 10), 3 Nov +50 (8, 9). Two answers a day say
  // nothing about a change: the control limit judges no day with fewer than 5 answers (issue 13).
  await expect(page.getByText(/^No day outside its control limit \(2\.5 standard errors/)).toBeVisible();
  await expect(page.getByRole('list', { name: 'Anomalies' })).toHaveCount(0);
  await snap(page, 'evolution');
});

test('a persona made from a template takes daily snapshots from the start, and Evolution says why it is empty with the switch there', async ({ page }) => {
  await importFixture(page, 'survey-small.csv');
  await page.goto('/#/personas/new');
  await page.getByRole('button', { name: 'Use template SaaS admin' }).click();
  await expect(page).not.toHaveURL(/#\/personas\/new$/);
  await page.goto('/#/analytics');
  await page.getByRole('navigation', { name: 'Analytics views' }).getByRole('link', { name: 'Priya, the pragmatic admin' }).click();
  await page.getByRole('link', { name: /^Rules/ }).click();
  const sw = page.getByLabel('Take daily snapshots of this persona’s metrics');
  await expect(sw).toBeChecked();

  // Switched off in Rules, Evolution says why it is empty and offers the switch itself.
  await sw.uncheck();
  await page.getByRole('button', { name: 'Save rules' }).click();
  await expect(page.getByText(/^Saved \d+ rules? for Priya/)).toBeVisible();
  await page.getByRole('link', { name: 'Dashboard' }).click();
  const empty = page.getByTestId('evolution-empty');
  await expect(empty).toContainText('Evolution is empty because daily snapshots are off for this persona');
  await snap(page, 'evolution-off');
  await empty.getByRole('button', { name: 'Turn on daily snapshots' }).click();
  await expect(empty).not.toContainText('snapshots are off');
  // Saving rules later keeps the switch on (the Rules tab follows the stored value).
  await page.getByRole('link', { name: /^Rules/ }).click();
  await expect(sw).toBeChecked();
  await page.getByRole('button', { name: 'Save rules' }).click();
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByTestId('evolution-empty')).not.toContainText('snapshots are off');
});
