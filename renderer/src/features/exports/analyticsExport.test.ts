import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, test, vi } from 'vitest';
import { decodeDatasets } from '../../../../common/analytics/table';
import { prepareAnalytics } from '../../../../common/export/analyticsReport';
import { sampleAnalyticsDataset, sampleExportInput } from '../../../../common/export/analyticsSample';
import { analyticsWorkbookOps, buildAnalyticsXlsx } from '../../../../common/export/analyticsXlsx';
import { parseArgs, type ChannelArgs } from '../../../../common/ipc/contract';
import type { Channel } from '../../../../common/ipc/channels';
import { ok } from '../../../../common/result';
import { createWorkbookStreams } from '../../../../main/src/handlers/workbookStream';
import type { Platform } from '../../platform';
import { analyticsFileName, runAnalyticsExport } from './analyticsExport';
import type { startAnalyticsExport } from './analyticsExportClient';

const body = { datasets: [sampleAnalyticsDataset(120)], input: sampleExportInput() };

/** The export worker, in process: the same common code the worker runs, one op per pull. */
function fakeWorker(log: string[]): typeof startAnalyticsExport {
  return (kind, b) => {
    log.push(`start ${kind}`);
    const prepared = prepareAnalytics(decodeDatasets(b.datasets), b.input);
    const ops = analyticsWorkbookOps(prepared, 50);
    return {
      bytes: () => buildAnalyticsXlsx(prepared),
      ready: async () => prepared.rows.length,
      pull: async () => ops.next().value ?? null,
      cancel: () => log.push('cancel'),
    };
  };
}

/** Electron's platform over main's real stream handlers, each call validated as IPC would. */
function desktop(dir: string, hooks: { canceled?: boolean; failRowsAt?: number } = {}) {
  const main = createWorkbookStreams({
    showSaveDialog: async ({ defaultPath }) => (hooks.canceled ? { canceled: true } : { canceled: false, filePath: join(dir, defaultPath.split('/').pop()!) }),
    lastFolder: { get: () => dir, set: () => {} },
  });
  let rowsCalls = 0;
  const ipc = async <C extends Channel>(channel: C, arg: unknown, handler: (a: ChannelArgs<C>) => Promise<unknown>) => {
    const parsed = parseArgs(channel, structuredClone(arg));
    if (!parsed.ok) throw new Error(parsed.message);
    return handler(parsed.data) as never;
  };
  const platform: Pick<Platform, 'saveFile' | 'workbookStream'> = {
    saveFile: async () => { throw new Error('the desktop workbook must not be saved whole'); },
    workbookStream: {
      begin: (suggestedName) => ipc('workbook:begin', { suggestedName }, main.begin),
      table: (streamId, name, columns) => ipc('workbook:table', { streamId, name, columns }, main.table),
      rows: async (streamId, rows) => {
        if (++rowsCalls === hooks.failRowsAt) return { ok: false, code: 'io-error', message: 'There is not enough disk space to save it.' };
        return ipc('workbook:rows', { streamId, rows }, main.rows);
      },
      finish: (streamId) => ipc('workbook:finish', { streamId }, main.finish),
      abort: (streamId) => ipc('workbook:abort', { streamId }, main.abort),
    },
  };
  return { platform, main };
}

describe('analytics workbook export in the desktop app', () => {
  test('streams through validated workbook:* calls into the file the user chose, with progress', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cx-aexp-'));
    const log: string[] = [];
    const progress: number[] = [];
    const { platform } = desktop(dir);
    const out = await runAnalyticsExport('xlsx', platform, body, (_s, f) => progress.push(f), fakeWorker(log)).result;
    expect(out).toEqual(ok({ saved: true, fileName: 'Persona analytics.xlsx' }));
    expect(await readdir(dir)).toEqual(['Persona analytics.xlsx']);
    expect(progress.at(-1)).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'Persona analytics.xlsx'));
    expect(wb.getWorksheet('Responses')?.rowCount).toBe(121);
  });

  test('cancelling mid-stream stops the worker and leaves no file behind', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cx-aexp-'));
    const log: string[] = [];
    const { platform, main } = desktop(dir);
    let running: ReturnType<typeof runAnalyticsExport> | null = null;
    running = runAnalyticsExport('xlsx', platform, body, (_s, f) => { if (f > 0.3) running?.cancel(); }, fakeWorker(log));
    const out = await running.result;
    expect(out.ok ? null : out.code).toBe('cancelled');
    expect(log).toContain('cancel');
    // Main deletes the temporary file after answering: wait for it (a loaded machine is slow).
    await vi.waitFor(async () => {
      expect(main.openCount).toBe(0);
      expect(await readdir(dir)).toEqual([]);
    }, { timeout: 5_000, interval: 20 });
  });

  test('a write that fails in main is reported and its temporary file deleted', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cx-aexp-'));
    const { platform, main } = desktop(dir, { failRowsAt: 2 });
    const out = await runAnalyticsExport('xlsx', platform, body, () => {}, fakeWorker([])).result;
    expect(out.ok ? null : out.message).toMatch(/disk space/);
    // Main deletes the temporary file after answering: wait for it (a loaded machine is slow).
    await vi.waitFor(async () => {
      expect(main.openCount).toBe(0);
      expect(await readdir(dir)).toEqual([]);
    }, { timeout: 5_000, interval: 20 });
  });

  test('a cancelled save dialog scores nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cx-aexp-'));
    const log: string[] = [];
    const out = await runAnalyticsExport('xlsx', desktop(dir, { canceled: true }).platform, body, () => {}, fakeWorker(log)).result;
    expect(out).toEqual(ok({ saved: false }));
    expect(log).toEqual([]);
  });
});

describe('analytics workbook export in a browser', () => {
  test('builds the whole workbook in the worker and saves it as a download named after the range', async () => {
    const saved: { suggestedName: string; kind: string; size: number }[] = [];
    const platform: Pick<Platform, 'saveFile' | 'workbookStream'> = {
      saveFile: async ({ suggestedName, kind, bytes }) => {
        saved.push({ suggestedName, kind, size: bytes.byteLength });
        return ok({ saved: true, fileName: suggestedName });
      },
    };
    const ranged = { ...body, input: { ...body.input, range: { from: '2025-03-01', to: null } } };
    const out = await runAnalyticsExport('xlsx', platform, ranged, () => {}, fakeWorker([])).result;
    expect(out.ok).toBe(true);
    expect(saved).toEqual([{ suggestedName: 'Persona analytics 2025-03-01 to today.xlsx', kind: 'xlsx', size: expect.any(Number) }]);
    expect(analyticsFileName(body.input, 'pdf')).toBe('Persona analytics.pdf');
  });
});
