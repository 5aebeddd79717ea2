/**
 * Sync server under a whole firm's load (issue 22): 100, 300 and 500 simulated laptops in
 * `longpoll` and `doorbell` modes (bench/syncLoadLaptops.ts), 100 writes/s offered, against our
 * server (the real CLI in a child process, LevelDB) and pouchdb-server 4 (in-memory, admin party)
 * side by side in the same run. Prints writes/s achieved, write and notify p50/p99, errors, and the
 * server process's CPU (% of one core) and RSS. Everything stays on 127.0.0.1.
 *
 * `SYNC_LOAD_SECONDS` (default 60) sets each run's length; `SYNC_LOAD_LAPTOPS` (e.g. `100,500`),
 * `SYNC_LOAD_MODES` (`doorbell`, `longpoll`) and `SYNC_LOAD_SERVERS` (`ours`, `pouchdb-server`)
 * narrow the matrix for a quick look. `SYNC_LOAD_PULLS` (a comma list, default `carried`) says how
 * doorbell laptops get the rung collections' pages, each a row of its own (mode `doorbell/<pulls>`
 * unless `carried`): `carried` in the doorbell's answer (our server; the app since bell12),
 * `after` by pulling them before polling again, `beside` by pulling beside the next poll
 * (syncLoadFleet.ts). Each row ends with the machine's 1-minute load average at
 * its end: on a shared machine a row is only comparable with rows taken at a similar load.
 *
 * The simulated laptops run in this process and the server in a child process; the writer and
 * the 50 laptops that time notifications each have a thread of their own (syncLoadLaptops.ts), so
 * neither waits for the thread running the other laptops. So that a late answer can be blamed on
 * the right side, each row also prints the server's CPU time per write and the event-loop delay
 * (p99 of each second's p99, and the worst) of the server (loopDelayProbe.ts) and of the thread
 * running the unsampled laptops ("load loop"); "load CPU %" is this whole process, all threads.
 */
import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { readLoopDelay } from './loopDelayProbe';
import type { BenchRow } from './report';
import type { Mode, Pulls } from './syncLoadLaptops';
import { percentile, runLoad } from './syncLoadLaptops';
import type { BenchServer } from './syncServers';
import { startOurs, startPouchdbServer, usage } from './syncServers';

const seconds = Number(process.env.SYNC_LOAD_SECONDS ?? 60);
const sizes = (process.env.SYNC_LOAD_LAPTOPS ?? '100,300,500').split(',').map(Number);
const servers = (process.env.SYNC_LOAD_SERVERS ?? 'ours,pouchdb-server').split(',');
const modes = (process.env.SYNC_LOAD_MODES ?? 'doorbell,longpoll').split(',') as Mode[];
const pullsList = (process.env.SYNC_LOAD_PULLS ?? 'carried').split(',') as Pulls[];
for (const p of pullsList) if (!['carried', 'after', 'beside'].includes(p)) throw new Error(`SYNC_LOAD_PULLS: "${p}" is not carried, after or beside.`);
const rate = 100;
const collections = ['personas', 'journeys'];

function targetOf(server: BenchServer) {
  return { url: server.url, auth: server.auth('bench'), dbs: Object.fromEntries(collections.map((c) => [c, `bench-${c}`])), doorbell: 'bench-doorbell' };
}

