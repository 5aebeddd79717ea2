/**
 * Initial sync through the app's own sync layer against our server and against pouchdb-server, in
 * the same run (issue 20): pull and push of 100k small documents and of 1,000 documents of 200 KB.
 * The app side is the real workspace (every collection, z-schema validation, merge handlers) and
 * the real engine (renderer/src/sync/engine.ts) on RxDB's memory storage under Node; the baseline
 * is plain PouchDB replication (default options but 20 large documents a request, memory adapter)
 * with pouchdb-server. pouchdb-server keeps its databases on disk (LevelDB, its default), as our
 * server does, so the two servers are compared like for like; `SYNC_BENCH_POUCHDB=memory` runs it
 * in memory (`-m`) instead, as the figures before session 11 did. Both servers
 * run in child processes (bench/syncServers.ts). Printed: documents per second of each pairing and
 * the ratio of the app on our server to PouchDB on pouchdb-server (aims: pull ≥ 2×, push ≥ 1.1×).
 *
 * `SYNC_BENCH_SCALE` scales both sizes, e.g. 0.1 for 10k small and 100 large documents. Asked for
 * by name (`npm run bench -- sync` or `-- syncCompare`) it runs the full size (1); inside a plain
 * `npm run bench` of every area it runs at 0.1, since the full size takes many minutes.
 */
import { loadavg } from 'node:os';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { collectionSchemas } from '../common/db/collections';
import { blankBody } from '../common/persona/document';
import { createSyncFetch } from '../common/sync/fetch';
import { tenantDatabaseName } from '../common/sync/names';
import { createDatabase } from '../renderer/src/db/database';
import { startSync } from '../renderer/src/sync/engine';
import { Pouch, localPouch } from '../sync-server/src/testing/clients';
import type { BenchRow } from './report';
import type { BenchServer } from './syncServers';
import { startOurs, startPouchdbServer, usage } from './syncServers';

const named = process.argv.slice(2).some((arg) => 'synccompare'.startsWith(arg.toLowerCase()));
const scale = Number(process.env.SYNC_BENCH_SCALE ?? (named ? 1 : 0.1));
if (!(scale > 0 && scale <= 1)) throw new Error('SYNC_BENCH_SCALE must be a number in (0, 1]');
/** The longest one measurement may run before its rate so far is reported instead. */
const capMs = 10 * 60_000;

type Doc = Record<string, unknown> & { id: string };
interface Workload { key: 'small' | 'large'; label: string; collection: 'personas' | 'history'; count: number; make(i: number): Doc }

const allWorkloads: Workload[] = [
  {
    key: 'small', label: `${fmtCount(Math.round(100_000 * scale))} small docs`, collection: 'personas', count: Math.round(100_000 * scale),
    make: (i) => ({ ...blankBody(`Persona ${i}`), id: `s${i}`, createdAt: 1_760_000_000_000, updatedAt: 1_760_000_000_000, updatedBy: 'seed' }) as unknown as Doc,
  },
  {
    key: 'large', label: `${fmtCount(Math.round(1000 * scale))} docs of 200 KB`, collection: 'history', count: Math.max(1, Math.round(1000 * scale)),
    make: (i) => ({ id: `v${i}`, kind: 'version', entity: 'persona', entityId: 'p1', number: i + 1, author: 'bench', summary: `Version ${i}`, snapshot: { id: 'p1', name: 'Dana', notes: note(200 * 1024, i) }, createdAt: 1_700_000_000_000 + i }),
  },
];

/** `SYNC_BENCH_ONLY=small` or `large` runs one workload (e.g. while profiling the server). */
const only = process.env.SYNC_BENCH_ONLY;
if (only !== undefined && only !== 'small' && only !== 'large') throw new Error('SYNC_BENCH_ONLY must be small or large');
const workloads = allWorkloads.filter((w) => only === undefined || w.key === only);

/** Where pouchdb-server keeps its databases: `SYNC_BENCH_POUCHDB=memory` or `disk` (the default). */
const pouchStorage = ((): 'memory' | 'disk' => {
  const asked = process.env.SYNC_BENCH_POUCHDB ?? 'disk';
  if (asked !== 'memory' && asked !== 'disk') throw new Error('SYNC_BENCH_POUCHDB must be memory or disk');
  return asked;
})();

function fmtCount(n: number): string {
  return n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n);
}

