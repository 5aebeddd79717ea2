import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importSurvey, personaWithRules } from './surveyImport';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const shots = process.env.E2E_SHOTS;
test.use({ timezoneId: 'UTC' });

/** A blank persona whose one rule is its city. */
const persona = (page: Page, name: string, location: string) =>
  personaWithRules(page, name, [{ kind: 'One of', column: 'location', fields: { values: location } }]);

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
  await expect(london.getByRole('cell')).toHaveText(['2', '2', '2 (100.0%)', '2 (100.0%)', '1 (50.0%)', '1 (100.0%)', '1 (50.0%)', 'Setup (1)', '5.0 d']);
  const leeds = panel.getByRole('row', { name: /^Leeds crowd/ });
  await expect(leeds.getByRole('cell')).toHaveText(['2', '2', '1 (50.0%)', '0 (0.0%)', '0 (–)', '0 (–)', '0 (0.0%)', 'Sign-up (1)', '–']);

  // A survey question tied to a stage: its mean and top-2-box on the map (answers 5, 4, 2, 3, 5 of 1–5).
  await page.getByRole('combobox', { name: 'Sentiment question of Sign-up' }).selectOption({ label: 'Satisfaction' });
  await expect(page.getByTestId('sentiment-st_signup')).toContainText('mean 3.80 · 60.0% top-2 of 5 · n 5');
  if (shots) { await page.setViewportSize({ width: 1700, height: 1500 }); await page.screenshot({ path: `${shots}/journey-personas.png`, fullPage: true }); }

  // The poster prints the funnel strip and the drop-off heat; the map PNG carries them too (not the rules row).
  await page.locator('details.export-menu > summary').first().click();
  const posterFile = path.join(tmpdir(), `cx-jp-poster-${Date.now()}.pdf`);
  await saveDownload(page, 'PDF', posterFile);
  const poster = execFileSync('pdftotext', ['-enc', 'UTF-8', posterFile, '-']).toString('utf8').replace(/\s+/g, ' ');
  for (const want of ['Funnel', 'onboarding-events', '80.0% of previous', 'Drop-off', 'darker = more of those reaching the stage lost', '33.3%']) expect(poster).toContain(want);
  expect(poster).not.toContain('…');
  if (shots) execFileSync('pdftoppm', ['-png', '-r', '30', '-singlefile', posterFile, path.join(shots, 'journey-personas-poster')]);
  const pngFile = path.join(shots ?? tmpdir(), 'journey-personas-map.png');
  await page.getByRole('combobox', { name: 'PNG scale' }).selectOption('1');
  await saveDownload(page, 'PNG', pngFile);
  expect(readFileSync(pngFile).subarray(1, 4).toString()).toBe('PNG');

  // The choices are the journey's settings: they are there after a reload.
  await page.reload();
  await expect(page.getByTestId('persona-join')).toContainText('4 respondents joined');
  await expect(page.getByTestId('sentiment-st_signup')).toContainText('mean 3.80');

  // The analytics exports carry the journey: funnel, stages, paths and the persona table.
  await page.goto('/#/analytics');
  const dir = mkdtempSync(path.join(tmpdir(), 'cx-e2e-journey-personas-'));
  const pdfFile = path.join(dir, 'report.pdf');
  writeFileSync(pdfFile, await download(page, 'PDF report'));
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', pdfFile, '-']).toString('utf8').replace(/\s+/g, ' ');
  for (const want of ['Journey: Onboarding from events', 'Event log: onboarding-events · survey joined: onboarding-survey', 'Setup 3 75.0%',
    'Sign-up → Welcome → Setup → First value → Habit', 'Personas on this journey', '4 respondents joined to customers by id', 'Londoners 2 2 1 (50.0%) Setup 5.0d']) {
    expect(text).toContain(want);
  }
  if (shots) execFileSync('pdftoppm', ['-png', '-r', '60', pdfFile, path.join(shots, 'journey-personas-pdf')]);
  const wb = new ExcelJS.Workbook();
  const bytes = await download(page, 'Excel workbook');
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  expect(wb.worksheets.map((w) => w.name).slice(-4)).toEqual(['Journey stages', 'Journey paths', 'Journey moves', 'Journey personas']);
  const personaRows = wb.getWorksheet('Journey personas')!.getSheetValues().filter(Boolean).map((r) => (Array.isArray(r) ? r.slice(1, 8) : []));
  expect(personaRows).toContainEqual(['Onboarding from events', 'onboarding-survey', 'Londoners', 2, 2, 1, 50]);
  expect(personaRows).toContainEqual(['Onboarding from events', 'onboarding-survey', 'Leeds crowd', 2, 2, 0, 0]);
  const signup = wb.getWorksheet('Journey stages')!.getRow(2).values as unknown[];
  expect(signup.slice(1, 5)).toEqual(['Onboarding from events', 'onboarding-events', 'Sign-up', 5]);
  expect(signup.slice(11, 15)).toEqual(['satisfaction', 3.8, 60, 5]);
});

