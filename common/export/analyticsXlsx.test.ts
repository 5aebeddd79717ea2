import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { prepareAnalytics, rowsInRange } from './analyticsReport';
import { sampleAnalyticsTable, sampleExportInput, sampleSnapshot, smallFixtureTable } from './analyticsSample';
import { RowSplitter, TableWriter, excelMaxRows, splitSheetName } from './analyticsSheets';
import { analyticsSheets, analyticsWorkbookOps, applyOp, buildAnalyticsXlsx } from './analyticsXlsx';
import { columnLetters, xmlEscape } from './analyticsXlsxZip';

async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}
const rowsOf = (ws: ExcelJS.Worksheet | undefined) =>
  (ws?.getSheetValues() ?? []).filter(Boolean).map((r) => (Array.isArray(r) ? r.slice(1) : []));
const small = (overrides = {}) => prepareAnalytics(smallFixtureTable(), sampleExportInput({ datasets: [{ id: 'ds-small', name: 'Small survey' }], ...overrides }));

describe('row splitting at the sheet cap', () => {
  test('a small injected limit splits into runs that repeat the header on every sheet', () => {
    const s = new RowSplitter(3); // header + 2 rows per sheet
    expect(s.place(5)).toEqual([{ sheet: 0, start: 0, count: 2 }, { sheet: 1, start: 2, count: 2 }, { sheet: 2, start: 4, count: 1 }]);
    expect(s.place(2)).toEqual([{ sheet: 2, start: 0, count: 1 }, { sheet: 3, start: 1, count: 1 }]);
    expect(s.place(0)).toEqual([]);
  });

  test("Excel's real cap: 1,048,575 data rows under the header fill the first sheet exactly", () => {
    const s = new RowSplitter();
    expect(s.place(excelMaxRows - 2)).toEqual([{ sheet: 0, start: 0, count: 1_048_574 }]);
    expect(s.place(1)).toEqual([{ sheet: 0, start: 0, count: 1 }]);
    expect(s.place(1)).toEqual([{ sheet: 1, start: 0, count: 1 }]);
    expect(new RowSplitter().place(excelMaxRows)).toEqual([{ sheet: 0, start: 0, count: 1_048_575 }, { sheet: 1, start: 1_048_575, count: 1 }]);
  });

  test('split sheet names stay within 31 characters and stay distinct', () => {
    const long = 'Responses of a very long persona name';
    const names = [0, 1, 9, 99].map((i) => splitSheetName(long, i));
    for (const n of names) expect(n.length).toBeLessThanOrEqual(31);
    expect(new Set(names).size).toBe(4);
    expect(splitSheetName('Responses', 1)).toBe('Responses (2)');
  });

  test('a limit without room for a data row is refused', () => {
    for (const limit of [0, 1, -5]) expect(() => new RowSplitter(limit)).toThrow();
  });
});

