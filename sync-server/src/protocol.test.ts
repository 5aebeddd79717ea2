import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestServer } from './testing/harness';
import { accounts, basic, call, startTestServer, testPassword } from './testing/harness';

let server: TestServer;
let url: string;
const db = () => `${url}/acme-personas`;
const { admin, acmeAdmin, acmeEditor, acmeViewer, otherEditor } = accounts;

beforeAll(async () => {
  server = await startTestServer({ maxBodyBytes: 64 * 1024 });
  url = server.url;
});
afterAll(async () => server.close());

describe('CouchDB protocol', () => {
  test('GET / welcomes like CouchDB, without credentials', async () => {
    const { status, body } = await call(url + '/', undefined);
    expect(status).toBe(200);
    expect(body.couchdb).toBe('Welcome');
  });

  test('server admins create, read and delete databases; a second create is file_exists', async () => {
    expect((await call(`${url}/acme-scratch`, admin, { method: 'PUT' })).status).toBe(201);
    const again = await call(`${url}/acme-scratch`, admin, { method: 'PUT' });
    expect([again.status, again.body.error]).toEqual([412, 'file_exists']);
    const info = await call(`${url}/acme-scratch`, admin);
    expect(info.body).toMatchObject({ db_name: 'acme-scratch', doc_count: 0, update_seq: 0 });
    expect((await call(`${url}/acme-scratch`, admin, { method: 'DELETE' })).status).toBe(200);
    expect((await call(`${url}/acme-scratch`, admin)).status).toBe(404);
  });

  test('tenant users cannot create or delete databases', async () => {
    for (const login of [acmeAdmin, acmeEditor]) {
      expect((await call(`${url}/acme-newcoll`, login, { method: 'PUT' })).status).toBe(403);
      expect((await call(db(), login, { method: 'DELETE' })).status).toBe(403);
    }
  });

  test('document PUT, GET with revs/conflicts, update with rev, DELETE with rev', async () => {
    const put = await call(`${db()}/doc1`, acmeEditor, { method: 'PUT', body: { title: 'one' } });
    expect(put.status).toBe(201);
    const rev1 = put.body.rev as string;
    const stale = await call(`${db()}/doc1`, acmeEditor, { method: 'PUT', body: { title: 'x' } });
    expect([stale.status, stale.body.error]).toEqual([409, 'conflict']);
    const upd = await call(`${db()}/doc1?rev=${rev1}`, acmeEditor, { method: 'PUT', body: { title: 'two' } });
    expect(upd.status).toBe(201);
    const got = await call(`${db()}/doc1?revs=true&conflicts=true`, acmeViewer);
    expect(got.body.title).toBe('two');
    expect(got.body._revisions.ids).toHaveLength(2);
    const old = await call(`${db()}/doc1?rev=${rev1}`, acmeViewer);
    expect(old.body.title).toBe('one');
    const del = await call(`${db()}/doc1?rev=${upd.body.rev}`, acmeEditor, { method: 'DELETE' });
    expect(del.status).toBe(200);
    const gone = await call(`${db()}/doc1`, acmeViewer);
    expect([gone.status, gone.body]).toEqual([404, { error: 'not_found', reason: 'deleted' }]);
  });

  test('new_edits:false keeps both branches; conflicts, open_revs and latest report them', async () => {
    const docs = [
      { _id: 'c1', _rev: '1-a', _revisions: { start: 1, ids: ['a'] }, v: 0 },
      { _id: 'c1', _rev: '2-b', _revisions: { start: 2, ids: ['b', 'a'] }, v: 1 },
      { _id: 'c1', _rev: '2-c', _revisions: { start: 2, ids: ['c', 'a'] }, v: 2 },
    ];
    const res = await call(`${db()}/_bulk_docs`, acmeEditor, { method: 'POST', body: { docs, new_edits: false } });
    expect([res.status, res.body]).toEqual([201, []]);
    const got = await call(`${db()}/c1?conflicts=true`, acmeViewer);
    expect(got.body._rev).toBe('2-c');
    expect(got.body._conflicts).toEqual(['2-b']);
    const open = await call(`${db()}/c1?open_revs=${encodeURIComponent('["2-b","2-c"]')}&revs=true`, acmeViewer);
    expect(open.body.map((r: { ok: { _rev: string } }) => r.ok._rev).sort()).toEqual(['2-b', '2-c']);
    const latest = await call(`${db()}/c1?open_revs=${encodeURIComponent('["1-a"]')}&latest=true`, acmeViewer);
    expect(latest.body.map((r: { ok: { _rev: string } }) => r.ok._rev).sort()).toEqual(['2-b', '2-c']);
    const all = await call(`${db()}/c1?open_revs=all`, acmeViewer);
    expect(all.body).toHaveLength(2);
  });

  test('_revs_diff and _bulk_get answer like CouchDB', async () => {
    const diff = await call(`${db()}/_revs_diff`, acmeViewer, { method: 'POST', body: { c1: ['2-b', '3-z'], nothere: ['1-q'] } });
    // possible_ancestors only matters for attachments, which the app does not use; PouchDB omits it.
    expect(diff.body).toMatchObject({ c1: { missing: ['3-z'] }, nothere: { missing: ['1-q'] } });
    const bulk = await call(`${db()}/_bulk_get?revs=true`, acmeViewer, { method: 'POST', body: { docs: [{ id: 'c1', rev: '2-b' }, { id: 'nope' }] } });
    expect(bulk.body.results[0].docs[0].ok._revisions).toEqual({ start: 2, ids: ['b', 'a'] });
    expect(bulk.body.results[1].docs[0].error.error).toBe('not_found');
  });

  test('_bulk_docs reports per-document conflicts and _all_docs GET/POST keys include deleted rows', async () => {
    const first = await call(`${db()}/_bulk_docs`, acmeEditor, { method: 'POST', body: { docs: [{ _id: 'k1', n: 1 }, { _id: 'k2', n: 2 }] } });
    expect(first.body.map((r: { ok: boolean }) => r.ok)).toEqual([true, true]);
    const second = await call(`${db()}/_bulk_docs`, acmeEditor, { method: 'POST', body: { docs: [{ _id: 'k1', n: 9 }] } });
    expect(second.body[0]).toMatchObject({ id: 'k1', error: 'conflict' });
    await call(`${db()}/k2?rev=${first.body[1].rev}`, acmeEditor, { method: 'DELETE' });
    const post = await call(`${db()}/_all_docs`, acmeViewer, { method: 'POST', body: { keys: ['k1', 'k2', 'zz'], include_docs: true } });
    expect(post.body.rows[0].doc.n).toBe(1);
    expect(post.body.rows[1]).toMatchObject({ id: 'k2', value: { deleted: true }, doc: null });
    expect(post.body.rows[2]).toEqual({ key: 'zz', error: 'not_found' });
    const get = await call(`${db()}/_all_docs?keys=${encodeURIComponent('["k1"]')}`, acmeViewer);
    expect(get.body.rows).toHaveLength(1);
    const range = await call(`${db()}/_all_docs?startkey=%22k%22&endkey=%22k%EF%BF%B0%22&limit=1`, acmeViewer);
    expect(range.body.rows.map((r: { id: string }) => r.id)).toEqual(['k1']);
  });

  test('_changes honours limit exactly, since, style=all_docs, include_docs and since=now', async () => {
    const name = `${url}/acme-templates`;
    const docs = Array.from({ length: 25 }, (_, i) => ({ _id: `t${String(i).padStart(2, '0')}`, i }));
    await call(`${name}/_bulk_docs`, acmeEditor, { method: 'POST', body: { docs } });
    for (const limit of [1, 7, 10, 25]) {
      const page = await call(`${name}/_changes?limit=${limit}`, acmeViewer);
      expect(page.body.results).toHaveLength(limit);
    }
    let since: unknown = 0;
    const seen: string[] = [];
    for (;;) {
      const page = await call(`${name}/_changes?limit=10&since=${String(since)}&include_docs=true&style=all_docs`, acmeViewer);
      if (page.body.results.length === 0) break;
      for (const row of page.body.results) {
        expect(row.doc._id).toBe(row.id);
        seen.push(row.id);
      }
      since = page.body.last_seq;
    }
    expect(seen).toEqual(docs.map((d) => d._id));
    const now = await call(`${name}/_changes?since=now`, acmeViewer);
    expect(now.body).toEqual({ results: [], last_seq: since });
    const zero = await call(`${name}/_changes?limit=0`, acmeViewer);
    expect(zero.body.results).toHaveLength(1);
  });

  test('_changes sends large stored bodies as they are: byte-exact JSON with unicode, escapes, _conflicts, deletions', async () => {
    const name = `${url}/acme-history`;
    const note = (i: number) => `${'Entrevista «é€😀» "quoted" \\ \n\u2028 '.repeat(500)}${i}`;
    const docs = Array.from({ length: 4 }, (_, i) => ({ _id: `h${i}/ü`, note: note(i), nested: { _id: 'inner', list: [i, '}'] } }));
    // One a request: this server takes bodies of at most 64 KB.
    for (const doc of docs) expect((await call(`${name}/_bulk_docs`, acmeEditor, { method: 'POST', body: { docs: [doc] } })).status).toBe(201);
    await call(`${name}/_bulk_docs`, acmeEditor, { method: 'POST', body: { docs: [{ _id: 'h1/ü', _rev: '1-ffffffffffffffffffffffffffffffff', note: note(9) }], new_edits: false } });
    const second = await call(`${name}/${encodeURIComponent('h2/ü')}`, acmeViewer);
    await call(`${name}/${encodeURIComponent('h2/ü')}?rev=${second.body._rev}`, acmeEditor, { method: 'DELETE' });
    const res = await fetch(`${name}/_changes?include_docs=true&conflicts=true&style=all_docs`, { headers: { authorization: basic(acmeViewer) } });
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(Number(res.headers.get('content-length'))).toBe(bytes.length);
    const feed = JSON.parse(bytes.toString('utf8')) as { results: { id: string; deleted?: boolean; doc: Record<string, unknown> }[] };
    expect(feed.results.map((r) => r.id)).toEqual(['h0/ü', 'h3/ü', 'h1/ü', 'h2/ü']);
    for (const row of feed.results) {
      if (row.deleted) {
        expect(row.doc).toMatchObject({ _id: row.id, _deleted: true });
        continue;
      }
      const single = await call(`${name}/${encodeURIComponent(row.id)}?conflicts=true`, acmeViewer);
      expect(row.doc).toEqual(single.body);
    }
    expect(feed.results.find((r) => r.id === 'h1/ü')?.doc._conflicts).toHaveLength(1);
  });

  test('longpoll waits for the next write, sending heartbeats, and answers with it', async () => {
    const name = `${url}/acme-snapshots`;
    const pending = fetch(`${name}/_changes?feed=longpoll&since=now&heartbeat=1000&include_docs=true`, { headers: { authorization: basic(acmeViewer) } });
    const res = await pending;
    // Headers arrive before any change; then a heartbeat newline. Only then write.
    expect(res.status).toBe(200);
    const reader = res.body?.getReader();
    const beat = await reader?.read();
    expect(new TextDecoder().decode(beat?.value)).toBe('\n');
    await call(`${name}/snap1`, acmeEditor, { method: 'PUT', body: { v: 1 } });
    let text = '';
    for (let part = await reader?.read(); part && !part.done; part = await reader?.read()) text += new TextDecoder().decode(part.value);
    const body = JSON.parse(text) as { results: { id: string; doc: { v: number } }[] };
    expect(body.results.map((r) => [r.id, r.doc.v])).toEqual([['snap1', 1]]);
  });

  test('a deletion written with a body keeps that body in the feed (RxDB validates pulled tombstones)', async () => {
    const name = `${url}/acme-settings`;
    const put = await call(`${name}/tomb`, acmeEditor, { method: 'PUT', body: { title: 'kept', n: 1 } });
    const del = await call(`${name}/_bulk_docs`, acmeEditor, { method: 'POST', body: { docs: [{ _id: 'tomb', _rev: put.body.rev, _deleted: true, title: 'kept', n: 1 }] } });
    expect(del.body[0].ok).toBe(true);
    const feed = await call(`${name}/_changes?include_docs=true&style=all_docs`, acmeViewer);
    const row = feed.body.results.find((r: { id: string }) => r.id === 'tomb');
    expect(row).toMatchObject({ deleted: true, doc: { _deleted: true, title: 'kept', n: 1 } });
  });

  test('longpoll with a timeout and nothing new answers an empty page at the same sequence', async () => {
    const res = await call(`${url}/acme-assets/_changes?feed=longpoll&since=now&timeout=50`, acmeViewer);
    expect(res.body).toEqual({ results: [], last_seq: 0 });
  });

  test('_local documents: viewers may write checkpoints; they never appear in _changes', async () => {
    const put = await call(`${db()}/_local/ckpt`, acmeViewer, { method: 'PUT', body: { seq: 3 } });
    expect(put.status).toBe(201);
    const got = await call(`${db()}/_local/ckpt`, acmeViewer);
    expect(got.body.seq).toBe(3);
    const upd = await call(`${db()}/_local/ckpt`, acmeViewer, { method: 'PUT', body: { seq: 4, _rev: got.body._rev } });
    expect(upd.status).toBe(201);
    const feed = await call(`${db()}/_changes`, acmeViewer);
    expect(feed.body.results.some((r: { id: string }) => r.id.startsWith('_local'))).toBe(false);
    expect((await call(`${db()}/_local/ckpt`, acmeViewer, { method: 'DELETE' })).status).toBe(200);
  });
});

