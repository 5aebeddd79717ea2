import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decode } from 'fast-png';
import { chromium, expect, test, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium';

// Issue 12, items 12 and 14: PNG exports read back as pixels. A client-ready image spells evidence
// out, ends at the map's last stage, prints no empty row and each lane's name once, and draws every
// script in the fonts the app ships, whatever fonts the machine has.

const dir = mkdtempSync(join(tmpdir(), 'cx-png-'));

/** A character of an exported text and its box in the image (CSS pixels of the copy = PNG pixels at 1×). */
interface Glyph { ch: string; x: number; y: number; w: number; h: number }
interface CopyReport { text: string; glyphs: Record<string, Glyph[]>; badges: { text: string; fontSize: number; x: number; y: number; w: number; h: number }[] }

/**
 * Records, as the export's read-only copy enters the page (see exportClone.ts), its text, where each
 * character of the texts in `watch` lies in it, and its evidence badges.
 */
async function watchCopy(page: Page, watch: string[]): Promise<void> {
  await page.evaluate((watch) => {
    const w = window as unknown as { copyReport?: CopyReport };
    new MutationObserver((records) => {
      for (const r of records) {
        for (const added of r.addedNodes) {
          const copy = added instanceof HTMLElement ? added.querySelector<HTMLElement>('.exporting') : null;
          if (!copy) continue;
          const origin = copy.getBoundingClientRect();
          const box = (rect: DOMRect) => ({ x: rect.left - origin.left, y: rect.top - origin.top, w: rect.width, h: rect.height });
          const glyphs: Record<string, Glyph[]> = {};
          for (const el of copy.querySelectorAll<HTMLElement>('.export-text')) {
            const text = el.firstChild;
            if (!(text instanceof Text) || !watch.includes(text.data)) continue;
            const out: Glyph[] = [];
            let at = 0;
            for (const ch of text.data) {
              const range = document.createRange();
              range.setStart(text, at);
              range.setEnd(text, at + ch.length);
              at += ch.length;
              if (ch.trim()) out.push({ ch, ...box(range.getBoundingClientRect()) });
            }
            glyphs[text.data] = out;
          }
          const badges = [...copy.querySelectorAll<HTMLElement>('.evidence-badge')].map((b) => ({
            text: b.textContent ?? '', fontSize: parseFloat(getComputedStyle(b).fontSize), ...box(b.getBoundingClientRect()),
          }));
          w.copyReport = { text: copy.innerText, glyphs, badges };
        }
      }
    }).observe(document.body, { childList: true, subtree: true });
  }, watch);
}

async function copyReport(page: Page): Promise<CopyReport> {
  const report = await page.evaluate(() => (window as unknown as { copyReport?: CopyReport }).copyReport);
  if (!report) throw new Error('no export copy was seen');
  return report;
}

/** Exports the PNG at 1× and returns it decoded. */
async function exportPng(page: Page, name: string) {
  if (!(await page.locator('details.export-menu').evaluate((d) => (d as HTMLDetailsElement).open))) await page.locator('details.export-menu > summary').click();
  await page.getByRole('combobox', { name: 'PNG scale' }).selectOption('1');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'PNG', exact: true }).click();
  const file = join(dir, name);
  await (await download).saveAs(file);
  return decode(readFileSync(file));
}

type Png = ReturnType<typeof decode>;

/** The dark pixels of a box of the image, as a string of 0s and 1s (its ink, for comparing glyphs). */
function ink(png: Png, g: { x: number; y: number; w: number; h: number }): { bits: string; dark: number } {
  let bits = '';
  let dark = 0;
  for (let y = Math.floor(g.y); y < Math.ceil(g.y + g.h); y++) {
    for (let x = Math.floor(g.x); x < Math.ceil(g.x + g.w); x++) {
      const i = (y * png.width + x) * png.channels;
      const lum = ((png.data[i] ?? 255) + (png.data[i + 1] ?? 255) + (png.data[i + 2] ?? 255)) / 3;
      bits += lum < 150 ? '1' : '0';
      if (lum < 150) dark++;
    }
  }
  return { bits, dark };
}