describe('analytics XLSX', () => {
  test('has the sheets in order with one column per rule and the hand-computed scores', async () => {
    const wb = await open(await buildAnalyticsXlsx(small()));
    expect(wb.worksheets.map((w) => w.name)).toEqual([...analyticsSheets]);
    const responses = rowsOf(wb.getWorksheet('Responses'));
    expect(responses[0]).toEqual(['Respondent', 'Dataset', 'Submitted', 'Best persona',
      'Maya Chen: age 25–40', 'Maya Chen: location is one of: London, Leeds', 'Maya Chen: goals contains any of: save time', 'Maya Chen score %', 'Maya Chen match',
      'Omar Haddad: age ≥ 41', 'Omar Haddad: location is one of: Paris, Lyon', 'Omar Haddad: promoter', 'Omar Haddad score %', 'Omar Haddad match']);
    expect(responses).toHaveLength(7);
    const byId = new Map(responses.slice(1).map((r) => [r[0], r]));
    expect(byId.get('r1')?.slice(4, 9)).toEqual([1, 1, 1, 100, 'strong']);
    expect(byId.get('r4')?.[3]).toBe('Omar Haddad');
    expect(byId.get('r4')?.slice(9)).toEqual([0, 1, 0, 50, 'moderate']);
    expect(Number(byId.get('r5')?.[7])).toBeCloseTo(66.667, 2);
    expect(byId.get('r1')?.[1]).toBe('Small survey');
    expect(byId.get('r1')?.[2]).toEqual(new Date('2026-11-01T09:00:00Z'));
  });

  test('distribution, coverage and overlap sheets carry the engine figures', async () => {
    const wb = await open(await buildAnalyticsXlsx(small()));
    const dist = rowsOf(wb.getWorksheet('Distribution'));
    expect(dist[1]?.slice(0, 5)).toEqual(['Maya Chen', 6, 2, 2, 2]);
    expect(dist[2]?.slice(0, 5)).toEqual(['Omar Haddad', 6, 0, 1, 5]);
    const cov = rowsOf(wb.getWorksheet('Coverage'));
    expect(cov[1]?.slice(0, 5)).toEqual(['Maya Chen', 6, 4, expect.closeTo(66.667, 2), 4]); // best for its 4 covered rows; the row it leads below 50 is nobody's
    expect(cov[1]?.[5]).toBe(75); // matched r1, r2, r5, r6: NPS 9, 10, 8, 9 → +75
    expect(cov[3]?.slice(0, 3)).toEqual(['No persona covers', 6, 1]);
    expect(rowsOf(wb.getWorksheet('Overlap'))).toEqual([['Persona (responses ≥ 50 for both)', 'Maya Chen', 'Omar Haddad'], ['Maya Chen', 4, 0], ['Omar Haddad', 0, 1]]);
  });

  test('evolution lists each persona snapshot day inside the range', async () => {
    const input = sampleExportInput({ datasets: [{ id: 'ds-small', name: 'Small survey' }], range: { from: '2026-11-02', to: null } });
    input.personas[0]!.snapshots = [sampleSnapshot('p-maya', '2026-11-03', 2, 100), sampleSnapshot('p-maya', '2026-11-01', 2, 50), sampleSnapshot('p-maya', '2026-11-02', 0, 0)];
    const wb = await open(await buildAnalyticsXlsx(prepareAnalytics(smallFixtureTable(), input)));
    const evo = rowsOf(wb.getWorksheet('Evolution'));
    expect(evo.slice(1).map((r) => r.slice(0, 3))).toEqual([['Maya Chen', '2026-11-02', 0], ['Maya Chen', '2026-11-03', 2]]);
    expect(evo[2]?.[7]).toBe(100);
  });

  test('a date range keeps exactly the rows the engine scores', async () => {
    const from = Date.parse('2026-11-02T00:00:00Z'), to = Date.parse('2026-11-02T23:59:59.999Z');
    const p = small({ from, to, range: { from: '2026-11-02', to: '2026-11-02' } });
    expect(p.rows.length).toBe(p.report.rowsInRange);
    const wb = await open(await buildAnalyticsXlsx(p));
    expect(rowsOf(wb.getWorksheet('Responses')).slice(1).map((r) => r[0])).toEqual(['r3', 'r4']);
    expect(rowsOf(wb.getWorksheet('Report'))).toContainEqual(['From', '2026-11-02']);
    const big = sampleAnalyticsTable(500);
    expect(rowsInRange(big, Date.UTC(2025, 2, 10), Date.UTC(2025, 2, 20)).length).toBe(prepareAnalytics(big, sampleExportInput({ from: Date.UTC(2025, 2, 10), to: Date.UTC(2025, 2, 20) })).report.rowsInRange);
  });

  test('responses split into "Responses (2)", … at an injected limit, header repeated, no row lost or moved', async () => {
    const p = prepareAnalytics(sampleAnalyticsTable(10), sampleExportInput());
    const wb = await open(await buildAnalyticsXlsx(p, { limit: 4 }));
    // Every table splits at the limit (the 10-row Report sheet too); the parts follow their table.
    const names = wb.worksheets.map((w) => w.name);
    expect(names.slice(names.indexOf('Responses'), names.indexOf('Distribution'))).toEqual(['Responses', 'Responses (2)', 'Responses (3)', 'Responses (4)']);
    const parts = ['Responses', 'Responses (2)', 'Responses (3)', 'Responses (4)'].map((n) => rowsOf(wb.getWorksheet(n)));
    expect(parts.map((rows) => rows.length)).toEqual([4, 4, 4, 2]);
    for (const rows of parts) expect(rows[0]?.[0]).toBe('Respondent');
    expect(parts.flatMap((rows) => rows.slice(1).map((r) => r[0]))).toEqual(Array.from({ length: 10 }, (_, i) => `r${i + 1}`));
  });
});

