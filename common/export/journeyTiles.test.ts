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
    // 1683.78 − 36 pt margin wide over 547 − 20 pt overlap: 4 columns; the map grows to fill the
    // poster's height, so 2 rows.
    expect(pages).toBe(4 * 2);
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89/);
    const first = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-enc', 'UTF-8', file, '-']).toString('utf8');
    expect(first).toContain('row 1 of 2, column 1 of 4');
    expect(first).toContain('Tiled map');
  });
});
