import { seededRandom as prng } from '../../../common/random';
import { request } from 'node:http';
import { accounts, basic } from './harness';

/**
 * A seeded request fuzzer for the sync server (test support, not shipped behaviour). Each request
 * mixes a route of the protocol with hostile parts: odd methods, bad names and ids, absurd query
 * values, malformed or deep JSON, unknown `_` members, broken `_revisions` and `_attachments`,
 * random bytes, malformed credentials. The same seed sends the same requests, so a failure found by
 * the long run (`npm run fuzz:sync-server`) replays in the suite.
 */


interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

/** What a run saw. */
export interface FuzzReport {
  sent: number;
  byStatus: Map<number, number>;
  /** Requests answered 5xx or not answered at all, with what was sent. */
  failures: { method: string; path: string; status: number | string; body?: string }[];
}

// Weighted towards the caller's own databases, where requests get past the tenant check.
const dbs = ['acme-personas', 'acme-personas', 'acme-personas', 'acme-personas', 'acme-personas', 'acme-journeys', 'acme-doorbell', 'other-personas', 'acme-nosuch', '_users', 'ACME-x', 'acme-', '%00', '%ZZ', 'a'.repeat(300), '_replicator'];
const ids = ['doc1', 'doc1', 'doc2', 'doc2', 'doc3', 'personas~abc', '_design/x', '_local/chk', '_bad', '', '%2F', 'é', '..', 'x'.repeat(5000), '%00', 'a%20b'];
const queryKeys = ['limit', 'since', 'feed', 'include_docs', 'keys', 'key', 'startkey', 'endkey', 'revs', 'open_revs', 'rev', 'new_edits', 'style', 'filter', 'heartbeat', 'attachments', 'conflicts', 'latest', 'descending', 'skip', 'doc_ids', 'revs_info', 'update_seq'];
const queryValues = ['0', '1', '-1', '10', 'true', 'false', 'now', 'all', '1e99', '99999999999999999999', 'abc', '[', '["doc1"]', '"doc1"', '{}', 'null', '[[[[[[]]]]]]', '1-abc', 'longpoll', 'normal', 'continuous', 'all_docs', '_doc_ids', 'nosuch/f', '%ZZ', ''];
const logins = [accounts.acmeEditor, accounts.acmeViewer, accounts.acmeAdmin, accounts.admin, accounts.otherEditor];

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)]!;
}

function deep(depth: number): string {
  return '['.repeat(depth) + ']'.repeat(depth);
}

/** A random document, sometimes broken in one of the ways clients break them. */
function doc(rand: () => number): unknown {
  const n = Math.floor(rand() * 1000);
  const d: Record<string, unknown> = { _id: rand() < 0.3 ? pick(rand, ids) : `doc${n % 50}`, title: 'fuzz', n };
  switch (Math.floor(rand() * 14)) {
    case 0: d._rev = pick(rand, ['1-abc', '2-def', 'bad', '', 5, null]); break;
    case 1: d._revisions = pick(rand, [{ start: 3, ids: ['c', 'b', 'a'] }, { start: 1, ids: [] }, { start: -1, ids: ['a'] }, 'x', { start: 2, ids: [null, 'a'] }, { start: 1e20, ids: ['a'] }]); d._rev = '3-c'; break;
    case 2: d._attachments = pick(rand, [{ 'a.txt': { content_type: 'text/plain', data: 'aGVsbG8=' } }, { 'a.txt': { data: '!!!' } }, { 'a.txt': 5 }, [], { 'a.txt': { stub: true } }, { _x: { data: '' } }]); break;
    case 3: d[pick(rand, ['_foo', '_conflicts', '_deleted', '_local_seq', '__proto__x'])] = pick(rand, [1, true, 'x', null]); break;
    case 4: d._deleted = pick(rand, [true, false, 'yes', 1]); break;
    case 5: d.nested = JSON.parse(deep(1 + Math.floor(rand() * 70))); break;
    case 6: d._id = pick(rand, [5, null, {}, ['a']]); break;
    default: break;
  }
  return d;
}