/** The Electron path as main runs it: ExcelJS's streaming WorkbookWriter fed the same operations. */
async function electronWorkbook(p: ReturnType<typeof prepareAnalytics>, limit = excelMaxRows): Promise<Uint8Array> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const writer = new TableWriter(wb, true, limit);
  for (const op of analyticsWorkbookOps(p, 500)) applyOp(writer, op);
  writer.endTable();
  await wb.commit();
  return new Uint8Array(Buffer.concat(chunks));
}

/** Every sheet as ExcelJS reads it back: name, frozen rows, filter, and each cell's value, format and boldness. */
async function readBack(bytes: Uint8Array) {
  const wb = await open(bytes);
  return wb.worksheets.map((ws) => {
    const cells: unknown[] = [];
    ws.eachRow({ includeEmpty: true }, (row, r) => row.eachCell({ includeEmpty: false }, (cell, c) => cells.push([r, c, cell.value, cell.numFmt ?? null, cell.font?.bold === true])));
    return { name: ws.name, frozen: (ws.views[0] as { ySplit?: number } | undefined)?.ySplit, filter: ws.autoFilter, widths: ws.columns.map((c) => c.width), cells };
  });
}

describe('the web workbook (streamed zip) and the Electron workbook (ExcelJS streaming writer)', () => {
  test('hold the same sheets, headers, values and formats for the same data, split at the same rows', async () => {
    const input = sampleExportInput({ range: { from: '2025-03-01', to: null }, from: Date.parse('2025-03-01T00:00:00Z') });
    input.personas[0]!.name = 'Ana & <Bo> "quoted"';
    input.personas[0]!.snapshots = ['2025-03-02', '2025-03-03'].map((d, i) => sampleSnapshot(input.personas[0]!.id, d, 10 + i, 20));
    const p = prepareAnalytics(sampleAnalyticsTable(1500), input);
    expect(p.rows.length).toBeGreaterThan(600);
    for (const limit of [excelMaxRows, 400]) {
      const web = await readBack(await buildAnalyticsXlsx(p, { limit }));
      const electron = await readBack(await electronWorkbook(p, limit));
      expect(web.map((s) => s.name)).toEqual(electron.map((s) => s.name));
      if (limit === 400) expect(web.map((s) => s.name)).toContain('Responses (2)');
      for (const [i, sheet] of web.entries()) expect(sheet, sheet.name).toEqual(electron[i]);
      const responses = web.find((s) => s.name === 'Responses')!.cells as [number, number, unknown, string | null, boolean][];
      expect(responses.length).toBeGreaterThan(5000);
      expect(web.map((w) => w.frozen)).toEqual(web.map(() => 1));
      expect(responses.find(([r, c]) => r === 1 && c === 1)).toEqual([1, 1, 'Respondent', null, true]);
      expect(responses.find(([r, c]) => r === 2 && c === 3)?.[2]).toBeInstanceOf(Date);
    }
  });

  test('the zip writer escapes text and names columns past Z', () => {
    expect(xmlEscape('a & <b> "c"\u0001')).toBe('a &amp; &lt;b&gt; &quot;c&quot;');
    expect([0, 25, 26, 33, 701, 702, 16383].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AH', 'ZZ', 'AAA', 'XFD']);
  });
});
