/**
 * The import as a small state machine: preview → mapping → parsing (worker; each chunk is saved as it
 * fills, invisible and never synced until confirmed) → review (rejected rows, unreadable values, warnings,
 * if any: import or stop) → writing the header → done. A cancel, a failure, a "stop" or leaving the
 * screen removes the chunks saved so far. The worker lives as long as the flow.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DatasetHeaderDoc } from '../../../../common/analytics/format';
import type { ImportPreview, ImportSummary } from '../../../../common/import/importer';
import type { DateOrder } from '../../../../common/import/values';
import { useWorkspace } from '../../db/WorkspaceContext';
import { translate } from '../../i18n';
import { showToast } from '../../ui/toast';
import { createImportClient, type ImportClient, type RunningImport } from '../../workers/importClient';
import { useTimeZone } from '../analytics/workspaceSettings';
import { chunkWriter, respondentIds, type ChunkWriter } from './datasetStore';
import { mappingOf, type MappingRow } from './mappingModel';

/** Where the flow is. */
export type ImportPhase =
  | { kind: 'reading' }
  | { kind: 'failed'; message: string; preview: ImportPreview | null }
  | { kind: 'mapping'; preview: ImportPreview }
  | { kind: 'parsing'; preview: ImportPreview; fraction: number; rowsRead: number }
  | { kind: 'rejected'; preview: ImportPreview; outcome: ImportSummary }
  | { kind: 'writing'; preview: ImportPreview; fraction: number };

/** The file being imported (read in slices by the worker) and, for a new wave, the dataset it joins. */
export interface ImportFile { name: string; file: Blob; append: DatasetHeaderDoc | null }

/** Drives one import; `onDone` is called when it ends (saved, cancelled or stopped). */
export function useImportFlow(file: ImportFile, onDone: () => void) {
  const db = useWorkspace();
  const timeZone = useTimeZone();
  const [phase, setPhase] = useState<ImportPhase>({ kind: 'reading' });
  const client = useRef<ImportClient | null>(null);
  const running = useRef<RunningImport | null>(null);
  // The chunks of the import under way, saved but not yet visible.
  const chunks = useRef<ChunkWriter | null>(null);
  // The latest onDone, so the callbacks below stay stable across renders.
  const done = useRef(onDone);
  useEffect(() => { done.current = onDone; }, [onDone]);

  useEffect(() => {
    const c = createImportClient();
    client.current = c;
    let live = true;
    void c.preview(file.file, file.name, timeZone).then((res) => {
      if (!live) return;
      setPhase(res.ok ? { kind: 'mapping', preview: res.data } : { kind: 'failed', message: res.message, preview: null });
    });
    return () => {
      live = false;
      c.dispose();
      client.current = null;
      // Leaving the screen mid-import keeps nothing.
      void chunks.current?.discard();
      chunks.current = null;
    };
    // The preview is read once per file; a zone change later only affects the import itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [file]);

  const finish = useCallback((message: string) => {
    showToast(message);
    done.current();
  }, []);

  /** Ends the import without a dataset: removes its saved chunks, then says `message` (a toast, or a failure shown in place). */
  const drop = useCallback(async (message: string, preview: ImportPreview | null) => {
    const writer = chunks.current;
    chunks.current = null;
    await writer?.discard().catch(() => undefined);
    if (preview) setPhase({ kind: 'failed', message, preview });
    else finish(message);
  }, [finish]);

  const write = useCallback(async (preview: ImportPreview, outcome: ImportSummary) => {
    const writer = chunks.current;
    if (!writer) return;
    chunks.current = null;
    setPhase({ kind: 'writing', preview, fraction: 0 });
    const saved = await writer.finish(outcome.header, (fraction) => setPhase({ kind: 'writing', preview, fraction }));
    if (!saved.ok) {
      setPhase({ kind: 'failed', message: saved.message, preview });
      return;
    }
    const values = { count: outcome.imported, name: saved.data.name, duplicates: outcome.duplicates };
    finish(translate(outcome.duplicates > 0 ? 'data.import.doneWithDuplicates' : 'data.import.done', values));
  }, [finish]);

  /** `dateOrder`: null while the user kept the guess, so the import can still warn that it is one. */
  const start = useCallback(async (preview: ImportPreview, rows: readonly MappingRow[], dateOrder: DateOrder | null) => {
    const c = client.current;
    if (!c) return;
    setPhase({ kind: 'parsing', preview, fraction: 0, rowsRead: 0 });
    const append = file.append ? { header: file.append, respondentIds: await respondentIds(db, file.append) } : undefined;
    const writer = chunkWriter(db);
    chunks.current = writer;
    const run = c.run(file.file, {
      fileName: file.name, mapping: mappingOf(rows), timeZone, onRejected: 'skip', ...(dateOrder ? { dateOrder } : {}), ...(append ? { append } : {}),
    }, (p) => setPhase({ kind: 'parsing', preview, fraction: p.fraction, rowsRead: p.rowsRead }), writer.add);
    running.current = run;
    const res = await run.result;
    running.current = null;
    // A chunk that could not be saved stopped the import: that is the error to show, not "cancelled".
    const unsaved = await writer.failure();
    if (unsaved !== null) return drop(unsaved, preview);
    if (!res.ok) return drop(res.code === 'cancelled' ? translate('data.import.cancelled') : res.message, res.code === 'cancelled' ? null : preview);
    if (res.data.imported === 0) return drop(translate('data.import.nothingNew', { rejected: res.data.rejectedCount, duplicates: res.data.duplicates }), preview);
    // Anything left out, left empty or worth a word is shown before saving.
    if (res.data.rejectedCount > 0 || res.data.unreadableCount > 0 || res.data.warnings.length > 0) setPhase({ kind: 'rejected', preview, outcome: res.data });
    else await write(preview, res.data);
  }, [db, file, timeZone, write, drop]);

  const cancel = useCallback(() => running.current?.cancel(), []);

  const stop = useCallback(() => void drop(translate('data.import.stopped'), null), [drop]);

  return { phase, setPhase, start, write, cancel, stop };
}
