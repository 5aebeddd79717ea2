/**
 * Journey analytics over event logs (issue 14): import of a generated CSV event log (10M events,
 * 1M customers by default; JOURNEY_BENCH_EVENTS sets the size), decoding its chunks as the worker
 * does, then funnel + time in stage + top 20 paths with the app's kernels, against DuckDB on the same
 * file when @duckdb/node-api is installed (window-function SQL a DuckDB user would write). Printed,
 * not asserted.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyseJourney, decodeEvents, importEvents } from '../common/journeyAnalytics';
import { generateEvents, generatedStages } from '../common/journeyAnalytics/generate';
import type { JourneyFigures } from '../common/journeyAnalytics';
import { peakRssMb, timeMs, type BenchRow } from './report';

const targetEvents = Number(process.env.JOURNEY_BENCH_EVENTS ?? 10_000_000);
// The generator writes ~4.4 stage and noise events per customer; `extra` tops it up to ~10.
const customers = Math.round(targetEvents / 10);

function cpuMs(since: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
}

export default async function run(report: (row: BenchRow) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cx-journey-bench-'));
  try {
    const csv = join(dir, 'events.csv');
    const parts: string[] = ['customer_id,event,timestamp,channel,plan\n'];
    let batch = '';
    let rows = 0;
    const known = generateEvents({ customers, seed: 42, messy: true, extra: 5.6 }, (c, e, t, channel, plan) => {
      batch += `${c},${e},${new Date(t).toISOString()},${channel},${plan ?? ''}\n`;
      rows++;
      if (batch.length > 1 << 20) { parts.push(batch); batch = ''; }
    });
    parts.push(batch);
    writeFileSync(csv, parts.join(''));
    parts.length = 0;
    console.log(`  ${rows.toLocaleString('en')} events (${known.duplicates.toLocaleString('en')} duplicates), ${known.customers.toLocaleString('en')} customers`);

    const bytes = new Uint8Array(readFileSync(csv));
    const c0 = process.cpuUsage();
    const imported = await timeMs(() => importEvents(bytes, { fileName: 'events.csv', now: 1, datasetId: 'bench' }));
    const importCpu = cpuMs(c0);
    if (!imported.result.ok) throw new Error(imported.result.message);
    const outcome = imported.result.data;
    report({ name: `import ${(rows / 1e6).toFixed(1)}M events (CSV → chunks, de-duplicated)`, value: rows / (imported.ms / 1000), unit: 'events/s', against: { value: 500_000, label: 'aim', higherIsBetter: true } });
    report({ name: 'import (CPU)', value: importCpu, unit: 'ms' });
    report({ name: 'import: chunk documents', value: outcome.chunks.length, unit: 'docs' });
    const decoded = await timeMs(() => decodeEvents([{ header: outcome.header, chunks: outcome.chunks }]));
    report({ name: 'decode chunks to the typed-array log (worker load)', value: decoded.ms, unit: 'ms' });
    const log = decoded.result;
    outcome.chunks.length = 0;
    (globalThis as { gc?: () => void }).gc?.();

    // One warm-up on a slice, so the measured run is not V8's first compile of the kernels.
    analyseJourney({ ...log, length: Math.min(log.length, 100_000) }, generatedStages, { topPaths: 20 });
    const c1 = process.cpuUsage();
    const analysed = await timeMs(() => analyseJourney(log, generatedStages, { topPaths: 20 }));
    const ours = { wall: analysed.ms, cpu: cpuMs(c1) };
    const f = analysed.result;
    report({ name: `funnel + time in stage + top 20 paths, ${(log.length / 1e6).toFixed(1)}M events / ${(f.customers / 1e6).toFixed(2)}M customers (wall)`, value: ours.wall, unit: 'ms' });
    report({ name: 'same (CPU)', value: ours.cpu, unit: 'ms' });
    const agrees = f.stages.every((s, i) => s.reachStrict === known.reachStrict[i]);
    console.log(`  reach in order ${f.stages.map((s) => s.reachStrict).join(' / ')}: ${agrees ? 'equals' : 'DIFFERS FROM'} the generator's known funnel`);
    report({ name: 'peak RSS of this process so far', value: peakRssMb(), unit: 'MB', against: { value: 2048, label: 'aim' } });
    await duckdbPass(csv, f, report, ours);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The slice of @duckdb/node-api used (optional, typed here; see analytics.bench.ts). */
interface DuckDbApi { DuckDBInstance: { create(path: string): Promise<{ connect(): Promise<DuckDbConnection> }> } }
interface DuckDbConnection { run(sql: string): Promise<unknown>; runAndReadAll(sql: string): Promise<{ getRows(): unknown[][] }> }
const duckDbModule = '@duckdb/node-api';

