import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jsPDF } from 'jspdf';
import { describe, expect, test } from 'vitest';
import { bytesToBase64, fallbacksFor, missingCharacters, registerFonts, uncoveredCharacters, type PdfFonts } from './fonts';
import { fontCoverage } from './fontCoverage';
import { drawLabel, setFont } from './pdfText';
import { buildPersonaPdf } from './personaPdf';
import { samplePersona, samplePhoto } from './samplePersona';

const nm = 'node_modules/';
const base = { regular: readFileSync(`${nm}dejavu-fonts-ttf/ttf/DejaVuSans.ttf`), bold: readFileSync(`${nm}dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf`) };
const fallbacks = ([['cjk', 'jp/400Regular/NotoSansJP'], ['devanagari', 'devanagari/400Regular/NotoSansDevanagari'], ['thai', 'thai/400Regular/NotoSansThai']] as const)
  .map(([name, f]) => ({ name, regular: readFileSync(`${nm}@expo-google-fonts/noto-sans-${f}_400Regular.ttf`) }));
const fonts: PdfFonts = { ...base, fallbacks };
const images = new Map([['photo-1', samplePhoto]]);
const dir = mkdtempSync(join(tmpdir(), 'cx-scripts-'));

function save(bytes: Uint8Array, name: string): string {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
}
const text = (file: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8');

/**
 * Words poppler finds on page 1 with their left edge. Poppler gives each word's glyphs left to
 * right as drawn, so a right-to-left word is turned back to reading order here: a word drawn in the
 * wrong order then reads backwards.
 */
function words(file: string): { word: string; x: number; y: number; h: number }[] {
  const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', '-f', '1', '-l', '1', file, '-']).toString('utf8');
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)]
    .map((m) => ({ word: reading(m[4]!.replace(/&amp;/g, '&')), x: Number(m[1]), y: Number(m[2]), h: Number(m[3]) - Number(m[2]) }));
}

const reading = (w: string) => (/[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/.test(w) ? Array.from(w).reverse().join('') : w);

function personaWith(name: string, goal: string, id: string) {
  const p = samplePersona(name, id);
  const goals = p.sections.find((s) => s.type === 'goals');
  if (goals) goals.data = { items: [{ id: 'g', text: goal }] };
  return p;
}

describe('scripts beyond the main font', () => {
  test('Japanese, Hindi and Thai names and goals print as text in a fallback font', () => {
    for (const [name, goal] of [['田中 花子', '月末の残業をなくす'], ['प्रिया शर्मा', 'समय बचाना'], ['สมชาย ใจดี', 'ประหยัดเวลา']] as const) {
      const file = save(buildPersonaPdf([{ persona: personaWith(name, goal, 'p-x') }], { paper: 'a4', fonts, images }), 'script.pdf');
      const out = text(file);
      expect(out).toContain(name);
      expect(out).toContain(goal);
    }
  }, 60_000);

  test('a PDF without such characters embeds no fallback font and stays small', () => {
    const file = save(buildPersonaPdf([{ persona: samplePersona() }], { paper: 'a4', fonts, images }), 'latin.pdf');
    expect(execFileSync('pdffonts', [file]).toString()).not.toContain('CxFallback');
    expect(readFileSync(file).byteLength).toBeLessThan(200_000);
  });

  test('fallback fonts are embedded as a subset of the glyphs used', () => {
    const file = save(buildPersonaPdf([{ persona: personaWith('สมชาย ใจดี', 'ประหยัดเวลา', 'p-th') }], { paper: 'a4', fonts, images }), 'thai.pdf');
    expect(execFileSync('pdffonts', [file]).toString()).toMatch(/CxFallback-thai\s+CID TrueType\s+Identity-H\s+yes/);
    const latin = buildPersonaPdf([{ persona: samplePersona() }], { paper: 'a4', fonts, images }).byteLength;
    expect(readFileSync(file).byteLength - latin).toBeLessThan(30_000); // the whole Thai font is 47 KB
  });

  test('characters no bundled font has are reported, not printed blank silently', () => {
    expect(uncoveredCharacters('Kim 김민준 · 田中', fonts)).toEqual(['김', '민', '준']);
    expect(uncoveredCharacters('Maya Chen, שרה, مريم, Анна, 田中, สมชาย, प्रिया', fonts)).toEqual([]);
    const doc = new jsPDF({ unit: 'pt' });
    registerFonts(doc, fonts);
    setFont(doc, 12);
    drawLabel(doc, 'Kim 김민준', 10, 20, 300);
    expect(missingCharacters(doc)).toEqual(['김', '민', '준']);
  });

  test('which fallback fonts text needs is decided by its characters', () => {
    expect(fallbacksFor('Maya Chen, שרה, مريم')).toEqual([]);
    expect(fallbacksFor('田中 and สมชาย')).toEqual(['cjk', 'thai']);
    expect(fallbacksFor('प्रिया')).toEqual(['devanagari']);
  });

  test('font bytes are base64-encoded exactly, at every padding length', () => {
    for (const n of [0, 1, 2, 3, 4, 5, 100_001]) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 7919 + (i >> 3)) & 255);
      expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    }
  });

  test('coverage is read from the font cmap', () => {
    const dejavu = fontCoverage(base.regular);
    const jp = fontCoverage(fallbacks[0]!.regular);
    for (const ch of 'AשمД') expect(dejavu(ch.codePointAt(0)!)).toBe(true);
    for (const ch of '田かカ') expect([dejavu(ch.codePointAt(0)!), jp(ch.codePointAt(0)!)]).toEqual([false, true]);
    expect(jp('한'.codePointAt(0)!)).toBe(false);
  });
});