export default async function bench(report: (row: BenchRow) => void): Promise<void> {
  console.log(`  ${seconds} s per run, ${rate} writes/s offered; notify = write sent → document at a laptop (sampled on 50 laptops)`);
  console.log(`  ${'server'.padEnd(15)} ${'mode'.padEnd(15)} ${'laptops'.padStart(7)} ${'writes/s'.padStart(9)} ${'write p50/p99 ms'.padStart(17)} ${'notify p50/p99 ms'.padStart(18)} ${'errors'.padStart(7)} ${'CPU %'.padStart(6)} ${'RSS MB'.padStart(7)} ${'load CPU %'.padStart(10)} ${'CPU ms/write'.padStart(12)} ${'srv loop p99/max'.padStart(16)} ${'load loop p99/max'.padStart(17)} ${'load avg'.padStart(8)}`);
  const variants = modes.flatMap((mode) => (mode === 'doorbell' ? pullsList : (['carried'] as Pulls[])).map((pulls) => ({ mode, pulls })));
  for (const { mode, pulls } of variants) {
    const label = mode === 'doorbell' && pulls !== 'carried' ? `${mode}/${pulls}` : mode;
    for (const laptops of sizes) {
      for (const name of servers) {
        const server = name === 'ours' ? await startOurs(['bench']) : await startPouchdbServer(['bench']);
        try {
          const before = usage(server.proc.pid!);
          const loadCpu = process.cpuUsage();
          const ownLoop = monitorEventLoopDelay({ resolution: 10 });
          ownLoop.enable();
          const startedAt = Date.now();
          const t0 = performance.now();
          // One cell failing (pouchdb-server hung up during the set-up reads at load average 15)
          // is printed and the rest of the matrix still runs.
          const r = await runLoad(targetOf(server), mode, laptops, rate, seconds, pulls).catch((error: unknown) => {
            console.log(`  ${name.padEnd(15)} ${label.padEnd(15)} ${String(laptops).padStart(7)}  FAILED: ${error instanceof Error ? error.message : String(error)} (load avg ${loadavg()[0]!.toFixed(1)})`);
            return undefined;
          });
          ownLoop.disable();
          if (!r) continue;
          const elapsed = (performance.now() - t0) / 1000;
          const after = usage(server.proc.pid!);
          const writesPerS = r.writesDone / seconds;
          const cpu = ((after.cpuS - before.cpuS) / elapsed) * 100;
          const used = process.cpuUsage(loadCpu);
          // The simulated laptops share the machine: when this nears 100 %, latencies are the load generator's.
          const load = ((used.user + used.system) / 1e6 / elapsed) * 100;
          const fmt = (v: number[]): string => `${percentile(v, 50).toFixed(0)}/${percentile(v, 99).toFixed(0)}`;
          const cpuPerWrite = ((after.cpuS - before.cpuS) * 1000) / Math.max(1, r.writesDone);
          const serverLoop = readLoopDelay(server.loopDelayFile, startedAt, Date.now());
          const srvLoop = serverLoop.length ? `${percentile(serverLoop.map((s) => s.p99), 99).toFixed(0)}/${Math.max(...serverLoop.map((s) => s.max)).toFixed(0)}` : 'n/a';
          const ownLoopText = `${(ownLoop.percentile(99) / 1e6).toFixed(0)}/${(ownLoop.max / 1e6).toFixed(0)}`;
          console.log(`  ${name.padEnd(15)} ${label.padEnd(15)} ${String(laptops).padStart(7)} ${writesPerS.toFixed(1).padStart(9)} ${fmt(r.writeMs).padStart(17)} ${fmt(r.notifyMs).padStart(18)} ${String(r.errors).padStart(7)} ${cpu.toFixed(0).padStart(6)} ${after.rssMb.toFixed(0).padStart(7)} ${load.toFixed(0).padStart(10)} ${cpuPerWrite.toFixed(2).padStart(12)} ${srvLoop.padStart(16)} ${ownLoopText.padStart(17)} ${loadavg()[0]!.toFixed(1).padStart(8)}${r.firstError ? `  first error: ${r.firstError}` : ''}`);
          const perS = (kind: string): string => ((r.requests[kind] ?? 0) / elapsed).toFixed(0);
          console.log(`      requests/s: longpoll ${perS('longpoll')}, pull ${perS('pull')}, write ${perS('write')}, ring ${perS('ring')}`);
          if (name === 'ours') {
            report({ name: `${label} ${laptops} laptops: writes/s`, value: writesPerS, unit: 'writes/s', against: { value: 95, label: 'aim', higherIsBetter: true } });
            report({ name: `${label} ${laptops} laptops: write p99`, value: percentile(r.writeMs, 99), unit: 'ms', against: { value: 300, label: 'aim' } });
            report({ name: `${label} ${laptops} laptops: notify p99`, value: percentile(r.notifyMs, 99), unit: 'ms', against: { value: 300, label: 'aim' } });
          }
        } finally {
          await server.stop();
        }
      }
    }
  }
}
