import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tenantCollections, tenantDatabaseName } from '../common/sync/names';
import { runChild, startChildServer } from '../sync-server/src/testing/child';
import { loopDelayArgs } from './loopDelayProbe';

/**
 * The two servers the sync benches compare, each in a child process of its own so the server and
 * the clients measuring it run on different cores: ours is the real CLI (`serve`) on LevelDB, as
 * deployed; pouchdb-server 4 runs in memory with no users ("admin party"), its lightest setup.
 */

/** A running server with tenants whose databases exist. */
export interface BenchServer {
  name: 'ours' | 'pouchdb-server';
  /** Base URL ending in `/`. */
  url: string;
  /** `Authorization` header of an editor of every tenant (ours), or undefined (pouchdb-server). */
  auth(tenant: string): string | undefined;
  /** Login for PouchDB's `auth` option, or undefined. */
  login(tenant: string): { username: string; password: string } | undefined;
  proc: ChildProcess;
  /** Where the server's event-loop delay is written each second (loopDelayProbe.ts); gone after `stop`. */
  loopDelayFile: string;
  stop(): Promise<void>;
}

const password = 'bench load passphrase 22';

export function freePort(): Promise<number> {
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
export function usage(pid: number): { cpuS: number; rssMb: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return { cpuS: ticks / 100, rssMb: Number(rss?.[1] ?? 0) / 1024 };
}

/**
 * Our server with the given tenants (every collection and the doorbell each), one editor `lap` in
 * each. `SYNC_BENCH_PROFILE=<dir>` makes it write a CPU profile there (node --cpu-prof) when it stops.
 */
export async function startOurs(tenants: string[], env: Record<string, string> = {}): Promise<BenchServer> {
  const data = await mkdtemp(join(tmpdir(), 'cx-bench-'));
  for (const tenant of tenants) {
    for (const args of [['tenant', 'add', tenant], ['user', 'add', tenant, 'lap', '--role', 'editor']]) {
      const run = runChild([...args, '--data', data], { CX_PASSWORD: password });
      const { code } = await run.exited;
      if (code !== 0) throw new Error(`${args.join(' ')} failed: ${run.stderr.join('\n')}`);
    }
  }
  const profile = process.env.SYNC_BENCH_PROFILE;
  const loopDelayFile = join(data, 'loop-delay.jsonl');
  const nodeArgs = [...loopDelayArgs, ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [])];
  const server = await startChildServer(data, 0, { LOOP_DELAY_FILE: loopDelayFile, ...env }, nodeArgs);
  return {
    name: 'ours',
    url: server.url.replace(/\/?$/, '/'),
    auth: (tenant) => `Basic ${Buffer.from(`${tenant}/lap:${password}`).toString('base64')}`,
    login: (tenant) => ({ username: `${tenant}/lap`, password }),
    proc: server.proc,
    loopDelayFile,
    stop: async () => {
      server.proc.kill('SIGTERM');
      await server.exited;
      await rm(data, { recursive: true, force: true });
    },
  };
}

/**
 * pouchdb-server with the given tenants' databases, in memory (`-m`) or on disk: LevelDB in its
 * working directory, pouchdb-server's default and the storage our server uses.
 */
export async function startPouchdbServer(tenants: string[], storage: 'memory' | 'disk' = 'memory'): Promise<BenchServer> {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const dir = await mkdtemp(join(tmpdir(), 'cx-bench-pouch-'));
  const port = await freePort();
  const loopDelayFile = join(dir, 'loop-delay.jsonl');
  const args = [...loopDelayArgs, join(root, 'node_modules/pouchdb-server/bin/pouchdb-server'), ...(storage === 'memory' ? ['-m'] : []), '-n', '-p', String(port), '-o', '127.0.0.1'];
  const proc = spawn(process.execPath, args, { cwd: dir, stdio: 'ignore', env: { ...process.env, LOOP_DELAY_FILE: loopDelayFile } });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; ; i++) {
    const up = await fetch(url).then((r) => r.ok, () => false);
    if (up) break;
    if (i > 100) throw new Error('pouchdb-server did not start');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  for (const tenant of tenants) {
    for (const c of tenantCollections) {
      const made = await fetch(`${url}${tenantDatabaseName(tenant, c)}`, { method: 'PUT' });
      if (!made.ok) throw new Error(`pouchdb-server refused database ${tenantDatabaseName(tenant, c)}: ${made.status}`);
    }
  }
  return {
    name: 'pouchdb-server',
    url,
    auth: () => undefined,
    login: () => undefined,
    proc,
    loopDelayFile,
    stop: async () => {
      proc.kill('SIGTERM');
      await new Promise((resolve) => proc.once('exit', resolve));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
