/**
 * The import as a small state machine: preview → mapping → parsing (worker) → review (rejected rows,
 * unreadable values, warnings, if any: import or stop) → writing → done. The worker lives as long as the flow.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DatasetHeaderDoc } from '../../../../common/analytics/format';
import type { ImportOutcome, ImportPreview } from '../../../../common/import/importer';
import type { DateOrder } from '../../../../common/import/values';
import { useWorkspace } from '../../db/WorkspaceContext';
import { translate } from '../../i18n';
import { showToast } from '../../ui/toast';
import { createImportClient, type ImportClient, type RunningImport } from '../../workers/importClient';
import { useTimeZone } from '../analytics/workspaceSettings';
import { respondentIds, writeImport } from './datasetStore';
import { mappingOf, type MappingRow } from './mappingModel';

/** Where the flow is. */
export type ImportPhase =
  | { kind: 'reading' }
  | { kind: 'failed'; message: string; preview: ImportPreview | null }
  | { kind: 'mapping'; preview: ImportPreview }
  | { kind: 'parsing'; preview: ImportPreview; fraction: number; rowsRead: number }
  | { kind: 'rejected'; preview: ImportPreview; outcome: ImportOutcome }
  | { kind: 'writing'; preview: ImportPreview; written: number; total: number };

/** The file being imported and, for a new wave, the dataset it joins. */
export interface ImportFile { name: string; bytes: Uint8Array; append: DatasetHeaderDoc | null }

/** Drives one import; `onDone` is called when it ends (saved, cancelled or stopped). */
export function useImportFlow(file: ImportFile, onDone: () => void) {
  const db = useWorkspace();
  const timeZone = useTimeZone();
  const [phase, setPhase] = useState<ImportPhase>({ kind: 'reading' });
  const client = useRef<ImportClient | null>(null);
  const running = useRef<RunningImport | null>(null);
  const cancelWrite = useRef(false);
  // The latest onDone, so the callbacks below stay stable across renders.
  const done = useRef(onDone);
  useEffect(() => { done.current = onDone; }, [onDone]);

  useEffect(() => {
    const c = createImportClient();
    client.current = c;
    let live = true;
    void c.preview(file.bytes, file.name, timeZone).then((res) => {
      if (!live) return;
      setPhase(res.ok ? { kind: 'mapping', preview: res.data } : { kind: 'failed', message: res.message, preview: null });
    });
    return () => {
      live = false;
      c.dispose();
      client.current = null;
    };
    // The preview is read once per file; a zone change later only affects the import itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [file]);

  const finish = useCallback((message: string) => {
    showToast(message);
    done.current();
  }, []);

  const write = useCallback(async (preview: ImportPreview, outcome: ImportOutcome) => {
    cancelWrite.current = false;
    setPhase({ kind: 'writing', preview, written: 0, total: outcome.chunks.length });
    const saved = await writeImport(db, outcome, (written, total) => setPhase({ kind: 'writing', preview, written, total }), () => cancelWrite.current);
    if (!saved.ok) {
      if (saved.code === 'cancelled') finish(saved.message);
      else setPhase({ kind: 'failed', message: saved.message, preview });
      return;
    }
    const values = { count: outcome.imported, name: saved.data.name, duplicates: outcome.duplicates };
    finish(translate(outcome.duplicates > 0 ? 'data.import.doneWithDuplicates' : 'data.import.done', values));
  }, [db, finish]);

  /** `dateOrder`: null while the user kept the guess, so the import can still warn that it is one. */
  const start = useCallback(async (preview: ImportPreview, rows: readonly MappingRow[], dateOrder: DateOrder | null) => {
    const c = client.current;
    if (!c) return;
    setPhase({ kind: 'parsing', preview, fraction: 0, rowsRead: 0 });
    const append = file.append ? { header: file.append, respondentIds: await respondentIds(db, file.append) } : undefined;
    const run = c.run(file.bytes, {
      fileName: file.name, mapping: mappingOf(rows), timeZone, onRejected: 'skip', ...(dateOrder ? { dateOrder } : {}), ...(append ? { append } : {}),
    }, (p) => setPhase({ kind: 'parsing', preview, fraction: p.fraction, rowsRead: p.rowsRead }));
    running.current = run;
    const res = await run.result;
    running.current = null;
    if (!res.ok) {
      if (res.code === 'cancelled') finish(translate('data.import.cancelled'));
      else setPhase({ kind: 'failed', message: res.message, preview });
      return;
    }
    if (res.data.imported === 0) {
      setPhase({ kind: 'failed', message: translate('data.import.nothingNew', { rejected: res.data.rejectedCount, duplicates: res.data.duplicates }), preview });
      return;
    }
    // Anything left out, left empty or worth a word is shown before saving.
    if (res.data.rejectedCount > 0 || res.data.unreadableCount > 0 || res.data.warnings.length > 0) setPhase({ kind: 'rejected', preview, outcome: res.data });
    else await write(preview, res.data);
  }, [db, file, timeZone, write, finish]);

  const cancel = useCallback(() => {
    running.current?.cancel();
    cancelWrite.current = true;
  }, []);

  const stop = useCallback(() => finish(translate('data.import.stopped')), [finish]);

  return { phase, setPhase, start, write, cancel, stop };
}
