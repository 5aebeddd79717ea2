import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { decode } from 'fast-png';
import { expect, test, type Page } from '@playwright/test';
import { build } from 'esbuild';
import { samplePersona, samplePhoto } from '../common/export/samplePersona';
import { builtInTemplates } from '../common/journey/templates/index';
import type { ExportJob } from '../renderer/src/features/exports/jobs';

const dir = mkdtempSync(join(tmpdir(), 'cx-e2e-export-'));
const font = (name: string) => readFileSync(`node_modules/dejavu-fonts-ttf/ttf/${name}`).toString('base64');

/** The export worker bundle as the browser gets it: the browser builds of jspdf and exceljs. */
async function workerCode(): Promise<string> {
  const out = await build({ entryPoints: ['e2e/exportWorkerEntry.ts'], bundle: true, format: 'esm', platform: 'browser', write: false, logLevel: 'silent' });
  return out.outputFiles[0]?.text ?? '';
}

/** Runs a job in a module worker inside the app page (under its CSP) and returns the bytes. */
async function runInPageWorker(page: Page, code: string, job: ExportJob): Promise<{ bytes: Buffer; ms: number }> {
  const res = await page.evaluate(async ({ code, job, regular, bold }) => {
    const decode = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const worker = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })), { type: 'module' });
    const reply = await new Promise<{ ok: boolean; bytes?: Uint8Array; ms?: number; message?: string }>((resolve) => {
      worker.onmessage = (e) => resolve(e.data);
      worker.onerror = (e) => resolve({ ok: false, message: e.message });
      worker.postMessage({ job, regular: decode(regular), bold: decode(bold) });
    });
    worker.terminate();
    if (!reply.ok || !reply.bytes) throw new Error(reply.message ?? 'no bytes');
    let s = '';
    for (let i = 0; i < reply.bytes.length; i += 0x8000) s += String.fromCharCode(...reply.bytes.subarray(i, i + 0x8000));
    return { b64: btoa(s), ms: reply.ms ?? 0 };
  }, { code, job, regular: font('DejaVuSans.ttf'), bold: font('DejaVuSans-Bold.ttf') });
  return { bytes: Buffer.from(res.b64, 'base64'), ms: res.ms };
}

function pdfText(bytes: Buffer, name: string): string {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8').normalize('NFKC').replace(/[\u200e\u200f\u202a-\u202e]/g, '');
}

test('the export worker builds a persona PDF and workbook and a journey poster inside the app page', async ({ page }) => {
  await page.goto('/');
  const code = await workerCode();
  const ru = samplePersona('Анна Петрова', 'p-ru');
  const pdf = await runInPageWorker(page, code, {
    kind: 'personaPdf', pages: [{ persona: ru }, { persona: samplePersona('مريم الحسن', 'p-ar') }], options: { paper: 'a4' }, images: [['photo-1', samplePhoto]],
  });
  expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  const text = pdfText(pdf.bytes, 'deck.pdf');
  for (const want of ['Анна Петрова', 'مريم الحسن', 'Close the month without overtime', 'Just let me fix it myself']) expect(text).toContain(want);
  test.info().annotations.push({ type: 'persona deck PDF in a Chromium worker', description: `${Math.round(pdf.ms)} ms, ${Math.round(pdf.bytes.length / 1024)} KB` });

  const xlsx = await runInPageWorker(page, code, { kind: 'personaXlsx', input: [{ persona: ru, snapshots: [], versions: [] }] });
  expect(xlsx.bytes.subarray(0, 2).toString()).toBe('PK');

  const template = builtInTemplates()[0];
  if (!template) throw new Error('no journey template');
  const poster = await runInPageWorker(page, code, { kind: 'journeyPdf', journey: { ...template.body, name: 'Poster test' }, options: { paper: 'a1' } });
  expect(pdfText(poster.bytes, 'poster.pdf')).toContain('Poster test');
});

/** What a PNG export's read-only copy holds, recorded as it is added to the page (see exportClone.ts). */
interface CloneReport { controls: string[]; cut: string[]; text: string }

