import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { validatePersona } from '../persona/document';
import { sequentialIds } from '../persona/ids';
import { sectionCatalogue } from '../persona/sections/catalogue';
import { buildPersonaPdf, initials } from './personaPdf';
import { samplePersona, samplePhoto } from './samplePersona';
import { sampleSnapshots } from './sampleSnapshots';
import { mergedLiveMetrics } from '../analytics/liveFigures';

const fonts = {
  regular: readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
};
const images = new Map([['photo-1', samplePhoto]]);
const dir = mkdtempSync(join(tmpdir(), 'cx-pdf-'));

/** Text of a PDF as poppler reads it, with Arabic presentation forms folded back and bidi marks dropped. */
function pdfText(bytes: Uint8Array, name = 'out.pdf'): string {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8').normalize('NFKC').replace(/[\u200e\u200f\u202a-\u202e]/g, '');
}
function pdfInfo(bytes: Uint8Array): string {
  const file = join(dir, 'info.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdfinfo', [file]).toString('utf8');
}
const squash = (s: string) => s.replace(/\s+/g, ' ');

describe('persona PDF', () => {
  test('the sample persona is a valid persona document', () => {
    expect(validatePersona(samplePersona()).ok).toBe(true);
  });

  test('prints the name, goals, quote and demographics as selectable text', () => {
    const text = squash(pdfText(buildPersonaPdf([{ persona: samplePersona() }], { paper: 'a4', fonts, images })));
    for (const want of ['Maya Chen', 'Close the month without overtime', 'Approve payments from her phone', 'Just let me fix it myself', 'Leeds, UK', 'Quality-driven', 'WhatsApp', 'Mobile 55%']) {
      expect(text).toContain(want);
    }
  });

  test('prints Cyrillic and Arabic names and goals in the embedded font', () => {
    const ru = samplePersona('Анна Петрова', 'p-ru');
    const ar = samplePersona('مريم الحسن', 'p-ar');
    const goals = ar.sections.find((s) => s.type === 'goals');
    if (goals) goals.data = { items: [{ id: 'g', text: 'توفير الوقت' }] };
    const text = pdfText(buildPersonaPdf([{ persona: ru }, { persona: ar }], { paper: 'a4', fonts, images }));
    expect(text).toContain('Анна Петрова');
    expect(text).toContain('مريم الحسن');
    expect(text).toContain('توفير الوقت');
    expect(pdfFontsList(buildPersonaPdf([{ persona: ru }], { paper: 'a4', fonts, images }))).toMatch(/CxSans\s+CID TrueType\s+Identity-H\s+yes/);
  });

  test('a deck prints its personas in order, each page following its canvas orientation', () => {
    const tall = { id: 'tall', type: 'bio' as const, title: 'Bio', layout: { x: 0, y: 0, w: 6, h: 12 }, data: { text: 'Tall narrow canvas' } };
    const portrait = { ...samplePersona('Portrait Pat', 'p-pt'), orientation: 'portrait' as const, sections: [tall] };
    const deck = buildPersonaPdf([{ persona: samplePersona() }, { persona: portrait }, { persona: samplePersona('Third', 'p3') }], { paper: 'a4', fonts, images });
    const pages = Number(/Pages:\s+(\d+)/.exec(pdfInfo(deck))?.[1]);
    // A cover, then one page per persona (each canvas fits its page at 4.4 pt body text or more).
    expect(pages).toBe(4);
    const sizes = execFileSync('pdfinfo', ['-f', '1', '-l', String(pages), join(dir, 'info.pdf')]).toString('utf8');
    expect(sizes).toMatch(/Page\s+2 size:\s+841\.89 x 595\.28/);
    expect(sizes).toMatch(/Page\s+3 size:\s+595\.28 x 841\.89/);
    expect(sizes).toMatch(/Page\s+4 size:\s+841\.89 x 595\.28/);
    const text = pdfText(deck, 'deck.pdf');
    // The cover names every persona in order; each page carries its deck-wide number.
    const cover = squash(text.split('\f')[0] ?? '');
    expect(cover).toContain('Persona deck');
    expect(cover).toContain('3 personas · 4 pages');
    expect(cover.indexOf('Portrait Pat')).toBeGreaterThan(cover.indexOf('Maya Chen'));
    expect(cover.indexOf('Third')).toBeGreaterThan(cover.indexOf('Portrait Pat'));
    text.split('\f').slice(0, pages).forEach((page, i) => expect(squash(page)).toContain(`Page ${i + 1} of 4`));
    const body = text.split('\f').slice(1).join('\f');
    expect(body.indexOf('Tall narrow canvas')).toBeGreaterThan(body.indexOf('Maya Chen'));
    expect(body.indexOf('Third')).toBeGreaterThan(body.indexOf('Tall narrow canvas'));
  });

  test('paper size and orientation can be chosen', () => {
    for (const [paper, orientation, size] of [['letter', 'portrait', '612 x 792'], ['a3', 'landscape', '1190.55 x 841.89']] as const) {
      expect(pdfInfo(buildPersonaPdf([{ persona: samplePersona() }], { paper, orientation, fonts, images }))).toMatch(new RegExp(`Page size:\\s+${size}`));
    }
  });

  test('embeds the photo once for a deck and stays small', () => {
    const pages = Array.from({ length: 5 }, (_, i) => ({ persona: samplePersona(`P ${i}`, `p${i}`) }));
    const pdf = buildPersonaPdf(pages, { paper: 'a4', fonts, images });
    const file = join(dir, 'imgs.pdf');
    writeFileSync(file, pdf);
    const list = execFileSync('pdfimages', ['-list', file]).toString('utf8').trim().split('\n').slice(2);
    expect(list.length).toBe(5); // listed per page use …
    expect(new Set(list.map((l) => l.trim().split(/\s+/)[3])).size).toBe(1); // … but one object number
    expect(pdf.byteLength).toBeLessThan(500_000);
  });

  test('a missing, unsupported or corrupt photo prints initials instead of failing', () => {
    for (const img of [undefined, { ...samplePhoto, mimeType: 'image/webp' }, { ...samplePhoto, data: 'AAAA' }]) {
      const imgs = new Map(img ? [['photo-1', img]] : []);
      expect(pdfText(buildPersonaPdf([{ persona: samplePersona() }], { paper: 'a4', fonts, images: imgs }))).toContain('MC');
    }
  });

  test('live metrics print the figures of all snapshot days in their targets\' units, as the canvas shows them', () => {
    const merged = mergedLiveMetrics(sampleSnapshots());
    const metrics = { live: merged?.live ?? null, day: merged?.lastDay ?? null, firstDay: merged?.firstDay ?? null, targets: { satisfaction: 85, ces: 2.5, effort: 30 } };
    const text = squash(pdfText(buildPersonaPdf([{ persona: samplePersona(), metrics }], { paper: 'a4', fonts, images })));
    // CSAT and trust are top-2-box shares held to % targets, NPS and CES scores: never a 1–5 mean beside a % target.
    expect(text).toContain('5 matched responses, Oct 31, 2026 to Nov 1, 2026');
    expect(text).toContain('CSAT % Loyalty (NPS) Trust % CES');
    expect(text).toContain('80% 0.0 80% 2.6'); // in card order
    expect(text).toContain('target 85%');
    expect(text).toContain('target 2.5');
    expect(text).not.toContain('target 30'); // an old "Effort %" target is compared with nothing
    expect(text).not.toContain('4.0'); // the satisfaction mean
    expect(text).not.toContain('66.7'); // the latest day alone
  });

  test('every section type prints with its default data, and with data missing or of the wrong shape', () => {
    const ids = sequentialIds('t');
    const hostile: Record<string, unknown>[] = [{}, { items: 'x', points: [null, 3], scales: [{}], channels: [{ channel: 'fax', level: 99 }], show: 7, text: 42, kind: 'image', assetId: 5, caption: {}, url: [] }];
    for (const data of [null, ...hostile]) {
      const persona = { ...samplePersona(), sections: sectionCatalogue.map((def, i) => ({
        id: `s${i}`, type: def.type, title: def.label, layout: { x: (i % 3) * 4, y: Math.floor(i / 3) * 5, w: 4, h: 5 }, data: data ?? def.defaultData(ids),
      })) };
      const text = pdfText(buildPersonaPdf([{ persona }], { paper: 'a4', fonts, images }), 'all.pdf');
      // The identity header shows the persona's name in place of a title.
      for (const def of sectionCatalogue) if (def.type !== 'header') expect(text).toContain(def.label);
      expect(text).toContain('Maya Chen');
    }
  });

  test('text too long for its section is cut with an ellipsis instead of running into the next one', () => {
    const persona = samplePersona();
    const bio = persona.sections.find((s) => s.type === 'bio');
    if (bio) bio.data = { text: `${'word '.repeat(2000)}LAST-WORD` };
    const text = pdfText(buildPersonaPdf([{ persona }], { paper: 'a4', fonts, images }), 'long.pdf');
    expect(text).toContain('...'); // the ellipsis, as NFKC spells it
    expect(text).not.toContain('LAST-WORD');
  });

  test('initials take the first letter of up to two words in any script', () => {
    expect(initials('Maya Chen')).toBe('MC');
    expect(initials('анна петрова')).toBe('АП');
    expect(initials('  ')).toBe('');
  });
});

function pdfFontsList(bytes: Uint8Array): string {
  const file = join(dir, 'fonts.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdffonts', [file]).toString('utf8');
}
