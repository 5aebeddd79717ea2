/**
 * Analytics exports on the path the desktop app takes: the export worker scores 100k responses and
 * hands out the workbook as tables and 2,000-row chunks; each chunk crosses IPC (V8 serialisation,
 * as Electron's structured clone), is validated against the contract and written by main's
 * streaming writer (ExcelJS WorkbookWriter) into a temp file renamed on finish. Here both sides run
 * in one Node process, so the memory figures include the renderer side too (an upper bound for
 * main). Also the analytics PDF report. Printed, never asserted.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { buildAnalyticsPdf } from '../common/export/analyticsPdf';
import { prepareAnalytics, type ReportPersonaInput } from '../common/export/analyticsReport';
import { sampleAnalyticsTable, sampleExportInput } from '../common/export/analyticsSample';
import { analyticsWorkbookOps, buildAnalyticsXlsx } from '../common/export/analyticsXlsx';
import { parseArgs } from '../common/ipc/contract';
import type { Table } from '../common/analytics/table';
import { createWorkbookStreams } from '../main/src/handlers/workbookStream';
import { timeMs, type BenchRow } from './report';

const rows = Number(process.env.CX_BENCH_EXPORT_ROWS ?? 100_000);
const mb = (bytes: number) => bytes / 1024 / 1024;

/** Five personas of four rules: a busier workspace than the two-persona sample (34 columns). */
export function fivePersonas(): ReportPersonaInput[] {
  const cities = [['London', 'Leeds'], ['Paris', 'Lyon'], ['Berlin'], ['Oslo', 'London'], ['Leeds', 'Lyon']];
  const goals = [['save time'], ['learn', 'grow'], ['reduce errors'], ['save money'], ['grow']];
  return cities.map((c, i) => ({
    id: `p${i}`, name: `Persona ${i + 1}`, rules: [
      { id: 'age', kind: 'range', column: 'age', min: 18 + i * 8, max: 30 + i * 8 }, { id: 'city', kind: 'oneOf', column: 'location', values: c },
      { id: 'goal', kind: 'overlap', column: 'goals', values: goals[i]! }, { id: 'nps', kind: 'range', column: 'nps', min: 7 + (i % 3) },
    ],
  }));
}

/** Peak RSS and heap while `fn` runs, sampled every 10 ms (on top of the process's state before). */
export async function withPeak<T>(fn: () => Promise<T>): Promise<{ result: T; rss: number; heap: number; before: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage().rss;
  let rss = before, heap = process.memoryUsage().heapUsed;
  const sample = () => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  };
  const timer = setInterval(sample, 10);
  try {
    const result = await fn();
    sample();
    return { result, rss, heap, before };
  } finally {
    clearInterval(timer);
  }
}

/** Streams the workbook exactly as the app does and returns the file size and the main-side time. */
export async function streamWorkbook(table: Table, personas: ReportPersonaInput[], dir: string, file: string) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const prepared = prepareAnalytics(table, sampleExportInput({ personas }));
  const s = createWorkbookStreams({ showSaveDialog: async () => ({ canceled: false, filePath: join(dir, file) }), lastFolder: { get: () => dir, set: () => {} } });
  const begun = await s.begin({ suggestedName: file });
  if (!begun.ok || !begun.data.started) throw new Error('The workbook stream did not start.');
  const streamId = begun.data.streamId;
  let mainMs = 0, columns = 0;
  for (const op of analyticsWorkbookOps(prepared)) {
    // Renderer → main: Electron serialises the argument with V8's structured clone.
    const wire = deserialize(serialize(op.op === 'table' ? { streamId, name: op.name, columns: op.columns } : { streamId, rows: op.rows })) as unknown;
    const m0 = performance.now();
    const channel = op.op === 'table' ? 'workbook:table' : 'workbook:rows';
    const parsed = parseArgs(channel, wire);
    if (!parsed.ok) throw new Error(parsed.message);
    const r = op.op === 'table' ? await s.table(parsed.data as Parameters<typeof s.table>[0]) : await s.rows(parsed.data as Parameters<typeof s.rows>[0]);
    if (!r.ok) throw new Error(r.message);
    if (op.op === 'table' && op.name === 'Responses') columns = op.columns.length;
    mainMs += performance.now() - m0;
  }
  const m0 = performance.now();
  const done = await s.finish({ streamId });
  if (!done.ok) throw new Error(done.message);
  mainMs += performance.now() - m0;
  const c = process.cpuUsage(cpu0);
  return { ms: performance.now() - t0, cpuMs: (c.user + c.system) / 1000, mainMs, size: statSync(join(dir, file)).size, columns };
}