/** Starts recording every read-only copy the page builds for a PNG. */
async function watchExportCopies(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { exportCopies: CloneReport[] };
    w.exportCopies = [];
    new MutationObserver((records) => {
      for (const r of records) {
        for (const added of r.addedNodes) {
          const n = added instanceof HTMLElement ? (added.classList.contains('exporting') ? added : added.querySelector<HTMLElement>('.exporting')) : null;
          if (!n) continue;
          const shown = (el: Element) => getComputedStyle(el).display !== 'none' && (el as HTMLElement).offsetParent !== null;
          w.exportCopies.push({
            controls: [...n.querySelectorAll('button, input, textarea, select, .react-resizable-handle, .evidence-none')].filter(shown).map((el) => el.outerHTML.slice(0, 120)),
            // Text cut off at its box's edge (an input showing "Find the best pric").
            cut: [...n.querySelectorAll('.export-text, .section-title, .card-view')].filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent ?? ''),
            text: n.innerText,
          });
        }
      }
    }).observe(document.body, { childList: true, subtree: true });
  });
}

async function lastExportCopy(page: Page): Promise<CloneReport | undefined> {
  return page.evaluate(() => (window as unknown as { exportCopies: CloneReport[] }).exportCopies.at(-1));
}

/** Clicks an export button and returns the downloaded file's path. */
async function download(page: Page, button: string | RegExp, name: string): Promise<string> {
  const event = page.waitForEvent('download');
  await page.getByRole('button', { name: button, exact: typeof button === 'string' }).click();
  const file = join(dir, name);
  await (await event).saveAs(file);
  return file;
}

function pngSize(file: string): { w: number; h: number } {
  const head = readFileSync(file);
  expect(head.subarray(1, 4).toString()).toBe('PNG');
  return { w: head.readUInt32BE(16), h: head.readUInt32BE(20) };
}

const pageSizeOf = (file: string) => /Page size:\s+([\d.]+ x [\d.]+)/.exec(execFileSync('pdfinfo', [file]).toString('utf8'))?.[1];

test('the persona editor and list export PDF (paper and orientation), Excel, a deck, and a client-ready PNG at 1× and 3×', async ({ page }) => {
  test.setTimeout(90_000);
  const longGoal = 'Find the best price across three suppliers before ordering anything for the team';
  await page.goto('/#/personas/new');
  await page.getByRole('button', { name: /^Use template / }).first().click();
  await expect(page.getByLabel('Persona name')).toBeVisible();
  await page.getByLabel('Persona name').fill('Export Анна');
  const goal = page.getByRole('textbox', { name: /item 1$/ }).first();
  await goal.fill(longGoal);
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  await page.locator('details.export-menu > summary').click();

  const pdf = await download(page, 'PDF', 'persona.pdf');
  expect(pdfText(readFileSync(pdf), 'persona-text.pdf')).toContain('Export Анна');
  await page.getByRole('combobox', { name: 'Paper' }).selectOption('letter');
  await page.getByRole('group', { name: 'Export' }).getByRole('combobox', { name: 'Orientation' }).selectOption('portrait');
  expect(pageSizeOf(await download(page, 'PDF', 'persona-letter.pdf'))).toBe('612 x 792');
  await page.getByRole('combobox', { name: 'Paper' }).selectOption('a3');
  await page.getByRole('group', { name: 'Export' }).getByRole('combobox', { name: 'Orientation' }).selectOption('landscape');
  expect(pageSizeOf(await download(page, 'PDF', 'persona-a3.pdf'))).toBe('1190.55 x 841.89');

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download(page, 'Excel (XLSX)', 'persona.xlsx'));
  expect(wb.worksheets.map((w) => w.name)).toEqual(['Profile', 'Sections', 'Rules', 'Live metrics', 'Versions']);
  expect(JSON.stringify(wb.getWorksheet('Profile')?.getSheetValues())).toContain('Export Анна');

  // The PNG is of a read-only copy of the canvas: no controls, nothing cut off, same size.
  await watchExportCopies(page);
  const canvas = page.getByTestId('persona-canvas');
  const size = await canvas.evaluate((el) => ({ w: el.scrollWidth, h: el.scrollHeight }));
  await page.getByRole('combobox', { name: 'PNG scale' }).selectOption('1');
  const one = pngSize(await download(page, 'PNG', 'persona-1x.png'));
  const copy = await lastExportCopy(page);
  expect(copy?.controls).toEqual([]);
  expect(copy?.cut).toEqual([]);
  expect(copy?.text).toContain(longGoal);
  for (const control of ['Upload photo', '+ Add item', 'Copy', '×', '⠿']) expect(copy?.text).not.toContain(control);
  expect(one).toEqual(size);
  await page.getByRole('combobox', { name: 'PNG scale' }).selectOption('3');
  expect(pngSize(await download(page, 'PNG', 'persona-3x.png'))).toEqual({ w: one.w * 3, h: one.h * 3 });

  // The list's deck: every persona (two here) in one PDF and one workbook.
  await page.goto('/#/personas/new');
  await page.getByRole('button', { name: /^Use template / }).nth(1).click();
  await page.getByLabel('Persona name').fill('Deck Bertha');
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  await page.goto('/#/personas');
  await page.locator('details.export-menu > summary').click();
  const deck = await download(page, 'PDF', 'deck.pdf');
  // Each persona starts a page; a canvas that would print below 7 pt on A4 continues on another one.
  expect(Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [deck]).toString('utf8'))?.[1])).toBeGreaterThanOrEqual(2);
  const deckText = pdfText(readFileSync(deck), 'deck-text.pdf');
  for (const name of ['Export Анна', 'Deck Bertha']) expect(deckText).toContain(name);
  const deckBook = new ExcelJS.Workbook();
  await deckBook.xlsx.readFile(await download(page, 'Excel (XLSX)', 'deck.xlsx'));
  const profile = JSON.stringify(deckBook.getWorksheet('Profile')?.getSheetValues());
  for (const name of ['Export Анна', 'Deck Bertha']) expect(profile).toContain(name);
});

