import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import type { PersonaDoc } from '../persona/document';
import { buildComparisonPdf } from './comparisonPdf';
import { exportText } from '../i18n/exportText';
import { buildComparisonXlsx, comparisonSheetNames, comparisonSheets } from './comparisonXlsx';
import { samplePersona, samplePhoto } from './samplePersona';

const fonts = {
  regular: readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
};
const images = new Map([['photo-1', samplePhoto]]);
const dir = mkdtempSync(join(tmpdir(), 'cx-compare-'));
// Survey means on a 1–5 scale with their top-2-box shares, and an NPS score, as analytics writes them.
const live = { responses: 120, satisfaction: 4.46, csat: 87.5, nps: 31, npsMean: 8, promoters: 50, passives: 40, detractors: 30, trust: 3.9, trustPercent: 70, effort: 2.14 };

/** Maya and a second persona with other goals, no pie chart, another role and one more rule. */
function pair(): [PersonaDoc, PersonaDoc] {
  const maya = samplePersona();
  const omar = samplePersona('Omar Haddad', 'p-omar');
  omar.role = 'Store owner';
  omar.sections = omar.sections.filter((s) => s.type !== 'pieChart').map((s) =>
    s.type === 'goals' ? { ...s, data: { items: [{ id: 'o1', text: 'Pay suppliers on time' }, { id: 'o2', text: 'Close the month without overtime' }] } } : s);
  omar.rules = [...omar.rules, { id: 'r4', column: 'nps', kind: 'range', min: 9 }];
  return [maya, omar];
}

function pdfText(bytes: Uint8Array, name: string): string {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', file, '-']).toString('utf8').normalize('NFKC');
}
const squash = (t: string) => t.replace(/\s+/g, ' ');

async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}
const rowsOf = (ws: ExcelJS.Worksheet | undefined) =>
  (ws?.getSheetValues() ?? []).filter(Boolean).map((r) => (Array.isArray(r) ? r.slice(1) : []));

describe('comparison PDF', () => {
  test('prints both names, both sets of goals, rules and live metrics as text, side by side', () => {
    const [maya, omar] = pair();
    const pdf = buildComparisonPdf([{ persona: maya, metrics: { live, day: '2026-11-01', targets: { satisfaction: 85, effort: 20, ces: 2 } } }, { persona: omar }], { paper: 'a4', fonts, images });
    const text = pdfText(pdf, 'pair.pdf');
    const flat = squash(text);
    for (const want of ['Amber: rows that differ', 'Maya Chen', 'Omar Haddad', 'Close the month without overtime', 'Pay suppliers on time', 'Store owner', 'Runs a tight ship', 'Age 30–45 (weight 2)', 'nps ≥ 9', 'CSAT %: 88% (target 85%)', 'Loyalty (NPS): 31.0', 'Trust %: 70%', 'CES: 2.1 (target 2)', 'No data yet', 'No “Pie chart” section']) {
      expect(flat).toContain(want);
    }
    // Side by side: Maya's and Omar's first goals share a printed line.
    expect(text.split('\n').some((l) => l.includes('Close the month') && l.includes('Pay suppliers'))).toBe(true);
    expect(execFileSync('pdfinfo', [join(dir, 'pair.pdf')]).toString()).toMatch(/Page size:\s+841\.89 x 595\.28/);
  });

  test('four personas with long content flow onto more pages, each with the persona header repeated', () => {
    const people = ['Ana', 'Ben', 'Chloé', 'Дмитрий'].map((n, i) => {
      const p = samplePersona(n, `p${i}`);
      const bio = p.sections.find((s) => s.type === 'bio');
      if (bio) bio.data = { text: 'Long story. '.repeat(150) };
      return { persona: p };
    });
    const pdf = buildComparisonPdf(people, { paper: 'a4', fonts, images });
    const text = pdfText(pdf, 'four.pdf');
    const pages = text.split('\f').filter((p) => p.trim() !== '');
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) for (const n of ['Ana', 'Ben', 'Chloé', 'Дмитрий']) expect(page).toContain(n);
    expect(text).toContain(`Page ${pages.length} of ${pages.length}`);
  });

  test('initials of a persona without a photo print in the font that has them', () => {
    const [maya, omar] = pair();
    const tanaka = { ...maya, name: '田中 花子', photoAssetId: null };
    const jp = { name: 'cjk', regular: readFileSync('node_modules/@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf') };
    const text = pdfText(buildComparisonPdf([{ persona: tanaka }, { persona: { ...omar, photoAssetId: null } }], { paper: 'a4', fonts: { ...fonts, fallbacks: [jp] }, images }), 'initials.pdf');
    expect(text).toContain('田花');
    expect(text).toContain('OH');
  });

  test('refuses fewer than two personas', () => {
    expect(() => buildComparisonPdf([{ persona: samplePersona() }], { paper: 'a4', fonts, images })).toThrow(/two to four/);
  });
});

