import type { Answer, Target } from './syncLoadHttp';
import { clientOf, http, requestTimeoutMs } from './syncLoadHttp';
import { runWriter } from './syncLoadWriter';

/**
 * Simulated laptops for `bench/syncLoad.bench.ts`: the wire pattern of the app's sync layer, not
 * the app itself (500 RxDB instances do not fit one process). Each laptop holds its live
 * connection(s) open and pulls what it is told about; a shared scheduler writes at a fixed rate
 * from random laptops (open loop: a slow server does not slow the offered load), on a worker thread
 * of its own (syncLoadWriter.ts) so that write latency is not this thread's event-loop delay.
 *
 * - `longpoll`: one `_changes?feed=longpoll&include_docs=true` per collection per laptop, as RxDB's
 *   live replication does when each collection keeps its own stream.
 * - `doorbell`: one longpoll per laptop on the tenant's doorbell database; a writer pushes with
 *   `_bulk_docs` then updates its `<collection>~<laptop>` ring document, and every other laptop
 *   pulls only the collections whose rings it saw (renderer/src/sync/doorbell.ts), skipping those
 *   whose ring position (`cx_seq`, our server only) its last pull already reached.
 *
 * "Notify" is the time from a write being sent to a laptop holding the document; it is sampled on
 * the first {@link sampledLaptops} laptops so the measuring does not become the load.
 */

export type Mode = 'longpoll' | 'doorbell';
export type { Target } from './syncLoadHttp';

/** What one run measured. */
export interface LoadResult {
  offered: number;
  writesDone: number;
  writeMs: number[];
  notifyMs: number[];
  errors: number;
  firstError?: string;
  /** Requests sent, by kind (write, ring, longpoll, pull), set-up reads excluded. */
  requests: Record<string, number>;
}

const sampledLaptops = 50;
const pullLimit = 100;


interface RingPage {
  results: { id: string; doc?: { cx_seq?: unknown } }[];
  last_seq: number | string;
}

interface Page {
  results: { id: string; doc?: { writer?: number; sentAt?: number } }[];
  last_seq: number | string;
}

