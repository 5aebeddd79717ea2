import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { JourneyFlow } from '../../../common/journey/flowModel';
import { publishedEntryId } from '../../../common/journey/versions';
import { tenantDatabaseName } from '../../../common/sync/names';
import { CouchDb, couchServer } from '../couch';
import type { CouchServer } from '../couch';
import { triggerMatches } from '../../../common/flowEngine';
import { runsCollection } from '../../../common/journeyRuns/ids';
import type { PinnedStart } from '../commands';
import { startDocs } from '../commands';
import { JourneyDirectory } from '../journeys';

/**
 * Test support (not shipped behaviour): the real parts the engine talks to. A provider HTTP
 * receiver that records every request and honours idempotency keys like a real provider (a repeated
 * key is answered from memory, not delivered again), an SMTP server (the `smtp-server` package),
 * and helpers to publish a journey into a tenant's databases as the app's sync would.
 */

/** A request the receiver saw. */
export interface Received { path: string; method: string; key: string | undefined; headers: Record<string, string | string[] | undefined>; body: string }

/**
 * A provider API on 127.0.0.1; `failNext` makes the next answers fail with the given statuses (or
 * 'drop' to cut the socket); `holdNext` keeps the next N requests unanswered (and unprocessed) until
 * `release()`, as a provider that is slow to answer.
 */
export interface Receiver {
  url: string;
  /** Every request, in order. */
  requests: Received[];
  /** Deliveries: requests whose key was new. */
  delivered: Received[];
  /** How many requests and deliveries there were (kept also when the requests themselves are not). */
  counts: { requests: number; delivered: number };
  failNext: (Array<number | 'drop'>);
  holdNext: number;
  /** Requests held by `holdNext` so far and not yet released. */
  readonly held: number;
  /** Processes and answers the held requests, in order. */
  release(): void;
  close(): Promise<void>;
}

/**
 * Starts a receiver. With `keep: false` it keeps no request, only the counts and the keys it has
 * seen (the engine bench's 300,000 requests with their headers and bodies were hundreds of MB in
 * the bench process, whose CPU, garbage collection included, the bench reports as the server's).
 */
export async function startReceiver(o: { keep?: boolean } = {}): Promise<Receiver> {
  const keep = o.keep ?? true;
  const seen = new Map<string, string>();
  const waiting: (() => void)[] = [];
  const r = {
    url: '', requests: [] as Received[], delivered: [] as Received[], counts: { requests: 0, delivered: 0 }, failNext: [] as Array<number | 'drop'>, holdNext: 0,
    get held() { return waiting.length; },
    release: () => { for (const go of waiting.splice(0)) go(); },
    close: () => Promise.resolve(),
  } satisfies Receiver;
  const answer = (req: IncomingMessage, res: ServerResponse, body: string): void => {
    const key = req.headers['idempotency-key'] as string | undefined;
    const entry: Received = { path: req.url ?? '', method: req.method ?? '', key, headers: req.headers, body };
    r.counts.requests++;
    if (keep) r.requests.push(entry);
    const fail = r.failNext.shift();
    if (fail === 'drop') return void req.socket.destroy();
    if (fail !== undefined) {
      res.writeHead(fail, { 'content-type': 'application/json', ...(fail === 429 ? { 'retry-after': '0' } : {}) });
      return void res.end(JSON.stringify({ error: `status ${fail}` }));
    }
    if (key && seen.has(key)) {
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify({ id: seen.get(key), replayed: true }));
    }
    const id = `msg${++r.counts.delivered}`;
    if (key) seen.set(key, id);
    if (keep) r.delivered.push(entry);
    res.writeHead(201, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id }));
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const go = () => answer(req, res, Buffer.concat(chunks).toString('utf8'));
      if (r.holdNext <= 0) return go();
      r.holdNext--;
      waiting.push(go);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  r.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  r.close = () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); });
  return r;
}

