/**
 * Sync benchmark (issue 5): the CouchDB protocol alone, server and client in this process on
 * memory stores, real HTTP on 127.0.0.1. Pull of 10k and 100k documents into a fresh RxDB client,
 * push of 10k, and live latency from an edit on client A to its arrival on client B. A 10k pull
 * from the server on LevelDB is printed too. Protocol-alone clients skip z-schema validation,
 * which costs far more per document than the transport; one row shows the pull with it, as the app runs. The path through Dexie in Chromium is measured by
 * the app's own end-to-end bench, not here.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchRow } from './report';
import { peakRssMb, timeMs } from './report';
import { createLevelStore, createMemoryStore } from '../sync-server/src/store/store';
import type { Store } from '../sync-server/src/store/store';
import type { RxClient } from '../sync-server/src/testing/clients';
import { eventually, openRxClient, replicateNotes } from '../sync-server/src/testing/clients';
import type { TestServer } from '../sync-server/src/testing/harness';
import { accounts, basic, startTestServer } from '../sync-server/src/testing/harness';

const batchSize = 1000;

/** Wall-clock and CPU time of `fn`: on a shared 2-core machine the CPU figure is the steadier one. */
async function measure(fn: () => Promise<void>): Promise<{ ms: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const { ms } = await timeMs(fn);
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000 };
}

/** Documents per second of wall clock and per second of this process's CPU time. */
interface Rate {
  wall: number;
  cpu: number;
}

const rate = (count: number, t: { ms: number; cpuMs: number }): Rate => ({ wall: (count / t.ms) * 1000, cpu: (count / t.cpuMs) * 1000 });

async function seed(store: Store, db: string, count: number): Promise<void> {
  const pouch = await store.open(db);
  if (!pouch) throw new Error(`no database ${db}`);
  for (let start = 0; start < count; start += 5000) {
    const docs = Array.from({ length: Math.min(5000, count - start) }, (_, i) => ({
      _id: `doc${String(start + i).padStart(7, '0')}`,
      title: `persona ${start + i} with a realistic short title`,
      n: start + i,
    }));
    await pouch.bulkDocs(docs);
  }
}

/** Fetches the whole feed page by page over HTTP and parses it: the server and transport alone. */
async function feedOnly(server: TestServer, db: string, expected: number): Promise<Rate> {
  const headers = { authorization: basic(accounts.acmeViewer) };
  let seen = 0;
  const t = await measure(async () => {
    let since: unknown = 0;
    for (;;) {
      const res = await fetch(`${server.url}/${db}/_changes?style=all_docs&include_docs=true&limit=${batchSize}&since=${String(since)}`, { headers });
      const page = (await res.json()) as { results: unknown[]; last_seq: unknown };
      if (page.results.length === 0) return;
      seen += page.results.length;
      since = page.last_seq;
    }
  });
  if (seen !== expected) throw new Error(`feed had ${seen} of ${expected}`);
  return rate(expected, t);
}

async function pull(server: TestServer, db: string, expected: number, validate = false): Promise<Rate> {
  const client = await openRxClient('benchpull', { validate });
  try {
    const t = await measure(async () => {
      const { state } = replicateNotes(client, { url: `${server.url}/${db}`, login: accounts.acmeViewer, live: false, batchSize });
      await state.awaitInitialReplication();
      await state.cancel();
    });
    const got = await client.notes.count().exec();
    if (got !== expected) throw new Error(`pulled ${got} of ${expected}`);
    return rate(expected, t);
  } finally {
    await client.close();
  }
}

async function push(server: TestServer, count: number): Promise<Rate> {
  const client = await openRxClient('benchpush', { validate: false });
  try {
    await client.notes.bulkInsert(Array.from({ length: count }, (_, i) => ({ id: `pushed${i}`, title: `pushed ${i}`, n: i })));
    const t = await measure(async () => {
      const { state } = replicateNotes(client, { url: `${server.url}/acme-history`, login: accounts.acmeEditor, live: false, batchSize });
      await state.awaitInitialReplication();
      await state.cancel();
    });
    const info = await (await server.store.open('acme-history'))?.info();
    if (info?.doc_count !== count) throw new Error(`server has ${info?.doc_count} of ${count}`);
    return rate(count, t);
  } finally {
    await client.close();
  }
}

