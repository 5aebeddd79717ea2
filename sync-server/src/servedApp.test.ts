import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { contentSecurityPolicy } from '../../common/security/csp';
import type { TestServer } from './testing/harness';
import { accounts, startTestServer, testPassword } from './testing/harness';

// The sync server serving the built app (web mode for a team): static files under /_app/, the
// app's CSP, and the session cookie as a same-origin-only credential.

let server: TestServer;
let secureServer: TestServer;
let plain: TestServer;
let root: string;
const secretText = 'TOP-SECRET-OUTSIDE-THE-APP';

interface Raw { status: number; headers: Record<string, string | string[] | undefined>; body: string }

/** A request with the path sent byte for byte (fetch would normalise `..` away). */
function raw(base: string, path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Raw> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method: init.method ?? 'GET', headers: init.headers ?? {} }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

const json = (body: unknown) => ({ 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(JSON.stringify(body))) });
const own = () => new URL(server.url).origin;

async function signIn(base: string, headers: Record<string, string>): Promise<Raw> {
  const body = { name: accounts.acmeEditor, password: testPassword };
  return raw(base, '/_session', { method: 'POST', headers: { ...json(body), ...headers }, body: JSON.stringify(body) });
}

function cookieOf(answer: Raw): string {
  const set = answer.headers['set-cookie'];
  return ((Array.isArray(set) ? set[0] : set) ?? '').split(';')[0] ?? '';
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'cx-served-app-'));
  const app = join(root, 'app');
  mkdirSync(join(app, 'assets'), { recursive: true });
  writeFileSync(join(app, 'index.html'), '<!doctype html><title>CX Studio</title>');
  writeFileSync(join(app, 'assets', 'index-AbCd1234.js'), 'console.log(1)');
  writeFileSync(join(app, 'assets', 'DejaVuSans-CHjR2eXl.ttf'), 'font');
  writeFileSync(join(app, 'notes.txt'), 'plain');
  writeFileSync(join(app, '.env'), secretText);
  writeFileSync(join(root, 'secret.txt'), secretText);
  symlinkSync(join(root, 'secret.txt'), join(app, 'link-out.txt'));
  server = await startTestServer({ appDir: app });
  secureServer = await startTestServer({ appDir: app, secure: true });
  plain = await startTestServer();
});
afterAll(async () => {
  await Promise.all([server.close(), secureServer.close(), plain.close()]);
  rmSync(root, { recursive: true, force: true });
});

