import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import type { PersonaSnapshotDoc } from '../analytics/snapshots';
import { sampleSnapshot } from './sampleSnapshots';
import { exportText } from '../i18n/exportText';
import { buildPersonaXlsx, personaSheetNames, personaSheets } from './personaXlsx';
import { samplePersona } from './samplePersona';

async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}
const rowsOf = (ws: ExcelJS.Worksheet | undefined) =>
  (ws?.getSheetValues() ?? []).filter(Boolean).map((r) => (Array.isArray(r) ? r.slice(1) : []));

/** A day of 4 answers: satisfaction as given, NPS 9, 9, 9, 3 (NPS 50), trust 4, effort 2. */
function snapshot(day: string, satisfaction: number[]): PersonaSnapshotDoc {
  return sampleSnapshot('p-sample', day, satisfaction.map((s, i) => [s, i === 3 ? 3 : 9, 4, 2]), 1_760_000_000_000);
}

describe('persona XLSX', () => {
  test('has the five sheets in order with their headers', async () => {
    const wb = await open(await buildPersonaXlsx({ persona: samplePersona(), snapshots: [], versions: [] }));
    expect(wb.worksheets.map((w) => w.name)).toEqual([...personaSheets]);
    expect(rowsOf(wb.getWorksheet('Rules'))[0]).toEqual(['Id', 'Column', 'Test', 'Min', 'Max', 'Values', 'Weight', 'Label']);
    expect(rowsOf(wb.getWorksheet('Live metrics'))).toHaveLength(1);
  });

  test('profile, sections and rules carry the persona values, numbers as numbers', async () => {
    const persona = samplePersona('Анна Петрова');
    const wb = await open(await buildPersonaXlsx({ persona, snapshots: [], versions: [] }));
    const profile = rowsOf(wb.getWorksheet('Profile'));
    expect(profile).toContainEqual(['Name', 'Анна Петрова']);
    expect(profile).toContainEqual(['Target CSAT %', 80]);
    const sections = rowsOf(wb.getWorksheet('Sections'));
    expect(sections.some((r) => r[0] === 'Goals' && r[7] === 'Close the month without overtime')).toBe(true);
    expect(sections.some((r) => r[1] === 'quote' && String(r[7]).startsWith('Just let me fix it'))).toBe(true);
    expect(sections).toContainEqual(['Device use', 'pieChart', 8, 9, 4, 4, 'Mobile (%)', 55, '']);
    const rules = rowsOf(wb.getWorksheet('Rules'));
    expect(rules[1]).toEqual(['r1', 'age', 'range', 30, 45, '', 2, 'Age 30–45']);
    expect(rules[2]?.[5]).toBe('London, Leeds');
  });

  test('live metrics list snapshot days newest first beside their targets, each in its target\'s unit', async () => {
    const persona = { ...samplePersona(), expectedMetrics: { satisfaction: 80, loyalty: 30, ces: 2.5 } };
    const wb = await open(await buildPersonaXlsx({ persona, snapshots: [snapshot('2026-10-01', [5, 5, 5, 2]), snapshot('2026-10-02', [5, 4, 2, 2])], versions: [] }));
    const rows = rowsOf(wb.getWorksheet('Live metrics'));
    expect(rows[0]?.slice(0, 12)).toEqual(['Day', 'Responses', 'CSAT %', 'Target CSAT %', 'Satisfaction mean', 'NPS', 'Target NPS', 'Trust %', 'Target trust %', 'Trust mean', 'CES', 'Target CES']);
    expect(rows[1]?.slice(0, 12)).toEqual(['2026-10-02', 4, 50, 80, 3.25, 50, 30, 100, undefined, 4, 2, 2.5]);
    expect(rows[2]?.slice(0, 3)).toEqual(['2026-10-01', 4, 75]);
  });

  test('versions list newest first with author and summary', async () => {
    const versions = [1, 2, 3].map((number) => ({ number, author: 'Lena', summary: `Change ${number}`, createdAt: 1_760_000_000_000 + number }));
    const rows = rowsOf((await open(await buildPersonaXlsx({ persona: samplePersona(), snapshots: [], versions }))).getWorksheet('Versions'));
    expect(rows.slice(1).map((r) => r[0])).toEqual([3, 2, 1]);
    expect(rows[1]?.[3]).toBe('Change 3');
    expect(rows[1]?.[1]).toBeInstanceOf(Date);
  });
});