describe('comparison PDF in German', () => {
  test('headings, row labels, rules and metric lines are German; no English label is left', () => {
    const [maya, omar] = pair();
    const pdf = buildComparisonPdf([{ persona: maya, metrics: { live, day: '2026-11-01', firstDay: '2026-10-01', targets: { satisfaction: 85, ces: 2 } } }, { persona: omar }], { paper: 'a4', fonts, images, text: exportText('de') });
    const flat = squash(pdfText(pdf, 'pair-de.pdf'));
    for (const want of ['Persona-Vergleich', 'Bernstein: abweichende Zeilen', 'Rolle', 'Belege', 'Forschung', 'Regeln für die', 'Zuordnung', 'Aktuelle', 'Kennzahlen', 'die nur eine Persona hat',
      'Age 30–45 (Gewichtung 2)', 'CSAT %: 88 % (Ziel 85 %)', 'Loyalität (NPS): 31,0', '120 Antworten, 01.10.2026 bis 01.11.2026', 'Noch keine Daten', 'Vergleich von Maya Chen, Omar Haddad'])
      expect(flat, want).toContain(want);
    for (const en of ['Amber', 'Mapping rules', 'Latest metrics', 'No data yet', '(target', 'Comparison of', 'weight', 'Active', 'Prefers', 'Email']) expect(flat, en).not.toContain(en);
    // The status in German; the metric cards' dates shrink to fit rather than being cut.
    expect(flat).toContain('Status Aktiv Aktiv');
    expect(flat).not.toMatch(/\d\.\.\.|…/);
  });

  test('in Arabic the table reads right to left: row labels at the right, the first persona beside them', () => {
    const [maya, omar] = pair();
    const file = join(dir, 'pair-ar.pdf');
    writeFileSync(file, buildComparisonPdf([{ persona: maya }, { persona: omar }], { paper: 'a4', fonts, images, text: exportText('ar') }));
    const boxes = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-bbox', '-enc', 'UTF-8', file, '-']).toString('utf8');
    // A persona's name in the column heads (below the title's names line).
    const xOf = (word: string) => Number([...boxes.matchAll(new RegExp(`<word xMin="([\\d.]+)" yMin="([\\d.]+)"[^>]*>${word}</word>`, 'g'))].find((m) => Number(m[2]) > 75 && Number(m[2]) < 110)?.[1]);
    // "الدور" (role), reversed as pdftotext gives an Arabic word's glyphs, is the first row label.
    const role = Number(/<word xMin="([\d.]+)"[^>]*>[^<]*ﺭﻭﺪﻟﺍ<\/word>/.exec(boxes)?.[1]);
    expect(role).toBeGreaterThan(841.89 * 0.8);
    expect(xOf('Maya')).toBeGreaterThan(xOf('Omar'));
    expect(xOf('Omar')).toBeGreaterThan(0);
  });
});

