import { activeLocale, translate } from '../../i18n/translate';
import type { ExportJob, ExportRequest, ExportResponse } from './jobs';

/** A running export: its bytes, and a way to stop it. */
export interface RunningExport {
  result: Promise<{ ok: true; bytes: Uint8Array } | { ok: false; message: string; cancelled?: boolean }>;
  cancel(): void;
}

type Settle = (r: Awaited<RunningExport['result']>) => void;

// One worker for the window, kept between exports: it loads the 1.4 MB of fonts and encodes them
// once, so the second PDF skips that cost. Cancel terminates it; the next export starts a fresh one.
let worker: Worker | null = null;
let nextId = 1;
const waiting = new Map<number, Settle>();

function failAll(message: string): void {
  for (const settle of waiting.values()) settle({ ok: false, message });
  waiting.clear();
}

function ensureWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('./exportWorker.ts', import.meta.url), { type: 'module' });
  w.onmessage = (event: MessageEvent<ExportResponse>) => {
    const msg = event.data;
    const settle = waiting.get(msg.id);
    waiting.delete(msg.id);
    if (!msg.ok) return settle?.({ ok: false, message: msg.message });
    // Never print blanks silently: characters no bundled font has are named before the file is saved.
    if (msg.missing && msg.missing.length > 0 && !confirmMissing(msg.missing)) {
      return settle?.({ ok: false, message: translate('exports.cancelled'), cancelled: true });
    }
    settle?.({ ok: true, bytes: msg.bytes });
  };
  w.onerror = (event) => {
    failAll(translate('exports.stopped', { message: event.message || translate('exports.workerError') }));
    w.terminate();
    if (worker === w) worker = null;
  };
  worker = w;
  return w;
}

function confirmMissing(chars: readonly string[]): boolean {
  const shown = chars.slice(0, 40).join(' ');
  const list = chars.length > 40 ? translate('exports.missingMore', { list: shown, count: chars.length - 40 }) : shown;
  return window.confirm(translate('exports.missingConfirm', { list, nl: '\n' }));
}

/** Runs one export in the export worker. */
export function startExport(job: ExportJob): RunningExport {
  const id = nextId++;
  const w = ensureWorker();
  const result = new Promise<Awaited<RunningExport['result']>>((resolve) => waiting.set(id, resolve));
  const request: ExportRequest = { id, job, locale: activeLocale() };
  w.postMessage(request);
  return {
    result,
    cancel() {
      const settle = waiting.get(id);
      if (!settle) return;
      // A worker cannot stop a synchronous PDF build half-way, so cancelling ends the worker itself.
      waiting.delete(id);
      settle({ ok: false, message: translate('exports.cancelled'), cancelled: true });
      failAll(translate('exports.cancelled'));
      w.terminate();
      if (worker === w) worker = null;
    },
  };
}
