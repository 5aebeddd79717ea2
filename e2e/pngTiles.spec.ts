import { readFileSync, writeFileSync } from 'node:fs';
import { decode } from 'fast-png';
import { expect, test } from '@playwright/test';
import { largeJourneyMap } from '../common/export/sampleJourney';

/** How many pixels of a decoded RGB(A) image in columns [x0, x1) are dark (text, lines, fills). */
function darkPixels(png: ReturnType<typeof decode>, x0: number, x1: number): number {
  const { width, height, channels, data } = png;
  let n = 0;
  for (let y = 0; y < height; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * width + x) * channels;
      if ((data[i] ?? 255) + (data[i + 1] ?? 255) + (data[i + 2] ?? 255) < 3 * 160) n++;
    }
  }
  return n;
}

test('a 40-stage journey map exports as one PNG at 2×, past Chromium’s 16,384-pixel canvas, and a cancelled capture saves nothing', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const envelope = {
    type: 'cx-studio.journey', version: 1, exportedAt: new Date().toISOString(),
    journey: { id: 'j-forty', name: 'Forty stages', description: '', tags: [], personaIds: [], map: largeJourneyMap(40, 3), flow: { nodes: [], edges: [] } },
  };
  const file = testInfo.outputPath('forty.json');
  writeFileSync(file, JSON.stringify(envelope));
  await page.goto('/#/journeys');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import JSON…' }).click();
  await (await chooser).setFiles(file);
  await expect(page.getByRole('textbox', { name: 'Stage 40 name' })).toHaveValue('Stage 40');

  const map = page.locator('.journey-map');
  const css = await map.evaluate((el) => ({ w: el.scrollWidth, h: el.scrollHeight }));
  expect(css.w * 2).toBeGreaterThan(16_384); // the case that needs tiles

  await page.locator('details.export-menu > summary').click();
  await page.getByRole('combobox', { name: 'PNG scale' }).selectOption('2');

  // Cancel part-way: nothing is saved and the menu is ready again well before the capture would end.
  let downloads = 0;
  page.on('download', () => void downloads++);
  const pngButton = page.getByRole('button', { name: 'PNG', exact: true });
  // A plain click would wait for the busy window to settle; the event is enough to start the capture.
  await pngButton.dispatchEvent('click');
  // The window may be busy copying the map for a few seconds before it answers.
  await expect(page.getByRole('button', { name: 'Capturing…' })).toBeVisible({ timeout: 30_000 });
  const cancelledAt = Date.now();
  await page.getByRole('button', { name: 'Cancel' }).dispatchEvent('click');
  await expect(pngButton).toBeEnabled({ timeout: 3_000 });
  testInfo.annotations.push({ type: 'PNG cancel', description: `idle ${Date.now() - cancelledAt} ms after Cancel` });
  await expect(page.getByRole('progressbar', { name: 'Export in progress' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Cancel' })).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(downloads).toBe(0);

  const download = page.waitForEvent('download');
  const started = Date.now();
  await page.getByRole('button', { name: 'PNG', exact: true }).click();
  const out = testInfo.outputPath('forty.png');
  await (await download).saveAs(out);
  testInfo.annotations.push({ type: 'tiled PNG capture', description: `${Date.now() - started} ms for ${css.w * 2} × ${css.h * 2} px` });

  expect(downloads).toBe(1);
  const bytes = readFileSync(out);
  expect(bytes.subarray(12, 16).toString()).toBe('IHDR');
  // As wide as the lane headers and stages at 2× (the "+ Stage" column is left out of the image);
  // no taller than the editor, since the image leaves out its controls.
  const h = bytes.readUInt32BE(20);
  const tracks = await page.locator('.map-grid').evaluate((g) => getComputedStyle(g).gridTemplateColumns.split(' ').map(parseFloat));
  expect(Math.abs(bytes.readUInt32BE(16) - 2 * tracks.slice(0, -1).reduce((a, b) => a + b, 0))).toBeLessThanOrEqual(4);
  expect(h % 2).toBe(0);
  expect(h).toBeGreaterThan(css.h);
  expect(h).toBeLessThanOrEqual(css.h * 2);
  const png = decode(bytes);
  // The last stage's column, in the far-right tile, holds its header and cards: not a blank tile.
  const lastStage = (200 + 39 * 220) * 2;
  expect(darkPixels(png, lastStage, lastStage + 220 * 2)).toBeGreaterThan(2_000);
  // And the first tile too, so the two halves are both painted.
  expect(darkPixels(png, 0, 200 * 2)).toBeGreaterThan(2_000);
});
