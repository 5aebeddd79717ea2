import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
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

test('the persona editor exports a PDF download when the export menu is mounted', async ({ page }) => {
  await page.goto('/#/personas/new');
  await page.getByRole('button', { name: /^Use template / }).first().click();
  await expect(page.getByLabel('Persona name')).toBeVisible();
  const menu = page.locator('details.export-menu > summary');
  test.skip(await menu.count() === 0, 'ExportMenu is not mounted in the persona editor yet (see the exports report for the line to add).');
  await page.getByLabel('Persona name').fill('Export Анна');
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  await menu.click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'PDF', exact: true }).click();
  const file = join(dir, 'download.pdf');
  await (await download).saveAs(file);
  expect(pdfText(readFileSync(file), 'download.pdf')).toContain('Export Анна');

  // PNG of the canvas at 2×: the image is twice the canvas's size in CSS pixels.
  const canvas = page.getByTestId('persona-canvas');
  const size = await canvas.evaluate((el) => ({ w: el.scrollWidth, h: el.scrollHeight }));
  const png = page.waitForEvent('download');
  await page.getByRole('combobox', { name: 'PNG scale' }).selectOption('2');
  await page.getByRole('button', { name: 'PNG', exact: true }).click();
  const pngFile = join(dir, 'canvas.png');
  await (await png).saveAs(pngFile);
  const head = readFileSync(pngFile);
  expect(head.subarray(1, 4).toString()).toBe('PNG');
  expect({ w: head.readUInt32BE(16), h: head.readUInt32BE(20) }).toEqual({ w: size.w * 2, h: size.h * 2 });
});

test('the Sync page backs up the workspace and opens the backup again for restore', async ({ page }) => {
  await page.goto('/#/sync');
  const panel = page.getByRole('region', { name: 'Workspace file' });
  await expect(page.getByRole('heading', { name: 'Sync', exact: true })).toBeVisible();
  test.skip(await panel.count() === 0, 'WorkspaceFilePanel is not mounted on the Sync page yet (see the exports report for the line to add).');
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
  test.skip(await panel.count() === 0, 'WorkspaceFilePanel is not mounted on the Sync page yet.');
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
  await expect(page.getByText(/^Restored \d+ documents into/)).toBeVisible();
  // The persona is there because the new workspace holds it: the app has switched to a second workspace.
  await expect(page.getByRole('combobox', { name: 'Workspace' }).locator('option')).toHaveCount(2);
  await page.goto('/#/personas');
  await expect(page.getByText('Restored Ольга').first()).toBeVisible();
});

test('the journey editor downloads an A1 poster PDF and a workbook with the map and flow', async ({ page }) => {
  await page.goto('/#/journeys');
  await page.getByRole('button', { name: 'New journey' }).click();
  await page.getByRole('button', { name: 'Use template Customer onboarding' }).click();
  await expect(page.getByRole('textbox', { name: 'Journey name' })).toHaveValue('Customer onboarding');
  const menu = page.locator('details.export-menu > summary');
  test.skip(await menu.count() === 0, 'ExportMenu is not mounted in the journey editor yet (see the exports report for the line to add).');
  await menu.click();
  await page.getByRole('combobox', { name: 'Paper' }).selectOption('a1');
  let download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'PDF', exact: true }).click();
  const pdf = join(dir, 'poster.pdf');
  await (await download).saveAs(pdf);
  expect(execFileSync('pdfinfo', [pdf]).toString('utf8')).toMatch(/Page size:\s+2383\.94 x 1683\.78/);
  expect(pdfText(readFileSync(pdf), 'poster-dl.pdf')).toContain('Customer onboarding');
  download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Excel (XLSX)' }).click();
  const xlsx = join(dir, 'journey.xlsx');
  await (await download).saveAs(xlsx);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['Map', 'Stages', 'Flow']);
  download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Flow PDF' }).click();
  const flow = join(dir, 'flow.pdf');
  await (await download).saveAs(flow);
  expect(pdfText(readFileSync(flow), 'flow-dl.pdf')).toContain('Customer onboarding — flow');
});