describe('right-to-left text', () => {
  test('a Hebrew name reads right to left; Latin and digits in the footer keep their order', () => {
    const persona = { ...personaWith('שרה כהן', 'לחסוך 37 דקות ביום', 'p-he'), status: 'active' as const };
    const file = save(buildPersonaPdf([{ persona }], { paper: 'a4', fonts, images }), 'he.pdf');
    const ws = words(file);
    const at = (w: string) => ws.find((x) => x.word === w);
    for (const w of ['שרה', 'כהן', 'לחסוך', 'דקות', 'ביום', 'Active', 'Oct', '2025']) expect(at(w), w).toBeDefined();
    expect(ws.map((w) => w.word)).not.toContain('evitcA');
    expect(at('שרה')!.x).toBeGreaterThan(at('כהן')!.x); // first word on the right
    expect(at('לחסוך')!.x).toBeGreaterThan(at('37')!.x);
    expect(at('37')!.x).toBeGreaterThan(at('דקות')!.x);
  });

  test('Arabic mixed with Latin and digits: shaped letters, words in right-to-left order', () => {
    const file = save(buildPersonaPdf([{ persona: personaWith('مريم الحسن', 'توفير 20 دقيقة في ERP', 'p-ar') }], { paper: 'a4', fonts, images }), 'ar.pdf');
    const ws = words(file);
    const at = (w: string) => ws.find((x) => x.word.normalize('NFKC') === w);
    for (const w of ['مريم', 'الحسن', 'توفير', '20', 'دقيقة', 'في', 'ERP']) expect(at(w), w).toBeDefined();
    // Joined forms (presentation forms), not isolated letters: the shaper ran on logical order.
    expect(at('مريم')!.word).toBe('\uFEE3\uFEAE\uFEF3\uFEE2');
    expect(at('مريم')!.x).toBeGreaterThan(at('الحسن')!.x);
    const goal = ['توفير', '20', 'دقيقة', 'في', 'ERP'].map((w) => at(w)!.x);
    expect([...goal].sort((a, b) => b - a)).toEqual(goal); // each word left of the one before it
  });
});
