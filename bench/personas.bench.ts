/**
 * Persona builder in the real renderer (production build, system Chromium, IndexedDB): with 1,000
 * personas stored, time to first render of the list (its first page of cards) and to apply a filter
 * keystroke; and the time from a keystroke in a 30-section persona to its "Saved" state (validated and
 * written to IndexedDB). Each figure is given as wall time and as the renderer's main-thread CPU.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { build, preview } from 'vite';
import { chromiumPath } from '../e2e/chromium';
import {
  addSectionChange, applyPersonaChange, builtInTemplates, createBlankPersona, createEnvelope, createFromTemplate,
  sectionTypes, sequentialIds, serializeEnvelope, type PersonaDoc,
} from '../common/persona';
import type { BenchRow } from './report';
import { rendererCpuMs } from './rendererCpu';

const personasN = 1000;
const sectionsN = 30;

function benchPersonas(): PersonaDoc[] {
  const now = Date.now();
  const list = Array.from({ length: personasN }, (_, i) => {
    const t = builtInTemplates[i % builtInTemplates.length]!;
    const p = createFromTemplate(t, { ids: sequentialIds(`b${i}x`), now: now - i * 1000, author: 'bench' });
    return { ...p, name: `Bench persona ${i}`, tags: [...p.tags, `group${i % 10}`], updatedAt: now - i * 1000 };
  });
  let big = createBlankPersona({ ids: sequentialIds('big'), now, author: 'bench' }, 'Thirty sections');
  const ids = sequentialIds('bigs');
  for (let i = 1; i < sectionsN; i++) big = applyPersonaChange(big, addSectionChange(big, sectionTypes[i % sectionTypes.length]!, ids));
  return [...list, { ...big, id: 'p30' }];
}

/**
 * Runs `act` and returns the time from the first keydown in the page (or the call, when `act` sends
 * no key) until `done()` holds in the page and a frame has been painted after it.
 */
async function measure(page: Page, done: string, act: () => Promise<void>): Promise<number> {
  await page.evaluate((doneSrc) => {
    const w = window as unknown as { __t0: number; __t1: number };
    w.__t0 = performance.now();
    w.__t1 = 0;
    window.addEventListener('keydown', () => { w.__t0 = performance.now(); }, { capture: true, once: true });
    // A string predicate: functions cannot cross into the page, and the CSP refuses eval, so the
    // predicate is one of a few fixed checks named by key.
    const checks: Record<string, () => boolean> = {
      list: () => document.querySelectorAll('.persona-card').length >= 30,
      filtered: () => document.querySelector('.list-toolbar [aria-live]')?.textContent === '100 of 1001',
      saved: () => document.querySelector('[data-testid="save-state"]')?.textContent === 'Saved',
    };
    let seenPending = doneSrc !== 'saved';
    const tick = () => {
      if (!seenPending && document.querySelector('[data-testid="save-state"]')?.textContent !== 'Saved') seenPending = true;
      if (seenPending && checks[doneSrc]!()) requestAnimationFrame(() => setTimeout(() => { w.__t1 = performance.now(); }, 0));
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }, done);
  await act();
  await page.waitForFunction(() => (window as unknown as { __t1: number }).__t1 > 0, undefined, { timeout: 60_000 });
  return page.evaluate(() => {
    const w = window as unknown as { __t0: number; __t1: number };
    return w.__t1 - w.__t0;
  });
}


/** Wall time of `measure` and the renderer's CPU time over the same span. */
async function measureBoth(page: Page, done: string, act: () => Promise<void>): Promise<{ wall: number; cpu: number }> {
  let wall = 0;
  const cpu = await rendererCpuMs(page, async () => { wall = await measure(page, done, act); });
  return { wall, cpu };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))] ?? NaN;

export default async function (report: (row: BenchRow) => void): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'cx-personas-bench-'));
  const outDir = join(dir, 'renderer');
  await build({ configFile: 'vite.config.ts', logLevel: 'error', build: { outDir, emptyOutDir: true } });
  const server = await preview({ configFile: 'vite.config.ts', logLevel: 'error', build: { outDir }, preview: { port: 4391, strictPort: false } });
  const url = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:4391/';
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.addInitScript('window.__name = (f) => f;');
    await page.goto(`${url}#/personas`);
    const file = join(dir, 'personas.json');
    await writeFile(file, serializeEnvelope(createEnvelope(benchPersonas(), Date.now())));
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import…' }).click();
    await (await chooser).setFiles(file);
    await page.getByRole('dialog', { name: 'Import report' }).getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText(`Imported ${personasN + 1} personas.`).waitFor({ timeout: 120_000 });

    const listRuns: { wall: number; cpu: number }[] = [];
    for (let i = 0; i < 3; i++) {
      await page.evaluate(() => { location.hash = '#/journeys'; });
      await page.getByRole('heading', { name: 'Journeys', level: 1 }).waitFor();
      listRuns.push(await measureBoth(page, 'list', () => page.evaluate(() => { location.hash = '#/personas'; })));
    }
    report({ name: `list of ${personasN} personas: first render, wall (median of 3)`, value: median(listRuns.map((r) => r.wall)), unit: 'ms', against: { value: 500, label: 'aim' } });
    report({ name: `list of ${personasN} personas: first render, renderer CPU`, value: median(listRuns.map((r) => r.cpu)), unit: 'ms', against: { value: 500, label: 'aim' } });

    const search = page.getByLabel('Search personas');
    const filterRuns: { wall: number; cpu: number }[] = [];
    for (let i = 0; i < 5; i++) {
      await search.fill('group');
      await page.waitForFunction(() => document.querySelector('.list-toolbar [aria-live]')?.textContent === '1000 of 1001');
      await search.focus();
      await page.keyboard.press('End');
      filterRuns.push(await measureBoth(page, 'filtered', () => page.keyboard.press('7')));
    }
    report({ name: 'list: filter keystroke to rendered result, wall (median of 5)', value: median(filterRuns.map((r) => r.wall)), unit: 'ms', against: { value: 50, label: 'aim' } });
    report({ name: 'list: filter keystroke, renderer CPU', value: median(filterRuns.map((r) => r.cpu)), unit: 'ms', against: { value: 50, label: 'aim' } });

    await page.evaluate(() => { location.hash = '#/personas/p30'; });
    await page.locator('[data-section-type]').nth(sectionsN - 1).waitFor();
    const item = page.getByLabel('Goals item 1', { exact: true }).first();
    await item.click();
    const saveRuns: { wall: number; cpu: number }[] = [];
    for (let i = 0; i < 15; i++) saveRuns.push(await measureBoth(page, 'saved', () => page.keyboard.press('x')));
    const walls = saveRuns.map((r) => r.wall);
    report({ name: `${sectionsN}-section persona: keystroke to saved, wall median`, value: median(walls), unit: 'ms', against: { value: 100, label: 'aim' } });
    report({ name: `${sectionsN}-section persona: keystroke to saved, wall p95`, value: p95(walls), unit: 'ms', against: { value: 100, label: 'aim' } });
    report({ name: `${sectionsN}-section persona: keystroke to saved, renderer CPU`, value: median(saveRuns.map((r) => r.cpu)), unit: 'ms', against: { value: 100, label: 'aim' } });
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    await rm(dir, { recursive: true, force: true });
  }
}