test('the Sync page backs up the workspace and opens the backup again for restore', async ({ page }) => {
  await page.goto('/#/sync');
  const panel = page.getByRole('region', { name: 'Workspace file' });
  await expect(page.getByRole('heading', { name: 'Sync', exact: true })).toBeVisible();
  const download = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Back up…' }).click();
  const file = join(dir, 'backup.cxstudio');
  await (await download).saveAs(file);
  expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ type: 'cx-studio.workspace', version: 1 });
  const chooser = page.waitForEvent('filechooser');
  await panel.getByRole('button', { name: 'Restore from file…' }).click();
  await (await chooser).setFiles(file);
  await expect(panel.getByRole('dialog', { name: 'Restore' })).toBeVisible();
});

test('a backup with a persona restores as a new workspace that holds the persona', async ({ page }) => {
  await page.goto('/#/personas/new');
  await page.getByRole('button', { name: /^Use template / }).first().click();
  await page.getByLabel('Persona name').fill('Restored Ольга');
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  await page.goto('/#/sync');
  await expect(page.getByRole('heading', { name: 'Sync', exact: true })).toBeVisible();
  const panel = page.getByRole('region', { name: 'Workspace file' });
  const download = page.waitForEvent('download');
  await panel.getByLabel('Password', { exact: true }).fill('bundle password');
  await panel.getByLabel('Repeat').fill('bundle password');
  await panel.getByRole('button', { name: 'Client bundle…' }).click();
  const file = join(dir, 'bundle.cxstudio');
  await (await download).saveAs(file);
  expect(readFileSync(file, 'utf8')).not.toContain('Ольга');
  const chooser = page.waitForEvent('filechooser');
  await panel.getByRole('button', { name: 'Restore from file…' }).click();
  await (await chooser).setFiles(file);
  await panel.getByLabel(/^Password for /).fill('wrong password');
  await panel.getByRole('button', { name: 'Open' }).click();
  await expect(panel.getByRole('alert')).toContainText('password is wrong');
  await panel.getByLabel(/^Password for /).fill('bundle password');
  await panel.getByRole('button', { name: 'Open' }).click();
  await expect(panel.getByRole('dialog', { name: 'Restore' })).toContainText('already exist here');
  await panel.getByRole('button', { name: 'Restore as a new workspace' }).click();
  await expect(page.getByText(/^Restored into “.+”: [1-9]\d* added, 0 replaced, 0 kept as they were\.$/)).toBeVisible();
  // The persona is there because the new workspace holds it: the app has switched to a second workspace.
  await expect(page.getByRole('combobox', { name: 'Workspace' }).locator('option')).toHaveCount(2);
  await page.goto('/#/personas');
  await expect(page.getByText('Restored Ольга').first()).toBeVisible();
});