describe('persona XLSX for a deck', () => {
  test('every sheet starts with a Persona column holding each persona’s rows', async () => {
    const inputs = [samplePersona('Анна Петрова', 'a'), samplePersona('مريم الحسن', 'b')].map((persona) => ({ persona, snapshots: [], versions: [] }));
    const wb = await open(await buildPersonaXlsx(inputs));
    expect(wb.worksheets.map((w) => w.name)).toEqual([...personaSheets]);
    const profile = rowsOf(wb.getWorksheet('Profile'));
    expect(profile[0]).toEqual(['Persona', 'Field', 'Value']);
    expect(profile).toContainEqual(['مريم الحسن', 'Name', 'مريم الحسن']);
    const rules = rowsOf(wb.getWorksheet('Rules'));
    expect(rules.filter((r) => r[0] === 'Анна Петрова')).toHaveLength(3);
  });
});

describe('persona XLSX in German', () => {
  test('names sheets and labels in German and keeps the persona’s values', async () => {
    const de = exportText('de');
    const inputs = [samplePersona('Anna', 'a'), samplePersona('Ben', 'b')].map((persona) => ({ persona, snapshots: [snapshot('2026-10-01', [5, 5, 5, 2])], versions: [] }));
    const wb = await open(await buildPersonaXlsx(inputs, de));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Profil', 'Abschnitte', 'Regeln', 'Live-Kennzahlen', 'Versionen']);
    expect(personaSheetNames(de)).toEqual(wb.worksheets.map((w) => w.name));
    expect(wb.title).toBe('2 Personas');
    const profile = rowsOf(wb.getWorksheet('Profil'));
    expect(profile[0]).toEqual(['Persona', 'Feld', 'Wert']);
    expect(profile).toContainEqual(['Anna', 'Name', 'Anna']);
    expect(profile).toContainEqual(['Anna', 'Ziel-CSAT %', 80]);
    expect(rowsOf(wb.getWorksheet('Regeln'))[0]).toEqual(['Persona', 'ID', 'Spalte', 'Prüfung', 'Min.', 'Max.', 'Werte', 'Gewichtung', 'Bezeichnung']);
    expect(rowsOf(wb.getWorksheet('Live-Kennzahlen'))[0]?.slice(0, 4)).toEqual(['Persona', 'Tag', 'Antworten', 'CSAT %']);
    // No English label is left on any sheet's header row (values may be English: they are the persona's).
    const english = new Set(['Field', 'Value', 'Section', 'Column', 'Rules', 'Day', 'Responses', 'Author', 'Summary', 'Evidence']);
    for (const ws of wb.worksheets) expect(rowsOf(ws)[0]?.filter((h) => english.has(String(h)))).toEqual([]);
    // The words the app adds inside the sheets: status, demographic fields, channels, evidence kinds.
    expect(profile).toContainEqual(['Anna', 'Status', 'Aktiv']);
    const items = rowsOf(wb.getWorksheet('Abschnitte')).map((r) => r[7]);
    for (const want of ['Geschlecht', 'Alter', 'Wohnort', 'E-Mail', 'Telefon', 'Im Geschäft']) expect(items, want).toContain(want);
    expect(items).not.toContain('gender');
    expect(items).not.toContain('Email');
    const evidence = rowsOf(wb.getWorksheet('Abschnitte')).map((r) => r[9]).filter(Boolean);
    expect(evidence.length).toBeGreaterThan(0);
    expect(evidence.filter((e) => ['research', 'data', 'assumption'].includes(String(e)))).toEqual([]);
  });
});
