import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { exportText } from '../i18n/exportText';
import { prepareAnalytics } from './analyticsReport';
import { sampleExportInput, sampleSnapshot, smallFixtureTable } from './analyticsSample';
import { analyticsSheetNames, buildAnalyticsXlsx } from './analyticsXlsx';

// The analytics workbook in the app's language (issue 18), read back with ExcelJS.
async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}
const rowsOf = (ws: ExcelJS.Worksheet | undefined) =>
  (ws?.getSheetValues() ?? []).filter(Boolean).map((r) => (Array.isArray(r) ? r.slice(1) : []));

describe('analytics XLSX in German', () => {
  const de = exportText('de');
  const input = sampleExportInput({ title: de.t('report.analytics.title'), datasets: [{ id: 'ds-small', name: 'Small survey' }] });
  input.personas[0]!.snapshots = [sampleSnapshot('p-maya', '2026-11-01', 2, 50)];
  const workbook = buildAnalyticsXlsx(prepareAnalytics(smallFixtureTable(), input, de), { text: de }).then(open);

  test('names its sheets and headers in German, and the match words too', async () => {
    const wb = await workbook;
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Bericht', 'Antworten', 'Verteilung', 'Abdeckung', 'Überschneidung', 'Verlauf']);
    expect(analyticsSheetNames(de)).toEqual(wb.worksheets.map((w) => w.name));
    const responses = rowsOf(wb.getWorksheet('Antworten'));
    expect(responses[0]).toEqual(['Befragte Person', 'Datensatz', 'Eingereicht', 'Beste Persona',
      'Maya Chen: age 25–40', 'Maya Chen: location ist eines von: London, Leeds', 'Maya Chen: goals enthält eines von: save time', 'Maya Chen Score %', 'Maya Chen Übereinstimmung',
      'Omar Haddad: age ≥ 41', 'Omar Haddad: location ist eines von: Paris, Lyon', 'Omar Haddad: promoter', 'Omar Haddad Score %', 'Omar Haddad Übereinstimmung']);
    const r1 = responses.find((r) => r[0] === 'r1')!;
    expect(r1.slice(4, 9)).toEqual([1, 1, 1, 100, 'stark']);
    expect(rowsOf(wb.getWorksheet('Verteilung'))[0]).toEqual(['Persona', 'Bewertet', 'Stark (≥ 70)', 'Mittel (50–69)', 'Schwach (< 50)', 'Stark %', 'Mittel %', 'Schwach %',
      'Mittlere Übereinstimmung %', 'Beste Übereinstimmung %']);
    const coverage = rowsOf(wb.getWorksheet('Abdeckung'));
    expect(coverage[0]!.slice(0, 5)).toEqual(['Persona', 'Antworten im Umfang', 'Abgedeckt (≥ 50)', 'Abdeckung %', 'Beste Persona für']);
    expect(coverage.at(-1)![0]).toBe('Von keiner Persona abgedeckt');
    expect(rowsOf(wb.getWorksheet('Verlauf'))[0]!.slice(0, 4)).toEqual(['Persona', 'Tag', 'Antworten', 'Mittlere Übereinstimmung %']);
  });

  test('the Report sheet says what and when in German', async () => {
    const report = rowsOf((await workbook).getWorksheet('Bericht'));
    expect(report[0]).toEqual(['Feld', 'Wert']);
    expect(report).toContainEqual(['Bericht', 'Persona-Analyse']);
    expect(report).toContainEqual(['Von', 'erste Antwort']);
    expect(report).toContainEqual(['Zeitzone', 'UTC']);
    expect(report.find((r) => r[0] === 'Erstellt')?.[1]).toMatch(/^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}$/);
  });
});