test('the journey editor downloads posters (one page, tiled A4), a workbook, a map PNG and the flow as PNG and A4 PDF', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/#/journeys');
  await page.getByRole('button', { name: 'New journey' }).click();
  await page.getByRole('button', { name: 'Use template Customer onboarding' }).click();
  await expect(page.getByRole('textbox', { name: 'Journey name' })).toHaveValue('Customer onboarding');
  await page.locator('details.export-menu > summary').click();
  await page.getByRole('combobox', { name: 'Paper' }).selectOption('a1');
  const pdf = await download(page, 'PDF', 'poster.pdf');
  expect(pageSizeOf(pdf)).toBe('2383.94 x 1683.78');
  expect(pdfText(readFileSync(pdf), 'poster-dl.pdf')).toContain('Customer onboarding');
  const xlsx = await download(page, 'Excel (XLSX)', 'journey.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['Map', 'Stages', 'Flow']);
  const flow = await download(page, 'Flow PDF', 'flow.pdf');
  const flowText = pdfText(readFileSync(flow), 'flow-dl.pdf');
  expect(flowText).toContain('Customer onboarding — flow');
  // Each step with its kind and content, as laid out in the app.
  expect(flowText).toMatch(/ACTION · EMAIL\s+Welcome email\s+Subject: Welcome aboard/);

  // The A2 poster tiled on A4 sheets: every sheet prints part of the map, not only its label.
  await page.getByRole('combobox', { name: 'Paper' }).selectOption('a2');
  await page.getByLabel('Print on A4 sheets (tiled, with overlap)').check();
  const tiles = await download(page, 'PDF', 'tiles.pdf');
  await page.getByLabel('Print on A4 sheets (tiled, with overlap)').uncheck();
  expect(pageSizeOf(tiles)).toBe('595.28 x 841.89');
  const sheets = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [tiles]).toString('utf8'))?.[1]);
  expect(sheets).toBeGreaterThan(1);
  for (let p = 1; p <= sheets; p++) {
    const text = execFileSync('pdftotext', ['-f', String(p), '-l', String(p), '-enc', 'UTF-8', tiles, '-']).toString('utf8');
    expect(text.replace(/Customer onboarding · row \d+ of \d+, column \d+ of \d+/, '').trim(), `sheet ${p}`).not.toBe('');
  }

  // The map's PNG is of a read-only copy: cards and stage names in full, no editing controls.
  await watchExportCopies(page);
  await page.getByRole('combobox', { name: 'PNG scale' }).selectOption('1');
  const mapPng = pngSize(await download(page, 'PNG', 'map.png'));
  const copy = await lastExportCopy(page);
  expect(copy?.controls).toEqual([]);
  expect(copy?.cut).toEqual([]);
  for (const control of ['+ Stage', '+ Lane', '🗑']) expect(copy?.text).not.toContain(control);
  expect(copy?.text).toContain('Customer goals');
  // As wide as the lane headers and stages (the "+ Stage" column is not in the image; pngExport.spec).
  const tracks = await page.locator('.map-grid').evaluate((g) => getComputedStyle(g).gridTemplateColumns.split(' ').map(parseFloat));
  expect(Math.abs(mapPng.w - tracks.slice(0, -1).reduce((a, b) => a + b, 0))).toBeLessThanOrEqual(2);

  // On the Flow tab the PNG is the flow diagram, and the flow PDF prints on A4.
  await page.getByRole('link', { name: 'Flow' }).click();
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  // The header (and its open menu) stays as the tab changes.
  if (!(await page.locator('details.export-menu').evaluate((d) => (d as HTMLDetailsElement).open))) await page.locator('details.export-menu > summary').click();
  const flowPng = await download(page, 'PNG', 'flow.png');
  const decoded = decode(readFileSync(flowPng));
  const nodes = await page.locator('.react-flow__node').count();
  expect(decoded.width).toBeGreaterThan(400);
  expect(decoded.height).toBeGreaterThan(150);
  expect(decoded.width * decoded.height).toBeGreaterThan(nodes * 150 * 40);
  // The edges are drawn: xyflow's default grey stroke (#b1b1b7) shows between the nodes.
  let edgePixels = 0;
  for (let i = 0; i < decoded.data.length; i += decoded.channels) {
    if (Math.abs((decoded.data[i] ?? 0) - 177) < 12 && Math.abs((decoded.data[i + 2] ?? 0) - 183) < 12) edgePixels++;
  }
  expect(edgePixels).toBeGreaterThan(200);
  const controls = await lastExportCopy(page);
  expect(controls?.text).not.toMatch(/Design only|Zoom/);
  await page.getByRole('combobox', { name: 'Paper' }).selectOption('a4');
  expect(pageSizeOf(await download(page, 'Flow PDF', 'flow-a4.pdf'))).toBe('841.89 x 595.28');
});