async function latency(server: TestServer, edits: number): Promise<{ p50: number; p99: number }> {
  const url = `${server.url}/acme-settings`;
  const clients: RxClient[] = [await openRxClient('livea', { validate: false }), await openRxClient('liveb', { validate: false })];
  const [a, b] = clients as [RxClient, RxClient];
  try {
    const ra = replicateNotes(a, { url, login: accounts.acmeEditor, batchSize: 100 });
    const rb = replicateNotes(b, { url, login: accounts.acmeEditor, batchSize: 100 });
    await ra.state.awaitInitialReplication();
    await rb.state.awaitInitialReplication();
    const arrived = new Map<string, number>();
    const sub = b.notes.$.subscribe((event) => arrived.set(`${event.documentId}:${(event.documentData as { n: number }).n}`, performance.now()));
    const samples: number[] = [];
    for (let i = 0; i < edits; i++) {
      const key = `live${i % 10}:${i}`;
      const start = performance.now();
      await a.notes.upsert({ id: `live${i % 10}`, title: 'live edit', n: i });
      await eventually(() => arrived.has(key), 1);
      samples.push((arrived.get(key) ?? start) - start);
    }
    sub.unsubscribe();
    await ra.state.cancel();
    await rb.state.cancel();
    samples.sort((x, y) => x - y);
    const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? NaN;
    return { p50: at(0.5), p99: at(0.99) };
  } finally {
    for (const c of clients) await c.close();
  }
}

/** Runs the sync benchmark and reports its rows. */
export default async function (report: (row: BenchRow) => void): Promise<void> {
  const aim = { value: 10_000, label: 'aim', higherIsBetter: true };
  const both = (name: string, r: Rate, withAim = true): void => {
    report({ name, value: r.wall, unit: 'docs/s', ...(withAim ? { against: aim } : {}) });
    report({ name: `  same, per CPU-second of this process`, value: r.cpu, unit: 'docs/s', ...(withAim ? { against: aim } : {}) });
  };
  const server = await startTestServer({ store: createMemoryStore() });
  try {
    await seed(server.store, 'acme-personas', 10_000);
    both('server _changes feed 10k docs over HTTP, no client db', await feedOnly(server, 'acme-personas', 10_000));
    both(`protocol pull 10k docs into RxDB memory (batch ${batchSize})`, await pull(server, 'acme-personas', 10_000));
    // z-schema validation dominates this row, so it pulls a smaller feed to keep the bench short.
    await seed(server.store, 'acme-assets', 2_000);
    both('pull 2k docs into RxDB memory + z-schema, as the app', await pull(server, 'acme-assets', 2_000, true), false);
    await seed(server.store, 'acme-journeys', 100_000);
    both(`protocol pull 100k docs into RxDB memory (batch ${batchSize})`, await pull(server, 'acme-journeys', 100_000));
    both(`protocol push 10k docs (batch ${batchSize})`, await push(server, 10_000), false);
    const live = await latency(server, 200);
    report({ name: 'live edit A → B, p50 (one collection live)', value: live.p50, unit: 'ms' });
    report({ name: 'live edit A → B, p99 (one collection live)', value: live.p99, unit: 'ms', against: { value: 200, label: 'aim' } });
  } finally {
    await server.close();
  }
  const dir = await mkdtemp(join(tmpdir(), 'cx-sync-bench-'));
  const level = await startTestServer({ store: createLevelStore(dir) });
  try {
    await seed(level.store, 'acme-personas', 10_000);
    both('server _changes feed 10k docs, server on LevelDB', await feedOnly(level, 'acme-personas', 10_000));
    both(`pull 10k docs into RxDB memory, server on LevelDB`, await pull(level, 'acme-personas', 10_000));
  } finally {
    await level.close();
    await rm(dir, { recursive: true, force: true });
  }
  report({ name: 'peak RSS of the bench process', value: peakRssMb(), unit: 'MB' });
}