/** A JSON (or not) body for a route. */
function body(rand: () => number, path: string): Buffer | undefined {
  const r = rand();
  if (r < 0.1) return undefined;
  if (r < 0.16) return Buffer.from(Array.from({ length: Math.floor(rand() * 200) }, () => Math.floor(rand() * 256)));
  if (r < 0.2) return Buffer.from(`{"a":${deep(200 + Math.floor(rand() * 12_000))}}`);
  if (r < 0.24) return Buffer.from('{"a":1,"a":2}');
  if (r < 0.28) return Buffer.from('{"docs":[{"_id":"x"');
  let value: unknown;
  if (path.endsWith('_bulk_docs')) value = { docs: Array.from({ length: Math.floor(rand() * 6) }, () => doc(rand)), ...(rand() < 0.5 ? { new_edits: pick(rand, [false, true, 'no']) } : {}) };
  else if (path.endsWith('_bulk_get')) value = { docs: Array.from({ length: Math.floor(rand() * 5) }, () => pick(rand, [{ id: 'doc1' }, { id: 'doc1', rev: '1-x' }, { id: 5 }, 'x', {}])) };
  else if (path.endsWith('_revs_diff')) value = pick(rand, [{ doc1: ['1-a', '2-b'] }, { doc1: 'x' }, { doc1: [5] }, []]);
  else if (path.endsWith('_all_docs')) value = { keys: pick(rand, [['doc1', 'doc2'], 'x', [5, null, {}], [deep(3)]]), include_docs: rand() < 0.5 };
  else if (path.includes('_session')) value = { name: pick(rand, [...logins, 5, '']), password: pick(rand, ['correct horse battery', 'wrong', 5]) };
  else if (path.includes('/users/')) value = { password: pick(rand, ['short', 'password', 'a good long passphrase', 5]), role: pick(rand, ['viewer', 'owner', 5]) };
  else if (rand() < 0.2) value = pick(rand, [[], 'x', 5, null]);
  else {
    // A document PUT to its own URL mostly leaves `_id` out, as clients do.
    const d = doc(rand) as Record<string, unknown>;
    if (rand() < 0.7) delete d._id;
    value = d;
  }
  return Buffer.from(JSON.stringify(value));
}

function path(rand: () => number): string {
  const db = pick(rand, dbs);
  const id = pick(rand, ids);
  const templates = [
    '/', '/_up', '/_all_dbs', '/_session', '/_cx/app-config', `/_cx/tenants/${pick(rand, ['acme', 'other', 'nosuch', '%00'])}/users`, `/_cx/tenants/acme/users/${pick(rand, ['newbie', 'alice', 'BAD%20NAME', ''])}`,
    `/_node/_local/_config/${pick(rand, ['cors', 'x%20y'])}/${pick(rand, ['origins', ''])}`, `/${db}`, `/${db}/_all_docs`, `/${db}/_bulk_docs`, `/${db}/_revs_diff`, `/${db}/_bulk_get`, `/${db}/_changes`,
    `/${db}/${id}`, `/${db}/_bulk_docs`, `/${db}/${id}/a.txt`, `/${db}/_ensure_full_commit`, `/${db}/_security`, `/${db}/_compact`, `/${db}/${id}`, `/${db}/_local/${id}`, `/${db}/_design/${id}`, `/${db}/${id}/${pick(rand, ['a.txt', 'dir/b.bin', '_x', '%00'])}`,
    `/${db}/${id}/${id}/${id}`, `//${db}`, `/${db}/%E0%A4%A`, '/_app/../../etc/passwd',
  ];
  let p = pick(rand, templates);
  const params: string[] = [];
  const count = Math.floor(rand() * 4);
  for (let i = 0; i < count; i++) params.push(`${pick(rand, queryKeys)}=${encodeURIComponent(pick(rand, queryValues))}`);
  // A longpoll must not wait the default minute: every fuzzed wait is short.
  if (params.some((q) => q.startsWith('feed='))) params.push('timeout=50');
  if (params.length > 0) p += `?${params.join('&')}`;
  return p;
}

function headers(rand: () => number): Record<string, string> {
  const h: Record<string, string> = {};
  const r = rand();
  if (r < 0.7) h.authorization = basic(pick(rand, logins));
  else if (r < 0.85) h.authorization = pick(rand, ['Basic', 'Basic !!!', `Basic ${Buffer.from('nocolon').toString('base64')}`, 'Bearer', 'Bearer abc.def', 'Digest x', basic('acme/ed', 'wrong'), 'Basic ' + 'A'.repeat(5000)]);
  else if (r < 0.9) h.cookie = pick(rand, ['AuthSession=abc', 'AuthSession=', 'x=y']);
  if (rand() < 0.8) h['content-type'] = pick(rand, ['application/json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/related; boundary=x']);
  if (rand() < 0.1) h.origin = pick(rand, ['http://evil.example', 'app://cx-studio', 'null']);
  return h;
}

