import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { sequentialIds } from '../persona/ids';
import { createFromTemplate } from '../persona/instantiate';
import { ecommerceTemplate } from '../persona/templates/consumer';
import { jsPDF } from 'jspdf';
import { builtInTemplates } from '../persona/templates';
import { registerFonts } from './fonts';
import { buildPersonaPdf, canvasRect, canvasSize } from './personaPdf';
import { grownPersona } from './personaGrowth';
import { minScale, planPersonaPages, sliceCanvas } from './personaPaging';

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
  test('the E-commerce template fits one A4 landscape page as it fits one Letter portrait page, body text at 4.4 pt or more', () => {
    const persona = createFromTemplate(ecommerceTemplate, { ids: sequentialIds('t'), now: Date.parse('2026-11-01T00:00:00Z'), author: 'Sam' });
    for (const [paper, orientation] of [['a4', 'landscape'], ['letter', 'portrait'], ['a4', undefined]] as const) {
      const file = join(dir, `template-${paper}-${orientation}.pdf`);
      writeFileSync(file, buildPersonaPdf([{ persona }], { paper, fonts, images: new Map(), ...(orientation ? { orientation } : {}) }));
      const ws = words(file);
      // The footer is set at 8 pt: its words' height is the yardstick for a size in points.
      const footer = ws.find((w) => w.word === 'Draft');
      expect(footer).toBeDefined();
      const pt = (w: { h: number }) => (w.h / footer!.h) * 8;
      const body = ['Hidden', 'delivery', 'costs', 'checkout', 'Discount', 'codes', 'Manchester,'].map((b) => ws.find((w) => w.word === b));
      for (const w of body) expect(w && pt(w), `${paper} ${orientation}`).toBeGreaterThanOrEqual(11 * minScale - 0.05);
      expect(execFileSync('pdfinfo', [file]).toString(), `${paper} ${orientation}`).toMatch(/Pages:\s+1\n/);
      // Every section is on the one page.
      for (const title of ['Behaviour', 'Brands', 'Channels']) expect(ws.some((w) => w.word === title), title).toBe(true);
    }
  });

  test('a canvas too tall for one page at 4.4 pt continues on further pages, filling the width', () => {
    const persona = createFromTemplate(ecommerceTemplate, { ids: sequentialIds('t'), now: Date.parse('2026-11-01T00:00:00Z'), author: 'Sam' });
    const tall = { ...persona, sections: persona.sections.map((s) => ({ ...s, layout: { ...s.layout, y: s.layout.y * 2, h: s.layout.h * 2 } })) };
    const file = join(dir, 'tall.pdf');
    writeFileSync(file, buildPersonaPdf([{ persona: tall }], { paper: 'a4', orientation: 'landscape', fonts, images: new Map() }));
    expect(Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString())?.[1])).toBeGreaterThan(1);
    const ws = words(file);
    // The canvas fills the page width instead of leaving blank bands at the sides.
    expect(Math.min(...ws.filter((w) => w.page === 1).map((w) => w.x))).toBeLessThan(60);
  });

  test('a canvas fitted to the page height prints on one page, not with a sliver of a second', () => {
    expect(sliceCanvas([{ x: 0, y: 0, w: 10, h: 840 }], 852, 851.9999)).toEqual([{ top: 0, bottom: 852 }]);
  });

  test('pages are cut above a section rather than through it', () => {
    const rects = [{ x: 0, y: 0, w: 10, h: 300 }, { x: 0, y: 310, w: 10, h: 300 }, { x: 0, y: 620, w: 10, h: 100 }];
    expect(sliceCanvas(rects, 730, 500)).toEqual([{ top: 0, bottom: 304 }, { top: 304, bottom: 730 }]);
    // A section taller than a page keeps its page and is cut at its bottom.
    expect(sliceCanvas([{ x: 0, y: 0, w: 10, h: 900 }], 910, 500)).toEqual([{ top: 0, bottom: 500 }, { top: 500, bottom: 910 }]);
  });

  // Measured as the PDF measures it (grown with its own fonts), planned as it plans: the B2B
  // template put its scenarios across the whole width below everything and ran onto three A4
  // landscape pages while one Letter portrait page held it.
  test('every built-in template prints on one page in both orientations of A4 and Letter', () => {
    const measure = new jsPDF({ unit: 'pt' });
    registerFonts(measure, fonts);
    for (const template of builtInTemplates) {
      const persona = grownPersona(measure, createFromTemplate(template, { ids: sequentialIds('t'), now: 0, author: 'Sam' }));
      for (const paper of ['a4', 'letter'] as const) {
        for (const orientation of ['portrait', 'landscape'] as const) {
          const plan = planPersonaPages(persona, paper, canvasSize(persona), persona.sections.map(canvasRect), orientation);
          expect(plan.slices, `${template.name} on ${paper} ${orientation}`).toHaveLength(1);
        }
      }
    }
  });
});

// A canvas bound by the page's height printed with a quarter of the paper blank on each side, and its
// cards half empty (plain lines where the screen has boxed fields): the grid now stretches to the page
// and the text grows as far as the fullest card allows, without cutting any of it.
describe('persona pages are filled', () => {
  /** Per page: where its text reaches, the footer (its lowest line) left out. */
  const extents = (file: string) => {
    const xml = execFileSync('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', file, '-']).toString('utf8');
    return xml.split('<page ').slice(1).map((page) => {
      const lines = [...page.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"/g)].map((m) => ({ x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]) }));
      const footer = Math.max(...lines.map((l) => l.y0));
      const body = lines.filter((l) => l.y0 < footer);
      return { left: Math.min(...body.map((l) => l.x0)), right: Math.max(...body.map((l) => l.x1)), bottom: Math.max(...body.map((l) => l.y1)) };
    });
  };

  test('every built-in template fills A4 landscape and Letter portrait across and down, and no text is cut', () => {
    // The blank starter has no text to measure the page by. One deck per paper (a cover, then one
    // page per template): a PDF per template took over 30 s on a loaded machine.
    const personas = builtInTemplates.filter((t) => t.id !== 'builtin-classic')
      .map((template) => createFromTemplate(template, { ids: sequentialIds('t'), now: 0, author: 'Sam' }));
    for (const [paper, orientation] of [['a4', 'landscape'], ['letter', 'portrait']] as const) {
      const file = join(dir, `fill-${paper}.pdf`);
      writeFileSync(file, buildPersonaPdf(personas.map((persona) => ({ persona })), { paper, orientation, fonts, images: new Map() }));
      const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(execFileSync('pdfinfo', [file]).toString());
      const page = { w: Number(size?.[1]), h: Number(size?.[2]) };
      const pages = extents(file).slice(1);
      expect(pages).toHaveLength(personas.length);
      pages.forEach(({ left, right, bottom }, i) => {
        const name = `${personas[i]!.name} on ${paper} ${orientation}`;
        expect(left, name).toBeLessThan(80);
        expect(right / page.w, name).toBeGreaterThan(0.85);
        expect(bottom / page.h, name).toBeGreaterThan(0.7);
      });
      // Growing the text never costs a word: no ellipsis but the templates' own.
      const ellipses = (t: string) => t.split('…').length - 1;
      expect(ellipses(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8')), paper).toBe(ellipses(JSON.stringify(personas)));
    }
  });
});
