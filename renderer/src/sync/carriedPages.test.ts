import { afterEach, describe, expect, test } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createSyncFetch } from '../../../common/sync/fetch';
import type { SyncFetch } from '../../../common/sync/fetch';
import { createBlankPersona } from '../../../common/persona/instantiate';
import { newId } from '../../../common/persona/ids';
import { accounts, basic, call, startTestServer } from '../../../sync-server/src/testing/harness';
import type { TestServer } from '../../../sync-server/src/testing/harness';
import { startPouchDbServer } from '../../../sync-server/src/testing/couchServers';
import { createDatabase } from '../db/database';
import type { Workspace } from '../db/database';
import { startSync } from './engine';
import type { SyncSession } from './engine';
import type { CouchTarget } from './couchHandlers';
import { nextPage, offerPage, pullBatch } from './couchHandlers';

/**
 * Our server's doorbell answer carries the page each rung collection's pull would fetch
 * (sync-server/src/routes/pulls.ts): the pull takes it instead of its GET when it starts where the
 * page starts and asks the same page size, so a round costs a laptop one request instead of ~3.
 * Anything else (a full page, another `since`, another server) pulls as before.
 */

let server: TestServer | undefined;
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
  await server?.close();
  server = undefined;
});

const persona = (name: string) => createBlankPersona({ ids: newId, now: Date.now(), author: 'test' }, name);

