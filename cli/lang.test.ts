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
