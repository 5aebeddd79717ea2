import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { ok } from '../../../common/result';
import { startTestServer, testPassword } from '../../../sync-server/src/testing/harness';
import type { TestServer } from '../../../sync-server/src/testing/harness';
import type { Platform } from '../platform/platform';
import { forgetCredential, loadCredential, resetServedAppServer, servedAppServer, signInAndKeep } from './signIn';

// Web mode served by the sync server itself: the app finds out from its own origin, signs in by
// cookie and keeps nothing; anywhere else it keeps a token as before.

let server: TestServer;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cx-served-'));
  mkdirSync(join(dir, 'app'));
  writeFileSync(join(dir, 'app', 'index.html'), '<!doctype html>');
  server = await startTestServer({ appDir: join(dir, 'app') });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  vi.unstubAllGlobals();
  resetServedAppServer();
});

/** Secrets that record every call, so a test can prove nothing was kept. */
function recordingSecrets() {
  const kept = new Map<string, string>();
  const calls: string[] = [];
  const secrets: Platform['secrets'] = {
    get: async (key) => (calls.push(`get ${key}`), ok({ value: kept.get(key) ?? null })),
    set: async (key, value) => (calls.push(`set ${key}`), kept.set(key, value), ok({ stored: true })),
    delete: async (key) => (calls.push(`delete ${key}`), kept.delete(key), ok({ deleted: true })),
  };
  return { secrets, kept, calls };
}

const answer = (body: string, type: string, status = 200) => async () => new Response(body, { status, headers: { 'content-type': type } });

describe('finding out whether the app was served by the sync server', () => {
  test('only a JSON app-config from the page origin that says so counts', async () => {
    const location = { protocol: 'http:', origin: 'http://sync.example:5984' };
    const cases: [typeof fetch, string | undefined][] = [
      [answer('{"cxSyncServer":1,"servesApp":true,"auth":"cookie"}', 'application/json'), 'http://sync.example:5984'],
      [answer('<!doctype html><title>vite preview fallback</title>', 'text/html'), undefined],
      [answer('{"cxSyncServer":1,"servesApp":false,"auth":"token"}', 'application/json'), undefined],
      [answer('{"cxSyncServer":"1","servesApp":"true","auth":"cookie"}', 'application/json'), undefined],
      [answer('{"error":"not_found"}', 'application/json', 404), undefined],
      [answer('not json', 'application/json'), undefined],
      [async () => Promise.reject(new TypeError('offline')), undefined],
    ];
    for (const [fetchImpl, expected] of cases) {
      resetServedAppServer();
      expect(await servedAppServer(fetchImpl as typeof fetch, location)).toBe(expected);
    }
  });

  test('Electron and file pages never ask', async () => {
    const spy = vi.fn();
    for (const protocol of ['app:', 'file:']) {
      resetServedAppServer();
      expect(await servedAppServer(spy as unknown as typeof fetch, { protocol, origin: 'null' })).toBeUndefined();
    }
    expect(spy).not.toHaveBeenCalled();
  });
});

describe('keeping the credential', () => {
  const where = () => ({ serverUrl: server.url, tenant: 'acme', user: 'ed' });

  test('served by this server: signs in by cookie and stores nothing, and sign-out ends the session', async () => {
    vi.stubGlobal('location', { protocol: 'http:', origin: server.url });
    const { secrets, kept, calls } = recordingSecrets();
    const signed = await signInAndKeep(secrets, 'sync.w1', where(), testPassword);
    expect(signed).toMatchObject({ ok: true, data: { credential: { kind: 'cookie' }, role: 'editor' } });
    expect(calls.some((c) => c.startsWith('set'))).toBe(false);
    expect(kept.size).toBe(0);
    // Node's fetch keeps no cookie jar: the reload check asks the server and is told "anonymous".
    expect(await loadCredential(secrets, 'sync.w1', where())).toBeNull();
    expect(calls.some((c) => c.startsWith('get'))).toBe(false);
    const before = server.requests.get('DELETE /_session') ?? 0;
    await forgetCredential(secrets, 'sync.w1', server.url, { kind: 'cookie' });
    expect(server.requests.get('DELETE /_session')).toBe(before + 1);
  });

  test('a wrong password says so, served or not', async () => {
    vi.stubGlobal('location', { protocol: 'http:', origin: server.url });
    const { secrets } = recordingSecrets();
    expect(await signInAndKeep(secrets, 'sync.w1', where(), 'wrong')).toMatchObject({ ok: false, message: 'Wrong user name or password.' });
  });

  test('another server than the page origin: a token, kept in the platform secrets', async () => {
    vi.stubGlobal('location', { protocol: 'http:', origin: 'http://127.0.0.1:4173' });
    const { secrets, kept } = recordingSecrets();
    const signed = await signInAndKeep(secrets, 'sync.w2', where(), testPassword);
    expect(signed).toMatchObject({ ok: true, data: { credential: { kind: 'bearer' } } });
    expect(JSON.parse(kept.get('sync.w2') ?? '{}').kind).toBe('bearer');
    expect(await loadCredential(secrets, 'sync.w2', where())).toMatchObject({ kind: 'bearer' });
    await forgetCredential(secrets, 'sync.w2', server.url, { kind: 'bearer', token: 'x', expires: '' });
    expect(kept.size).toBe(0);
  });
});