/** The next request of a seed: half aimed at real routes with good credentials, half anything. */
export function fuzzRequest(rand: () => number): FuzzRequest {
  if (rand() < 0.5) {
    // Past the front door: a member of the tenant writing or reading its own database, with a
    // hostile body or query. This is where PouchDB is reached, and where 500s used to come from.
    const [method, route] = pick(rand, [
      ['PUT', `/acme-personas/${pick(rand, ['doc1', 'doc2', 'doc3', '_local/c', '_design/d'])}`],
      ['POST', '/acme-personas'],
      ['POST', '/acme-personas/_bulk_docs'],
      ['POST', '/acme-personas/_bulk_get'],
      ['POST', '/acme-personas/_revs_diff'],
      ['POST', '/acme-personas/_all_docs'],
      ['GET', '/acme-personas/_all_docs'],
      ['GET', '/acme-personas/_changes'],
      ['GET', `/acme-personas/${pick(rand, ['doc1', 'doc2', 'doc3'])}`],
      ['DELETE', `/acme-personas/${pick(rand, ['doc1', 'doc2'])}`],
      ['PUT', `/acme-personas/doc1/${pick(rand, ['a.txt', 'b/c.bin'])}`],
      ['GET', `/acme-personas/doc1/${pick(rand, ['a.txt', 'b/c.bin'])}`],
    ] as const);
    const params: string[] = [];
    for (let i = Math.floor(rand() * 3); i > 0; i--) params.push(`${pick(rand, queryKeys)}=${encodeURIComponent(pick(rand, queryValues))}`);
    if (params.some((q) => q.startsWith('feed='))) params.push('timeout=50');
    const p = params.length > 0 ? `${route}?${params.join('&')}` : route;
    const b = method === 'GET' || method === 'DELETE' ? undefined : body(rand, p.split('?')[0]!);
    return { method, path: p, headers: { authorization: basic(pick(rand, [accounts.acmeEditor, accounts.acmeAdmin, accounts.admin])), 'content-type': 'application/json' }, ...(b ? { body: b } : {}) };
  }
  const method = pick(rand, ['GET', 'GET', 'PUT', 'POST', 'POST', 'DELETE', 'HEAD', 'OPTIONS', 'PATCH', 'COPY']);
  const p = path(rand);
  const b = method === 'GET' && rand() < 0.8 ? undefined : body(rand, p);
  return { method, path: p, headers: headers(rand), ...(b ? { body: b } : {}) };
}

function send(base: URL, r: FuzzRequest): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: base.hostname, port: base.port, method: r.method, path: r.path, headers: { ...r.headers, ...(r.body ? { 'content-length': String(r.body.length) } : {}) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8').slice(0, 300) }));
      res.on('error', reject);
    });
    req.setTimeout(20_000, () => req.destroy(new Error('no answer in 20 s')));
    req.on('error', reject);
    req.end(r.body);
  });
}

/** Sends `count` seeded requests, `concurrency` at a time, and reports every 5xx or missing answer. */
export async function runFuzz(url: string, seed: number, count: number, concurrency = 8): Promise<FuzzReport> {
  const rand = prng(seed);
  const base = new URL(url);
  const report: FuzzReport = { sent: 0, byStatus: new Map(), failures: [] };
  const queue = Array.from({ length: count }, () => fuzzRequest(rand));
  const worker = async (): Promise<void> => {
    for (let r = queue.shift(); r; r = queue.shift()) {
      report.sent++;
      try {
        const { status, text } = await send(base, r);
        report.byStatus.set(status, (report.byStatus.get(status) ?? 0) + 1);
        if (status >= 500) report.failures.push({ method: r.method, path: r.path.slice(0, 200), status, body: text });
      } catch (error) {
        report.failures.push({ method: r.method, path: r.path.slice(0, 200), status: error instanceof Error ? error.message : String(error) });
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return report;
}
