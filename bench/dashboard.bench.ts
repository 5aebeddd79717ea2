/**
 * The Analytics screen's recompute in Chromium: the worker's `computeDashboard` (scores, summaries,
 * overlap, top matches with explanations, live metrics, per-day figures) over 100k decoded responses,
 * bundled with esbuild and run in a dedicated Web Worker of the system Chromium, as the app runs it.
 * The table is decoded once, like the worker keeps it between recalculations; the recompute is timed.
 */
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../e2e/chromium';
import type { BenchRow } from './report';

const here = dirname(fileURLToPath(import.meta.url));

interface Figures { decodeMs: number; best: number; median: number; engineBest: number; asyncBest: number }

// Runs inside the worker: generates the data deterministically, decodes it, then times recomputes.
const entry = `
import { datasetFromRecords } from '../../../common/import/records';
import { decodeDatasets } from '../../../common/analytics/table';
import { computeDashboard } from './dashboard';
import { tableDays } from '../../../common/analytics/daily';
import { analyse, analyseAsync } from '../../../common/analytics/analyse';

function rng(seed) { return () => { seed = (seed * 1664525 + 1013904223) >>> 0; return seed / 4294967296; }; }
const cities = ['London', 'Leeds', 'Paris', 'Berlin', 'Madrid', 'Rome', 'Oslo', 'Dublin'];
const goals = ['save time', 'reduce errors', 'learn', 'grow', 'save money', 'collaborate'];
const columns = [
  { key: 'respondentId', type: 'id' }, { key: 'submittedAt', type: 'date' }, { key: 'age', type: 'number' },
  { key: 'location', type: 'category' }, { key: 'goals', type: 'multi' }, { key: 'nps', type: 'number' },
  { key: 'satisfaction', type: 'number' }, { key: 'trust', type: 'number' }, { key: 'effort', type: 'number' },
];
self.onmessage = async ({ data: { rows, personaCount, repeats } }) => {
  const r = rng(42);
  const start = Date.UTC(2026, 7, 1);
  const records = Array.from({ length: rows }, (_, i) => ({
    respondentId: 'r' + i, submittedAt: start + Math.floor(r() * 90 * 86400000), age: 18 + Math.floor(r() * 60),
    location: cities[Math.floor(r() * cities.length)], goals: goals.filter(() => r() < 0.3), nps: Math.floor(r() * 11),
    satisfaction: 1 + Math.floor(r() * 5), trust: 1 + Math.floor(r() * 5), effort: 1 + Math.floor(r() * 7),
  }));
  const t0 = performance.now();
  const table = decodeDatasets([datasetFromRecords(records, columns)]);
  const decodeMs = performance.now() - t0;
  const personas = Array.from({ length: personaCount }, (_, p) => ({
    id: 'p' + p, name: 'P' + p, rules: [
      { id: 'a', kind: 'range', column: 'age', min: 18 + (p % 30), max: 40 + (p % 30) },
      { id: 'b', kind: 'oneOf', column: 'location', values: [cities[p % 8], cities[(p + 3) % 8]] },
      { id: 'c', kind: 'overlap', column: 'goals', values: [goals[p % 6]] },
      { id: 'd', kind: 'range', column: 'nps', min: p % 2 ? 9 : 0, max: p % 2 ? 10 : 6 },
      { id: 'e', kind: 'range', column: 'satisfaction', min: 1 + (p % 3), weight: 2 },
      { id: 'f', kind: 'range', column: 'effort', max: 3 + (p % 4), weight: 0.5 },
    ],
  }));
  const days = tableDays(table, { timeZone: 'Europe/London' });
  const times = [];
  for (let k = 0; k < repeats; k++) {
    const t = performance.now();
    // As the worker runs it: the day index is kept between recalculations, one persona is on screen.
    await computeDashboard(table, personas, { timeZone: 'Europe/London', days, detail: 'p0' });
    times.push(performance.now() - t);
  }
  const engine = [];
  for (let k = 0; k < repeats; k++) {
    const t = performance.now();
    analyse(table, personas);
    engine.push(performance.now() - t);
  }
  const asyncEngine = [];
  for (let k = 0; k < repeats; k++) {
    const t = performance.now();
    await analyseAsync(table, personas);
    asyncEngine.push(performance.now() - t);
  }
  asyncEngine.sort((a, b) => a - b);
  times.sort((a, b) => a - b);
  engine.sort((a, b) => a - b);
  self.postMessage({ decodeMs, best: times[0], median: times[Math.floor(times.length / 2)], engineBest: engine[0], asyncBest: asyncEngine[0] });
};
`;

export default async function run(report: (row: BenchRow) => void): Promise<void> {
  const bundled = await build({
    stdin: { contents: entry, resolveDir: join(here, '../renderer/src/workers'), loader: 'ts', sourcefile: 'dashboardBenchWorker.ts' },
    bundle: true, format: 'iife', platform: 'browser', target: 'chrome130', write: false, logLevel: 'silent',
  });
  const code = bundled.outputFiles[0]?.text ?? '';
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><title>dashboard bench</title>');
    for (const [rows, personaCount] of [[100_000, 20], [100_000, 1]] as const) {
      const figures = await page.evaluate(async ({ code, rows, personaCount }) => {
        const url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
        const worker = new Worker(url);
        const result = await new Promise<Figures>((resolve, reject) => {
          worker.onmessage = (e: MessageEvent<Figures>) => resolve(e.data);
          worker.onerror = (e) => reject(new Error(e.message));
          worker.postMessage({ rows, personaCount, repeats: 7 });
        });
        worker.terminate();
        return result;
      }, { code, rows, personaCount });
      const label = `${rows / 1000}k × ${personaCount} persona${personaCount > 1 ? 's' : ''}`;
      report({ name: `dashboard recompute in Chromium worker, ${label} (best)`, value: figures.best, unit: 'ms', against: { value: 200, label: 'aim' } });
      report({ name: `dashboard recompute in Chromium worker, ${label} (median)`, value: figures.median, unit: 'ms', against: { value: 200, label: 'aim' } });
      report({ name: `  of which the engine's analyse alone, ${label} (best)`, value: figures.engineBest, unit: 'ms' });
      report({ name: `  the engine's analyseAsync (yields between personas), ${label} (best)`, value: figures.asyncBest, unit: 'ms' });
      if (personaCount > 1) report({ name: `decode ${rows / 1000}k responses from chunks (once per data change)`, value: figures.decodeMs, unit: 'ms' });
    }
  } finally {
    await browser.close();
  }
}
