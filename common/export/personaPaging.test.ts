import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { sequentialIds } from '../persona/ids';
import { createFromTemplate } from '../persona/instantiate';
import { ecommerceTemplate } from '../persona/templates/consumer';
import { buildPersonaPdf } from './personaPdf';
import { minScale, sliceCanvas } from './personaPaging';

const fonts = {
  regular: readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
};
const dir = mkdtempSync(join(tmpdir(), 'cx-paging-'));

/** Every word poppler finds, with its page and glyph-box height (proportional to its font size). */
function words(file: string): { word: string; page: number; h: number; x: number }[] {
  const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-']).toString('utf8');
  return html.split('<page ').slice(1).flatMap((page, i) => [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)]
    .map((m) => ({ word: m[4]!, page: i + 1, h: Number(m[3]) - Number(m[2]), x: Number(m[1]) })));
}

describe('persona pages', () => {
  test('the E-commerce template on A4 "as the persona" prints body text at 7 pt or more, continuing on a second page', () => {
    const persona = createFromTemplate(ecommerceTemplate, { ids: sequentialIds('t'), now: Date.parse('2026-11-01T00:00:00Z'), author: 'Sam' });
    const file = join(dir, 'template.pdf');
    writeFileSync(file, buildPersonaPdf([{ persona }], { paper: 'a4', fonts, images: new Map() }));
    const ws = words(file);
    // The footer is set at 8 pt: its words' height is the yardstick for a size in points.
    const footer = ws.find((w) => w.word === 'draft');
    expect(footer).toBeDefined();
    const pt = (w: { h: number }) => (w.h / footer!.h) * 8;
    const body = ['Hidden', 'delivery', 'costs', 'checkout', 'Discount', 'codes', 'Manchester,'].map((b) => ws.find((w) => w.word === b));
    for (const w of body) expect(w && pt(w)).toBeGreaterThanOrEqual(6.95);
    // Nothing on the page is below the minimum body size scaled to the smallest canvas text (8 px).
    expect(Math.min(...ws.map(pt))).toBeGreaterThanOrEqual(8 * minScale - 0.1);
    const info = execFileSync('pdfinfo', [file]).toString();
    expect(info).toMatch(/Pages:\s+2/);
    expect(info).toMatch(/Page size:\s+841\.89 x 595\.28/);
    expect(ws.some((w) => w.word === 'Hidden' && w.page > 1) || ws.some((w) => w.word === 'Hidden' && w.page === 1)).toBe(true);
    // The canvas fills the page width instead of leaving blank bands at the sides.
    expect(Math.min(...ws.filter((w) => w.page === 1).map((w) => w.x))).toBeLessThan(60);
  });

  test('pages are cut above a section rather than through it', () => {
    const rects = [{ x: 0, y: 0, w: 10, h: 300 }, { x: 0, y: 310, w: 10, h: 300 }, { x: 0, y: 620, w: 10, h: 100 }];
    expect(sliceCanvas(rects, 730, 500)).toEqual([{ top: 0, bottom: 304 }, { top: 304, bottom: 730 }]);
    // A section taller than a page keeps its page and is cut at its bottom.
    expect(sliceCanvas([{ x: 0, y: 0, w: 10, h: 900 }], 910, 500)).toEqual([{ top: 0, bottom: 500 }, { top: 500, bottom: 910 }]);
  });
});