test('the PNG draws Latin, Arabic, Japanese and emoji in the app’s fonts on a machine with only a Latin font', async ({ baseURL }) => {
  test.setTimeout(120_000);
  // A fontconfig that gives this Chromium Liberation Sans only (Latin; Chromium's own interface
  // cannot start with no font at all): no system font has Arabic, Japanese or emoji, so whatever of
  // them the image shows comes from fonts the export embedded.
  const conf = join(dir, 'fonts.conf');
  writeFileSync(conf, `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><dir>/usr/share/fonts/truetype/liberation</dir><cachedir>${join(dir, 'fc-cache')}</cachedir></fontconfig>\n`);
  const options = chromiumLaunchOptions();
  const browser = await chromium.launch({ ...options, env: { ...process.env, FONTCONFIG_FILE: conf } });
  try {
    const page = await browser.newPage({ baseURL });
    await page.goto('/#/personas/new');
    await page.getByRole('button', { name: /^Use template / }).first().click();
    await expect(page.getByLabel('Persona name')).toBeVisible();
    const texts = ['Quick Brown Fox', 'توفير شهر', '月末の残業', '🚀📦🎉'];
    for (const [i, t] of texts.slice(1).entries()) await page.getByRole('textbox', { name: new RegExp(`item ${i + 1}$`) }).first().fill(t);
    await page.getByLabel('Persona name').fill(texts[0]!);
    await expect(page.getByTestId('save-state')).toHaveText('Saved');
    await watchCopy(page, texts.slice(1));
    const png = await exportPng(page, 'no-fonts.png');
    const report = await copyReport(page);
    for (const t of texts.slice(1)) {
      const glyphs = report.glyphs[t] ?? [];
      expect(glyphs.map((g) => g.ch).join(''), t).toBe(t.replace(/\s/g, ''));
      const drawn = glyphs.map((g) => ({ ch: g.ch, ...ink(png, g) }));
      // Every character leaves ink, and different characters leave different ink: a missing font
      // draws nothing, or the same empty box for each.
      for (const d of drawn) expect(d.dark, `ink of “${d.ch}” in “${t}”`).toBeGreaterThan(3);
      for (const [i, a] of drawn.entries()) {
        for (const b of drawn.slice(i + 1)) if (a.ch !== b.ch) expect(a.bits, `“${a.ch}” and “${b.ch}” differ`).not.toBe(b.bits);
      }
    }
    // The name is in the header's text (not a watched list item): it shows, in ink, somewhere in the image.
    expect(report.text).toContain(texts[0]);
  } finally {
    await browser.close();
  }
});

test('a persona PNG spells evidence badges out, at the size the screen shows them', async ({ page }) => {
  await page.goto('/#/personas/new');
  await page.getByRole('button', { name: 'Use template E-commerce shopper' }).click();
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  const onScreen = page.locator('[data-testid="persona-canvas"] .evidence-badge:not(.evidence-none)').first();
  await expect(onScreen).toHaveText('A');
  const screenSize = await onScreen.evaluate((b) => parseFloat(getComputedStyle(b).fontSize));
  await watchCopy(page, []);
  const png = await exportPng(page, 'badges.png');
  const { badges } = await copyReport(page);
  const shown = badges.filter((b) => b.w > 0);
  expect(shown.length).toBeGreaterThan(0);
  for (const b of shown) {
    expect(['Research', 'Data', 'Assumption']).toContain(b.text);
    expect(b.fontSize).toBeGreaterThanOrEqual(screenSize);
    // In the image the word is drawn across the badge, not one letter in a square.
    const half = (x0: number) => ink(png, { x: x0, y: b.y, w: b.w / 2, h: b.h }).dark;
    expect(half(b.x), b.text).toBeGreaterThan(5);
    expect(half(b.x + b.w / 2), b.text).toBeGreaterThan(5);
    expect(b.w).toBeGreaterThan(2.5 * b.h);
  }
});

test('a journey map PNG ends at its last stage, names each lane once and leaves out an empty flow row', async ({ page }) => {
  await page.goto('/#/journeys');
  await page.getByRole('button', { name: 'New journey' }).click();
  await page.getByRole('button', { name: 'Use template Customer onboarding' }).click();
  await expect(page.getByRole('textbox', { name: 'Journey name' })).toHaveValue('Customer onboarding');
  const tracks = await page.locator('.map-grid').evaluate((g) => getComputedStyle(g).gridTemplateColumns.split(' ').map(parseFloat));
  const stagesWidth = tracks.slice(0, -1).reduce((a, b) => a + b, 0);
  await watchCopy(page, []);
  const png = await exportPng(page, 'map.png');
  // The image is the lane headers and the stages (and the map's 1 px frame): no "+ Stage" column.
  expect(Math.abs(png.width - stagesWidth)).toBeLessThanOrEqual(2);
  // The last stage's colour bar runs to the image's right edge.
  const edge = ((3 * png.width) - 4) * png.channels;
  expect(png.data[edge]! + png.data[edge + 1]! + png.data[edge + 2]!).toBeLessThan(600);
  const { text } = await copyReport(page);
  for (const lane of ['Touchpoints', 'Channels', 'Pains', 'Opportunities', 'Backstage']) {
    expect(text.split(lane).length - 1, `“${lane}” once`).toBe(1);
  }
  expect(text).toContain('Flow steps');

  // A map with no flow: its image has no "Flow steps" row.
  await page.goto('/#/journeys');
  await page.getByRole('button', { name: 'New journey' }).click();
  await page.getByRole('button', { name: 'Blank journey' }).click();
  await page.getByRole('button', { name: '+ Stage' }).click();
  await page.getByRole('button', { name: '+ Stage' }).click();
  await expect(page.getByRole('textbox', { name: 'Stage 2 name' })).toBeVisible();
  await watchCopy(page, []);
  const blank = await exportPng(page, 'blank-map.png');
  const flowRow = await page.locator('.lane-flow').evaluate((el) => el.getBoundingClientRect().height);
  const gridH = await page.locator('.map-grid').evaluate((el) => el.getBoundingClientRect().height);
  expect((await copyReport(page)).text).not.toContain('Flow steps');
  expect(blank.height).toBeLessThanOrEqual(gridH - flowRow + 2);
});
