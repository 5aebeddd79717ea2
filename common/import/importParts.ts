/** Pieces of an import that do not read rows: where it goes, its header, its messages, and the date-order pass. */
import { maxDatasetIdLength, type DatasetColumn, type DatasetHeaderDoc } from '../analytics/format';
import { err, ok, type Result } from '../result';
import type { ResolvedColumn } from './mapping';
import type { DateOrderSeen } from './rows';
import type { Source } from './source';
import { dateOrderEvidence, dateOrderGuess, type DateOrder } from './values';

/** The error for a file whose quoting breaks, naming the rows. */
export function quotingFailure(fileName: string, problems: readonly { row: number; message: string }[]) {
  const listed = problems.slice(0, 5).map((p) => `row ${p.row}: ${p.message}`).join('; ');
  return err('invalid-document', `${fileName} cannot be read whole (${listed}). Nothing was imported: fix the quotes in the file, or export it again.`);
}

/**
 * A warning of an import as a code and its parts: the app words it in the reader's language
 * (renderer catalogue `data.review.notice`); `importNoticeText` is the English the CLI prints.
 */
export type ImportNotice =
  | { code: 'datesDisagree'; dayFirstRow: number; monthFirstRow: number; order: DateOrder }
  | { code: 'datesAgainstOrder'; row: number; written: DateOrder; order: DateOrder; chosen: boolean }
  | { code: 'datesAmbiguous'; order: DateOrder }
  | { code: 'shortened'; row: number; column: string; length: number; kept: number }
  | { code: 'moreShortened'; count: number };

/** What the dates of the whole file said about their order. */
export function dateNotices(order: DateOrder, seen: DateOrderSeen, chosen: boolean): ImportNotice[] {
  if (seen.dayFirstRow > 0 && seen.monthFirstRow > 0) return [{ code: 'datesDisagree', dayFirstRow: seen.dayFirstRow, monthFirstRow: seen.monthFirstRow, order }];
  // Only one order is written, but the other was chosen: every date that decides is unreadable.
  const against = order === 'mdy' ? seen.dayFirstRow : seen.monthFirstRow;
  if (against > 0) return [{ code: 'datesAgainstOrder', row: against, written: order === 'mdy' ? 'dmy' : 'mdy', order, chosen }];
  if (seen.dayFirstRow === 0 && seen.monthFirstRow === 0 && seen.either > 0 && !chosen) return [{ code: 'datesAmbiguous', order }];
  return [];
}

/** A notice as an English sentence (the command line's words, and the import result's `warnings`). */
export function importNoticeText(n: ImportNotice): string {
  const name = (o: DateOrder) => (o === 'dmy' ? 'day first' : 'month first');
  switch (n.code) {
    case 'datesDisagree':
      return `Dates disagree: row ${n.dayFirstRow} is written day first and row ${n.monthFirstRow} month first; they were read ${name(n.order)}, and dates that cannot be were listed as unreadable.`;
    case 'datesAgainstOrder':
      return `Row ${n.row} is written ${name(n.written)}, but dates were read ${name(n.order)}${n.chosen ? ' as chosen' : ''}: dates that cannot be read that way were listed as unreadable. Choose the other date order if that is wrong.`;
    case 'datesAmbiguous':
      return `No date in the file has a day above 12, so "05/03/2024" could be 5 March or 3 May: dates were read ${name(n.order)}. Choose the date order if that is wrong.`;
    case 'shortened':
      return `Row ${n.row}, ${n.column}: ${n.length.toLocaleString('en')} characters, kept the first ${n.kept.toLocaleString('en')} (Excel's cell limit).`;
    case 'moreShortened':
      return `${n.count} more answers were shortened the same way.`;
  }
}

/**
 * The day-month order the whole file decides, when its first rows do not: the mapped date columns
 * of the sample hold dates such as 05/03/2024 and none with a part above 12. Then the file is read
 * once before the import, looking only at those columns, up to the first date that decides (so the
 * order a row is read in never depends on rows after it). Null when nothing needs deciding, or
 * nothing in the file decides.
 */
