import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importSurvey } from './surveyImport';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const shots = process.env.E2E_SHOTS;
test.use({ timezoneId: 'UTC' });

async function persona(page: Page, name: string, location: string): Promise<void> {
  await page.goto('/#/personas/new');
  await page.getByRole('button', { name: 'Start blank' }).click();
  await expect(page).not.toHaveURL(/#\/personas\/new$/);
  await page.getByLabel('Persona name').fill(name);
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
  await page.goto('/#/analytics');
  await page.getByRole('navigation', { name: 'Analytics views' }).getByRole('link', { name }).click();
  await page.getByRole('link', { name: 'Rules (0)' }).click();
  await page.getByRole('button', { name: 'Add rule' }).click();
  await page.getByLabel('Rule 1 kind').selectOption({ label: 'One of' });
  await page.getByLabel('Rule 1 column').selectOption('location');
  await page.getByLabel('Rule 1 values').fill(location);
  await page.getByRole('button', { name: 'Save rules' }).click();
  await expect(page.getByText(`Saved 1 rule for ${name}.`).last()).toBeVisible();
}

/** Survey (c1–c4 and c9) and event log (c1–c5) share customer ids; the journey file carries the stage rules. */
async function setUp(page: Page): Promise<void> {
  await importSurvey(page, path.join(fixtures, 'onboarding-survey.csv'));
  const events = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import event log…' }).click();
  await (await events).setFiles(path.join(fixtures, 'onboarding-events.csv'));
  await expect(page.getByText(/Imported 16 events from onboarding-events\.csv/)).toBeVisible();
  await persona(page, 'Londoners', 'London');
  await persona(page, 'Leeds crowd', 'Leeds');
  await page.goto('/#/journeys');
  const journey = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import JSON…' }).click();
  await (await journey).setFiles(path.join(fixtures, 'onboarding-journey.json'));
  await page.getByRole('combobox', { name: 'Event data' }).selectOption({ label: 'onboarding-events (16 events)' });
}

test('personas joined to the event log by id: per-persona funnel, drop-off stage, time to complete and stage sentiment', async ({ page }) => {
  test.slow();
  await setUp(page);
  const panel = page.getByRole('region', { name: 'Personas' });
  await panel.getByRole('combobox', { name: 'Survey joined' }).selectOption({ label: 'onboarding-survey' });
  await panel.getByRole('combobox', { name: 'Survey id column' }).selectOption({ label: 'Respondent ID' });
  // c1–c4 are on both sides, c9 answered the survey only, c5 is in the log only.
  await expect(panel.getByTestId('persona-join')).toContainText('4 respondents joined to customers of the log · 1 survey id not in the log · 1 customer of the log without survey answers');

  // Londoners = c1 (completes in 4 d 23 h, shown as 5.0 d) and c2 (stops at Setup); Leeds crowd = c3 (stops at Welcome) and c4 (stops at Sign-up).
  const london = panel.getByRole('row', { name: /^Londoners/ });
  await expect(london.getByRole('cell')).toHaveText(['2', '2', '2 (100.0 %)', '2 (100.0 %)', '1 (50.0 %)', '1 (100.0 %)', '1 (50.0 %)', 'Setup (1)', '5.0 d']);
  const leeds = panel.getByRole('row', { name: /^Leeds crowd/ });
  await expect(leeds.getByRole('cell')).toHaveText(['2', '2', '1 (50.0 %)', '0 (0.0 %)', '0 (–)', '0 (–)', '0 (0.0 %)', 'Sign-up (1)', '–']);

  // A survey question tied to a stage: its mean and top-2-box on the map (answers 5, 4, 2, 3, 5 of 1–5).
  await page.getByRole('combobox', { name: 'Sentiment question of Sign-up' }).selectOption({ label: 'Satisfaction' });
  await expect(page.getByTestId('sentiment-st_signup')).toContainText('mean 3.80 · 60.0 % top-2 of 5 · n 5');
  if (shots) { await page.setViewportSize({ width: 1700, height: 1500 }); await page.screenshot({ path: `${shots}/journey-personas.png`, fullPage: true }); }

  // The choices are the journey's settings: they are there after a reload.
  await page.reload();
  await expect(page.getByTestId('persona-join')).toContainText('4 respondents joined');
  await expect(page.getByTestId('sentiment-st_signup')).toContainText('mean 3.80');
});
