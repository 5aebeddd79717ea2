import { afterEach, describe, expect, test } from 'vitest';
import { accounts, call, startTestServer } from '../testing/harness';
import type { TestServer } from '../testing/harness';

/**
 * The doorbell answer carries the pages (pulls.ts): for each rung collection the laptop named in
 * `cx_pull`, exactly what its own `GET /<tenant>-<collection>/_changes?…` would answer, under the
 * same access rules, never another tenant's.
 */

let server: TestServer;
afterEach(async () => server?.close());

const persona = (id: string, extra: Record<string, unknown> = {}) => ({ _id: id, name: id, createdAt: 1, updatedAt: 1, ...extra });
const pullQuery = (since: number, limit = 100) => `style=all_docs&include_docs=true&conflicts=true&since=${since}&limit=${limit}`;
const ask = (collection: string, since: number, limit?: number) => `cx_pull=${encodeURIComponent(`${collection}?${pullQuery(since, limit)}`)}`;

async function ring(collection: string, who = 'a') {
  const url = `${server.url}/acme-doorbell/${collection}~${who}`;
  const current = await call(url, accounts.acmeEditor);
  const rev = (current.body as { _rev?: string })._rev;
  expect((await call(url, accounts.acmeEditor, { method: 'PUT', body: { ...(rev ? { _rev: rev } : {}), at: Date.now() } })).status).toBe(201);
}

async function write(db: string, docs: Record<string, unknown>[]) {
  expect((await call(`${server.url}/${db}/_bulk_docs`, accounts.acmeEditor, { method: 'POST', body: { docs } })).status).toBe(201);
}

const doorbell = (login: string, query: string) => call(`${server.url}/acme-doorbell/_changes?feed=longpoll&timeout=2000&include_docs=true&since=0&${query}`, login);

