import { afterEach, describe, expect, test } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createSyncFetch } from '../../../common/sync/fetch';
import { createBlankPersona } from '../../../common/persona/instantiate';
import { newId } from '../../../common/persona/ids';
import { startTestServer, testPassword } from '../../../sync-server/src/testing/harness';
import type { TestServer } from '../../../sync-server/src/testing/harness';
import { createDatabase } from '../db/database';
import type { Workspace } from '../db/database';
import { startSync } from './engine';
import type { SyncSession } from './engine';
import { authorizationOf, signIn } from './signIn';

let server: TestServer | undefined;
let db: Workspace | undefined;
let session: SyncSession | undefined;
afterEach(async () => {
  await session?.stop();
  await db?.close();
  await server?.close();
});

describe('signing in and expiring', () => {
  test('signing in explains a wrong password, an unreachable server and a bad address', async () => {
    server = await startTestServer();
    expect(await signIn(server.url, 'acme', 'ed', 'wrong')).toMatchObject({ ok: false, message: 'Wrong user name or password.' });
    expect(await signIn('http://127.0.0.1:9', 'acme', 'ed', testPassword)).toMatchObject({ ok: false, code: 'unavailable' });
    for (const bad of ['ftp://x', 'not a url', 'http://u:p@host']) expect((await signIn(bad, 'acme', 'ed', testPassword)).ok, bad).toBe(false);
    expect(await signIn(server.url, 'Bad Team', 'ed', testPassword)).toMatchObject({ ok: false, code: 'invalid-argument' });
    const good = await signIn(server.url, 'acme', 'ed', testPassword);
    expect(good).toMatchObject({ ok: true, data: { role: 'editor', credential: { kind: 'bearer' } } });
  });

  test('an expired token gives one clear error and no retry storm', { timeout: 40_000 }, async () => {
    server = await startTestServer({ tokenTtlMs: 60_000 });
    const signedIn = await signIn(server.url, 'acme', 'ed', testPassword);
    if (!signedIn.ok) throw new Error(signedIn.message);
    const header = authorizationOf(signedIn.data.credential);
    db = await createDatabase(getRxStorageMemory(), `exp${Math.random().toString(36).slice(2, 8)}`, { only: ['personas', 'history'] });
    session = startSync(db, { serverUrl: server.url, tenant: 'acme', clientId: 'x', fetch: createSyncFetch({ authorization: () => header }) });
    await session.awaitInSync();
    server.advance(2 * 60_000);
    await db.personas.insert(createBlankPersona({ ids: newId, now: Date.now(), author: 'x' }, 'After expiry'));
    const status = await new Promise<ReturnType<SyncSession['status']>>((resolve) => {
      const off = session!.subscribe((s) => s.state === 'error' && s.message?.startsWith('Signed out') && (off(), resolve(s)));
    });
    expect(status.message).toBe('Signed out: your password or token is no longer accepted. Sign in again.');
    expect(status.problem).toEqual({ code: 'signedOut' });
    await new Promise((r) => setTimeout(r, 6_000));
    const unauthorized = server.responses.filter((r) => r.status === 401).length;
    // One 401 per request already in flight when the token expired, then silence until sign-in.
    expect(unauthorized).toBeLessThanOrEqual(3);
  });
});
