import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jsPDF } from 'jspdf';
import { describe, expect, test } from 'vitest';
import { builtInTemplates } from '../journey/templates/index';
import type { JourneyMap } from '../journey/mapModel';
import { registerFonts } from './fonts';
import { buildJourneyPdf, drawPoster, type JourneyPdfInput } from './journeyPdf';
import { pageSize } from './paper';

const fonts = { regular: readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf'), bold: readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf') };
const dir = mkdtempSync(join(tmpdir(), 'cx-jlook-'));
const templates = builtInTemplates();

/** Renders page 1 of a PDF to RGB pixels at `scale` pixels per point (pdftoppm, as a client's viewer would). */
function render(file: string, scale: number): { w: number; h: number; px: (x: number, y: number) => [number, number, number] } {
  const ppm = execFileSync('pdftoppm', ['-r', String(72 * scale), '-f', '1', '-l', '1', file], { maxBuffer: 1 << 28 });
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('not a PPM');
  const w = Number(header[1]);
  const h = Number(header[2]);
  const off = header[0].length;
  return { w, h, px: (x, y) => { const i = off + (Math.round(y) * w + Math.round(x)) * 3; return [ppm[i] ?? 0, ppm[i + 1] ?? 0, ppm[i + 2] ?? 0]; } };
}

const rgb = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
const near = (a: number[], b: number[], tol: number) => a.every((v, i) => Math.abs(v - (b[i] ?? 0)) <= tol);

function poster(journey: JourneyPdfInput, paper: 'a2' | 'a1', orientation: 'landscape' | 'portrait', name: string) {
  const size = pageSize(paper, orientation);
  const doc = new jsPDF({ unit: 'pt', format: [size.w, size.h], orientation, compress: true, putOnlyUsedFonts: true });
  registerFonts(doc, fonts);
  const drawn = drawPoster(doc, journey, size);
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, new Uint8Array(doc.output('arraybuffer')));
  return { file, drawn, size };
}

describe('journey poster: what a client sees', () => {
  test('stage names wrap onto more lines and are printed whole, never cut with an ellipsis', () => {
    const base = templates[0]!.body;
    const long = 'Download and install the mobile application from the store';
    const map: JourneyMap = { ...base.map, stages: base.map.stages.map((s, i) => (i === 1 ? { ...s, name: long } : s)) };
    for (const paper of ['a3', 'a0'] as const) {
      const file = join(dir, `stages-${paper}.pdf`);
      writeFileSync(file, buildJourneyPdf({ ...base, name: 'Stages', map }, { paper, orientation: 'portrait', fonts }));
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8');
      expect(text.replace(/\s+/g, ' ')).toContain(long);
      expect(text).not.toContain('…');
    }
  });

  test('a small map fills the paper down to its bottom margin, not its top half', () => {
    for (const t of templates.slice(3, 5)) {
      for (const [paper, orientation] of [['a1', 'portrait'], ['a2', 'landscape']] as const) {
        const { file } = poster({ ...t.body, name: t.name }, paper, orientation, `fill-${t.id}-${paper}`);
        const img = render(file, 0.25);
        let lowest = 0;
        for (let y = 0; y < img.h; y++) for (let x = 0; x < img.w; x += 2) if (img.px(x, y).some((c) => c < 252)) lowest = y;
        expect(lowest / img.h, `${t.id} on ${paper} ${orientation}`).toBeGreaterThan(0.93);
      }
    }
  });

  test('the emotion legend names each curve, as-is or to-be, and its persona', () => {
    const base = templates[0]!.body;
    const lane = base.map.lanes.find((l) => l.type === 'emotion');
    if (lane?.type !== 'emotion') throw new Error('no emotion lane');
    const curves = lane.curves.map((c, i) => (i === 0 ? { ...c, personaId: 'p_maya' } : c));
    const map = { ...base.map, lanes: base.map.lanes.map((l) => (l.id === lane.id ? { ...lane, curves } : l)) };
    const { file } = poster({ ...base, name: 'Legend', map, personas: { p_maya: 'Maya Chen' } }, 'a2', 'landscape', 'legend');
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8').replace(/\s+/g, ' ');
    expect(text).toContain('Today (as-is) · Maya Chen');
    expect(text).toContain('Designed (to-be) · any customer');
    // The y-axis carries the scale's values.
    for (const v of ['+2', '+1', '−1', '−2']) expect(text).toContain(v);
  });

  test('markers are drawn in their curve\'s colour and no value label lies on a curve', () => {
    for (const t of templates) {
      const { file, drawn } = poster({ ...t.body, name: t.name }, 'a2', 'landscape', `curve-${t.id}`);
      const scale = 2;
      const img = render(file, scale);
      const colours = [...new Set(drawn.flatMap((d) => d.markers.map((m) => m.colour)))].map(rgb);
      expect(drawn.length, t.id).toBe(1);
      for (const { markers, labels } of drawn) {
        expect(markers.length).toBeGreaterThan(0);
        for (const m of markers) expect(near(img.px(m.x * scale, m.y * scale), rgb(m.colour), 40), `${t.id} marker at ${m.stageId}`).toBe(true);
        for (const l of labels) {
          for (let y = Math.ceil(l.y * scale) + 1; y < (l.y + l.h) * scale - 1; y++) {
            for (let x = Math.ceil(l.x * scale) + 1; x < (l.x + l.w) * scale - 1; x++) {
              const p = img.px(x, y);
              expect(colours.some((c) => near(p, c, 30)), `${t.id}: curve colour inside a value label at ${x / scale},${y / scale}`).toBe(false);
            }
          }
        }
      }
    }
  }, 60_000);
});
