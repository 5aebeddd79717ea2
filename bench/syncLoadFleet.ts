import type { Answer, Target } from './syncLoadHttp';
import { clientOf, http, requestTimeoutMs } from './syncLoadHttp';

/**
 * A range of simulated laptops for the sync-load bench (syncLoadLaptops.ts explains the two modes):
 * each holds its live connection(s) open and pulls what it is told about, until stopped. A range
 * is `sampled` when its laptops time every document they receive (notify); the others only count
 * rows on the bytes, so that measuring does not become the load.
 */

export type Mode = 'longpoll' | 'doorbell';
export type { Target } from './syncLoadHttp';

/** Which laptops to run, and how. */
export interface FleetOptions {
  target: Target;
  mode: Mode;
  /** Laptop numbers `from` (inclusive) to `to` (exclusive): a laptop ignores its own writes by number. */
  from: number;
  to: number;
  sampled: boolean;
}

/** What a range of laptops measured. */
export interface FleetResult {
  notifyMs: number[];
  errors: number;
  firstError?: string;
  /** Requests sent, by kind (longpoll, pull), set-up reads excluded. */
  requests: Record<string, number>;
}

/** Running laptops: `stop` ends their loops and resolves with what they measured. */
export interface Fleet {
  stop(): Promise<FleetResult>;
}

const pullLimit = 100;
/**
 * Doorbell mode, how a laptop follows a ring. `after` (default, as in the issue's and sync9/10's
 * figures): it pulls the rung collections one after the other, then polls the doorbell again; the
 * app does this too since its doorbell waits for the pulls its rings started (renderer/src/sync/
 * doorbell.ts), though its pulls of different collections run side by side.
 * `beside` (`SYNC_LOAD_PULLS=beside`), as the app did before that: a ring starts
 * a pull of its collection (RxDB's reSync) and the doorbell polls again at once; pulls of different
 * collections run side by side, and a ring for a collection being pulled makes it pull once more
 * when done. load11 measured `beside` as markedly heavier for the server at 500 laptops (see
 * /work/notes/load11.md): no laptop waits for its pulls before it can be woken again.
 */
const pullsBeside = process.env.SYNC_LOAD_PULLS === 'beside';

interface RingPage {
  results: { id: string; doc?: { cx_seq?: unknown } }[];
  last_seq: number | string;
}

interface Page {
  results: { id: string; doc?: { writer?: number; sentAt?: number } }[];
  last_seq: number | string;
}

/** Starts the laptops of `options`; resolves once each has read where its feeds start and is waiting. */
export async function startFleet(options: FleetOptions): Promise<Fleet> {
  const { target, mode, from, to, sampled } = options;
  const collections = Object.keys(target.dbs);
  const result: FleetResult = { notifyMs: [], errors: 0, requests: {} };
  const count = (kind: string): void => void (result.requests[kind] = (result.requests[kind] ?? 0) + 1);
  const fail = (error: unknown): void => {
    result.errors++;
    result.firstError ??= error instanceof Error ? error.message : String(error).slice(0, 200);
  };
  let running = true;
  const client = clientOf(target);
  const call = (method: string, path: string) => http(client, method, path);
  const startSeq = async (db: string): Promise<string> => String(((await call('GET', `/${db}`)).json as { update_seq: string | number }).update_seq);
  // Unsampled laptops read only the row count and `last_seq` off the bytes (no JSON.parse).
  const read = (laptop: number, res: Answer): { rows: number; lastSeq: string } => {
    if (sampled) {
      const page = res.json as Page;
      const now = Date.now();
      for (const row of page.results) if (row.doc?.sentAt && row.doc.writer !== laptop) result.notifyMs.push(now - row.doc.sentAt);
      return { rows: page.results.length, lastSeq: String(page.last_seq) };
    }
    let rows = 0;
    for (let i = res.body.indexOf('"changes":'); i >= 0; i = res.body.indexOf('"changes":', i + 10)) rows++;
    const end = res.body.toString('utf8', Math.max(0, res.body.length - 200));
    const seq = /"last_seq":\s*("(?:[^"\\]|\\.)*"|[0-9]+)\s*\}\s*$/.exec(end);
    if (!seq) throw new Error('no last_seq in page');
    return { rows, lastSeq: seq[1]!.startsWith('"') ? (JSON.parse(seq[1]!) as string) : seq[1]! };
  };
  // Every simulated laptop uses the same account: one request first fills the server's credential
  // cache, or the opening requests would each verify the password (scrypt) at once and time out.
  await startSeq(target.dbs[collections[0]!]!);
  const positions = new Map<number, Record<string, string>>();
  await Promise.all(Array.from({ length: to - from }, async (_, i) => {
    positions.set(from + i, Object.fromEntries(await Promise.all(collections.map(async (c) => [c, await startSeq(target.dbs[c]!)] as const))));
  }));

  const pull = async (laptop: number, collection: string): Promise<void> => {
    for (;;) {
      const q = `style=all_docs&include_docs=true&limit=${pullLimit}&since=${encodeURIComponent(positions.get(laptop)![collection]!)}`;
      count('pull');
      const res = await call('GET', `/${target.dbs[collection]}/_changes?${q}`);
      if (res.status !== 200) throw new Error(`pull ${res.status}`);
      const { rows, lastSeq } = read(laptop, res);
      positions.get(laptop)![collection] = lastSeq;
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
  for (let laptop = from; laptop < to; laptop++) {
    const position = positions.get(laptop)!;
    if (mode === 'longpoll') {
      for (const c of collections) {
        loops.push(guard(async () => {
          const res = await longpoll(target.dbs[c]!, position[c]!, true);
          position[c] = read(laptop, res).lastSeq;
        }));
      }
    } else {
      let since = await startSeq(target.doorbell);
      // `beside`: a pull per rung collection, in the background, once more if rung meanwhile.
      const pulling = new Map<string, 'running' | 'again'>();
      const resync = (c: string): void => {
        if (pulling.has(c)) return void pulling.set(c, 'again');
        pulling.set(c, 'running');
        void (async () => {
          try {
            do {
              pulling.set(c, 'running');
              await pull(laptop, c);
            } while (running && pulling.get(c) === 'again');
          } catch (error) {
            if (running) fail(error);
          } finally {
            pulling.delete(c);
          }
        })();
      };
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
          if (seq !== undefined && Number.parseInt(position[c]!, 10) >= seq) continue;
          if (pullsBeside) resync(c);
          else await pull(laptop, c);
        }
      }));
    }
  }
  return {
    async stop() {
      running = false;
      client.destroy();
      await Promise.race([Promise.all(loops), new Promise((resolve) => setTimeout(resolve, 1000))]);
      return result;
    },
  };
}