function note(bytes: number, seed: number): string {
  const line = `Interview ${seed}: the customer waited on hold and asked for a call back. `;
  return line.repeat(Math.ceil(bytes / line.length)).slice(0, bytes);
}

function toCouch(collection: Workload['collection'], { id, ...rest }: Doc): Record<string, unknown> {
  return { ...rest, _id: id, cx_schema: collectionSchemas[collection].version };
}

/** Writes the documents to a server database directly, in requests of at most ~4 MB (not timed). */
async function seed(server: BenchServer, tenant: string, w: Workload): Promise<void> {
  const url = `${server.url}${tenantDatabaseName(tenant, w.collection)}/_bulk_docs`;
  const headers = { 'content-type': 'application/json', ...(server.auth(tenant) ? { authorization: server.auth(tenant)! } : {}) };
  const perRequest = w.key === 'small' ? 2000 : 15;
  for (let start = 0; start < w.count; start += perRequest) {
    const docs = Array.from({ length: Math.min(perRequest, w.count - start) }, (_, k) => toCouch(w.collection, w.make(start + k)));
    const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ docs }) });
    if (!response.ok) throw new Error(`seeding ${server.name} failed: ${response.status} ${await response.text()}`);
  }
}

async function serverCount(server: BenchServer, tenant: string, w: Workload): Promise<number> {
  const auth = server.auth(tenant);
  const response = await fetch(`${server.url}${tenantDatabaseName(tenant, w.collection)}`, { headers: auth ? { authorization: auth } : {} });
  return ((await response.json()) as { doc_count: number }).doc_count;
}

/**
 * What one measurement found: documents per second, CPU milliseconds per document of the server
 * process and of this (client) process, and why it ended early if it did. On a shared machine the
 * CPU figures are the steadier ones: wall time also counts waiting for other helpers' work.
 */
interface Outcome { rate: number; serverCpuMs: number; clientCpuMs: number; stopped?: string }

/**
 * Polls `count` until it reaches `want`, the cap, or `failed` says the client gave up; returns
 * documents per second (of what arrived, when it ended early).
 */
