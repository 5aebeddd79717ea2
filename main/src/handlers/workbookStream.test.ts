import { chmod, mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { parseArgs } from '../../../common/ipc/contract';
import { maxChunkRows, maxOpenWorkbooks } from '../../../common/ipc/workbookSchemas';
import { prepareAnalytics } from '../../../common/export/analyticsReport';
import { sampleAnalyticsTable, sampleExportInput } from '../../../common/export/analyticsSample';
import { analyticsWorkbookOps } from '../../../common/export/analyticsXlsx';
import { createWorkbookStreams, type WorkbookStreamDeps } from './workbookStream';

const tempDir = () => mkdtemp(join(tmpdir(), 'cx-wb-'));

function streams(dir: string, extra: Partial<WorkbookStreamDeps> = {}, file = 'Analytics.xlsx') {
  const folders: string[] = [];
  const s = createWorkbookStreams({
    showSaveDialog: async () => ({ canceled: false, filePath: join(dir, file) }),
    lastFolder: { get: () => dir, set: (f) => folders.push(f) },
    ...extra,
  });
  return { s, folders };
}

async function begin(s: ReturnType<typeof createWorkbookStreams>): Promise<string> {
  const r = await s.begin({ suggestedName: 'Analytics' });
  if (!r.ok || !r.data.started) throw new Error(`begin failed: ${JSON.stringify(r)}`);
  return r.data.streamId;
}

async function reopen(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}
const rowsOf = (ws: ExcelJS.Worksheet | undefined) => (ws?.getSheetValues() ?? []).filter(Boolean).map((r) => (Array.isArray(r) ? r.slice(1) : []));

describe('workbook:* streamed writer', () => {
  test('the analytics workbook streamed in chunks, as the renderer sends it, reopens with its sheets and values', async () => {
    const dir = await tempDir();
    const { s, folders } = streams(dir);
    const id = await begin(s);
    const p = prepareAnalytics(sampleAnalyticsTable(120), sampleExportInput());
    for (const op of analyticsWorkbookOps(p, 50)) {
      // Each call goes through the contract's validation as IPC would.
      const args = op.op === 'table' ? { streamId: id, name: op.name, columns: op.columns } : { streamId: id, rows: op.rows };
      const parsed = parseArgs(op.op === 'table' ? 'workbook:table' : 'workbook:rows', args);
      expect(parsed.ok).toBe(true);
      const r = op.op === 'table' ? await s.table(args as Parameters<typeof s.table>[0]) : await s.rows(args as Parameters<typeof s.rows>[0]);
      expect(r.ok).toBe(true);
    }
    expect(await s.finish({ streamId: id })).toEqual({ ok: true, data: { saved: true, fileName: 'Analytics.xlsx' } });
    expect(await readdir(dir)).toEqual(['Analytics.xlsx']);
    expect(folders).toEqual([dir]);
    const wb = await reopen(join(dir, 'Analytics.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Report', 'Responses', 'Distribution', 'Coverage', 'Overlap', 'Evolution']);
    const responses = rowsOf(wb.getWorksheet('Responses'));
    expect(responses).toHaveLength(121);
    expect(responses[0]?.slice(0, 4)).toEqual(['Respondent', 'Dataset', 'Submitted', 'Best persona']);
    expect(responses[1]?.[0]).toBe('r1');
    expect(responses[1]?.[2]).toBeInstanceOf(Date);
    expect(rowsOf(wb.getWorksheet('Distribution'))[1]?.[0]).toBe('Maya Chen');
  });

  test('splits a streamed table at the row limit with the header repeated', async () => {
    const dir = await tempDir();
    const { s } = streams(dir, { rowLimit: 3 });
    const id = await begin(s);
    await s.table({ streamId: id, name: 'Responses', columns: [{ header: 'Id' }, { header: 'Score', format: 'percent' }] });
    await s.rows({ streamId: id, rows: [['a', 1], ['b', 2], ['c', 3]] });
    await s.rows({ streamId: id, rows: [['d', 4], ['e', 5]] });
    await s.table({ streamId: id, name: 'Overlap', columns: [{ header: 'X' }] });
    expect((await s.finish({ streamId: id })).ok).toBe(true);
    const wb = await reopen(join(dir, 'Analytics.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Responses', 'Responses (2)', 'Responses (3)', 'Overlap']);
    expect(rowsOf(wb.getWorksheet('Responses (2)'))).toEqual([['Id', 'Score'], ['c', 3], ['d', 4]]);
    expect(rowsOf(wb.getWorksheet('Responses (3)'))).toEqual([['Id', 'Score'], ['e', 5]]);
  });

  test('a cancelled dialog opens nothing and writes nothing', async () => {
    const dir = await tempDir();
    const s = createWorkbookStreams({ showSaveDialog: async () => ({ canceled: true }), lastFolder: { get: () => dir, set: () => {} } });
    expect(await s.begin({ suggestedName: 'x' })).toEqual({ ok: true, data: { started: false } });
    expect(s.openCount).toBe(0);
    expect(await readdir(dir)).toEqual([]);
  });

  test('abort deletes the temporary file and the stream is gone', async () => {
    const dir = await tempDir();
    const { s } = streams(dir);
    const id = await begin(s);
    await s.table({ streamId: id, name: 'Responses', columns: [{ header: 'Id' }] });
    await s.rows({ streamId: id, rows: [['a']] });
    expect((await readdir(dir)).some((f) => f.endsWith('.partial'))).toBe(true);
    expect(await s.abort({ streamId: id })).toEqual({ ok: true, data: { aborted: true } });
    expect(await readdir(dir)).toEqual([]);
    const after = await s.rows({ streamId: id, rows: [['b']] });
    expect(after.ok ? null : after.code).toBe('not-found');
  });

  test('an idle stream is abandoned and its temporary file deleted', async () => {
    const dir = await tempDir();
    const { s } = streams(dir, { idleMs: 30 });
    await begin(s);
    await new Promise((r) => setTimeout(r, 120));
    expect(s.openCount).toBe(0);
    expect(await readdir(dir)).toEqual([]);
  });

  test(`at most ${maxOpenWorkbooks} workbooks are open at once`, async () => {
    const dir = await tempDir();
    let n = 0;
    const s = createWorkbookStreams({ showSaveDialog: async () => ({ canceled: false, filePath: join(dir, `w${n++}.xlsx`) }), lastFolder: { get: () => dir, set: () => {} } });
    for (let i = 0; i < maxOpenWorkbooks; i++) await begin(s);
    const extra = await s.begin({ suggestedName: 'more' });
    expect(extra.ok ? null : extra.code).toBe('unavailable');
    await s.abortAll();
    expect(await readdir(dir)).toEqual([]);
  });

  test('rows wider than the table, or before any table, are refused', async () => {
    const dir = await tempDir();
    const { s } = streams(dir);
    const id = await begin(s);
    const early = await s.rows({ streamId: id, rows: [['a']] });
    expect(early.ok ? null : early.code).toBe('invalid-argument');
    await s.table({ streamId: id, name: 'T', columns: [{ header: 'A' }] });
    const wide = await s.rows({ streamId: id, rows: [['a', 'b']] });
    expect(wide.ok ? null : wide.code).toBe('invalid-argument');
    const dup = await s.table({ streamId: id, name: 't', columns: [{ header: 'A' }] });
    expect(dup.ok ? null : dup.code).toBe('invalid-argument');
    await s.abortAll();
  });

  test('a folder that cannot be written gives a message to act on and leaves no file', async () => {
    const dir = await tempDir();
    const gone = await streams(dir, {}, join('gone', 'x.xlsx')).s.begin({ suggestedName: 'x' });
    expect(gone.ok ? null : gone.message).toMatch(/no longer exists/);
    // Root ignores permissions, so the read-only case is checked only when it can fail.
    if (process.getuid?.() !== 0) {
      await chmod(dir, 0o500);
      const r = await streams(dir).s.begin({ suggestedName: 'x' });
      expect(r.ok ? null : r.message).toMatch(/permission/);
      await chmod(dir, 0o700);
    }
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('workbook:* contract bounds', () => {
  const id = 'a'.repeat(32);
  test('refuses hostile row chunks', () => {
    const bad: unknown[] = [
      'rows', [['a'], 'b'], [[{ toString: () => 'x' }]], [[Number.NaN]], [[Infinity]], [[new Date()]], [[undefined]],
      [['x'.repeat(32_768)]], Array.from({ length: maxChunkRows + 1 }, () => [1]), [Array.from({ length: 1025 }, () => 1)],
      Array.from({ length: 5000 }, () => Array.from({ length: 101 }, () => 0)),
    ];
    for (const rows of bad) expect(parseArgs('workbook:rows', { streamId: id, rows }).ok).toBe(false);
    expect(parseArgs('workbook:rows', { streamId: id, rows: [['a', 1, true, null]] }).ok).toBe(true);
  });

  test('refuses unknown stream ids, bad sheet names, paths and odd columns', () => {
    for (const streamId of ['../x', 'A'.repeat(32), '', 'a'.repeat(33)]) expect(parseArgs('workbook:finish', { streamId }).ok).toBe(false);
    for (const name of ['', 'a/b', 'a\\b', 'x[1]', 'what?', "'quoted'", 'x'.repeat(32), 'tab\tname']) {
      expect(parseArgs('workbook:table', { streamId: id, name, columns: [{ header: 'A' }] }).ok).toBe(false);
    }
    for (const columns of [[], [{ header: 'A', format: 'money' }], [{ header: 'x'.repeat(256) }], [{ header: 'A', extra: 1 }], Array.from({ length: 1025 }, () => ({ header: 'c' }))]) {
      expect(parseArgs('workbook:table', { streamId: id, name: 'T', columns }).ok).toBe(false);
    }
    for (const suggestedName of ['../etc/passwd', '/tmp/x.xlsx', 'C:\\x.xlsx', '']) expect(parseArgs('workbook:begin', { suggestedName }).ok).toBe(false);
    expect(parseArgs('workbook:begin', { suggestedName: 'Analytics', path: '/tmp' }).ok).toBe(false);
  });
});
