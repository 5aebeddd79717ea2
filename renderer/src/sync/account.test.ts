import { afterEach, describe, expect, test } from 'vitest';
import { basic, startTestServer, testPassword } from '../../../sync-server/src/testing/harness';
import type { TestServer } from '../../../sync-server/src/testing/harness';
import { changeOwnPassword, checkNewPassword, serverKind } from './account';
import { signIn } from './signIn';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("the signed-in user's account on our sync server", () => {
  test("any member sets their own password, not their role and not another member's", async () => {
    server = await startTestServer();
    const vic = { serverUrl: server.url, tenant: 'acme', user: 'vic', authorization: basic('acme/vic') };
    expect(await serverKind(vic)).toEqual({ ok: true, data: 'cx' });
    expect(await changeOwnPassword(vic, 'cx', 'lantern orbit 42')).toEqual({ ok: true, data: undefined });
    expect(await signIn(server.url, 'acme', 'vic', testPassword)).toMatchObject({ ok: false, message: 'Wrong user name or password.' });
    const again = await signIn(server.url, 'acme', 'vic', 'lantern orbit 42');
    expect(again).toMatchObject({ ok: true, data: { role: 'viewer' } });
    const asVic = { authorization: basic('acme/vic', 'lantern orbit 42'), 'content-type': 'application/json' };
    const users = `${server.url}/_cx/tenants/acme/users`;
    const promote = await fetch(`${users}/vic`, { method: 'PUT', headers: asVic, body: JSON.stringify({ role: 'editor' }) });
    expect(promote.status).toBe(403);
    const other = await fetch(`${users}/ed`, { method: 'PUT', headers: asVic, body: JSON.stringify({ password: 'taken over pw' }) });
    expect(other.status).toBe(403);
    expect((await fetch(users, { headers: asVic })).status).toBe(403);
    expect(await signIn(server.url, 'acme', 'ed', testPassword)).toMatchObject({ ok: true, data: { role: 'editor' } });
  });

  test('a new password is checked before anything is sent', () => {
    expect(checkNewPassword('short', 'short')).toMatchObject({ ok: false, message: /at least 8/ });
    expect(checkNewPassword('x'.repeat(1025), 'x'.repeat(1025))).toMatchObject({ ok: false, message: /at most 1024/ });
    expect(checkNewPassword('long enough one', 'long enough two')).toMatchObject({ ok: false, message: /differ/ });
    expect(checkNewPassword('long enough one', 'long enough one')).toEqual({ ok: true, data: 'long enough one' });
  });
});
