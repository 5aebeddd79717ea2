import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const shots = process.env.E2E_SHOTS;

async function snap(page: Page, name: string): Promise<void> {
  if (!shots) return;
  await mkdir(shots, { recursive: true });
  await page.setViewportSize({ width: 1700, height: 1300 });
  await page.locator('.card-figure').first().evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: `${shots}/${name}.png` });
}

async function stageId(page: Page, name: string): Promise<string> {
  const header = page.locator('.map-grid [data-stage-id]').filter({ has: page.locator(`input[aria-label="Colour of ${name}"]`) });
  return (await header.first().getAttribute('data-stage-id'))!;
}

test('a touchpoint card gets event rules on the map and shows its own count, exact on hover; a bad rule is refused with nothing lost', async ({ page }) => {
  test.slow();
  await page.goto('/#/data');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import event log…' }).click();
  await (await chooser).setFiles(path.join(fixtures, 'onboarding-events.csv'));
  await expect(page.getByText(/Imported 16 events from onboarding-events\.csv/)).toBeVisible();

  await page.goto('/#/journeys');
  await page.getByRole('button', { name: 'New journey' }).click();
  await page.getByRole('button', { name: 'Use template Customer onboarding' }).click();
  const welcome = await stageId(page, 'Welcome');
  // Before a log is chosen the card is as it always was: no figures, no rule button.
  const emailCard = page.locator(`.card-cell.lane-touchpoints[data-stage="${welcome}"] .map-card`).first();
  await expect(emailCard).toContainText('Welcome email');
  await expect(emailCard.getByRole('button', { name: /Event rules of card/ })).toHaveCount(0);

  await page.getByRole('combobox', { name: 'Event data' }).selectOption({ label: 'onboarding-events (16 events)' });
  const unmatched = page.getByRole('region', { name: 'Unmatched events' });
  for (const [event, stage] of [['signup_completed', 'Sign-up'], ['welcome_email_opened', 'Welcome'], ['tour_started', 'Welcome']]) {
    await unmatched.getByRole('combobox', { name: `Add ${event} to a stage or a card` }).selectOption({ label: stage! });
    await expect(unmatched.getByRole('combobox', { name: `Add ${event} to a stage or a card` })).toHaveCount(0);
  }
  await expect(unmatched).toContainText('newsletter_opened');

  await emailCard.getByRole('button', { name: 'Event rules of card 1 in Touchpoints, Welcome' }).click();
  const editor = page.getByRole('group', { name: 'Events of card 1 in Touchpoints, Welcome' });
  // Bad rules are refused with a message; what was typed stays.
  await editor.getByRole('button', { name: 'Add rule' }).click();
  await expect(editor.getByRole('alert')).toHaveText('Name at least one event.');
  await editor.getByRole('combobox', { name: 'Event names' }).fill('welcome_email_opened, newsletter_opened');
  await editor.getByRole('button', { name: 'Add rule' }).click();
  await expect(editor.getByRole('alert')).toHaveText('Use “is one of” for several names.');
  await expect(editor.getByRole('combobox', { name: 'Event names' })).toHaveValue('welcome_email_opened, newsletter_opened');
  await expect(emailCard.locator('.card-figure')).toHaveCount(0);
  await expect(emailCard).toContainText('Welcome email');

  // A rule with a property condition, and a second rule for an event no stage takes.
  await editor.getByRole('combobox', { name: 'Event names' }).fill('welcome_email_opened');
  await editor.getByRole('combobox', { name: 'Property condition' }).selectOption('channel');
  await editor.getByRole('textbox', { name: 'Values of channel' }).fill('email');
  await editor.getByRole('button', { name: 'Add rule' }).click();
  await expect(editor.getByRole('alert')).toHaveCount(0);
  await editor.getByRole('combobox', { name: 'Property condition' }).selectOption('');
  await editor.getByRole('combobox', { name: 'Event names' }).fill('newsletter_opened');
  await editor.getByRole('button', { name: 'Add rule' }).click();
  await expect(editor.locator('.rule-list li')).toHaveCount(2);
  await editor.getByRole('button', { name: 'Done', exact: true }).click();
  await expect(emailCard.getByRole('button', { name: 'Event rules of card 1 in Touchpoints, Welcome' })).toHaveText('2 event rules');

  // 3 of the 4 customers who reached Welcome (c1, c2, c3; c5 came by the tour) opened the email or the newsletter.
  const figure = emailCard.locator('.card-figure');
  await expect(figure).toContainText('3');
  await expect(figure).toContainText('75.0% of stage');
  await expect(figure).toHaveAttribute('title', '3 of the 4 customers who reached “Welcome” (75.0%) had an event of this card; 3 customers and 4 events in all.');
  // The newsletter is now matched (by the card), so it leaves the unmatched list; the stage funnel is unchanged.
  await expect(unmatched).not.toContainText('newsletter_opened');
  await expect(page.getByTestId(`funnel-${welcome}`).locator('.funnel-count')).toHaveText('4');
  // The other card in the cell has no rules: no figure.
  const tourCard = page.locator(`.card-cell.lane-touchpoints[data-stage="${welcome}"] .map-card`).nth(1);
  await expect(tourCard.locator('.card-figure')).toHaveCount(0);
  await expect(tourCard.getByRole('button', { name: 'Event rules of card 2 in Touchpoints, Welcome' })).toHaveText('Link events');
  // Cards of other lanes (pains here) are not touchpoints: no rule button unless they have rules.
  await expect(page.locator('.card-cell.lane-pains .map-card').first().getByRole('button', { name: /^Event rules of card/ })).toHaveCount(0);
  await snap(page, 'card-events-en');

  // The rules are saved with the journey.
  await page.reload();
  await expect(page.locator(`.card-cell.lane-touchpoints[data-stage="${welcome}"] .map-card`).first().locator('.card-figure')).toHaveAttribute('title', /^3 of the 4 customers/, { timeout: 20_000 });
  // Removing the newsletter rule: the card counts one event less and the newsletter is unmatched again.
  await emailCard.getByRole('button', { name: 'Event rules of card 1 in Touchpoints, Welcome' }).click();
  await editor.getByRole('button', { name: 'Remove rule 2 of card 1 in Touchpoints, Welcome' }).click();
  await expect(figure).toHaveAttribute('title', '3 of the 4 customers who reached “Welcome” (75.0%) had an event of this card; 3 customers and 3 events in all.');
  await expect(unmatched).toContainText('newsletter_opened');
  await editor.getByRole('button', { name: 'Done', exact: true }).click();
  // The unmatched list offers the touchpoint cards beside the stages: picking the card adds the
  // name to its plain rule, and the figure and the list follow.
  const addNewsletter = unmatched.getByRole('combobox', { name: 'Add newsletter_opened to a stage or a card' });
  await expect(addNewsletter.locator('optgroup[label="Stages"] option')).toHaveText(['Sign-up', 'Welcome', 'Setup', 'First value', 'Habit']);
  const cardOption = addNewsletter.locator('optgroup[label="Cards of touchpoints and channels"] option', { hasText: 'Welcome email' });
  await expect(cardOption).toHaveText(/^Welcome · Welcome email/);
  await addNewsletter.selectOption({ label: (await cardOption.textContent())! });
  await expect(figure).toHaveAttribute('title', '3 of the 4 customers who reached “Welcome” (75.0%) had an event of this card; 3 customers and 4 events in all.');
  await expect(unmatched).not.toContainText('newsletter_opened');
  await expect(emailCard.getByRole('button', { name: 'Event rules of card 1 in Touchpoints, Welcome' })).toHaveText('2 event rules');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(unmatched).toContainText('newsletter_opened');

  // The poster PDF prints the card's figure under its text, as the map shows it.
  await page.locator('details.export-menu > summary').first().click();
  const posterFile = path.join(tmpdir(), `cx-card-poster-${Date.now()}.pdf`);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'PDF', exact: true }).click();
  await (await download).saveAs(posterFile);
  const poster = execFileSync('pdftotext', ['-enc', 'UTF-8', posterFile, '-']).toString('utf8').replace(/\s+/g, ' ');
  expect(poster).toContain('3 · 75.0% of stage');
  expect(poster).not.toContain('…');
  if (shots) execFileSync('pdftoppm', ['-png', '-r', '40', '-singlefile', posterFile, path.join(shots, 'card-events-poster')]);

  // Right to left, in Arabic words.
  await page.evaluate(() => localStorage.setItem('cx.locale.v1', 'ar'));
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const arFigure = page.locator(`.card-cell.lane-touchpoints[data-stage="${welcome}"] .map-card`).first().locator('.card-figure');
  await expect(arFigure).toContainText('من المرحلة');
  await expect(arFigure).toHaveAttribute('title', /«Welcome»/);
  await snap(page, 'card-events-ar');

  // The Arabic poster prints the card's figure in Arabic, whole.
  await page.locator('details.export-menu > summary').first().click();
  const arPosterFile = path.join(tmpdir(), `cx-card-poster-ar-${Date.now()}.pdf`);
  const arDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'PDF', exact: true }).click();
  await (await arDownload).saveAs(arPosterFile);
  const arPoster = execFileSync('pdftotext', ['-enc', 'UTF-8', arPosterFile, '-']).toString('utf8').normalize('NFKC').replace(/[\u200e\u200f\u202a-\u202e]/g, '').replace(/\s+/g, ' ');
  // As the map shows it: Arabic words, numbers as Arabic formats them (Latin digits in CLDR's `ar`).
  expect(arPoster).toContain('3 · 75.0% من المرحلة');
  expect(arPoster).not.toContain('…');
  if (shots) execFileSync('pdftoppm', ['-png', '-r', '40', '-singlefile', arPosterFile, path.join(shots, 'card-events-poster-ar')]);
});
