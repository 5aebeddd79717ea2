import type { Answer, Target } from './syncLoadHttp';
import { clientOf, http, requestTimeoutMs } from './syncLoadHttp';

/**
 * A range of simulated laptops for the sync-load bench (syncLoadLaptops.ts explains the two modes):
 * each holds its live connection(s) open and pulls what it is told about, until stopped. A range
 * is `sampled` when its laptops time every document they receive (notify); the others only count
 * rows on the bytes, so that measuring does not become the load.
 */

export type Mode = 'longpoll' | 'doorbell';
/** How a doorbell laptop gets the pages of the collections rung (see {@link FleetOptions.pulls}). */
export type Pulls = 'carried' | 'after' | 'beside';
export type { Target } from './syncLoadHttp';

/** Which laptops to run, and how. */
export interface FleetOptions {
  target: Target;
  mode: Mode;
  /** Laptop numbers `from` (inclusive) to `to` (exclusive): a laptop ignores its own writes by number. */
  from: number;
  to: number;
  sampled: boolean;
  /**
   * Doorbell mode, how a laptop follows a ring. `carried` (default, the app since bell12): its
   * doorbell longpoll names where each collection's pull stands (`cx_pull`, our server only, as the
   * app sends it only when the doorbell's database info has `cx_epoch`), and the answer carries the
   * page of each rung collection (sync-server/src/routes/pulls.ts); it pulls only what a page did
   * not bring (a full page, no page), then polls again. `after`: it pulls the rung collections one
   * after the other, then polls the doorbell again (the app from 77dff21 to bell12; the issue's and
   * sync9/10/load11's figures). `beside`: a ring starts a pull of its collection (RxDB's reSync)
   * and the doorbell polls again at once, pulls of different collections side by side, a ring for a
   * collection being pulled makes it pull once more when done (the app before 77dff21).
   */
  pulls: Pulls;
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

interface RingPage {
  results: { id: string; doc?: { cx_seq?: unknown } }[];
  last_seq: number | string;
  cx_pages?: Record<string, Page>;
}

/** Where `cx_pages` starts in a doorbell answer (pulls.ts writes it after `last_seq`). */
const pagesMark = Buffer.from(',"cx_pages":{');

interface Page {
  results: { id: string; doc?: { writer?: number; sentAt?: number } }[];
  last_seq: number | string;
}

/** Starts the laptops of `options`; resolves once each has read where its feeds start and is waiting. */
export async function startFleet(options: FleetOptions): Promise<Fleet> {
  const { target, mode, from, to, sampled, pulls } = options;
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
  const readPage = (laptop: number, page: Page): { rows: number; lastSeq: string } => {
    const now = Date.now();
    for (const row of page.results) if (row.doc?.sentAt && row.doc.writer !== laptop) result.notifyMs.push(now - row.doc.sentAt);
    return { rows: page.results.length, lastSeq: String(page.last_seq) };
  };
  const readBytes = (body: Buffer): { rows: number; lastSeq: string } => {
    let rows = 0;
    for (let i = body.indexOf('"changes":'); i >= 0; i = body.indexOf('"changes":', i + 10)) rows++;
    const end = body.toString('utf8', Math.max(0, body.length - 200));
    const seq = /"last_seq":\s*("(?:[^"\\]|\\.)*"|[0-9]+)\s*\}\s*$/.exec(end);
    if (!seq) throw new Error('no last_seq in page');
    return { rows, lastSeq: seq[1]!.startsWith('"') ? (JSON.parse(seq[1]!) as string) : seq[1]! };
  };
  const read = (laptop: number, res: Answer): { rows: number; lastSeq: string } => (sampled ? readPage(laptop, res.json as Page) : readBytes(res.body));
  /**
   * A doorbell answer: its rings, and the pages it carried by collection. Unsampled laptops parse
   * only the rings and read each page off its bytes (its start is `"<collection>":{"results":`).
   */
  const readRings = (laptop: number, res: Answer): { rings: RingPage; pages: Map<string, { rows: number; lastSeq: string }> } => {
    const pages = new Map<string, { rows: number; lastSeq: string }>();
    if (sampled) {
      const rings = res.json as RingPage;
      for (const [c, page] of Object.entries(rings.cx_pages ?? {})) pages.set(c, readPage(laptop, page));
      return { rings, pages };
    }
    const mark = res.body.indexOf(pagesMark);
    if (mark < 0) return { rings: res.json as RingPage, pages };
    const rings = JSON.parse(res.body.toString('utf8', 0, mark) + '}') as RingPage;
    const starts = collections
      .map((c) => ({ c, at: res.body.indexOf(`${JSON.stringify(c)}:{"results":`, mark) }))
      .filter((s) => s.at >= 0)
      .sort((a, b) => a.at - b.at);
    starts.forEach(({ c, at }, i) => {
      // Each page ends before the next one's `,"<collection>":`, the last before the closing `}}`.
      const end = i + 1 < starts.length ? starts[i + 1]!.at - 1 : res.body.length - 3;
      pages.set(c, readBytes(res.body.subarray(at + JSON.stringify(c).length + 1, end)));
    });
    return { rings, pages };
  };
  // Every simulated laptop uses the same account: one request first fills the server's credential
  // cache, or the opening requests would each verify the password (scrypt) at once and time out.
  await startSeq(target.dbs[collections[0]!]!);
  // As the app: pages are asked for only from a server whose database info carries an epoch (ours).
  const carried = pulls === 'carried' && mode === 'doorbell' && typeof ((await call('GET', `/${target.doorbell}`)).json as { cx_epoch?: unknown }).cx_epoch === 'string';
  const positions = new Map<number, Record<string, string>>();
  await Promise.all(Array.from({ length: to - from }, async (_, i) => {
    positions.set(from + i, Object.fromEntries(await Promise.all(collections.map(async (c) => [c, await startSeq(target.dbs[c]!)] as const))));
  }));

