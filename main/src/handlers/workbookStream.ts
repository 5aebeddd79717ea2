import { randomBytes } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import type { ChannelArgs, SaveOutcome } from '../../../common/ipc/contract';
import { maxOpenWorkbooks, maxWorkbookTables, type WorkbookBegun } from '../../../common/ipc/workbookSchemas';
import { TableWriter, excelMaxRows } from '../../../common/export/analyticsSheets';
import type { Result } from '../../../common/result';
import { err, ok } from '../../../common/result';
import { describeIoError } from '../atomicWrite';
import { saveFilters, type SaveDeps } from './files';

/** What the streamed-workbook handlers need, injected so they run under plain Node in tests. */
export interface WorkbookStreamDeps extends Pick<SaveDeps, 'showSaveDialog' | 'lastFolder'> {
  /** A stream left without a call this long is abandoned: its temporary file is deleted. */
  idleMs?: number;
  /** Rows per sheet (header included) before a table continues on `name (2)`; Excel's cap by default. */
  rowLimit?: number;
}

interface OpenWorkbook {
  target: string;
  temp: string;
  out: WriteStream;
  wb: ExcelJS.stream.xlsx.WorkbookWriter;
  writer: TableWriter;
  columns: number;
  tables: number;
  rows: number;
  failure: unknown;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * `workbook:*`: main writes a large workbook from rows the renderer streams to it. `begin` shows the
 * native save dialog (the renderer suggests a name, never a path) and opens ExcelJS's streaming
 * writer on a temporary file in the chosen folder; `table` and `rows` append; `finish` commits and
 * renames over the target; `abort`, an error or an idle stream deletes the temporary file, so no
 * half-written workbook is ever left at the target path.
 */
export function createWorkbookStreams(deps: WorkbookStreamDeps) {
  const open = new Map<string, OpenWorkbook>();
  const idleMs = deps.idleMs ?? 120_000;

  async function discard(id: string): Promise<boolean> {
    const w = open.get(id);
    if (!w) return false;
    open.delete(id);
    clearTimeout(w.timer);
    w.out.destroy();
    await rm(w.temp, { force: true }).catch(() => {});
    return true;
  }

  function touch(w: OpenWorkbook, id: string): void {
    clearTimeout(w.timer);
    w.timer = setTimeout(() => void discard(id), idleMs);
    w.timer.unref?.();
  }

  /** The open stream, or the error to answer with (its temp file removed when it failed). */
  async function use(id: string): Promise<Result<OpenWorkbook>> {
    const w = open.get(id);
    if (!w) return err('not-found', 'This export was stopped (cancelled, failed or idle too long). Please export again.');
    if (w.failure) {
      await discard(id);
      return err('io-error', describeIoError(w.failure, basename(w.target)));
    }
    touch(w, id);
    return ok(w);
  }

  // A write that throws leaves the stream unusable: drop it (and its temp file) and say so.
  async function guard(id: string, write: () => void): Promise<Result<null>> {
    try {
      write();
      return ok(null);
    } catch (e) {
      const target = open.get(id)?.target ?? 'the workbook';
      await discard(id);
      return err('io-error', `${basename(target)} could not be written (${e instanceof Error ? e.message : String(e)}).`);
    }
  }

  return {
    async begin({ suggestedName }: ChannelArgs<'workbook:begin'>): Promise<Result<WorkbookBegun>> {
      if (open.size >= maxOpenWorkbooks) return err('unavailable', 'Too many workbooks are being written at once. Wait for one to finish and try again.');
      const filter = saveFilters.xlsx;
      const name = suggestedName.toLowerCase().endsWith('.xlsx') ? suggestedName : `${suggestedName}.xlsx`;
      const choice = await deps.showSaveDialog({ defaultPath: join(deps.lastFolder.get(), name), filters: [filter] });
      if (choice.canceled || !choice.filePath) return ok({ started: false });
      const target = choice.filePath;
      const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.partial`);
      const out = createWriteStream(temp, { flags: 'wx' });
      const opened = await new Promise<unknown>((resolve) => {
        out.once('open', () => resolve(null));
        out.once('error', resolve);
      });
      if (opened) {
        out.destroy();
        await rm(temp, { force: true }).catch(() => {});
        return err('io-error', describeIoError(opened, basename(target)));
      }
      // Inline strings (no shared-string table held until the end) keep memory flat for any row count.
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
      wb.creator = 'CX Studio';
      const id = randomBytes(16).toString('hex');
      const w: OpenWorkbook = {
        target, temp, out, wb, writer: new TableWriter(wb, true, deps.rowLimit ?? excelMaxRows),
        columns: 0, tables: 0, rows: 0, failure: null, timer: setTimeout(() => {}, 0),
      };
      out.on('error', (e) => { w.failure ??= e; });
      open.set(id, w);
      touch(w, id);
      return ok({ started: true, streamId: id, fileName: basename(target) });
    },

    async table({ streamId, name, columns }: ChannelArgs<'workbook:table'>): Promise<Result<{ sheets: number }>> {
      const got = await use(streamId);
      if (!got.ok) return got;
      const w = got.data;
      if (w.tables >= maxWorkbookTables) return err('too-large', `A workbook holds at most ${maxWorkbookTables} tables.`);
      if (w.writer.sheetNames.some((s) => s.toLowerCase() === name.toLowerCase())) return err('invalid-argument', `The workbook already has a sheet named "${name}".`);
      const wrote = await guard(streamId, () => w.writer.table(name, columns));
      if (!wrote.ok) return wrote;
      w.columns = columns.length;
      w.tables += 1;
      return ok({ sheets: w.writer.sheetNames.length });
    },

    async rows({ streamId, rows }: ChannelArgs<'workbook:rows'>): Promise<Result<{ rows: number }>> {
      const got = await use(streamId);
      if (!got.ok) return got;
      const w = got.data;
      if (w.tables === 0) return err('invalid-argument', 'Start a table before sending rows.');
      if (rows.some((r) => r.length > w.columns)) return err('invalid-argument', `A row has more cells than the table's ${w.columns} columns.`);
      const wrote = await guard(streamId, () => w.writer.rows(rows));
      if (!wrote.ok) return wrote;
      w.rows += rows.length;
      // Back-pressure: when the disk is slower than the rows arrive, wait for the file to catch up.
      if (w.out.writableNeedDrain) await new Promise<void>((resolve) => { w.out.once('drain', () => resolve()); w.out.once('error', () => resolve()); });
      return ok({ rows: w.rows });
    },

    async finish({ streamId }: ChannelArgs<'workbook:finish'>): Promise<Result<SaveOutcome>> {
      const got = await use(streamId);
      if (!got.ok) return got;
      const w = got.data;
      clearTimeout(w.timer);
      try {
        w.writer.endTable();
        await w.wb.commit();
        if (w.failure) throw w.failure;
        await rename(w.temp, w.target);
      } catch (e) {
        await discard(streamId);
        return err('io-error', describeIoError(e, basename(w.target)));
      }
      open.delete(streamId);
      deps.lastFolder.set(dirname(w.target));
      return ok({ saved: true, fileName: basename(w.target) });
    },

    async abort({ streamId }: ChannelArgs<'workbook:abort'>): Promise<Result<{ aborted: boolean }>> {
      return ok({ aborted: await discard(streamId) });
    },

    /** Deletes every unfinished workbook's temporary file (the window closed or the app quits). */
    async abortAll(): Promise<void> {
      await Promise.all([...open.keys()].map(discard));
    },

    /** How many workbooks are being written. */
    get openCount(): number {
      return open.size;
    },
  };
}