describe('sessions and credentials', () => {
  test('POST /_session sets a cookie that authenticates; GET tells who; DELETE clears it', async () => {
    const login = await call(`${url}/_session`, undefined, { method: 'POST', body: { name: acmeEditor, password: testPassword } });
    expect(login.body).toMatchObject({ ok: true, name: acmeEditor, roles: ['acme:editor'] });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(cookie).toMatch(/^AuthSession=cx1\./);
    const who = await call(`${url}/_session`, undefined, { headers: { cookie } });
    expect(who.body.userCtx).toEqual({ name: acmeEditor, roles: ['acme:editor'] });
    expect((await call(`${db()}`, undefined, { headers: { cookie } })).status).toBe(200);
    const bearer = await call(db(), undefined, { headers: { authorization: `Bearer ${login.body.token}` } });
    expect(bearer.status).toBe(200);
    const out = await call(`${url}/_session`, undefined, { method: 'DELETE', headers: { cookie } });
    expect(out.headers.get('set-cookie')).toMatch(/AuthSession=;/);
  });

  test('form-encoded sign-in works like CouchDB', async () => {
    const res = await call(`${url}/_session`, undefined, {
      method: 'POST',
      raw: `name=${encodeURIComponent(acmeViewer)}&password=${encodeURIComponent(testPassword)}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.body.roles).toEqual(['acme:viewer']);
  });

  test('tokens expire and removed users lose their sessions at once', async () => {
    const login = await call(`${url}/_session`, undefined, { method: 'POST', body: { name: acmeViewer, password: testPassword } });
    const auth = { authorization: `Bearer ${login.body.token}` };
    expect((await call(db(), undefined, { headers: auth })).status).toBe(200);
    server.advance(2 * 3600_000);
    const expired = await call(db(), undefined, { headers: auth });
    expect([expired.status, expired.body.reason]).toEqual([401, 'Session expired. Sign in again.']);
    server.advance(-2 * 3600_000);
    server.registry.setUser('acme', 'tmp', { hash: server.registry.account(acmeViewer)?.record.hash ?? '', role: 'editor' });
    const tmp = await call(`${url}/_session`, undefined, { method: 'POST', body: { name: 'acme/tmp', password: testPassword } });
    server.registry.removeUser('acme', 'tmp');
    const revoked = await call(db(), undefined, { headers: { authorization: `Bearer ${tmp.body.token}` } });
    expect(revoked.status).toBe(401);
  });

  test('forged, truncated and foreign tokens are refused', async () => {
    const login = await call(`${url}/_session`, undefined, { method: 'POST', body: { name: acmeViewer, password: testPassword } });
    const token = login.body.token as string;
    const [head, payload, sig] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ sub: 'root', gen: 1, exp: Date.now() + 1e9 })).toString('base64url');
    for (const bad of [`${head}.${forged}.${sig}`, token.slice(0, -3), 'cx1..', 'garbage', `${head}.${payload}.`, 'x'.repeat(5000)]) {
      const res = await call(db(), undefined, { headers: { authorization: `Bearer ${bad}` } });
      expect(res.status).toBe(401);
      expect(res.body.error).toBe('unauthorized');
    }
  });

  test('failed sign-ins are rate limited per name with a 429', async () => {
    let last = 0;
    for (let i = 0; i < 12; i++) {
      last = (await call(`${url}/_session`, undefined, { method: 'POST', body: { name: 'acme/mallory', password: `guess${i}` } })).status;
    }
    expect(last).toBe(429);
    expect(server.log.lines.some((l) => l.msg === 'credentials refused' && l.status === 429 && l.path === '/_session')).toBe(true);
  });
});

describe('tenancy and roles', () => {
  test('another tenant\'s database answers exactly like a missing one, on every route', async () => {
    const paths = ['', '/_changes', '/_all_docs', '/some-doc', '/_local/x', '/_security'];
    for (const path of paths) {
      const foreign = await call(`${url}/other-personas${path}`, acmeAdmin);
      const missing = await call(`${url}/acme-nosuchthing${path}`, acmeAdmin);
      expect(foreign.status).toBe(404);
      expect(foreign.body).toEqual(missing.body);
    }
    for (const [method, path] of [['POST', '/_bulk_docs'], ['POST', '/_revs_diff'], ['POST', '/_bulk_get'], ['PUT', '/d1']] as const) {
      const foreign = await call(`${url}/other-personas${path}`, acmeAdmin, { method, body: { docs: [] } });
      expect([foreign.status, foreign.body.error]).toEqual([404, 'not_found']);
    }
  });

  test('_all_dbs lists only the caller\'s tenant; admins see all', async () => {
    const mine = (await call(`${url}/_all_dbs`, acmeViewer)).body as string[];
    expect(mine.length).toBeGreaterThan(5);
    expect(mine.every((n) => n.startsWith('acme-'))).toBe(true);
    const theirs = (await call(`${url}/_all_dbs`, otherEditor)).body as string[];
    expect(theirs.every((n) => n.startsWith('other-'))).toBe(true);
    const all = (await call(`${url}/_all_dbs`, admin)).body as string[];
    expect(all.length).toBe(mine.length + theirs.length);
  });

  test('viewers are refused on every write path; editors cannot write design documents', async () => {
    const writes: [string, string, unknown][] = [
      ['PUT', '/v1', { a: 1 }],
      ['POST', '', { a: 1 }],
      ['POST', '/_bulk_docs', { docs: [{ _id: 'v2' }] }],
      ['POST', '/_bulk_docs', { docs: [{ _id: 'v3', _rev: '1-x' }], new_edits: false }],
      ['DELETE', '/k1?rev=1-x', undefined],
      ['PUT', '/_design/x', { views: {} }],
    ];
    for (const [method, path, body] of writes) {
      const res = await call(`${db()}${path}`, acmeViewer, { method, body });
      expect([method, path, res.status, res.body.error]).toEqual([method, path, 403, 'forbidden']);
    }
    expect((await call(`${db()}/_design/x`, acmeEditor, { method: 'PUT', body: { views: {} } })).status).toBe(403);
    expect((await call(`${db()}/_design/x`, acmeAdmin, { method: 'PUT', body: { views: {} } })).status).toBe(201);
    expect((await call(`${db()}/v2`, acmeViewer)).status).toBe(404);
  });

  test('anonymous requests reach nothing but the welcome and the session', async () => {
    for (const path of ['/_all_dbs', '/acme-personas', '/acme-personas/_changes', '/_node/_local/_config', '/_cx/tenants/acme/users']) {
      const res = await call(url + path, undefined);
      expect([path, res.status, res.body.error]).toEqual([path, 401, 'unauthorized']);
    }
  });

  test('config routes need a server admin', async () => {
    expect((await call(`${url}/_node/_local/_config/cors/origins`, acmeAdmin, { method: 'PUT', body: 'https://x' })).status).toBe(403);
    expect((await call(`${url}/_node/_local/_config/cors/origins`, admin, { method: 'PUT', body: 'https://x' })).status).toBe(200);
    expect((await call(`${url}/_node/_local/_config/cors/origins`, admin)).body).toBe('https://x');
    const cors = await fetch(`${url}/`, { headers: { origin: 'https://x' } });
    expect(cors.headers.get('access-control-allow-origin')).toBe('https://x');
    const foreign = await fetch(`${url}/`, { headers: { origin: 'https://evil.example' } });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });

  test('tenant admins manage users over HTTP; editors and other tenants cannot', async () => {
    const users = `${url}/_cx/tenants/acme/users`;
    expect((await call(users, acmeEditor)).status).toBe(403);
    expect((await call(users, otherEditor)).status).toBe(404);
    expect((await call(`${url}/_cx/tenants/nosuch/users`, acmeAdmin)).body).toEqual((await call(`${url}/_cx/tenants/other/users`, acmeAdmin)).body);
    const add = await call(`${users}/newbie`, acmeAdmin, { method: 'PUT', body: { password: 'long enough pw', role: 'viewer' } });
    expect([add.status, add.body.role]).toEqual([201, 'viewer']);
    expect((await call(db(), undefined, { headers: { authorization: basic('acme/newbie', 'long enough pw') } })).status).toBe(200);
    const promote = await call(`${users}/newbie`, acmeAdmin, { method: 'PUT', body: { role: 'editor' } });
    expect([promote.status, promote.body.role]).toEqual([200, 'editor']);
    expect((await call(users, acmeAdmin)).body.users).toContainEqual({ name: 'newbie', role: 'editor' });
    expect((await call(`${users}/alice`, acmeAdmin, { method: 'DELETE' })).status).toBe(403);
    expect((await call(`${users}/alice`, acmeAdmin, { method: 'PUT', body: { role: 'viewer' } })).status).toBe(403);
    for (const body of [{ password: 'short' }, { password: 'long enough pw', role: 'owner' }, { role: 'editor' }, []]) {
      expect((await call(`${users}/someone`, acmeAdmin, { method: 'PUT', body })).status).toBe(400);
    }
    expect((await call(`${users}/newbie`, acmeAdmin, { method: 'DELETE' })).status).toBe(200);
    expect((await call(users, acmeAdmin)).body.users.some((u: { name: string }) => u.name === 'newbie')).toBe(false);
  });
});

describe('hostile input', () => {
  test('malformed, duplicate-key and __proto__ JSON bodies are refused with 400 and write nothing', async () => {
    const bodies = [
      '{', '{"docs": [', 'nul', '[1,]', '{"docs":[{"_id":"h1","a":1,"a":2}]}', '{"docs":[{"_id":"h1"}],"docs":[]}',
      '{"docs":[{"_id":"h1","__proto__":{"admin":true}}]}', '{"docs":[{"_id":"h1","\\u005f_proto__":1}]}',
      '{"docs":[{"_id":"h1","x":{"y":1,"y":2}}]}', '\u0000', '{"docs":"nope"}', '{"docs":[1,2]}', '[]', '"str"',
    ];
    for (const raw of bodies) {
      const res = await call(`${db()}/_bulk_docs`, acmeEditor, { method: 'POST', raw });
      expect([raw, res.status, res.body.error]).toEqual([raw, 400, 'bad_request']);
    }
    const invalidUtf8 = Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]);
    expect((await call(`${db()}/_bulk_docs`, acmeEditor, { method: 'POST', raw: invalidUtf8 })).status).toBe(400);
    expect((await call(`${db()}/h1`, acmeViewer)).status).toBe(404);
  });

  test('oversized bodies get 413 too_large, declared or streamed, and nothing is written', async () => {
    const big = JSON.stringify({ docs: [{ _id: 'big1', pad: 'x'.repeat(80 * 1024) }] });
    const res = await call(`${db()}/_bulk_docs`, acmeEditor, { method: 'POST', raw: big });
    expect([res.status, res.body.error]).toEqual([413, 'too_large']);
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 20; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(8 * 1024)));
        controller.close();
      },
    });
    const chunked = await fetch(`${db()}/_bulk_docs`, { method: 'POST', body: stream, duplex: 'half', headers: { authorization: basic(acmeEditor) } } as RequestInit);
    expect(chunked.status).toBe(413);
    expect((await call(`${db()}/big1`, acmeViewer)).status).toBe(404);
  });

  test('absurd query values get query_parse_error', async () => {
    for (const q of ['limit=-1', 'limit=abc', 'limit=1e99', 'limit=99999999999999999', 'since=banana', 'since=-5', 'include_docs=maybe', 'heartbeat=x', 'timeout=-1', 'feed=continuous', 'style=weird', 'filter=_view']) {
      const res = await call(`${db()}/_changes?${q}`, acmeViewer);
      expect([q, res.status]).toEqual([q, 400]);
      expect(typeof res.body.reason).toBe('string');
    }
    for (const q of ['limit=-1', 'keys=[oops', 'skip=x', 'startkey=%7B']) {
      expect((await call(`${db()}/_all_docs?${q}`, acmeViewer)).status).toBe(400);
    }
  });

  test('bad document ids and database names are refused', async () => {
    for (const id of ['_bad', '_users', '%5Fx']) {
      const res = await call(`${db()}/${id}`, acmeEditor, { method: 'PUT', body: { a: 1 } });
      expect([id, res.status]).toEqual([id, 400]);
    }
    for (const docs of [[{ _id: '' }], [{ _id: 5 }], [{ _id: '_nope' }], [{ _id: 'x'.repeat(5000) }]]) {
      const res = await call(`${db()}/_bulk_docs`, acmeEditor, { method: 'POST', body: { docs } });
      expect(res.status).toBe(400);
    }
    for (const name of ['ACME-personas', 'acme', '-x', 'acme-', 'acme-Bad', 'a_b-c', '_users', '%00', 'acme-x%2Fy']) {
      const res = await call(`${url}/${name}`, admin, { method: 'PUT' });
      expect([name, res.status]).toEqual([name, 400]);
    }
  });

  test('unknown routes and bad percent-encoding answer CouchDB-shaped errors', async () => {
    const cases: [string, string, number][] = [
      ['GET', '/acme-personas/a/b/c', 404],
      ['PATCH', '/acme-personas', 404],
      ['GET', '/acme-personas/%zz', 400],
      ['GET', '/_replicator', 403],
      ['GET', '/_users/org.couchdb.user:x', 403],
      ['GET', '/_node/foo', 403],
      ['GET', '/_node/_local/_stats', 403],
    ];
    for (const [method, path, status] of cases) {
      const res = await call(url + path, acmeEditor, { method });
      expect([method, path, res.status]).toEqual([method, path, status]);
      expect(Object.keys(res.body).sort()).toEqual(['error', 'reason']);
    }
  });

  test('random bytes thrown at every route never crash the server', async () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    const paths = ['/_bulk_docs', '/_all_docs', '/_revs_diff', '/_bulk_get', '/_changes', '/doc', '/_local/l', '', '/_design/d'];
    for (let i = 0; i < 150; i++) {
      const bytes = Buffer.from(Array.from({ length: rand(200) }, () => rand(256)));
      const method = ['POST', 'PUT'][rand(2)] ?? 'POST';
      const res = await call(`${db()}${paths[rand(paths.length)]}`, acmeEditor, { method, raw: bytes });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }
    expect((await call(url + '/', undefined)).status).toBe(200);
    expect(server.log.lines.filter((l) => l.level === 'error')).toEqual([]);
  });
});