const stageCase = `CASE WHEN event LIKE 'page_view%' THEN 0 WHEN event = 'pricing_viewed' THEN 1
  WHEN event IN ('signup_completed', 'sso_signup') THEN 2 WHEN event = 'project_created' THEN 3
  WHEN event = 'checkout_completed' AND plan IN ('pro', 'team') THEN 4 END`;

async function duckdbPass(csv: string, ours: JourneyFigures, report: (row: BenchRow) => void, time: { wall: number; cpu: number }): Promise<void> {
  let api: DuckDbApi;
  try {
    api = (await import(duckDbModule)) as DuckDbApi;
  } catch {
    console.log('  skip: DuckDB comparison (@duckdb/node-api is not installed)');
    return;
  }
  const db = await api.DuckDBInstance.create(':memory:');
  const c = await db.connect();
  await c.run(`SET threads = ${availableParallelism()}`);
  const load = await timeMs(() => c.run(`CREATE TABLE raw AS SELECT * FROM read_csv('${csv}', header = true, columns = {'customer_id': 'VARCHAR', 'event': 'VARCHAR', 'timestamp': 'TIMESTAMP', 'channel': 'VARCHAR', 'plan': 'VARCHAR'})`));
  report({ name: 'DuckDB: load the same CSV into a table (vs our import)', value: load.ms, unit: 'ms' });
  // Stages from the rules, duplicates dropped, then: entry into each stage in order (each after the
  // previous), dwell and time to next, and paths with repeats collapsed by a window function.
  const events = `e AS (SELECT DISTINCT customer_id AS c, ts, stage FROM (SELECT customer_id, "timestamp" AS ts, ${stageCase} AS stage FROM raw) WHERE stage IS NOT NULL)`;
  const entries = [0, 1, 2, 3, 4].map((s) => s === 0
    ? 's0 AS (SELECT c, min(ts) AS t FROM e WHERE stage = 0 GROUP BY c)'
    : `s${s} AS (SELECT e.c, min(e.ts) AS t FROM e JOIN s${s - 1} p ON e.c = p.c AND e.ts >= p.t WHERE e.stage = ${s} GROUP BY e.c)`).join(',\n');
  const funnel = `WITH ${events},\n${entries}\nSELECT ${[0, 1, 2, 3, 4].map((s) => `(SELECT count(*) FROM s${s})`).join(', ')},
    ${[0, 1, 2, 3].map((s) => `(SELECT quantile_disc(epoch_ms(n.t) - epoch_ms(p.t), [0.5, 0.9]) FROM s${s} p JOIN s${s + 1} n ON p.c = n.c)`).join(', ')},
    ${[0, 1, 2, 3].map((s) => `(SELECT quantile_disc(d, [0.5, 0.9]) FROM (SELECT epoch_ms(max(e.ts)) - epoch_ms(p.t) AS d FROM s${s} p JOIN s${s + 1} n ON p.c = n.c JOIN e ON e.c = p.c AND e.stage = ${s} AND e.ts >= p.t AND e.ts <= n.t GROUP BY p.c, p.t))`).join(', ')}`;
  const paths = `WITH ${events},
    ordered AS (SELECT c, stage, ts, lag(stage) OVER (PARTITION BY c ORDER BY ts, stage) AS prev FROM e),
    collapsed AS (SELECT c, string_agg(stage::VARCHAR, '>' ORDER BY ts, stage) AS path FROM ordered WHERE prev IS NULL OR prev <> stage GROUP BY c)
    SELECT path, count(*) AS n FROM collapsed GROUP BY path ORDER BY n DESC, length(path), path LIMIT 20`;
  const c0 = process.cpuUsage();
  const measured = await timeMs(async () => [(await c.runAndReadAll(funnel)).getRows(), (await c.runAndReadAll(paths)).getRows()] as const);
  const cpu = cpuMs(c0);
  const [[funnelRow], pathRows] = measured.result;
  const reach = (funnelRow ?? []).slice(0, 5).map(Number);
  const same = reach.every((r, i) => r === ours.stages[i]!.reachStrict);
  console.log(`  DuckDB reach in order ${reach.join(' / ')}: ${same ? 'equals ours' : 'DIFFERS from ours'}; its top path ${String(pathRows[0]?.[0])} × ${String(pathRows[0]?.[1])}, ours × ${ours.topPaths[0]?.customers}`);
  report({ name: 'DuckDB: same figures, SQL with window functions (wall)', value: measured.ms, unit: 'ms' });
  report({ name: 'DuckDB: same (CPU, all its threads)', value: cpu, unit: 'ms' });
  report({ name: 'ours (wall) vs DuckDB (wall)', value: time.wall, unit: 'ms', against: { value: measured.ms, label: 'DuckDB' } });
  report({ name: 'ours (CPU) vs DuckDB (CPU)', value: time.cpu, unit: 'ms', against: { value: cpu, label: 'DuckDB' } });
}