describe('comparison workbook', () => {
  test('has the sheets, a column per persona and the values, with differences flagged', async () => {
    const [maya, omar] = pair();
    const wb = await open(await buildComparisonXlsx([{ persona: maya, metrics: { live, day: '2026-11-01', targets: maya.expectedMetrics } }, { persona: omar }]));
    expect(wb.worksheets.map((w) => w.name)).toEqual([...comparisonSheets]);

    const profile = rowsOf(wb.getWorksheet('Profile'));
    expect(profile[0]).toEqual(['Field', 'Maya Chen', 'Omar Haddad', 'Differs']);
    expect(profile.find((r) => r[0] === 'Role')).toEqual(['Role', 'Operations manager', 'Store owner', 'yes']);
    expect(profile.find((r) => r[0] === 'Domain')?.[3]).toBeFalsy();
    expect(profile.find((r) => r[0] === 'Status')?.slice(1, 3)).toEqual(['Active', 'Active']);

    const sections = rowsOf(wb.getWorksheet('Sections'));
    const goals = sections.find((r) => r[0] === 'Goals');
    expect(String(goals?.[1])).toContain('• Approve payments from her phone');
    expect(String(goals?.[2])).toContain('Pay suppliers on time');
    expect(sections.find((r) => r[0] === 'Pie chart')?.[2]).toBe('—');

    const items = rowsOf(wb.getWorksheet('Section items'));
    const only = (text: string, who: string) => items.find((r) => r[1] === who && r[4] === text)?.[6];
    expect(only('Pay suppliers on time', 'Omar Haddad')).toBe('yes');
    expect(only('Close the month without overtime', 'Omar Haddad')).toBeFalsy();

    const rules = rowsOf(wb.getWorksheet('Rules'));
    expect(rules.filter((r) => r[0] === 'Omar Haddad')).toHaveLength(4);

    const metrics = rowsOf(wb.getWorksheet('Live metrics'));
    const csat = metrics.find((r) => r[0] === 'CSAT %');
    expect(csat?.[1]).toBe(87.5);
    expect(csat?.[2] ?? null).toBeNull(); // ExcelJS drops a row's trailing empty cells
    expect(metrics.find((r) => r[0] === 'Target CSAT %')).toEqual(['Target CSAT %', 80, 80]);
  });
});

describe('comparison workbook in German', () => {
  test('sheets, headers, field and metric labels are German; the personas’ values stay as written', async () => {
    const [maya, omar] = pair();
    const de = exportText('de');
    const wb = await open(await buildComparisonXlsx([{ persona: maya, metrics: { live, day: '2026-11-01', targets: maya.expectedMetrics } }, { persona: omar }], de));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Profil', 'Abschnitte', 'Abschnittseinträge', 'Regeln', 'Live-Kennzahlen']);
    expect(comparisonSheetNames(de)).toEqual(wb.worksheets.map((w) => w.name));
    const profile = rowsOf(wb.getWorksheet('Profil'));
    expect(profile[0]).toEqual(['Feld', 'Maya Chen', 'Omar Haddad', 'Unterschiedlich']);
    expect(profile.find((r) => r[0] === 'Rolle')).toEqual(['Rolle', 'Operations manager', 'Store owner', 'ja']);
    expect(profile.some((r) => r[0] === 'Belege: Forschung')).toBe(true);
    expect(rowsOf(wb.getWorksheet('Abschnittseinträge'))[0]).toEqual(['Abschnitt', 'Persona', 'Titel', 'Eintrag', 'Wert', 'Belege', 'Nur diese Persona']);
    expect(rowsOf(wb.getWorksheet('Regeln'))[0]?.slice(0, 3)).toEqual(['Persona', 'ID', 'Spalte']);
    const metrics = rowsOf(wb.getWorksheet('Live-Kennzahlen'));
    expect(metrics[0]?.[0]).toBe('Kennzahl');
    expect(metrics.find((r) => r[0] === 'Ziel CSAT %')).toEqual(['Ziel CSAT %', 80, 80]);
    expect(metrics.some((r) => r[0] === 'Loyalität (NPS)')).toBe(true);
    expect(metrics.some((r) => r[0] === 'Snapshot-Tag')).toBe(true);
  });
});