describe('doorbell answers carry the pages of rung collections', () => {
  test('each rung collection named gets exactly the page its own pull would read; others get none', async () => {
    server = await startTestServer();
    await write('acme-personas', [persona('p1'), persona('p2'), persona('p3')]);
    await write('acme-journeys', [persona('j1')]);
    await ring('personas');
    await ring('journeys');
    const answer = await doorbell(accounts.acmeEditor, [ask('personas', 1), ask('journeys', 0), ask('history', 0)].join('&'));
    expect(answer.status).toBe(200);
    expect(answer.body.results.map((r: { id: string }) => r.id).sort()).toEqual(['journeys~a', 'personas~a']);
    const own = (db: string, since: number) => call(`${server.url}/${db}/_changes?${pullQuery(since)}`, accounts.acmeEditor).then((r) => r.body);
    expect(answer.body.cx_pages).toEqual({ personas: await own('acme-personas', 1), journeys: await own('acme-journeys', 0) });
    expect(answer.body.cx_pages.personas.results.map((r: { id: string }) => r.id)).toEqual(['p2', 'p3']);
    // The ring page itself is unchanged around it.
    const plain = await doorbell(accounts.acmeEditor, '');
    expect({ results: answer.body.results, last_seq: answer.body.last_seq }).toEqual(plain.body);
  });

  test('a longpoll woken by a write and its ring carries the page that has the write', async () => {
    server = await startTestServer();
    await write('acme-personas', [persona('p1')]);
    const since = (await call(`${server.url}/acme-doorbell`, accounts.acmeEditor)).body.update_seq as number;
    const waiting = call(`${server.url}/acme-doorbell/_changes?feed=longpoll&heartbeat=500&timeout=10000&include_docs=true&since=${since}&${ask('personas', 1)}`, accounts.acmeViewer);
    await new Promise((r) => setTimeout(r, 700)); // a heartbeat went out: the answer follows them
    await write('acme-personas', [persona('p2')]);
    await ring('personas');
    const answer = await waiting;
    expect(answer.status).toBe(200);
    expect(answer.body.cx_pages.personas.results.map((r: { id: string }) => r.id)).toEqual(['p2']);
    expect(answer.body.cx_pages.personas.last_seq).toBe(2);
  });

  test('a viewer gets the same pages as an editor, as its own GET would', async () => {
    server = await startTestServer();
    await write('acme-personas', [persona('p1'), persona('p2')]);
    await ring('personas');
    const viewer = await doorbell(accounts.acmeViewer, ask('personas', 0));
    const direct = await call(`${server.url}/acme-personas/_changes?${pullQuery(0)}`, accounts.acmeViewer);
    expect(direct.status).toBe(200);
    expect(viewer.body.cx_pages.personas).toEqual(direct.body);
    expect((await doorbell(accounts.acmeEditor, ask('personas', 0))).body.cx_pages).toEqual(viewer.body.cx_pages);
  });

  test('a page limit is honoured exactly: the page is full and says where the next starts', async () => {
    server = await startTestServer();
    await write('acme-personas', [1, 2, 3, 4, 5].map((n) => persona(`p${n}`)));
    await ring('personas');
    const page = (await doorbell(accounts.acmeEditor, ask('personas', 1, 2))).body.cx_pages.personas;
    expect(page.results.map((r: { id: string }) => r.id)).toEqual(['p2', 'p3']);
    expect(page.last_seq).toBe(3);
    expect(page).toEqual((await call(`${server.url}/acme-personas/_changes?${pullQuery(1, 2)}`, accounts.acmeEditor)).body);
  });

  test('pages too large to carry, empty ones and those of a deleted database are left out', async () => {
    server = await startTestServer();
    await write('acme-personas', [persona('big', { notes: 'x'.repeat(300 * 1024) })]);
    await write('acme-journeys', [persona('j1')]);
    await ring('personas');
    await ring('journeys');
    await ring('history');
    expect((await call(`${server.url}/acme-journeys`, accounts.admin, { method: 'DELETE' })).status).toBe(200);
    const answer = await doorbell(accounts.acmeEditor, [ask('personas', 0), ask('journeys', 0), ask('history', 0)].join('&'));
    expect(answer.status).toBe(200);
    expect(answer.body.results).toHaveLength(3);
    expect(answer.body.cx_pages).toBeUndefined();
    // The pull the laptop then makes itself gets what it always got.
    expect((await call(`${server.url}/acme-personas/_changes?${pullQuery(0)}`, accounts.acmeEditor)).body.results).toHaveLength(1);
    expect((await call(`${server.url}/acme-journeys/_changes?${pullQuery(0)}`, accounts.acmeEditor)).status).toBe(404);
  });

  test('another tenant is never reached: no database names, and its users are refused as before', async () => {
    server = await startTestServer();
    await call(`${server.url}/other-personas/secret`, accounts.otherEditor, { method: 'PUT', body: persona('secret') });
    await ring('personas');
    for (const named of ['other-personas', '../other-personas', 'other/personas', 'OTHER']) {
      const answer = await doorbell(accounts.acmeEditor, `cx_pull=${encodeURIComponent(`${named}?since=0`)}`);
      expect(answer.status, named).toBe(400);
      expect(JSON.stringify(answer.body), named).not.toContain('secret');
    }
    // A user of the other tenant asking acme's doorbell: acme's doorbell does not exist for it.
    expect((await doorbell(accounts.otherEditor, ask('personas', 0))).status).toBe(404);
    // Its own doorbell carries its own page, never acme's.
    await call(`${server.url}/other-doorbell/personas~o`, accounts.otherEditor, { method: 'PUT', body: { at: 1 } });
    await call(`${server.url}/acme-personas/mine`, accounts.acmeEditor, { method: 'PUT', body: persona('mine') });
    const own = await call(`${server.url}/other-doorbell/_changes?feed=longpoll&timeout=2000&include_docs=true&since=0&${ask('personas', 0)}`, accounts.otherEditor);
    expect(own.body.cx_pages.personas.results.map((r: { id: string }) => r.id)).toEqual(['secret']);
  });

  test('malformed pulls are refused with a reason, not ignored', async () => {
    server = await startTestServer();
    const cases = [
      ask('personas', 0) + '&' + ask('personas', 1), // twice
      `cx_pull=${encodeURIComponent('personas?since=0&feed=longpoll')}`, // not a pull's option
      `cx_pull=${encodeURIComponent('personas?since=now')}`,
      `cx_pull=${encodeURIComponent('personas?since=-1')}`,
      `cx_pull=${encodeURIComponent('doorbell?since=0')}`,
    ];
    for (const query of cases) {
      const answer = await doorbell(accounts.acmeEditor, query);
      expect(answer.status, query).toBe(400);
      expect(typeof answer.body.reason, query).toBe('string');
    }
    // Only a doorbell database takes them.
    expect((await call(`${server.url}/acme-personas/_changes?${ask('journeys', 0)}`, accounts.acmeEditor)).status).toBe(400);
  });
});
