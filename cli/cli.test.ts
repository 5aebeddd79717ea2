import ExcelJS from 'exceljs';
import { execFile } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { main } from './index';
import type { AnalysisReport } from './report';

const here = __dirname;
const fixtures = join(here, 'fixtures');
const qualtrics = join(here, '../common/import/fixtures/qualtrics.csv');
const dir = mkdtempSync(join(tmpdir(), 'cx-cli-'));
const personas = join(fixtures, 'personas.json');

let errors: string[] = [];
beforeAll(() => {
  vi.spyOn(console, 'error').mockImplementation((m: string) => { errors.push(m); });
  vi.spyOn(console, 'log').mockImplementation(() => {});
});
afterAll(() => vi.restoreAllMocks());

async function run(...args: string[]): Promise<{ code: number; error: string }> {
  errors = [];
  const code = await main(args);
  return { code, error: errors.join('\n') };
}

describe('analyze', () => {
  test('writes a JSON report with scores, distribution, coverage, overlap and explanations', async () => {
    const out = join(dir, 'report.json');
    expect(await run('analyze', qualtrics, '--personas', personas, '--map', join(fixtures, 'mapping.json'), '--out', out)).toEqual({ code: 0, error: '' });
    const report = JSON.parse(readFileSync(out, 'utf8')) as AnalysisReport;
    expect(report.source).toMatchObject({ shape: 'qualtrics', rows: 3, rejected: 0 });
    // Busy professional: age 25–40 (1), Denver/London (1), goals contain "Save time" (weight 2): of 4.
    expect(report.responses.map((r) => r.scores)).toEqual([[100, 0], [0, 100], [100, 0]]);
    expect(report.responses.map((r) => [r.row, r.respondentId, r.bestPersona])).toEqual([
      [4, 'R_1a2b3c4d5e6f7g8', 'busy-professional'], [5, 'R_2b3c4d5e6f7g8h9', 'cautious-veteran'], [6, 'R_3c4d5e6f7g8h9i0', 'busy-professional'],
    ]);
    const [busy, veteran] = report.personas;
    expect(busy).toMatchObject({ scored: 3, distribution: { strong: 2, moderate: 0, weak: 1 }, coverage: { covered: 2, total: 3, percent: 66.67 } });
    expect(busy!.liveMetrics).toMatchObject({ responses: 2, nps: 100, npsMean: 9.5, trust: 4.5 });
    expect(veteran!.topMatches[0]!.items.map((i) => i.outcome)).toEqual(['matched', 'matched', 'matched']);
    expect(report.overlap.matrix).toEqual([[2, 0], [0, 1]]);
    expect(report.uncovered).toEqual({ count: 0, percent: 0 });
  });

  test('writes an XLSX report with a column per rule and the summary sheets', async () => {
    const out = join(dir, 'report.xlsx');
    expect((await run('analyze', join(here, '../common/import/fixtures/surveymonkey.csv'), '--personas', personas, '--out', out)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Scores', 'Distribution', 'Coverage', 'Overlap']);
    const header = wb.getWorksheet('Scores')!.getRow(1).values as unknown[];
    expect(header.slice(1, 6)).toEqual(['Row', 'Respondent id', 'Best persona', 'Busy professional: score', 'Busy professional: age 25–40']);
    expect(header).toHaveLength(1 + 3 + 2 * 4);
    // The SurveyMonkey file maps no frustrations column: that rule is reported missing, never matched.
    const veteranFrustration = header.indexOf('Cautious veteran: frustrations contains any of: System downtime');
    expect(wb.getWorksheet('Scores')!.getRow(2).getCell(veteranFrustration).value).toBe('missing');
    // Four responses: the one whose age reads "unknown" is kept with its age missing.
    expect(wb.getWorksheet('Scores')!.rowCount).toBe(5);
  });

  test('each row of the reports carries its own respondent id and file row past skipped duplicates and rejected rows', async () => {
    const file = join(dir, 'ids.csv');
    // Row 3 repeats r1 (skipped), row 5 has no id (rejected): the responses are r1, R_2pf8, R_jrj6 (their ids share a hash), ā.
    writeFileSync(file, 'id,age,Where do you live?\nr1,30,Denver\nr1,31,London\nR_2pf8,32,London\n,33,Denver\nR_jrj6,34,Paris\nā,35,Denver\n');
    const json = join(dir, 'ids.json'), xlsx = join(dir, 'ids.xlsx');
    expect((await run('analyze', file, '--personas', personas, '--out', json)).code).toBe(0);
    const report = JSON.parse(readFileSync(json, 'utf8')) as AnalysisReport;
    expect(report.source).toMatchObject({ rows: 4, duplicates: 1, rejected: 1 });
    const expected = ['r1', 'R_2pf8', 'R_jrj6', 'ā'];
    expect(report.responses.map((r) => r.respondentId)).toEqual(expected);
    // Their rows in the file, header counted: the "Row" column points at the line to look at.
    expect(report.responses.map((r) => r.row)).toEqual([2, 4, 6, 7]);
    const idOfRow = new Map(report.responses.map((r) => [r.row, r.respondentId]));
    for (const p of report.personas) for (const m of p.topMatches) expect([m.row, m.respondentId]).toEqual([m.row, idOfRow.get(m.row)]);
    expect(report.personas.flatMap((p) => p.topMatches).length).toBeGreaterThan(0);
    expect((await run('analyze', file, '--personas', personas, '--out', xlsx)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const scores = wb.getWorksheet('Scores')!;
    expect([2, 3, 4, 5].map((r) => [scores.getRow(r).getCell(1).value, scores.getRow(r).getCell(2).value])).toEqual([[2, 'r1'], [4, 'R_2pf8'], [6, 'R_jrj6'], [7, 'ā']]);
  });

  test('runs as `npm run cli` does, through tsx, and exits non-zero with one line on error', async () => {
    const exec = promisify(execFile);
    const tsx = join(here, '../node_modules/.bin/tsx');
    const ok = await exec(tsx, [join(here, 'index.ts'), 'analyze', qualtrics, '--personas', personas, '--out', join(dir, 'r.json')]);
    expect(ok.stdout).toMatch(/^3 responses × 2 personas → /);
    const bad = await exec(tsx, [join(here, 'index.ts'), 'analyze', join(dir, 'nope.csv'), '--personas', personas, '--out', join(dir, 'r.json')]).catch((e: { code: number; stderr: string }) => e);
    expect('code' in bad && bad.code).toBe(1);
    expect(bad.stderr.trim().split('\n')).toEqual([`error: ${join(dir, 'nope.csv')} does not exist.`]);
  }, 60_000);

  test('reports each bad invocation or input in one clear line', async () => {
    const write = (name: string, text: string) => { const p = join(dir, name); writeFileSync(p, text); return p; };
    const envelope = (personasJson: unknown, extra = {}) => JSON.stringify({ type: 'cx-studio.personas', version: 1, exportedAt: 0, personas: personasJson, ...extra });
    const out = join(dir, 'x.json');
    const cases: [string[], number, RegExp][] = [
      [[], 2, /No command given/],
      [['score', qualtrics], 2, /Unknown command "score"/],
      [['analyze', qualtrics, '--out', out], 2, /--personas is required/],
      [['analyze', qualtrics, '--personas', personas, '--out', join(dir, 'x.csv')], 2, /--out must end in .json, .xlsx or .pdf/],
      [['analyze', qualtrics, '--personas', personas, '--out', out, '--tz', 'Mars/Base'], 2, /not a time zone/],
      [['analyze', qualtrics, '--personas', personas, '--out'], 2, /--out needs a value/],
      [['analyze', qualtrics, '--personas', personas, '--out', out, '--fast', 'x'], 2, /Unknown option --fast/],
      [['analyze', qualtrics, '--personas', personas, '--out', out, '--date-order', 'ymd'], 2, /--date-order must be mdy .* or dmy/],
      [['analyze', qualtrics, '--personas', write('a.json', '{oops'), '--out', out], 1, /a.json is not JSON/],
      [['analyze', qualtrics, '--personas', write('b.json', '{"type":"other"}'), '--out', out], 1, /not a CX Studio persona export/],
      [['analyze', qualtrics, '--personas', write('c.json', '{"type":"cx-studio.personas","version":7,"personas":[]}'), '--out', out], 1, /version 7.*Update the app/],
      [['analyze', qualtrics, '--personas', write('d.json', envelope([])), '--out', out], 1, /has no personas/],
      [['analyze', qualtrics, '--personas', write('e.json', envelope([{ id: 'p', rules: [{ id: 'r', column: 'age', kind: 'range', min: 5, max: 1 }] }])), '--out', out], 1, /personas\[0\]\.rules\[0\]\.max: Maximum is below the minimum/],
      [['analyze', qualtrics, '--personas', write('f.json', envelope([{ id: 'p', rules: [] }, { id: 'p', rules: [] }])), '--out', out], 1, /"p" appears twice/],
      [['analyze', qualtrics, '--personas', write('g.json', envelope([{ id: 'p', rules: [] }], { mapping: [] })), '--out', out], 1, /mapping must be an object/],
      [['analyze', qualtrics, '--personas', personas, '--map', write('h.json', '{"columns":[{"key":"age","type":"number","sources":["Q99"]}]}'), '--out', out], 1, /no column "Q99"/],
      [['analyze', write('i.xlsx', 'plain text'), '--personas', personas, '--out', out], 1, /not an .xlsx workbook/],
      [['analyze', qualtrics, '--personas', personas, '--out', join(dir, 'missing-dir', 'r.json')], 1, /cannot be written/],
    ];
    for (const [args, code, message] of cases) {
      const res = await run(...args);
      expect([args.join(' '), res.code]).toEqual([args.join(' '), code]);
      expect(res.error).toMatch(message);
      expect(res.error.split('\n').length).toBeLessThanOrEqual(2);
      expect(res.error).not.toMatch(/\bat .*\.ts:\d+/);
    }
  });

  test('--date-order reads day-first dates; without it an ambiguous file prints a warning', async () => {
    const file = join(dir, 'dates.csv');
    writeFileSync(file, 'id,submitted,age\nr1,05/03/2024 10:00,30\nr2,06/03/2024 11:00,41\n');
    const out = join(dir, 'dates.json');
    const guessed = await run('analyze', file, '--personas', personas, '--out', out);
    expect(guessed.code).toBe(0);
    expect(guessed.error).toMatch(/^warning: No date in the file has a day above 12/);
    expect((JSON.parse(readFileSync(out, 'utf8')) as AnalysisReport).source.dateOrder).toBe('mdy');
    const chosen = await run('analyze', file, '--personas', personas, '--out', out, '--date-order', 'dmy');
    expect(chosen).toEqual({ code: 0, error: '' });
    expect((JSON.parse(readFileSync(out, 'utf8')) as AnalysisReport).source.dateOrder).toBe('dmy');
  });

  test('unreadable values are kept out of the scores, reported, and the responses kept', async () => {
    const file = join(dir, 'unreadable.csv');
    writeFileSync(file, 'id,age,Where do you live?\nr1,thirty,Denver\nr2,33,London\n');
    const out = join(dir, 'unreadable.json');
    const res = await run('analyze', file, '--personas', personas, '--out', out);
    expect(res.code).toBe(0);
    expect(res.error).toBe('warning: row 2, age: "thirty" is not a number; the response is kept without it.');
    const report = JSON.parse(readFileSync(out, 'utf8')) as AnalysisReport;
    expect(report.source).toMatchObject({ rows: 2, rejected: 0, unreadable: 1, unreadableValues: [{ row: 2, column: 'age', value: 'thirty' }] });
  });

  test('a 3 GB binary file is refused from its first megabytes', async () => {
    const file = join(dir, 'video.csv');
    const fd = openSync(file, 'w');
    // Sparse: a header that is not text, then a last byte 3 GB in; nothing in between is written.
    writeSync(fd, Buffer.from([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70]), 0, 8, 0);
    writeSync(fd, Buffer.from([1]), 0, 1, 3 * 2 ** 30);
    closeSync(fd);
    const res = await run('analyze', file, '--personas', personas, '--out', join(dir, 'v.json'));
    rmSync(file);
    expect(res).toEqual({ code: 1, error: 'error: video.csv looks binary, not CSV text.' });
  });
});