// The flow's steps belong to the map's stages (fixture): each shows its stage's funnel figures from the log.
test('the flow view shows the event log\'s counts on steps and edges, as the map\'s funnel', async ({ page }) => {
  // Journey workers started: the Data screen's import starts one of its own; the map and the flow share one.
  let journeyWorkers = 0;
  page.on('worker', (w) => { if (w.url().includes('journeyWorker')) journeyWorkers++; });
  await page.goto('/#/data');
  const events = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import event log…' }).click();
  await (await events).setFiles(path.join(fixtures, 'onboarding-events.csv'));
  await expect(page.getByText(/Imported 16 events from onboarding-events\.csv/)).toBeVisible();
  const afterImport = journeyWorkers;
  await page.goto('/#/journeys');
  const journey = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import JSON…' }).click();
  await (await journey).setFiles(path.join(fixtures, 'onboarding-journey.json'));
  await page.getByRole('combobox', { name: 'Event data' }).selectOption({ label: 'onboarding-events (16 events)' });
  await expect(page.getByTestId('funnel-st_setup')).toContainText('3');

  await page.getByRole('navigation', { name: 'Journey views' }).getByRole('link', { name: 'Flow' }).click();
  await expect(page.getByTestId('flow-event-note')).toHaveText('Counts from the event log onboarding-events: customers who reached each step\'s stage, as in the map\'s funnel.');
  const counts = (id: string) => page.getByTestId(`flow-node-${id}`).getByTestId('flow-event-counts');
  // Each of these stages has one customer whose latest event is there (c4, c3, c2, c5).
  await expect(counts('n_signup')).toHaveText('5 customers reached1 there now');
  await expect(counts('n_welcome')).toHaveText('4 customers reached80% of the previous stage1 there now');
  await expect(counts('n_wait')).toHaveText('4 customers reached80% of the previous stage1 there now');
  await expect(counts('n_setup')).toHaveText('3 customers reached75% of the previous stage1 there now');
  await expect(counts('n_report')).toHaveText('2 customers reached67% of the previous stage1 there now');
  await expect(counts('n_report')).toHaveAttribute('title', 'From the event log onboarding-events: customers who reached the stage First value in order (the map\'s funnel)');
  // A step without a stage gets no count; edges into the next stage count who moved on, edges within a
  // stage none; the edge skipping Welcome and the one going back to it count who made that move (nobody here).
  await expect(page.getByTestId('flow-node-n_done').getByTestId('flow-event-counts')).toHaveCount(0);
  const labels = page.locator('.react-flow__edge-text');
  await expect(labels).toHaveText(['yes · 4 moved on', 'no · 0 skipped ahead', '3 moved on', '2 moved on', 'yes', 'no · 0 went back']);
  // The flow's counts came from the map's worker: no second worker, so no second read and decode of the log.
  expect(journeyWorkers - afterImport).toBe(1);
  if (shots) await page.screenshot({ path: `${shots}/journey-flow-counts.png` });

  // A log where customers skip Welcome and come back to it: the map lists the moves, the flow's edges count them.
  const flowUrl = page.url();
  await page.goto('/#/data');
  const loops = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import event log…' }).click();
  await (await loops).setFiles(path.join(fixtures, 'onboarding-loops.csv'));
  await expect(page.getByText(/Imported 15 events from onboarding-loops\.csv/)).toBeVisible();
  await page.goto(flowUrl);
  const views = page.getByRole('navigation', { name: 'Journey views' });
  await views.getByRole('link', { name: 'Map' }).click();
  await expect(page.getByRole('region', { name: 'Skips and loops' })).toContainText('No customer skipped a stage or went back.');
  await page.getByRole('combobox', { name: 'Event data' }).selectOption({ label: 'onboarding-loops (15 events)' });
  const moves = page.getByTestId('stage-moves').getByRole('row');
  await expect(moves).toHaveText([
    'Sign-up → Setup3 customers4 movesskips stages', 'First value → Welcome2 customers2 movesgoes back', 'Setup → Sign-up1 customer1 movegoes back',
  ]);
  if (shots) await page.getByRole('region', { name: 'Skips and loops' }).screenshot({ path: `${shots}/journey-map-moves.png` });
  await views.getByRole('link', { name: 'Flow' }).click();
  await expect(labels).toHaveText(['yes · 2 moved on', 'no · 3 skipped ahead', '1 moved on', '1 moved on', 'yes', 'no · 2 went back']);
  // One more: the second import's own; the journey screens still use the worker they shared.
  expect(journeyWorkers - afterImport).toBe(2);
  if (shots) await page.screenshot({ path: `${shots}/journey-flow-moves.png` });
});

async function saveDownload(page: Page, button: string, file: string): Promise<void> {
  const started = page.waitForEvent('download');
  await page.getByRole('button', { name: button, exact: true }).click();
  await (await started).saveAs(file);
}

async function download(page: Page, button: string): Promise<Buffer> {
  const menu = page.getByTestId('analytics-export');
  if ((await menu.getAttribute('open')) === null) await menu.locator('summary').click();
  const started = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const got = await started;
  const file = path.join(tmpdir(), `cx-jp-${Date.now()}-${got.suggestedFilename()}`);
  await got.saveAs(file);
  return readFileSync(file);
}
