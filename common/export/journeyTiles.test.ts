import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { builtInTemplates } from '../journey/templates/index';
import { buildJourneyTiledPdf, tileGrid } from './journeyTiles';

const fonts = { regular: readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf') };
const dir = mkdtempSync(join(tmpdir(), 'cx-tiles-'));
const template = builtInTemplates()[0];
if (!template) throw new Error('no template');

describe('tiled journey poster', () => {
  test('the grid covers the poster with the overlap on every inner edge', () => {
    expect(tileGrid({ w: 1000, h: 500 }, { w: 500, h: 500 }, 0)).toEqual({ cols: 2, rows: 1 });
    expect(tileGrid({ w: 1000, h: 500 }, { w: 500, h: 500 }, 20)).toEqual({ cols: 3, rows: 1 });
    expect(tileGrid({ w: 10, h: 10 }, { w: 500, h: 500 }, 20)).toEqual({ cols: 1, rows: 1 });
  });

  test('no sheet is blank: every tiled page holds part of the map besides its label', () => {
    for (const t of builtInTemplates().slice(0, 2)) {
      for (const poster of ['a2', 'a1'] as const) {
        const file = join(dir, `blank-${t.id}-${poster}.pdf`);
        writeFileSync(file, buildJourneyTiledPdf({ ...t.body, name: 'Tiled' }, { poster, sheet: 'a4', fonts }));
        const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString('utf8'))?.[1]);
        for (let p = 1; p <= pages; p++) {
          const text = execFileSync('pdftotext', ['-f', String(p), '-l', String(p), '-enc', 'UTF-8', file, '-']).toString('utf8');
          const beyondLabel = text.replace(/Tiled · row \d+ of \d+, column \d+ of \d+/, '').replace(/\s+/g, '');
          expect(beyondLabel.length, `${t.id} on ${poster}, sheet ${p} of ${pages}`).toBeGreaterThan(0);
        }
      }
    }
  }, 120_000);

  test('an A2 landscape poster on A4 sheets has one labelled page per tile, all A4, with the map as text', () => {
    const bytes = buildJourneyTiledPdf({ ...template.body, name: 'Tiled map' }, { poster: 'a2', sheet: 'a4', fonts });
    const file = join(dir, 'tiles.pdf');
    writeFileSync(file, bytes);
    const info = execFileSync('pdfinfo', [file]).toString('utf8');
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    // 1683.78 − 2 × 36 pt of margins = 1611.8 pt wide over sheets advancing 547.28 − 17 pt: 3 columns
    // once shrunk by 0.3 % (four would leave a 4 pt sliver); the map fills the poster's height: 2 rows.
    expect(pages).toBe(3 * 2);
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89/);
    const first = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-enc', 'UTF-8', file, '-']).toString('utf8');
    expect(first).toContain('row 1 of 2, column 1 of 3');
    expect(first).toContain('Tiled map');
  });

  test('neighbouring sheets overlap by a small strip (17 pt), not by most of a sheet, and carry crop marks', () => {
    const file = join(dir, 'overlap.pdf');
    writeFileSync(file, buildJourneyTiledPdf({ ...template.body, name: 'Overlap' }, { poster: 'a2', sheet: 'a4', fonts }));
    const words = (page: number) => [...execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), file, '-']).toString('utf8')
      .matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]+)<\/word>/g)]
      .map((m) => ({ x: Number(m[1]), y: Number(m[2]), text: m[3] ?? '' }));
    const area = { w: 595.28 - 48, h: 841.89 - 48 };
    // The same word seen on two neighbouring sheets is one step apart: the area less the overlap.
    const shift = (a: number, b: number, axis: 'x' | 'y') => {
      // pdftotext keeps text clipped off a sheet, so a word of the drawing is found on both sheets
      // wherever it lies; the sheet labels match at the same spot (no shift) and are skipped.
      const once = <W extends { text: string }>(list: W[]) => list.filter((w) => list.filter((o) => o.text === w.text).length === 1);
      const second = once(words(b));
      for (const w of once(words(a))) {
        const same = second.find((o) => o.text === w.text && Math.abs((axis === 'x' ? o.y - w.y : o.x - w.x)) < 0.5 && Math.abs(axis === 'x' ? w.x - o.x : w.y - o.y) > 1);
        if (same) return axis === 'x' ? w.x - same.x : w.y - same.y;
      }
      throw new Error(`no word on both sheets ${a} and ${b}`);
    };
    expect(area.w - shift(1, 2, 'x')).toBeCloseTo(17, 0);
    expect(area.h - shift(2, 5, 'y')).toBeCloseTo(17, 0);
    // Crop marks: short black lines in the margin above each corner of the printed area.
    const ppm = execFileSync('pdftoppm', ['-r', '72', '-gray', '-f', '2', '-l', '2', file]);
    const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'));
    const width = Number(header?.[1]);
    const off = header?.[0].length ?? 0;
    const darkAt = (x: number, y: number) => [-1, 0, 1].some((d) => (ppm[off + y * width + x + d] ?? 255) < 160);
    for (const x of [24, 24 + 17, 595 - 24 - 17, 595 - 24]) expect(darkAt(x, 12), `crop mark at x ${x}`).toBe(true);
    expect(darkAt(100, 12)).toBe(false);
  });
});