async function until(check: () => boolean | Promise<boolean>, what: string, ms = 15_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A laptop on `url` whose requests are recorded: the GETs of the personas feed, and the doorbell polls. */
async function laptop(name: string, url: string, authorization: string) {
  const feedGets: string[] = [];
  const infoGets: string[] = [];
  const polls: string[] = [];
  const base = globalThis.fetch.bind(globalThis);
  const recording: typeof fetch = (input, init) => {
    const u = String(input);
    if (u.includes('-personas/_changes')) feedGets.push(u);
    if (u.endsWith('-personas/')) infoGets.push(u);
    if (u.includes('-doorbell/_changes')) polls.push(u);
    return base(input, init);
  };
  const db: Workspace = await createDatabase(getRxStorageMemory(), `${name}${Math.random().toString(36).slice(2, 8)}`, { author: name, only: ['personas', 'history'] });
  const session: SyncSession = startSync(db, { serverUrl: url, tenant: 'acme', clientId: name, fetch: createSyncFetch({ fetch: recording, authorization: () => authorization }), log: () => {} });
  cleanup.push(async () => {
    await session.stop();
    await db.close();
  });
  await session.awaitInSync();
  return { db, session, feedGets, infoGets, polls };
}

const sinceOf = (url: string) => new URL(url).searchParams.get('since');
const pulled = (url: string) => new URL(url).searchParams.getAll('cx_pull').map((p) => p.split('?')[0]).sort();

async function ringPersonas(url: string, who = 'teammate') {
  const ring = `${url}/acme-doorbell/personas~${who}`;
  const rev = ((await call(ring, accounts.acmeEditor)).body as { _rev?: string })._rev;
  await call(ring, accounts.acmeEditor, { method: 'PUT', body: { ...(rev ? { _rev: rev } : {}), at: Date.now() } });
}

/**
 * The first doorbell poll goes out before the first pulls end, so it names none; the poll after
 * the next answer does. A ring with nothing new (covered) brings that answer.
 */
async function primed(b: { polls: string[] }) {
  await ringPersonas(server!.url, 'primer');
  await until(() => b.polls.some((p) => pulled(p).length === 2), 'a poll naming the pulls');
}

describe('the pull takes the page the doorbell carried', () => {
  test('a teammate’s write arrives with its ring: no GET of the collection’s feed', { timeout: 30_000 }, async () => {
    server = await startTestServer();
    const b = await laptop('b', server.url, basic(accounts.acmeEditor));
    // Once its pulls have positions, the doorbell names them (both collections).
    expect(pulled(b.polls[0]!)).toEqual([]);
    await primed(b);
    expect(pulled(b.polls.at(-1)!)).toEqual(['history', 'personas']);
    const gets = b.feedGets.length;
    const p = persona('Dana');
    await call(`${server.url}/acme-personas/${p.id}`, accounts.acmeEditor, { method: 'PUT', body: { ...p, _id: p.id, id: undefined } });
    await ringPersonas(server.url);
    await until(async () => (await b.db.personas.findOne(p.id).exec()) !== null, 'the persona on b');
    await new Promise((r) => setTimeout(r, 300));
    expect(b.feedGets.length).toBe(gets);
    expect(b.session.status().state).not.toBe('error');
  });

  test('a ring in the epoch the laptop knows stands for the feed check: no database-info request either', { timeout: 30_000 }, async () => {
    server = await startTestServer();
    // A pull that stored a checkpoint (RxDB keeps none after an empty first pull, and then checks every time).
    const first = persona('First');
    await call(`${server.url}/acme-personas/${first.id}`, accounts.acmeEditor, { method: 'PUT', body: { ...first, _id: first.id, id: undefined } });
    const b = await laptop('b', server.url, basic(accounts.acmeEditor));
    await primed(b);
    // Past the 2 s between feed checks (heal.ts): without the ring's epoch the pull would GET the info.
    await new Promise((r) => setTimeout(r, 2_300));
    const [gets, infos] = [b.feedGets.length, b.infoGets.length];
    const p = persona('Eli');
    await call(`${server.url}/acme-personas/${p.id}`, accounts.acmeEditor, { method: 'PUT', body: { ...p, _id: p.id, id: undefined } });
    await ringPersonas(server.url);
    await until(async () => (await b.db.personas.findOne(p.id).exec()) !== null, 'the persona on b');
    await new Promise((r) => setTimeout(r, 300));
    expect(b.feedGets.length).toBe(gets);
    expect(b.infoGets.length).toBe(infos);
  });

  test('a full page is taken and the rest is read with a GET from where it ended', { timeout: 30_000 }, async () => {
    server = await startTestServer();
    const b = await laptop('b', server.url, basic(accounts.acmeEditor));
    await primed(b);
    // Nothing pulled yet had rows: the first page asks for 100, so 150 documents fill it.
    const asked = new URLSearchParams(new URL(b.polls.at(-1)!).searchParams.getAll('cx_pull').find((p) => p.startsWith('personas?'))!.split('?')[1]);
    expect(asked.get('limit')).toBe('100');
    const gets = b.feedGets.length;
    const docs = Array.from({ length: 150 }, (_, i) => {
      const p = persona(`P${i}`);
      return { ...p, _id: p.id, id: undefined };
    });
    await call(`${server.url}/acme-personas/_bulk_docs`, accounts.acmeEditor, { method: 'POST', body: { docs } });
    await ringPersonas(server.url);
    await until(async () => (await b.db.personas.count().exec()) === 150, 'all 150 on b');
    const after = b.feedGets.slice(gets);
    expect(after.length).toBeGreaterThanOrEqual(1);
    // The first GET starts where the carried page ended (its 100th row), not where the pull stood.
    expect(Number(sinceOf(after[0]!))).toBe(Number(asked.get('since')) + 100);
  });

  test('two laptops editing side by side converge through our server', { timeout: 40_000 }, async () => {
    server = await startTestServer();
    const a = await laptop('a', server.url, basic(accounts.acmeEditor));
    const b = await laptop('b', server.url, basic(accounts.acmeEditor));
    await primed(a);
    await primed(b);
    const mine = Array.from({ length: 5 }, (_, i) => persona(`A${i}`));
    const theirs = Array.from({ length: 5 }, (_, i) => persona(`B${i}`));
    for (let i = 0; i < 5; i++) {
      await a.db.personas.insert(mine[i]!);
      await b.db.personas.insert(theirs[i]!);
    }
    const both = [...mine, ...theirs].map((p) => p.id).sort();
    const ids = async (db: Workspace) => (await db.personas.find().exec()).map((d) => d.id).sort();
    await until(async () => JSON.stringify(await ids(a.db)) === JSON.stringify(both) && JSON.stringify(await ids(b.db)) === JSON.stringify(both), 'both laptops holding all ten');
    // A rename on one reaches the other too.
    await (await a.db.personas.findOne(theirs[0]!.id).exec())!.incrementalPatch({ name: 'Renamed by a', updatedAt: Date.now() });
    await until(async () => (await b.db.personas.findOne(theirs[0]!.id).exec())?.name === 'Renamed by a', 'the rename on b');
  });
});

describe('against a CouchDB-like server', () => {
  test('the doorbell names no pulls there (its database info has no epoch)', { timeout: 60_000 }, async () => {
    const couch = await startPouchDbServer();
    cleanup.push(() => couch.close());
    const admin = `Basic ${btoa(`${couch.admin.name}:${couch.admin.password}`)}`;
    for (const db of ['acme-doorbell', 'acme-personas', 'acme-history']) expect((await fetch(`${couch.url}/${db}`, { method: 'PUT', headers: { authorization: admin } })).ok).toBe(true);
    const b = await laptop('b', couch.url, admin);
    await until(() => b.polls.length >= 1, 'a doorbell poll');
    await new Promise((r) => setTimeout(r, 300));
    expect(b.polls.length).toBeGreaterThanOrEqual(1);
    for (const poll of b.polls) expect(pulled(poll)).toEqual([]);
  });
});

describe('pullBatch with a page offered', () => {
  /** A target over a fake server that answers every `_changes` GET with `feed` from its `since`. */
  function fakeTarget(feed: { seq: number; id: string }[]) {
    const gets: string[] = [];
    const call = (input: string | URL | Request): Promise<Response> => {
      const url = new URL(String(input));
      gets.push(url.search);
      const since = Number(url.searchParams.get('since'));
      const limit = Number(url.searchParams.get('limit'));
      const rows = feed.filter((r) => r.seq > since).slice(0, limit);
      return Promise.resolve(new Response(JSON.stringify({ results: rows.map(row), last_seq: rows.at(-1)?.seq ?? since })));
    };
    const fetch = Object.assign(call, { authFailure: undefined, resetAuth: () => {} }) as SyncFetch;
    const target: CouchTarget = { url: 'http://sync.test/acme-personas/', collection: 'personas', schemaVersion: 99, fetch, writerId: 'me', onNewer: () => {}, onRefused: () => {} };
    return { target, gets };
  }
  const row = (r: { seq: number; id: string }) => ({ seq: r.seq, id: r.id, changes: [{ rev: '1-a' }], doc: { _id: r.id, _rev: '1-a', name: r.id } });
  const feed = [1, 2, 3, 4].map((seq) => ({ seq, id: `d${seq}` }));

  test('taken when it starts at the pull’s since with its page size: no GET', async () => {
    const { target, gets } = fakeTarget(feed);
    const ask = nextPage(target, 2, 500);
    offerPage(target, { since: ask.since, limit: ask.limit, body: { results: feed.slice(2).map(row), last_seq: 4 } });
    const got = await pullBatch(target, 2, 500);
    expect(got.documents.map((d) => d.id)).toEqual(['d3', 'd4']);
    expect(got.checkpoint).toEqual({ sequence: 4 });
    expect(gets).toEqual([]);
  });

  test('dropped when the pull starts elsewhere or asks another page size: the pull GETs', async () => {
    for (const [since, limit] of [[1, undefined], [2, 7]] as const) {
      const { target, gets } = fakeTarget(feed);
      const ask = nextPage(target, 2, 500);
      // A stale page (it says d9) must not be what the pull returns.
      offerPage(target, { since: ask.since, limit: limit ?? ask.limit, body: { results: [row({ seq: 9, id: 'd9' })], last_seq: 9 } });
      const got = await pullBatch(target, since, 500);
      expect(gets.length, `since ${since}, limit ${limit}`).toBe(1);
      expect(got.documents.map((d) => d.id)).toEqual(feed.filter((r) => r.seq > since).map((r) => r.id));
      // Offered once: a later pull from that since does not take it either.
      expect((await pullBatch(target, 2, 500)).documents.map((d) => d.id)).toEqual(['d3', 'd4']);
    }
  });
});
