/**
 * `npm run bench -- engine`: N runs through a 10-step flow (trigger, SMS, wait, condition, SMS, wait,
 * attribute update, ticket, wait, exit) with waits compressed, against our sync server on LevelDB over
 * real HTTP, with 1 and then 3 engine workers sharing the runs through leases. Each worker is its own
 * process (bench/engineWorkerChild.ts), as engines scale out; the server and the provider receiver run
 * in this process. Prints steps/s (interpreter node executions), p99 step latency (a run due → its new
 * state written), documents written per step, and CPU per 1,000 steps of the server process and of the
 * workers together (on a shared 2-core machine the CPU figures say more than the wall clock).
 * ENGINE_BENCH_RUNS sets N (default 5,000; the issue names 100k, which takes minutes here);
 * ENGINE_BENCH_WORKERS the worker counts to measure (default 1,3); ENGINE_BENCH_PROFILE=DIR writes each
 * worker's CPU profile there, and the bench process's own (the server and the receiver) as
 * `server-<workers>w-<runs>.cpuprofile`. The server's requests per 1,000 steps are printed by route, so
 * a change in what a step costs the server shows as a count, not only as time.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { flowOf, node } from '../common/flowEngine/testFlows';
import type { CounterDoc } from '../common/journeyRuns/docs';
import type { CouchDb } from '../engine/src/couch';
import { engineDatabases } from '../engine/src/service';
import { adminOf, publish, startReceiver } from '../engine/src/testing/parts';
import { startTestServer, testPassword } from '../sync-server/src/testing/harness';
import { createLevelStore } from '../sync-server/src/store/store';
import type { WorkerChildOptions, WorkerChildReport } from './engineWorkerChild';
import type { BenchRow } from './report';

const runs = Number(process.env.ENGINE_BENCH_RUNS ?? 5000);

const flow = flowOf([
  node.trigger('t'), node.sms('s1', 'Welcome'), node.wait('w1', 1), node.condition('c', 'plan', 'equals', 'pro'),
  node.sms('s2', 'Tips'), node.wait('w2', 1), node.setAttr('a', 'stage', 'onboarded'), node.ticket('k', 'Call'), node.wait('w3', 1), node.exit('x'),
], ['t', 's1', 'w1', 'c']);
flow.edges.push(
  { id: 'cy', source: 'c', target: 's2', sourceHandle: 'yes' }, { id: 'cn', source: 'c', target: 's2', sourceHandle: 'no' },
  { id: 'e1', source: 's2', target: 'w2', sourceHandle: 'out' }, { id: 'e2', source: 'w2', target: 'a', sourceHandle: 'out' },
  { id: 'e3', source: 'a', target: 'k', sourceHandle: 'out' }, { id: 'e4', source: 'k', target: 'w3', sourceHandle: 'out' },
  { id: 'e5', source: 'w3', target: 'x', sourceHandle: 'out' },
);

const partitions = 12;
const here = dirname(fileURLToPath(import.meta.url));

/** Starts one worker process and waits until its engine is up. */
function startWorker(o: WorkerChildOptions): Promise<{ child: ChildProcess; stop: () => Promise<WorkerChildReport> }> {
  const child = fork(join(here, 'engineWorkerChild.ts'), [JSON.stringify(o)], { execArgv: ['--import', 'tsx', ...(process.env.ENGINE_BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.ENGINE_BENCH_PROFILE}`] : [])], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`engine worker ${o.worker} exited with ${code}`)));
    child.once('message', () => resolve({
      child,
      stop: () => new Promise<WorkerChildReport>((done) => {
        child.once('message', (r) => done(r as WorkerChildReport));
        child.send({ stop: true });
      }),
    }));
  });
}

/** Waits until the workers hold every partition, each its fair share (then no lease moves during the run). */
async function balanced(control: CouchDb, workers: number): Promise<void> {
  const end = Date.now() + 60_000;
  for (;;) {
    if (Date.now() > end) throw new Error(`the ${workers} workers did not share the ${partitions} partitions within a minute: ${JSON.stringify(await control.all('lease|', 'lease|\ufff0'))}`);
    const leases = (await control.all<{ _id: string; owner: string; expiresAt: number }>('lease|', 'lease|\ufff0')).filter((l) => l.expiresAt > Date.now());
    const owners = new Map<string, number>();
    for (const l of leases) owners.set(l.owner, (owners.get(l.owner) ?? 0) + 1);
    if (leases.length === partitions && owners.size === workers && [...owners.values()].every((n) => n === partitions / workers)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Starts a CPU profile of this process (the server and receiver) when ENGINE_BENCH_PROFILE names a directory; the returned function writes it. */
async function profileServer(name: string): Promise<() => Promise<void>> {
  const dir = process.env.ENGINE_BENCH_PROFILE;
  if (!dir) return async () => undefined;
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return async () => {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  };
}

/** Requests the server answered per 1,000 steps, by method and route (database names and document ids folded). */
function requestsPerK(requests: Map<string, number>, steps: number): string {
  const byRoute = new Map<string, number>();
  for (const [key, n] of requests) {
    const route = key.replace(/^(\S+) \/[^/]+/, '$1 /db').replace(/\/(?!_)[^/]+$/, '/{id}');
    byRoute.set(route, (byRoute.get(route) ?? 0) + n);
  }
  return [...byRoute].sort((a, b) => b[1] - a[1]).map(([route, n]) => `${route} ${(n / (steps / 1000)).toFixed(1)}`).join(', ');
}

async function once(workers: number): Promise<{ stepsPerSecond: number; p99: number; docsPerStep: number; seconds: number; serverCpuPerK: number; workerCpuPerK: number; load: [number, number]; requests: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'cx-engine-bench-'));
  const sync = await startTestServer({ store: createLevelStore(dir) });
  const receiver = await startReceiver({ keep: false });
  const admin = adminOf(sync.url, testPassword);
  await publish(admin, 'acme', 'bench', flow);
  const { runs: runsDb, control } = await engineDatabases(admin, 'acme');
  const children = await Promise.all(Array.from({ length: workers }, (_, i) => startWorker({ serverUrl: sync.url, password: testPassword, receiverUrl: receiver.url, worker: `bench${i}`, partitions, waitScale: 86_400 * 10 })));
  await balanced(control, workers);
  const loadBefore = loadavg()[0]!;
  sync.requests.clear();
  const stopProfile = await profileServer(`server-${workers}w-${runs}`);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < runs; i += 10_000) {
    await control.put({ _id: `cmd|bench-${i}`, type: 'command', command: 'start', journeyId: 'bench', customers: Array.from({ length: Math.min(10_000, runs - i) }, (_, j) => ({ id: `c${i + j}`, attributes: { plan: (i + j) % 3 ? 'free' : 'pro' } })), createdAt: Date.now() });
  }
  // Done when the counters (written with the runs) count every run exited: 12 small documents to read.
  // A run that stops moving fails the bench (after two minutes without progress) instead of holding it.
  // The counters are read every 500 ms only once every message is out (at 100k runs each has about a
  // thousand revisions, and reading them is server work the bench would count), else every 10 s.
  let progress = { exited: -1, delivered: -1, at: performance.now() };
  for (let i = 0; ; i++) {
    await new Promise((r) => setTimeout(r, 500));
    const allSent = receiver.counts.delivered >= runs * 3;
    if (!allSent && i % 20 !== 0) continue;
    const exited = (await runsDb.all<CounterDoc>('c|', 'c|\ufff0')).reduce((s, c) => s + (c.finished.exited ?? 0), 0);
    if (exited >= runs && allSent) break;
    // A progress line every 30 s, so a run stopped early (the bench lock's 15 minutes) still says how far it got and at what cost.
    if (i % 60 === 0 && i > 0) {
      const cpu = process.cpuUsage(cpuBefore);
      console.log(`  … ${Math.round((performance.now() - started) / 1000)} s: ${exited} of ${runs} runs exited, ${receiver.counts.delivered} of ${runs * 3} messages delivered, server process CPU ${Math.round((cpu.user + cpu.system) / 1e6)} s, load ${loadavg()[0]!.toFixed(2)}`);
    }
    if (exited !== progress.exited || receiver.counts.delivered !== progress.delivered) progress = { exited, delivered: receiver.counts.delivered, at: performance.now() };
    else if (performance.now() - progress.at > 120_000) throw new Error(`no run moved for two minutes: ${exited} of ${runs} runs exited, ${receiver.counts.delivered} of ${runs * 3} messages delivered`);
  }
  const seconds = (performance.now() - started) / 1000;
  const serverCpu = process.cpuUsage(cpuBefore);
  const loadAfter = loadavg()[0]!;
  await stopProfile();
  const requestCounts = new Map(sync.requests);
  const reports = await Promise.all(children.map((c) => c.stop()));
  await receiver.close();
  await sync.close();
  rmSync(dir, { recursive: true, force: true });
  for (const r of reports) for (const e of r.errors) console.log(`  engine: ${e}`);
  const steps = reports.reduce((s, r) => s + r.steps, 0);
  const docs = reports.reduce((s, r) => s + r.docs, 0);
  const histogram = new Map<number, number>();
  for (const r of reports) for (const [ms, n] of r.latencyHistogram) histogram.set(ms, (histogram.get(ms) ?? 0) + n);
  return {
    stepsPerSecond: steps / seconds, p99: percentile(histogram, 0.99), docsPerStep: docs / steps, seconds,
    serverCpuPerK: ((serverCpu.user + serverCpu.system) / 1000) / (steps / 1000),
    workerCpuPerK: reports.reduce((s, r) => s + r.cpuMs, 0) / (steps / 1000),
    load: [loadBefore, loadAfter],
    requests: requestsPerK(requestCounts, steps),
  };
}

/** The value below which `q` of the counted latencies fall. */
function percentile(histogram: Map<number, number>, q: number): number {
  const total = [...histogram.values()].reduce((s, n) => s + n, 0);
  let seen = 0;
  for (const [ms, n] of [...histogram].sort((a, b) => a[0] - b[0])) {
    seen += n;
    if (seen >= total * q) return ms;
  }
  return 0;
}

export default async function bench(report: (row: BenchRow) => void): Promise<void> {
  for (const workers of (process.env.ENGINE_BENCH_WORKERS ?? '1,3').split(',').map(Number)) {
    const r = await once(workers);
    const label = `${runs} runs × 10 steps, ${workers} worker${workers > 1 ? 's' : ''}`;
    report({ name: `${label}: steps/s`, value: r.stepsPerSecond, unit: 'steps/s', against: { value: 2000, label: 'aim (3 workers)', higherIsBetter: true } });
    report({ name: `${label}: p99 step latency`, value: r.p99, unit: 'ms' });
    report({ name: `${label}: documents written per step`, value: r.docsPerStep, unit: 'docs' });
    report({ name: `${label}: wall time`, value: r.seconds, unit: 's' });
    report({ name: `${label}: server process CPU per 1,000 steps`, value: r.serverCpuPerK, unit: 'ms' });
    report({ name: `${label}: worker processes' CPU per 1,000 steps`, value: r.workerCpuPerK, unit: 'ms' });
    report({ name: `${label}: load average (1 min) at start`, value: r.load[0], unit: '' });
    report({ name: `${label}: load average (1 min) at end`, value: r.load[1], unit: '' });
    console.log(`  ${label}: server requests per 1,000 steps: ${r.requests}`);
  }
}