async function timed(server: BenchServer, want: number, start: () => Promise<void> | void, count: () => Promise<number>, failed: () => string | undefined = () => undefined): Promise<Outcome> {
  const t0 = performance.now();
  const server0 = usage(server.proc.pid!).cpuS;
  const client0 = process.cpuUsage();
  const cpu = (docs: number) => {
    const client = process.cpuUsage(client0);
    return { serverCpuMs: ((usage(server.proc.pid!).cpuS - server0) * 1000) / Math.max(docs, 1), clientCpuMs: (client.user + client.system) / 1000 / Math.max(docs, 1) };
  };
  await start();
  for (;;) {
    const have = await count();
    const ms = performance.now() - t0;
    if (have >= want) return { rate: (want / ms) * 1000, ...cpu(want) };
    const reason = failed() ?? (ms > capMs ? 'stopped at the cap' : undefined);
    if (reason) return { rate: (have / ms) * 1000, ...cpu(have), stopped: `${reason}, ${have} of ${want}` };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

let opened = 0;

/** The app's workspace and sync engine: pull a seeded tenant, or push documents written locally first. */
async function viaApp(server: BenchServer, tenant: string, w: Workload, direction: 'pull' | 'push') {
  const db = await createDatabase(getRxStorageMemory(), `bench${++opened}`, { author: 'bench' });
  try {
    if (direction === 'push') {
      for (let start = 0; start < w.count; start += 1000) {
        await db[w.collection].bulkInsert(Array.from({ length: Math.min(1000, w.count - start) }, (_, k) => w.make(start + k)));
      }
    }
    let stop = async () => {};
    try {
      return await timed(
        server,
        w.count,
        () => {
          const auth = server.auth(tenant);
          const session = startSync(db, { serverUrl: server.url, tenant, clientId: `bench${opened}`, fetch: createSyncFetch({ authorization: () => auth }), log: () => {} });
          stop = () => session.stop();
        },
        () => (direction === 'pull' ? db[w.collection].count().exec() : serverCount(server, tenant, w)),
      );
    } finally {
      // Also when counting failed: a session left running keeps retrying against a stopped server.
      await stop();
    }
  } finally {
    // Removed, not only closed: RxDB's memory storage keeps a closed database's documents for the
    // life of the process, so 400k documents of the earlier measurements were still in the heap
    // (and in every GC) while the large workloads ran (client 14.9 ms per 200 KB push in a full run
    // against 3.4 ms in a run of the large workload alone).
    await db.remove();
  }
}

/** Plain PouchDB replication, one-shot, default options. */
async function viaPouch(server: BenchServer, tenant: string, w: Workload, direction: 'pull' | 'push') {
  const login = server.login(tenant);
  const remote = new Pouch(`${server.url}${tenantDatabaseName(tenant, w.collection)}`, { skip_setup: true, ...(login ? { auth: login } : {}) });
  const local = localPouch('bench');
  try {
    if (direction === 'push') {
      for (let start = 0; start < w.count; start += 1000) {
        await local.bulkDocs(Array.from({ length: Math.min(1000, w.count - start) }, (_, k) => toCouch(w.collection, w.make(start + k))));
      }
    }
    let replication: Promise<unknown> = Promise.resolve();
    let error: string | undefined;
    // Default options, except that large documents go 20 a request (4 MB, as the app's pushes):
    // PouchDB's default 100 makes a 20 MB request, which our server refuses (16 MiB body limit)
    // and PouchDB does not split.
    const options = w.key === 'large' ? { batch_size: 20 } : {};
    const result = await timed(
      server,
      w.count,
      () => {
        replication = Promise.resolve(direction === 'pull' ? Pouch.replicate(remote, local, options) : Pouch.replicate(local, remote, options));
        replication.catch((e: unknown) => void (error = `failed: ${e instanceof Error ? e.message : JSON.stringify(e)}`.slice(0, 120)));
      },
      async () => (direction === 'pull' ? (await local.info()).doc_count : serverCount(server, tenant, w)),
      () => error,
    );
    await replication.catch(() => {});
    return result;
  } finally {
    await local.destroy();
  }
}

export default async function bench(report: (row: BenchRow) => void): Promise<void> {
  console.log(`  app = the app's workspace and sync engine (RxDB memory, Node); PouchDB = plain replication, memory adapter; servers: ours on LevelDB, pouchdb-server ${pouchStorage === 'disk' ? 'on LevelDB' : 'in memory'}; scale ${scale}`);
  // One tenant per measurement that writes to a server, so each push starts from an empty database.
  const tenants = ['pullsmall', 'pulllarge', 'apppushsmall', 'apppushlarge', 'pouchpushsmall', 'pouchpushlarge'];
  const rates = new Map<string, number>();
  // Both servers run for the whole bench and each measurement is taken on one right after the
  // other: on a shared machine the load changes within minutes, and measuring all of one server
  // first moved the ratio 2–4× between runs.
  const servers = [await startOurs(tenants), await startPouchdbServer(tenants, pouchStorage)];
  try {
    for (const w of workloads) {
      for (const server of servers) await seed(server, `pull${w.key}`, w);
      for (const direction of ['pull', 'push'] as const) {
        for (const client of ['app', 'PouchDB'] as const) {
          for (const server of servers) {
            const tenant = direction === 'pull' ? `pull${w.key}` : `${client === 'app' ? 'app' : 'pouch'}push${w.key}`;
            const r = client === 'app' ? await viaApp(server, tenant, w, direction) : await viaPouch(server, tenant, w, direction);
            rates.set(`${direction} ${w.key} ${client} ${server.name}`, r.rate);
            const load = loadavg()[0]!.toFixed(1);
            report({ name: `${direction} ${w.label}: ${client} ↔ ${server.name}${r.stopped ? ` (${r.stopped})` : ''}`, value: r.rate, unit: 'docs/s' });
            report({ name: `  CPU per doc: server ${r.serverCpuMs.toFixed(2)} ms, client ${r.clientCpuMs.toFixed(2)} ms (load ${load})`, value: r.serverCpuMs, unit: 'ms server CPU/doc' });
          }
        }
      }
    }
  } finally {
    for (const server of servers) await server.stop();
  }
  for (const w of workloads) {
    for (const [direction, aim] of [['pull', 2], ['push', 1.1]] as const) {
      const ours = rates.get(`${direction} ${w.key} app ours`) ?? NaN;
      const baseline = rates.get(`${direction} ${w.key} PouchDB pouchdb-server`) ?? NaN;
      report({ name: `${direction} ${w.label}: app on ours ÷ PouchDB on pouchdb-server`, value: ours / baseline, unit: '×', against: { value: aim, label: 'aim', higherIsBetter: true } });
    }
  }
}