/**
 * The web path: the export worker builds the whole workbook in memory and hands the bytes to a
 * download. Run under Node (same code; a browser tab's heap behaves alike but has a lower ceiling).
 */
export async function webWorkbook(table: Table, personas: ReportPersonaInput[]) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const prepared = prepareAnalytics(table, sampleExportInput({ personas }));
  const bytes = await buildAnalyticsXlsx(prepared);
  const c = process.cpuUsage(cpu0);
  return { ms: performance.now() - t0, cpuMs: (c.user + c.system) / 1000, mainMs: 0, size: bytes.byteLength, columns: prepared.report.personas.reduce((t, p) => t + p.rules.length + 2, 4) };
}

export default async function (report: (row: BenchRow) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cx-bench-axlsx-'));
  try {
    const runs = [['2 personas × 3 rules', 'stream'], ['5 personas × 4 rules', 'stream'], ['5 personas × 4 rules', 'web']] as const;
    for (const [label, path] of runs) {
      // Each run in a fresh process, so its peak memory is its own and not what an earlier run left.
      const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', 'bench/exportsAnalyticsChild.ts', label, dir, String(rows), path], { encoding: 'utf8' });
      const r = JSON.parse(out.trim().split('\n').at(-1)!) as { ms: number; cpuMs: number; mainMs: number; size: number; columns: number; rss: number; heap: number; before: number; maxRss: number };
      const name = `analytics XLSX ${rows / 1000}k rows, ${label} (${r.columns} cols)${path === 'web' ? ', web mode (worker, in memory; measured in Node)' : ''}`;
      report({ name: `${name}: wall`, value: r.ms, unit: 'ms', against: { value: 2000, label: 'aim' } });
      report({ name: `${name}: CPU`, value: r.cpuMs, unit: 'ms', against: { value: 2000, label: 'aim' } });
      if (path === 'stream') report({ name: `${name}: main side (validate + write)`, value: r.mainMs, unit: 'ms' });
      report({ name: `${name}: file size`, value: mb(r.size), unit: 'MB' });
      report({ name: `${name}: peak RSS of the process`, value: mb(r.maxRss), unit: 'MB', against: { value: 300, label: 'aim' } });
      report({ name: `${name}: RSS before export (table loaded)`, value: mb(r.before), unit: 'MB' });
      report({ name: `${name}: peak heap used`, value: mb(r.heap), unit: 'MB', against: { value: 300, label: 'aim' } });
    }
    const fonts = {
      regular: readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
      bold: readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
    };
    const prepared = prepareAnalytics(sampleAnalyticsTable(rows), sampleExportInput({ personas: fivePersonas() }));
    const pdf = await timeMs(() => buildAnalyticsPdf(prepared.report, { fonts }));
    report({ name: `analytics PDF report, 5 personas (${rows / 1000}k rows scored before)`, value: pdf.ms, unit: 'ms', against: { value: 1000, label: 'persona PDF aim' } });
    report({ name: 'analytics PDF report size', value: pdf.result.byteLength / 1024, unit: 'KB', against: { value: 500, label: 'persona PDF aim' } });
    const table = sampleAnalyticsTable(rows);
    const scored = await timeMs(() => prepareAnalytics(table, sampleExportInput({ personas: fivePersonas() })));
    report({ name: `score ${rows / 1000}k rows × 5 personas for an export (worker)`, value: scored.ms, unit: 'ms' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