export async function dateOrderOfFile(source: Source, columns: readonly ResolvedColumn[], headerRows: number, signal?: AbortSignal): Promise<DateOrder | null> {
  const at = columns.filter((c) => c.type === 'date').map((c) => c.indexes[0] ?? 0);
  if (at.length === 0) return null;
  const sample = source.sample.slice(headerRows);
  if (!dateOrderGuess(at.flatMap((i) => sample.map((r) => r[i] ?? ''))).ambiguous) return null;
  const batches = source.batches();
  let row = 0;
  try {
    for await (const batch of batches) {
      // A quoting error is the import's to report; a cancel, its to notice.
      if (batch.problems || signal?.aborted) return null;
      for (const cells of batch.rows) {
        row += 1;
        if (row <= headerRows) continue;
        for (const i of at) {
          const e = dateOrderEvidence(cells[i] ?? '');
          if (e === 'dmy' || e === 'mdy') return e;
        }
      }
    }
  } finally {
    await batches.return(undefined);
  }
  return null;
}

export function targetOf(
  options: { append?: { header: DatasetHeaderDoc }; datasetId?: string }, columns: ResolvedColumn[], now: number,
): Result<{ datasetId: string; storedColumns: DatasetColumn[]; firstChunkIndex: number }> {
  const fresh = columns.map((c): DatasetColumn => ({
    key: c.key, type: c.type, label: c.label, sources: c.indexes.map((i, k) => String(c.sources[k] ?? i)),
  }));
  const base = options.append?.header;
  if (!base) {
    const datasetId = options.datasetId ?? `ds-${now.toString(36)}${randomSuffix()}`;
    if (!/^[A-Za-z0-9_-]+$/.test(datasetId) || datasetId.length > maxDatasetIdLength) {
      return err('invalid-argument', `Dataset id must be letters, digits, "_" or "-", at most ${maxDatasetIdLength} characters.`);
    }
    return ok({ datasetId, storedColumns: fresh, firstChunkIndex: 0 });
  }
  const stored = [...base.columns];
  for (const c of fresh) {
    const existing = stored.find((s) => s.key === c.key);
    if (existing && existing.type !== c.type) {
      return err('invalid-argument', `"${c.key}" is ${existing.type} in ${base.name} but mapped as ${c.type} in this wave.`);
    }
    if (!existing) stored.push(c);
  }
  return ok({ datasetId: base.datasetId, storedColumns: stored, firstChunkIndex: base.chunkCount });
}

export function headerOf(
  options: { append?: { header: DatasetHeaderDoc }; name?: string; fileName: string }, datasetId: string, columns: DatasetColumn[],
  w: { waveId: string; now: number; imported: number; chunkCount: number; shape: string },
): DatasetHeaderDoc {
  const base = options.append?.header;
  const wave = { id: w.waveId, sourceFile: options.fileName, importedAt: w.now, rows: w.imported };
  return {
    id: datasetId, kind: 'header', datasetId,
    name: base?.name ?? options.name ?? options.fileName.replace(/^.*[/\\]/, '').replace(/\.[^.]+$/, ''),
    sourceFile: options.fileName, importedAt: w.now, rowCount: (base?.rowCount ?? 0) + w.imported,
    columns, chunkCount: w.chunkCount, shape: base?.shape ?? w.shape, waves: [...(base?.waves ?? []), wave], updatedAt: w.now,
  };
}

/** A row of empty or blank cells (spreadsheets leave them between blocks); cheap for the usual row. */
export function isBlank(row: readonly string[]): boolean {
  if (row.length > 1 && row[0] !== '') return false;
  return row.every((c) => c.trim() === '');
}

export function randomSuffix(): string {
  const bytes = new Uint8Array(6);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => (b % 36).toString(36)).join('');
}
