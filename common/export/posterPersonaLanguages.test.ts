import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { mergedLiveMetrics } from '../analytics/liveFigures';
import { exportText } from '../i18n/exportText';
import { buildJourneyPdf } from './journeyPdf';
import { buildJourneyTiledPdf } from './journeyTiles';
import { buildPersonaPdf } from './personaPdf';
import { largeJourneyMap } from './sampleJourney';
import { samplePersona, samplePhoto } from './samplePersona';
import { sampleSnapshots } from './sampleSnapshots';

// The persona PDF, the journey poster and the tiled poster in the export's language (issue 18): the
// words the app adds (field names, channel levels, metric cards, cover, footer, legends, sheet labels),
// numbers and dates, read back with pdftotext as a client's reader would; right to left in Arabic.
const fonts = {
  regular: readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
};
const images = new Map([['photo-1', samplePhoto]]);
const dir = mkdtempSync(join(tmpdir(), 'cx-pdf-lang-'));
const arabic = /[\u0600-\u06FF\uFE70-\uFEFF]/;
function write(bytes: Uint8Array, name: string): string {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
}
/** The PDF's text, Arabic presentation forms folded back and bidi marks dropped, whitespace squashed. */
const text = (file: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8').normalize('NFKC').replace(/[\u200e\u200f\u202a-\u202e]/g, '').replace(/\s+/g, ' ');
/** Each word with its box; an Arabic word's glyphs come in visual order, reversed here to read as written. */
function words(file: string): { page: number; text: string; xMin: number; xMax: number; yMin: number }[] {
  const out: ReturnType<typeof words> = [];
  let page = 0;
  for (const line of execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-']).toString('utf8').split('\n')) {
    if (line.includes('<page ')) page++;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/.exec(line);
    if (m) out.push({ page, xMin: +m[1]!, yMin: +m[2]!, xMax: +m[3]!, text: (arabic.test(m[4]!) ? Array.from(m[4]!).reverse().join('') : m[4]!).normalize('NFKC') });
  }
  return out;
}

const merged = mergedLiveMetrics(sampleSnapshots());
const metrics = { live: merged?.live ?? null, day: merged?.lastDay ?? null, firstDay: merged?.firstDay ?? null, targets: { satisfaction: 85, ces: 2.5 } };
const persona = (locale: string) => buildPersonaPdf([{ persona: samplePersona(), metrics }], { paper: 'a4', fonts, images, text: exportText(locale) });
const deck = (locale: string) => {
  const p = samplePersona();
  return buildPersonaPdf([p, { ...p, id: 'p2', name: 'Omar Haddad' }, { ...p, id: 'p3', name: 'Lena Park' }].map((x) => ({ persona: x })), { paper: 'a4', fonts, images, text: exportText(locale) });
};
const journey = (() => {
  const map = largeJourneyMap(4, 3);
  return { name: 'Onboarding', description: '', map };
})();

// Labels the app adds to a persona page in English; the sample persona's own content has none of these words.
const englishPersona = /\b(Gender|Age|Location|Occupation|Education|Income|Family|Prefers|Rarely|Avoids|Sometimes|matched responses?|target|Active|Page|Market size|Email|In-store)\b|Oct 31|2026-10-31/;

describe('persona PDF in the export language', () => {
  test('English prints the labels the German and Arabic checks look for (so they can fail)', () => {
    const en = text(write(persona('en'), 'persona-en.pdf'));
    expect(en).toMatch(englishPersona);
    for (const want of ['Gender', 'Prefers', 'Rarely', '5 matched responses, Oct 31, 2026 to Nov 1, 2026', 'target 85%', 'Active', 'Market size:']) expect(en, want).toContain(want);
  });

  test('German: field names, channels and levels, metric cards, dates and footer', () => {
    const de = text(write(persona('de'), 'persona-de.pdf'));
    for (const want of ['Geschlecht', 'Alter', 'Wohnort', 'E-Mail', 'Bevorzugt', 'Selten', 'Meidet', 'Loyalität (NPS)', '5 passende Antworten, 31.10.2026 bis 01.11.2026',
      'Ziel 85 %', 'Ziel 2,5', '2,6', 'Aktiv', 'Marktgröße:']) {
      expect(de, want).toContain(want);
    }
    expect(de).not.toMatch(englishPersona);
  });

  test('German deck: cover, counts and page numbers', () => {
    const pages = execFileSync('pdftotext', ['-enc', 'UTF-8', write(deck('de'), 'deck-de.pdf'), '-']).toString('utf8').split('\f').map((p) => p.replace(/\s+/g, ' '));
    expect(pages[0]).toContain('Persona-Set');
    expect(pages[0]).toMatch(/3 Personas · 4 Seiten · aktualisiert am \d{2}\.\d{2}\.\d{4}/);
    pages.slice(0, 4).forEach((p, i) => expect(p).toContain(`Seite ${i + 1} von 4`));
    expect(pages.join(' ')).not.toMatch(/Persona deck|personas ·|\bpage \d|updated/);
  });

  test('Arabic: labels in Arabic, cover and footer hang from the right edge', () => {
    const file = write(persona('ar'), 'persona-ar.pdf');
    const ar = text(file);
    expect(ar).not.toMatch(englishPersona);
    const ws = words(file);
    for (const want of ['الجنس', 'البريد', 'نشطة']) expect(ws.some((w) => w.text.includes(want)), want).toBe(true);
    const footer = ws.filter((w) => w.text.includes('نشطة'));
    const pageW = 841.89;
    // The footer line (name · status · tags · date) ends at the canvas's right edge, not its left.
    expect(footer.length).toBeGreaterThan(0);
    const line = ws.filter((w) => Math.abs(w.yMin - footer[0]!.yMin) < 2);
    expect(Math.max(...line.map((w) => w.xMax))).toBeGreaterThan(pageW - 60);
    expect(Math.min(...line.map((w) => w.xMin))).toBeGreaterThan(pageW / 3);
    const cover = words(write(deck('ar'), 'deck-ar.pdf')).filter((w) => w.page === 1 && arabic.test(w.text));
    expect(cover.length).toBeGreaterThan(3);
    expect(Math.min(...cover.map((w) => w.xMin))).toBeGreaterThan(200);
  });
});

describe('journey poster and tiled poster in the export language', () => {
  test('German: curve legend, metric figures and targets, sheet labels', () => {
    const poster = text(write(buildJourneyPdf(journey, { paper: 'a3', fonts, text: exportText('de') }), 'poster-de.pdf'));
    expect(poster).toContain('Today (Ist) · alle Kunden');
    expect(poster).toContain('Ziel 75 %');
    expect(poster).toMatch(/6\d %/);
    expect(poster).not.toMatch(/as-is|any customer|target/);
    const tiles = text(write(buildJourneyTiledPdf(journey, { poster: 'a1', sheet: 'a4', fonts, text: exportText('de') }), 'tiles-de.pdf'));
    expect(tiles).toMatch(/Onboarding · Reihe 1 von \d+, Spalte 1 von \d+/);
    expect(tiles).not.toMatch(/\brow \d|column \d/);
  });

  test('Arabic: legend and sheet labels in Arabic, the sheet label from the right edge', () => {
    const posterFile = write(buildJourneyPdf(journey, { paper: 'a3', fonts, text: exportText('ar') }), 'poster-ar.pdf');
    expect(text(posterFile)).not.toMatch(/as-is|any customer|target/);
    // The map reads right to left: the first stage stands right of the last, the lane names and the
    // emotion scale (−2 is only on the scale) at the right.
    const pw = words(posterFile);
    const at = (w: string) => pw.find((x) => x.text === w);
    expect(pw.find((x, i) => x.text === 'Stage' && pw[i + 1]?.text === '1')!.xMin).toBeGreaterThan(pw.find((x, i) => x.text === 'Stage' && pw[i + 1]?.text === '4')!.xMin);
    expect(at('Lane')!.xMin).toBeGreaterThan(1190 * 0.8);
    expect(at('−2')!.xMin).toBeGreaterThan(1190 * 0.6);
    const file = write(buildJourneyTiledPdf(journey, { poster: 'a1', sheet: 'a4', fonts, text: exportText('ar') }), 'tiles-ar.pdf');
    expect(text(file)).not.toMatch(/\brow \d|column \d/);
    const label = words(file).filter((w) => w.page === 1 && w.yMin < 24);
    expect(label.some((w) => w.text.includes('الصف'))).toBe(true);
    // The first sheet is column 1, the poster's right edge: the lane names stand in its right part.
    const lane = words(file).find((w) => w.page === 1 && w.text === 'Lane');
    expect(lane).toBeDefined();
    expect(lane!.xMin).toBeGreaterThan(595 / 3);
    expect(Math.max(...label.map((w) => w.xMax))).toBeGreaterThan(595 - 60);
  });
});