/** A mail the SMTP server received. */
export interface Mail { to: string[]; data: string }

/**
 * An SMTP server on 127.0.0.1; `dropNext` cuts the next N connections during DATA; a recipient in
 * `reject` is refused with 550 (a permanent failure: the engine dead-letters it).
 */
export interface Smtp { port: number; mails: Mail[]; dropNext: number; reject: Set<string>; close(): Promise<void> }

/** Starts an SMTP server (no TLS, no auth). */
export async function startSmtp(): Promise<Smtp> {
  const state = { mails: [] as Mail[], dropNext: 0, reject: new Set<string>() };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (!state.reject.has(address.address)) return callback();
      return callback(Object.assign(new Error(`Mailbox ${address.address} unavailable`), { responseCode: 550 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (state.dropNext > 0) {
          state.dropNext--;
          // Cut the connection before answering: the client cannot know whether the mail was taken.
          (session as unknown as { socket?: { destroy(): void } }).socket?.destroy();
          return callback(new Error('connection dropped'));
        }
        state.mails.push({ to: session.envelope.rcptTo.map((a) => a.address), data: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return Object.assign(state, { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) });
}

/** Writes a journey and its published version `version` into a tenant's databases (as the app's sync does). */
export async function publish(server: CouchServer, tenant: string, journeyId: string, flow: JourneyFlow, version = 1): Promise<void> {
  const journeys = new CouchDb(server, tenantDatabaseName(tenant, 'journeys'));
  const history = new CouchDb(server, tenantDatabaseName(tenant, 'history'));
  const existing = await journeys.get<{ _id: string; _rev?: string }>(journeyId);
  await journeys.put({ ...(existing ?? {}), _id: journeyId, id: journeyId, name: journeyId, status: 'active', publishedVersion: version, updatedAt: Date.now() });
  await history.put({ _id: publishedEntryId(journeyId, version), id: publishedEntryId(journeyId, version), kind: 'published', entity: 'journey', entityId: journeyId, number: version, snapshot: { name: journeyId, description: '', tags: [], personaIds: [], map: { stages: [], lanes: [], cards: [] }, flow }, createdAt: Date.now() });
}

/** A server-admin connection to a test sync server. */
export function adminOf(url: string, password: string): CouchServer {
  return couchServer(url, 'root', password);
}

/** Polls until `check` returns true or `ms` pass. */
export async function until(check: () => boolean | Promise<boolean>, ms = 15_000, what = 'condition'): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

/**
 * Writes new (not started) runs of a journey's published version for these customers, as intake and
 * schedules write them and as start commands did before their owners made the runs themselves: the
 * owner of each partition reads them (claim or runs feed) and starts them.
 */
export async function writeNewRuns(server: CouchServer, tenant: string, journeyId: string, customerIds: readonly string[], key: string, partitions: number): Promise<void> {
  const directory = new JourneyDirectory(new CouchDb(server, tenantDatabaseName(tenant, 'journeys')), new CouchDb(server, tenantDatabaseName(tenant, 'history')));
  await directory.refresh();
  const ref = directory.published(journeyId);
  if (!ref || !(await directory.load(journeyId, ref.version, Date.now()))) throw new Error(`Journey ${journeyId} is not published`);
  const triggerNodeId = triggerMatches(directory.program(journeyId, ref.version)!, { type: 'manual' })[0]!;
  const cmd: PinnedStart = { _id: `cmd|${key}`, type: 'command', command: 'start', journeyId, customers: customerIds.map((id) => ({ id })), createdAt: Date.now(), pinned: { version: ref.version, triggerNodeId } };
  const docs = Array.from({ length: partitions }, (_, p) => startDocs(cmd, cmd.customers, p, partitions, Date.now())).flat();
  const written = await new CouchDb(server, tenantDatabaseName(tenant, runsCollection)).bulk(docs);
  if (!written.every((r) => r.ok)) throw new Error(`Runs not written: ${JSON.stringify(written)}`);
}
