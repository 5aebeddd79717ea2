import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { createJourney, exportJourney } from '../common/journey';
import { generateEvents, generatedStages } from '../common/journeyAnalytics/generate';
import { main } from './index';

// `--lang`: the command line's reports in one of the app's nine languages (issue 18).
const fixtures = join(__dirname, 'fixtures');
const survey = join(__dirname, '../common/import/fixtures/surveymonkey.csv');
const personas = join(fixtures, 'personas.json');
const dir = mkdtempSync(join(tmpdir(), 'cx-cli-lang-'));
let errors: string[] = [];
beforeAll(() => {
  vi.spyOn(console, 'error').mockImplementation((m: string) => { errors.push(m); });
  vi.spyOn(console, 'log').mockImplementation(() => {});
});
afterAll(() => { vi.restoreAllMocks(); rmSync(dir, { recursive: true, force: true }); });

async function run(...args: string[]) {
  errors = [];
  const code = await main(args);
  return { code, error: errors.join('\n') };
}
async function workbook(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

describe('analyze --lang', () => {
  test('--lang de writes the workbook in German: sheet names, headers and rule outcomes', async () => {
    const out = join(dir, 'de.xlsx');
    expect(await run('analyze', survey, '--personas', personas, '--lang', 'de', '--out', out)).toEqual({ code: 0, error: '' });
    const wb = await workbook(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Scores', 'Verteilung', 'Abdeckung', 'Überschneidung']);
    const header = wb.getWorksheet('Scores')!.getRow(1).values as unknown[];
    expect(header.slice(1, 6)).toEqual(['Zeile', 'Befragten-ID', 'Beste Persona', 'Busy professional: Score', 'Busy professional: age 25–40']);
    const frustration = header.indexOf('Cautious veteran: frustrations enthält eines von: System downtime');
    expect(wb.getWorksheet('Scores')!.getRow(2).getCell(frustration).value).toBe('fehlt');
    expect(wb.getWorksheet('Verteilung')!.getRow(1).values).toEqual([undefined, 'Persona', 'Bewertet', 'Mittlerer Score', 'Bester Score', 'Stark (≥ 70)', 'Mittel (50–69)', 'Schwach (< 50)']);
    expect(wb.getWorksheet('Abdeckung')!.getRow(4).getCell(1).value).toBe('Keine Persona');
  });

  test('--lang de --out report.pdf prints the analytics report in German', async () => {
    const out = join(dir, 'de.pdf');
    expect(await run('analyze', survey, '--personas', personas, '--lang', 'de', '--out', out)).toEqual({ code: 0, error: '' });
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', out, '-']).toString('utf8').replace(/\s+/g, ' ');
    for (const want of ['Persona-Analyse', 'Datensätze: surveymonkey.csv', 'Zeitraum: Alle Antworten (UTC)', 'Personas im Vergleich', 'Busy professional', 'Seite 1 von 3']) {
      expect(text, want).toContain(want);
    }
    expect(text).not.toMatch(/Personas compared|All responses|Page \d/);
  });

  test('without --lang the reports stay English', async () => {
    const out = join(dir, 'en.xlsx');
    expect((await run('analyze', survey, '--personas', personas, '--out', out)).code).toBe(0);
    expect((await workbook(out)).worksheets.map((w) => w.name)).toEqual(['Scores', 'Distribution', 'Coverage', 'Overlap']);
  });

  test('an unknown --lang is refused with the nine choices, before anything is read or written', async () => {
    for (const bad of ['xx', 'en-XA', 'german', '']) {
      const out = join(dir, `bad-${bad}.xlsx`);
      const r = await run('analyze', survey, '--personas', personas, '--lang', bad, '--out', out);
      expect(r.code, bad).toBe(2);
      expect(r.error, bad).toContain(`--lang "${bad}" is not a language of CX Studio; choose one of en, ar, fr, es, de, pt-BR, ja, zh-CN, hi.`);
    }
  });
});

describe('journey --lang', () => {
  const stages = generatedStages.map((s) => ({ id: s.id, name: s.name, colour: '#336699', momentOfTruth: false, events: s.events }));
  const journey = join(dir, 'journey.json');
  writeFileSync(journey, JSON.stringify(exportJourney(createJourney({ id: 'jr', name: 'Trial to paid', now: 1, body: { map: { stages, lanes: [], cells: {} }, flow: { nodes: [], edges: [] } } }), 2)));
  const lines: string[] = [];
  generateEvents({ customers: 200, seed: 3 }, (c, e, t) => { lines.push(`${c},${e},${new Date(t).toISOString()}`); });
  const events = join(dir, 'events.csv');
  writeFileSync(events, `customer_id,event,timestamp\n${lines.join('\n')}\n`);

  test('--lang de writes the whole journey workbook in German: sheet names, headers, fixed labels, durations and buckets', async () => {
    // The first four stages, so customers complete and the median time to complete is a duration.
    const short = join(dir, 'journey-short.json');
    writeFileSync(short, JSON.stringify(exportJourney(createJourney({ id: 'js', name: 'Trial', now: 1, body: { map: { stages: stages.slice(0, 4), lanes: [], cells: {} }, flow: { nodes: [], edges: [] } } }), 2)));
    const out = join(dir, 'journey-de-all.xlsx');
    expect(await run('journey', events, '--journey', short, '--lang', 'de', '--compare', '2024-01-01..2024-01-31/2024-01-31..2024-06-01', '--out', out)).toEqual({ code: 0, error: '' });
    const wb = await workbook(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Phasen', 'Zeitverteilung', 'Pfade', 'Journey-Wechsel', 'Nicht zugeordnete Ereignisse', 'Vergleich']);
    const sheet = wb.getWorksheet('Phasen')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Phase', 'Erreicht (in Reihenfolge)', 'Erreicht (beliebige Reihenfolge)', 'Conversion aus der vorigen Phase', 'Abbruch',
      'Abbruchquote', 'Zeit in der Phase, Median (s)', 'Zeit in der Phase, p90 (s)', 'Bis zur nächsten Phase, Median (s)', 'Bis zur nächsten Phase, p90 (s)', 'Derzeit in der Phase']);
    const labels = sheet.getColumn(1).values.filter((v): v is string => typeof v === 'string');
    expect(labels).toEqual(expect.arrayContaining(['Kunden', 'Abschlussquote', 'Zeit bis zum Abschluss, Median', 'Inaktiv (kein Ereignis innerhalb der Frist)']));
    // The median time to complete is a German duration ("2,9 T", as the PDF writes it), never "2.9 d".
    let median: unknown;
    sheet.eachRow((row) => { if (row.getCell(1).value === 'Zeit bis zum Abschluss, Median') median = row.getCell(2).value; });
    expect(median).toMatch(/^\d+(,\d)? (s|Min\.|Std\.|T)$/);
    const dist = wb.getWorksheet('Zeitverteilung')!;
    expect((dist.getRow(1).values as unknown[]).slice(1, 5)).toEqual(['Phase', 'Messgröße', '< 1 Min.', '1–5 Min.']);
    expect(dist.getRow(1).values).toContain('≥ 30 Tg.');
    expect(dist.getColumn(2).values).toContain('Zeit in der Phase');
    expect(dist.getColumn(1).values).toContain('Gesamte Journey');
    expect((wb.getWorksheet('Pfade')!.getRow(1).values as unknown[]).slice(1)).toEqual(['Rang', 'Pfad', 'Kunden', 'Schleifen', 'Überspringt eine Phase', 'Schließt ab']);
    expect(wb.getWorksheet('Pfade')!.getColumn(6).values).toContain('ja');
    expect(wb.getWorksheet('Nicht zugeordnete Ereignisse')!.getRow(1).values).toEqual([undefined, 'Ereignis', 'Anzahl']);
    expect((wb.getWorksheet('Vergleich')!.getRow(1).values as unknown[]).slice(1)).toEqual(['Phase', 'Erreicht: 2024-01-01..2024-01-31', 'Erreicht: 2024-01-31..2024-06-01',
      'Anteil der Starter: 2024-01-01..2024-01-31', 'Anteil der Starter: 2024-01-31..2024-06-01', 'Differenz', '95 %, Untergrenze', '95 %, Obergrenze']);
    // Nothing English left in any header or label cell.
    const english = /^(Stage|Measure|Rank|Path|Customers|Completed|Completion rate|Event|Count|Difference|Whole journey|time in stage|yes)$|Reached|Share of starters|Time to complete/;
    for (const sheet of wb.worksheets) sheet.eachRow((row) => row.eachCell((cell) => { if (typeof cell.value === 'string') expect(cell.value, sheet.name).not.toMatch(english); }));
  });

  test('--lang de names the moves sheet and its columns in German; xx is refused', async () => {
    const out = join(dir, 'journey-de.xlsx');
    expect(await run('journey', events, '--journey', journey, '--lang', 'de', '--out', out)).toEqual({ code: 0, error: '' });
    const moves = (await workbook(out)).getWorksheet('Journey-Wechsel');
    expect(moves?.getRow(1).values).toEqual([undefined, 'Von Phase', 'Zu Phase', 'Wechsel', 'Kunden', 'Wechsel gesamt']);
    const r = await run('journey', events, '--journey', journey, '--lang', 'xx', '--out', join(dir, 'x.xlsx'));
    expect(r.code).toBe(2);
    expect(r.error).toContain('--lang "xx" is not a language of CX Studio; choose one of en, ar, fr, es, de, pt-BR, ja, zh-CN, hi.');
  });
});
