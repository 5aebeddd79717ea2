/**
 * Sync server under a whole firm's load (issue 22): 100, 300 and 500 simulated laptops in
 * `longpoll` and `doorbell` modes (bench/syncLoadLaptops.ts), 100 writes/s offered, against our
 * server (the real CLI in a child process, LevelDB) and pouchdb-server 4 (in-memory, admin party)
 * side by side in the same run. Prints writes/s achieved, write and notify p50/p99, errors, and the
 * server process's CPU (% of one core) and RSS. Everything stays on 127.0.0.1.
 *
 * `SYNC_LOAD_SECONDS` (default 60) sets each run's length; `SYNC_LOAD_LAPTOPS` (e.g. `100,500`)
 * and `SYNC_LOAD_SERVERS` (`ours`, `pouchdb-server`) narrow the matrix for a quick look.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchRow } from './report';
import type { Mode, Target } from './syncLoadLaptops';
import { percentile, runLoad } from './syncLoadLaptops';
import { runChild, startChildServer } from '../sync-server/src/testing/child';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const seconds = Number(process.env.SYNC_LOAD_SECONDS ?? 60);
const sizes = (process.env.SYNC_LOAD_LAPTOPS ?? '100,300,500').split(',').map(Number);
const servers = (process.env.SYNC_LOAD_SERVERS ?? 'ours,pouchdb-server').split(',');
const rate = 100;
const collections = ['personas', 'journeys'];
const password = 'bench load passphrase 22';

interface Running {
  target: Target;
  proc: ChildProcess;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** CPU seconds (user + system) and RSS in MB of a process, from /proc. */
function usage(pid: number): { cpuS: number; rssMb: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return { cpuS: ticks / 100, rssMb: Number(rss?.[1] ?? 0) / 1024 };
}

async function startOurs(): Promise<Running> {
  const data = await mkdtemp(join(tmpdir(), 'cx-load-'));
  for (const args of [['tenant', 'add', 'bench'], ['user', 'add', 'bench', 'lap', '--role', 'editor']]) {
    const run = runChild([...args, '--data', data], { CX_PASSWORD: password });
    const { code } = await run.exited;
    if (code !== 0) throw new Error(`${args.join(' ')} failed: ${run.stderr.join('\n')}`);
  }
  const server = await startChildServer(data);
  const dbs = Object.fromEntries(collections.map((c) => [c, `bench-${c}`]));
  return {
    target: { url: server.url, auth: `Basic ${Buffer.from(`bench/lap:${password}`).toString('base64')}`, dbs, doorbell: 'bench-doorbell' },
    proc: server.proc,
    stop: async () => {
      server.proc.kill('SIGTERM');
      await server.exited;
      await rm(data, { recursive: true, force: true });
    },
  };
}

async function startPouchdbServer(): Promise<Running> {
  const dir = await mkdtemp(join(tmpdir(), 'cx-load-pouch-'));
  const port = await freePort();
  const proc = spawn(process.execPath, [join(root, 'node_modules/pouchdb-server/bin/pouchdb-server'), '-m', '-n', '-p', String(port), '-o', '127.0.0.1'], { cwd: dir, stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    const up = await fetch(url).then((r) => r.ok, () => false);
    if (up) break;
    if (i > 100) throw new Error('pouchdb-server did not start');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const dbs = Object.fromEntries(collections.map((c) => [c, `bench-${c}`]));
  for (const db of [...Object.values(dbs), 'bench-doorbell']) await fetch(`${url}/${db}`, { method: 'PUT' });
  return {
    target: { url: url + '/', auth: undefined, dbs, doorbell: 'bench-doorbell' },
    proc,
    stop: async () => {
      proc.kill('SIGTERM');
      await new Promise((resolve) => proc.once('exit', resolve));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export default async function bench(report: (row: BenchRow) => void): Promise<void> {
  console.log(`  ${seconds} s per run, ${rate} writes/s offered; notify = write sent → document at a laptop (sampled on 50 laptops)`);
  console.log(`  ${'server'.padEnd(15)} ${'mode'.padEnd(9)} ${'laptops'.padStart(7)} ${'writes/s'.padStart(9)} ${'write p50/p99 ms'.padStart(17)} ${'notify p50/p99 ms'.padStart(18)} ${'errors'.padStart(7)} ${'CPU %'.padStart(6)} ${'RSS MB'.padStart(7)} ${'load CPU %'.padStart(10)}`);
  for (const mode of ['doorbell', 'longpoll'] as Mode[]) {
    for (const laptops of sizes) {
      for (const name of servers) {
        const server = name === 'ours' ? await startOurs() : await startPouchdbServer();
        try {
          const before = usage(server.proc.pid!);
          const loadCpu = process.cpuUsage();
          const t0 = performance.now();
          const r = await runLoad({ ...server.target, url: server.target.url.replace(/\/?$/, '/') }, mode, laptops, rate, seconds);
          const elapsed = (performance.now() - t0) / 1000;
          const after = usage(server.proc.pid!);
          const writesPerS = r.writesDone / seconds;
          const cpu = ((after.cpuS - before.cpuS) / elapsed) * 100;
          const used = process.cpuUsage(loadCpu);
          // The simulated laptops share the machine: when this nears 100 %, latencies are the load generator's.
          const load = ((used.user + used.system) / 1e6 / elapsed) * 100;
          const fmt = (v: number[]): string => `${percentile(v, 50).toFixed(0)}/${percentile(v, 99).toFixed(0)}`;
          console.log(`  ${name.padEnd(15)} ${mode.padEnd(9)} ${String(laptops).padStart(7)} ${writesPerS.toFixed(1).padStart(9)} ${fmt(r.writeMs).padStart(17)} ${fmt(r.notifyMs).padStart(18)} ${String(r.errors).padStart(7)} ${cpu.toFixed(0).padStart(6)} ${after.rssMb.toFixed(0).padStart(7)} ${load.toFixed(0).padStart(10)}${r.firstError ? `  first error: ${r.firstError}` : ''}`);
          if (name === 'ours') {
            report({ name: `${mode} ${laptops} laptops: writes/s`, value: writesPerS, unit: 'writes/s', against: { value: 95, label: 'aim', higherIsBetter: true } });
            report({ name: `${mode} ${laptops} laptops: write p99`, value: percentile(r.writeMs, 99), unit: 'ms', against: { value: 300, label: 'aim' } });
            report({ name: `${mode} ${laptops} laptops: notify p99`, value: percentile(r.notifyMs, 99), unit: 'ms', against: { value: 300, label: 'aim' } });
          }
        } finally {
          await server.stop();
        }
      }
    }
  }
}