/** Runs `laptops` simulated laptops against `target` for `seconds`, writing `rate` documents per second. */
export async function runLoad(target: Target, mode: Mode, laptops: number, rate: number, seconds: number): Promise<LoadResult> {
  const collections = Object.keys(target.dbs);
  const result: LoadResult = { offered: 0, writesDone: 0, writeMs: [], notifyMs: [], errors: 0, requests: {} };
  const count = (kind: string): void => void (result.requests[kind] = (result.requests[kind] ?? 0) + 1);
  const fail = (error: unknown): void => {
    result.errors++;
    result.firstError ??= error instanceof Error ? error.message : String(error).slice(0, 200);
  };
  let running = true;
  const client = clientOf(target);
  const call = (method: string, path: string, body?: unknown) => http(client, method, path, body);
  const startSeq = async (db: string): Promise<string> => String(((await call('GET', `/${db}`)).json as { update_seq: string | number }).update_seq);
  // Unsampled laptops read only the row count and `last_seq` off the text (no JSON.parse).
  const read = (laptop: number, res: Answer): { rows: number; lastSeq: string } => {
    if (laptop < sampledLaptops) {
      const page = res.json as Page;
      const now = Date.now();
      for (const row of page.results) if (row.doc?.sentAt && row.doc.writer !== laptop) result.notifyMs.push(now - row.doc.sentAt);
      return { rows: page.results.length, lastSeq: String(page.last_seq) };
    }
    // Counted on the bytes, and only the page's end decoded: no 75 KB string per pull.
    let rows = 0;
    for (let i = res.body.indexOf('"changes":'); i >= 0; i = res.body.indexOf('"changes":', i + 10)) rows++;
    const end = res.body.toString('utf8', Math.max(0, res.body.length - 200));
    const seq = /"last_seq":\s*("(?:[^"\\]|\\.)*"|[0-9]+)\s*\}\s*$/.exec(end);
    if (!seq) throw new Error('no last_seq in page');
    return { rows, lastSeq: seq[1]!.startsWith('"') ? (JSON.parse(seq[1]!) as string) : seq[1]! };
  };
  // Every simulated laptop uses the same account: one request first fills the server's credential
  // cache, or the 1,000 opening requests would each verify the password (scrypt) at once and time out.
  await startSeq(target.dbs[collections[0]!]!);
  const positions = await Promise.all(Array.from({ length: laptops }, async () => Object.fromEntries(await Promise.all(collections.map(async (c) => [c, await startSeq(target.dbs[c]!)] as const)))));

  const pull = async (laptop: number, collection: string): Promise<void> => {
    for (;;) {
      const q = `style=all_docs&include_docs=true&limit=${pullLimit}&since=${encodeURIComponent(positions[laptop]![collection]!)}`;
      count('pull');
      const res = await call('GET', `/${target.dbs[collection]}/_changes?${q}`);
      if (res.status !== 200) throw new Error(`pull ${res.status}`);
      const { rows, lastSeq } = read(laptop, res);
      positions[laptop]![collection] = lastSeq;
      if (rows < pullLimit) return;
    }
  };
  const longpoll = async (db: string, since: string, docs: boolean): Promise<Answer> => {
    count('longpoll');
    const res = await call('GET', `/${db}/_changes?feed=longpoll&timeout=${requestTimeoutMs}&style=all_docs${docs ? '&include_docs=true' : ''}&limit=${pullLimit}&since=${encodeURIComponent(since)}`);
    if (res.status !== 200) throw new Error(`longpoll ${res.status}`);
    return res;
  };
  const loops: Promise<void>[] = [];
  const guard = async (body: () => Promise<void>): Promise<void> => {
    while (running) {
      try {
        await body();
      } catch (error) {
        if (!running) return;
        fail(error);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  };
  for (let laptop = 0; laptop < laptops; laptop++) {
    if (mode === 'longpoll') {
      for (const c of collections) {
        loops.push(guard(async () => {
          const res = await longpoll(target.dbs[c]!, positions[laptop]![c]!, true);
          positions[laptop]![c] = read(laptop, res).lastSeq;
        }));
      }
    } else {
      let since = await startSeq(target.doorbell);
      loops.push(guard(async () => {
        // Rings carry the rung collection's position on our server (cx_seq): a laptop whose pull
        // already reached it skips the pull, as the app does (renderer/src/sync/engine.ts).
        const page = (await longpoll(target.doorbell, since, true)).json as RingPage;
        since = String(page.last_seq);
        const rung = new Map<string, number | undefined>();
        for (const row of page.results) {
          const [c, who] = row.id.split('~');
          if (!c || who === `l${laptop}`) continue;
          const seq = typeof row.doc?.cx_seq === 'number' ? row.doc.cx_seq : undefined;
          const before = rung.get(c);
          // A ring without a position means "pull"; otherwise the furthest position counts.
          rung.set(c, !rung.has(c) ? seq : before === undefined || seq === undefined ? undefined : Math.max(before, seq));
        }
        for (const [c, seq] of rung) {
          if (!running) break;
          if (seq !== undefined && Number.parseInt(positions[laptop]![c]!, 10) >= seq) continue;
          await pull(laptop, c);
        }
      }));
    }
  }

  // Let every live connection settle into its wait before writing.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  // The writer runs on a thread of its own: its timings must not wait for this thread's loop,
  // which the 500 laptops keep busy (its delay is printed as "load loop").
  try {
    const written = await runWriter({ target, mode, laptops, rate, seconds, collections });
    result.offered = written.offered;
    result.writesDone = written.writesDone;
    result.writeMs = written.writeMs;
    Object.assign(result.requests, written.requests);
    result.errors += written.errors;
    result.firstError ??= written.firstError;
    // Give the last notifications time to arrive, then stop the live loops.
    await new Promise((resolve) => setTimeout(resolve, 2000));
  } finally {
    running = false;
    client.destroy();
  }
  await Promise.race([Promise.all(loops), new Promise((resolve) => setTimeout(resolve, 1000))]);
  return result;
}

/** The p-th percentile (0–100) of `values`, or NaN when empty. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
