import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { builtInTemplates } from '../journey/templates/index';
import { buildJourneyPdf } from './journeyPdf';
import { largeJourneyMap } from './sampleJourney';

const fonts = { regular: readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf'), bold: readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf') };
const dir = mkdtempSync(join(tmpdir(), 'cx-jpdf-'));
const template = builtInTemplates()[0];
if (!template) throw new Error('no template');

function read(bytes: Uint8Array, name: string): { text: string; info: string } {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return { text: execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8'), info: execFileSync('pdfinfo', [file]).toString('utf8') };
}

describe('journey poster PDF', () => {
  test('is one page with the journey name, every stage and card text as real text', () => {
    const journey = { ...template.body, name: 'Onboarding — Онбординг' };
    const { text, info } = read(buildJourneyPdf(journey, { paper: 'a3', fonts }), 'a3.pdf');
    expect(info).toMatch(/Pages:\s+1/);
    expect(info).toMatch(/Page size:\s+1190\.55 x 841\.89/);
    expect(text).toContain('Onboarding — Онбординг');
    for (const stage of journey.map.stages) expect(text.replace(/\s+/g, ' ')).toContain(stage.name);
  });

  test('offers A3 to A0 in either orientation', () => {
    for (const [paper, orientation, size] of [['a0', 'landscape', '3370.39 x 2383.94'], ['a1', 'portrait', '1683.78 x 2383.94']] as const) {
      expect(read(buildJourneyPdf({ ...template.body, name: 'x' }, { paper, orientation, fonts }), `${paper}.pdf`).info).toMatch(new RegExp(`Page size:\\s+${size}`));
    }
  });

  test('a small map grows to fill a big poster: the text reaches most of the page\'s width and height', () => {
    const file = join(dir, 'small-a1.pdf');
    writeFileSync(file, buildJourneyPdf({ ...template.body, name: 'Small map' }, { paper: 'a1', fonts }));
    const bbox = execFileSync('pdftotext', ['-bbox', file, '-']).toString('utf8');
    const words = [...bbox.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">/g)].map((m) => m.slice(1).map(Number));
    const [w, h] = [2383.94, 1683.78];
    const bottom = Math.max(...words.map((b) => b[3] ?? 0));
    const right = Math.max(...words.map((b) => b[2] ?? 0));
    expect(bottom / h).toBeGreaterThan(0.85);
    expect(right / w).toBeGreaterThan(0.8);
    // …with text no larger than the cap, so a one-stage map does not print in giant letters.
    const tallest = Math.max(...words.map((b) => (b[3] ?? 0) - (b[1] ?? 0)));
    expect(tallest).toBeLessThan(60);
  });

  test('a 30-stage, 15-lane map fits on one poster with every stage named', () => {
    const map = largeJourneyMap(30, 15);
    const { text, info } = read(buildJourneyPdf({ name: 'Big map', description: 'Stress', map }, { paper: 'a0', fonts }), 'big.pdf');
    expect(info).toMatch(/Pages:\s+1/);
    expect(text).toContain('Stage 30');
    expect(text).toContain('Lane 15');
  });
});