describe('the app served by the sync server', () => {
  test('index.html and assets come with the app CSP, their content type and the right caching', async () => {
    const index = await raw(server.url, '/_app/');
    expect(index.status).toBe(200);
    expect(index.body).toContain('<title>CX Studio</title>');
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['content-security-policy']).toBe(contentSecurityPolicy);
    expect(index.headers['content-security-policy']).toMatch(/connect-src 'self'/);
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    expect(index.headers['cache-control']).toBe('no-cache');
    const js = await raw(server.url, '/_app/assets/index-AbCd1234.js');
    expect([js.status, js.headers['content-type'], js.headers['cache-control']]).toEqual([200, 'text/javascript; charset=utf-8', 'public, max-age=31536000, immutable']);
    expect(js.headers['content-security-policy']).toBe(contentSecurityPolicy);
    expect((await raw(server.url, '/_app/assets/DejaVuSans-CHjR2eXl.ttf')).headers['content-type']).toBe('font/ttf');
    const txt = await raw(server.url, '/_app/notes.txt');
    expect([txt.headers['content-type'], txt.headers['cache-control']]).toEqual(['text/plain; charset=utf-8', 'no-cache']);
    const again = await raw(server.url, '/_app/', { headers: { 'if-none-match': String(index.headers.etag) } });
    expect([again.status, again.body]).toEqual([304, '']);
  });

  test('no path reaches a file outside the app directory, nor a hidden one', async () => {
    const hostile = [
      '/_app/../secret.txt', '/_app/assets/../../secret.txt', '/_app/%2e%2e/secret.txt', '/_app/%2E%2E%2Fsecret.txt',
      '/_app/assets/..%2f..%2fsecret.txt', '/_app/..%5csecret.txt', '/_app/..\\secret.txt', '/_app/link-out.txt',
      '/_app/%00', '/_app/index.html%00.js', '/_app//etc/passwd', '/_app/%2fetc%2fpasswd', '/_app/.env', '/_app/assets/./../.env',
      '/_app/%', '/_app/%ff', '/_app/assets', '/_app/' + 'a/'.repeat(600) + 'x',
    ];
    for (const path of hostile) {
      const answer = await raw(server.url, path);
      expect(answer.status, path).toBe(404);
      expect(answer.body, path).not.toContain(secretText);
    }
  });

  test('only GET and HEAD reach the app files', async () => {
    const head = await raw(server.url, '/_app/notes.txt', { method: 'HEAD' });
    expect([head.status, head.body, head.headers['content-length']]).toEqual([200, '', '5']);
    for (const method of ['PUT', 'POST', 'DELETE']) expect((await raw(server.url, '/_app/notes.txt', { method })).status, method).toBe(405);
  });

  test('a browser opening / is sent to the app; CouchDB clients still get the welcome', async () => {
    const browser = await raw(server.url, '/', { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    expect([browser.status, browser.headers.location]).toEqual([302, '/_app/']);
    expect((await raw(server.url, '/_app')).headers.location).toBe('/_app/');
    const couch = await raw(server.url, '/', { headers: { accept: 'application/json' } });
    expect(JSON.parse(couch.body).couchdb).toBe('Welcome');
    expect(couch.headers.vary).toMatch(/Accept/);
  });

  test('without --app there is no app and no redirect', async () => {
    expect((await raw(plain.url, '/_app/')).status).toBe(401);
    expect(JSON.parse((await raw(plain.url, '/', { headers: { accept: 'text/html' } })).body).couchdb).toBe('Welcome');
    expect(JSON.parse((await raw(plain.url, '/_cx/app-config')).body)).toEqual({ cxSyncServer: 1, servesApp: false, auth: 'token' });
  });

  test('app-config tells the app, without credentials, that it signs in by cookie', async () => {
    const answer = await raw(server.url, '/_cx/app-config');
    expect([answer.status, JSON.parse(answer.body)]).toEqual([200, { cxSyncServer: 1, servesApp: true, auth: 'cookie' }]);
  });
});

describe('the session cookie', () => {
  test('signing in from the served app sets an HttpOnly, SameSite=Strict, expiring cookie and shows no token', async () => {
    const login = await signIn(server.url, { origin: own() });
    expect(login.status).toBe(200);
    const set = String(login.headers['set-cookie']);
    expect(set).toMatch(/^AuthSession=cx1\./);
    for (const flag of ['HttpOnly', 'SameSite=Strict', 'Path=/']) expect(set).toContain(flag);
    expect(set).toMatch(/; Max-Age=(3599|3600);/);
    expect(set).not.toContain('Secure');
    expect(JSON.parse(login.body).token).toBeUndefined();
    expect(JSON.parse(login.body).name).toBe(accounts.acmeEditor);
  });

  test('over TLS the cookie is Secure', async () => {
    const origin = new URL(secureServer.url).origin.replace('http:', 'https:');
    const login = await signIn(secureServer.url, { origin });
    expect(String(login.headers['set-cookie'])).toMatch(/; Secure/);
  });

  test('a page of another origin signing in gets a token and no cookie', async () => {
    for (const origin of ['http://evil.example', 'http://127.0.0.1:1', 'app://cx-studio', 'null']) {
      const login = await signIn(server.url, { origin });
      expect(login.headers['set-cookie'], origin).toBeUndefined();
      expect(JSON.parse(login.body).token, origin).toMatch(/^cx1\./);
    }
  });

  test('requests from other origins or sites cannot use the cookie; the app itself and non-browser clients can', async () => {
    const cookie = cookieOf(await signIn(server.url, { origin: own() }));
    const put = (id: string, headers: Record<string, string>) =>
      raw(server.url, `/acme-personas/${id}`, { method: 'PUT', headers: { ...json({ t: 1 }), cookie, ...headers }, body: JSON.stringify({ t: 1 }) });
    const foreign: Record<string, string>[] = [
      { origin: 'http://evil.example' },
      { origin: 'http://127.0.0.1:1' },
      { origin: own().replace('127.0.0.1', 'localhost') },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
    ];
    for (const [i, headers] of foreign.entries()) {
      const write = await put(`csrf${i}`, headers);
      expect(write.status, JSON.stringify(headers)).toBe(403);
      expect(JSON.parse(write.body).error).toBe('forbidden');
      const read = await raw(server.url, '/acme-personas', { headers: { cookie, ...headers } });
      expect(read.status, JSON.stringify(headers)).toBe(403);
      const out = await raw(server.url, '/_session', { method: 'DELETE', headers: { cookie, ...headers } });
      expect(out.status, JSON.stringify(headers)).toBe(403);
    }
    const missing = await raw(server.url, '/acme-personas/_all_docs?keys=' + encodeURIComponent(JSON.stringify(foreign.map((_, i) => `csrf${i}`))), { headers: { cookie } });
    expect(JSON.parse(missing.body).rows.every((r: { error?: string }) => r.error === 'not_found')).toBe(true);
    expect((await put('fromapp', { origin: own(), 'sec-fetch-site': 'same-origin' })).status).toBe(201);
    expect((await put('fromnode', {})).status).toBe(201);
  });

  test('signing out revokes the session, not just the browser copy of the cookie', async () => {
    const cookie = cookieOf(await signIn(server.url, { origin: own() }));
    expect(JSON.parse((await raw(server.url, '/_session', { headers: { cookie } })).body).userCtx.name).toBe(accounts.acmeEditor);
    const out = await raw(server.url, '/_session', { method: 'DELETE', headers: { cookie, origin: own() } });
    expect(out.status).toBe(200);
    expect(String(out.headers['set-cookie'])).toMatch(/^AuthSession=; .*Max-Age=0/);
    const after = await raw(server.url, '/acme-personas', { headers: { cookie } });
    expect([after.status, JSON.parse(after.body).reason]).toEqual([401, 'Signed out. Sign in again.']);
    // Signing out again with the dead cookie still clears it (and says nothing about who it was).
    const again = await raw(server.url, '/_session', { method: 'DELETE', headers: { cookie, origin: own() } });
    expect([again.status, String(again.headers['set-cookie'])]).toEqual([200, expect.stringMatching(/^AuthSession=; .*Max-Age=0/)]);
    const garbage = await raw(server.url, '/_session', { method: 'DELETE', headers: { cookie: 'AuthSession=cx1.forged.sig', origin: own() } });
    expect(garbage.status).toBe(200);
    expect((await raw(server.url, '/_session', { headers: { cookie: 'AuthSession=cx1.forged.sig' } })).status).toBe(401);
  });
});
