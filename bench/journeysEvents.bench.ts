/**
 * Journey analytics over event logs (issue 14): import of a generated CSV event log (10M events,
 * 1M customers by default; JOURNEY_BENCH_EVENTS sets the size), decoding its chunks as the worker
 * does, then funnel + time in stage + top 20 paths with the app's kernels, against DuckDB on the same
 * file when @duckdb/node-api is installed (window-function SQL a DuckDB user would write). Printed,
 * not asserted.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateEvents } from '../common/journeyAnalytics/generate';
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
    // Written as generated, a megabyte at a time: holding the whole text would count in this process's peak.
    writeFileSync(csv, 'customer_id,event,timestamp,channel,plan\n');
    let batch = '';
    let rows = 0;
    const known = generateEvents({ customers, seed: 42, messy: true, extra: 5.6 }, (c, e, t, channel, plan) => {
      batch += `${c},${e},${new Date(t).toISOString()},${channel},${plan ?? ''}\n`;
      rows++;
      if (batch.length > 1 << 20) { appendFileSync(csv, batch); batch = ''; }
    });
    appendFileSync(csv, batch);
    console.log(`  ${rows.toLocaleString('en')} events (${known.duplicates.toLocaleString('en')} duplicates), ${known.customers.toLocaleString('en')} customers`);

    // The import as the journey worker runs it, in a process of its own so its peak memory is its own.
    const child = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', 'bench/journeysImportChild.ts', csv], { encoding: 'utf8', maxBuffer: 1 << 20 }).trim().split('\n').pop()!) as {
      events: number; chunks: number; importMs: number; importCpu: number; decodeMs: number; peakAfterRead: number; peakAfterImport: number; peakAfterDecode: number;
      analyse: { wall: number; cpu: number; customers: number; reach: number[]; topPath: number };
    };
    report({ name: `import ${(rows / 1e6).toFixed(1)}M events (CSV → chunks, de-duplicated; own process)`, value: rows / (child.importMs / 1000), unit: 'events/s', against: { value: 500_000, label: 'aim', higherIsBetter: true } });
    report({ name: 'import (CPU)', value: child.importCpu, unit: 'ms' });
    report({ name: 'import: events per CPU second', value: rows / (child.importCpu / 1000), unit: 'events/s', against: { value: 500_000, label: 'aim', higherIsBetter: true } });
    report({ name: 'import: chunk documents', value: child.chunks, unit: 'docs' });
    report({ name: 'decode chunks to the typed-array log (worker load)', value: child.decodeMs, unit: 'ms' });
    report({ name: 'import process: peak RSS with the file read', value: child.peakAfterRead, unit: 'MB' });
    report({ name: 'import process: peak RSS after the import', value: child.peakAfterImport, unit: 'MB', against: { value: 2048, label: 'aim' } });
    report({ name: 'import process: peak RSS after decoding (the worker, file and chunks still held)', value: child.peakAfterDecode, unit: 'MB', against: { value: 2048, label: 'aim' } });

    const a = child.analyse;
    report({ name: `funnel + time in stage + top 20 paths, ${(child.events / 1e6).toFixed(1)}M events / ${(a.customers / 1e6).toFixed(2)}M customers (wall)`, value: a.wall, unit: 'ms' });
    report({ name: 'same (CPU)', value: a.cpu, unit: 'ms' });
    const agrees = a.reach.every((r, i) => r === known.reachStrict[i]);
    console.log(`  reach in order ${a.reach.join(' / ')}: ${agrees ? 'equals' : 'DIFFERS FROM'} the generator's known funnel`);
    report({ name: 'peak RSS of the bench process so far (generation, a second import, analysis)', value: peakRssMb(), unit: 'MB' });
    await duckdbPass(csv, { reach: a.reach, topPath: a.topPath }, report, { wall: a.wall, cpu: a.cpu });
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

async function duckdbPass(csv: string, ours: { reach: number[]; topPath: number }, report: (row: BenchRow) => void, time: { wall: number; cpu: number }): Promise<void> {
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
  const same = reach.every((r, i) => r === ours.reach[i]);
  console.log(`  DuckDB reach in order ${reach.join(' / ')}: ${same ? 'equals ours' : 'DIFFERS from ours'}; its top path ${String(pathRows[0]?.[0])} × ${String(pathRows[0]?.[1])}, ours × ${ours.topPath}`);
  report({ name: 'DuckDB: same figures, SQL with window functions (wall)', value: measured.ms, unit: 'ms' });
  report({ name: 'DuckDB: same (CPU, all its threads)', value: cpu, unit: 'ms' });
  report({ name: 'ours (wall) vs DuckDB (wall)', value: time.wall, unit: 'ms', against: { value: measured.ms, label: 'DuckDB' } });
  report({ name: 'ours (CPU) vs DuckDB (CPU)', value: time.cpu, unit: 'ms', against: { value: cpu, label: 'DuckDB' } });
}