  const pull = async (laptop: number, collection: string): Promise<void> => {
    for (;;) {
      const q = pullQuery(laptop, collection);
      count('pull');
      const res = await call('GET', `/${target.dbs[collection]}/_changes?${q}`);
      if (res.status !== 200) throw new Error(`pull ${res.status}`);
      const { rows, lastSeq } = read(laptop, res);
      positions.get(laptop)![collection] = lastSeq;
      if (rows < pullLimit) return;
    }
  };
  const pullQuery = (laptop: number, collection: string): string => `style=all_docs&include_docs=true&limit=${pullLimit}&since=${encodeURIComponent(positions.get(laptop)![collection]!)}`;
  const longpoll = async (db: string, since: string, docs: boolean, extra = ''): Promise<Answer> => {
    count('longpoll');
    const res = await call('GET', `/${db}/_changes?feed=longpoll&timeout=${requestTimeoutMs}&style=all_docs${docs ? '&include_docs=true' : ''}&limit=${pullLimit}&since=${encodeURIComponent(since)}${extra}`);
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
        // `carried`: the longpoll names each collection's next pull, as the app's doorbell does.
        const asked = carried ? collections.map((c) => ({ c, since: position[c]! })) : [];
        const extra = asked.map(({ c }) => `&cx_pull=${encodeURIComponent(`${c}?${pullQuery(laptop, c)}`)}`).join('');
        const { rings: page, pages } = readRings(laptop, await longpoll(target.doorbell, since, true, extra));
        since = String(page.last_seq);
        // Pages carried for the positions asked are taken first; a full one leaves more to pull.
        const full = new Set<string>();
        for (const { c, since: from } of asked) {
          const carriedPage = pages.get(c);
          if (!carriedPage || position[c] !== from) continue;
          position[c] = carriedPage.lastSeq;
          if (carriedPage.rows >= pullLimit) full.add(c);
        }
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
          if (seq !== undefined && Number.parseInt(position[c]!, 10) >= seq && !full.has(c)) continue;
          if (pulls === 'beside') resync(c);
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
