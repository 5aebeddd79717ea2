import { randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { Auth } from './auth';
import { CredentialChecks } from './credentialChecks';
import { Registry } from './registry';

/**
 * A Basic header verified on a connection is remembered with that connection (issue 22: thousands
 * of requests a second from 500 laptops skip its decoding), but what it grants must stay exactly
 * what the header grants on a fresh connection: revocation and password changes take effect on the
 * next request, and another header on the same connection is checked on its own.
 */

const stub = (password: string) => `stub:${password}`;
const basic = (login: string, password: string) => ({ authorization: `Basic ${Buffer.from(`${login}:${password}`).toString('base64')}` });

function firm() {
  const registry = new Registry();
  registry.addTenant('acme');
  registry.setUser('acme', 'ann', { hash: stub('correct horse battery'), role: 'editor' });
  registry.setUser('acme', 'bob', { hash: stub('tulip carbon ferry'), role: 'viewer' });
  let now = 1_000_000;
  let runs = 0;
  const checks = new CredentialChecks({
    verify: async (password, stored) => {
      runs++;
      return stored === stub(password);
    },
  });
  const auth = new Auth({ registry, secret: randomBytes(32), clock: { now: () => now }, checks });
  return { registry, auth, advance: (ms: number) => (now += ms), runs: () => runs };
}

describe('Basic credentials remembered per connection', () => {
  test('a removed user is refused on the very next request of the same connection', async () => {
    const { registry, auth } = firm();
    const socket = {};
    await expect(auth.authenticate(basic('acme/ann', 'correct horse battery'), 'ip', socket)).resolves.toMatchObject({ principal: { name: 'ann', role: 'editor' } });
    await expect(auth.authenticate(basic('acme/ann', 'correct horse battery'), 'ip', socket)).resolves.toMatchObject({ principal: { name: 'ann' } });
    registry.removeUser('acme', 'ann');
    await expect(auth.authenticate(basic('acme/ann', 'correct horse battery'), 'ip', socket)).rejects.toMatchObject({ status: 401 });
  });

  test('after a password change the old header is refused, the new one accepted, on the same connection', async () => {
    const { registry, auth } = firm();
    const socket = {};
    await auth.authenticate(basic('acme/ann', 'correct horse battery'), 'ip', socket);
    registry.setUser('acme', 'ann', { hash: stub('new passphrase here') });
    await expect(auth.authenticate(basic('acme/ann', 'correct horse battery'), 'ip', socket)).rejects.toMatchObject({ status: 401 });
    await expect(auth.authenticate(basic('acme/ann', 'new passphrase here'), 'ip', socket)).resolves.toMatchObject({ principal: { name: 'ann' } });
  });

  test('a role change shows on the next request', async () => {
    const { registry, auth } = firm();
    const socket = {};
    await auth.authenticate(basic('acme/ann', 'correct horse battery'), 'ip', socket);
    registry.setUser('acme', 'ann', { role: 'viewer' });
    await expect(auth.authenticate(basic('acme/ann', 'correct horse battery'), 'ip', socket)).resolves.toMatchObject({ principal: { name: 'ann', role: 'viewer' } });
  });

  test('another header on the same connection is checked on its own', async () => {
    const { auth } = firm();
    const socket = {};
    await auth.authenticate(basic('acme/ann', 'correct horse battery'), 'ip', socket);
    for (const [login, password] of [['acme/ann', 'wrong guess'], ['acme/bob', 'correct horse battery'], ['acme/nobody', 'correct horse battery']]) {
      await expect(auth.authenticate(basic(login!, password!), 'ip', socket), `${login}:${password}`).rejects.toMatchObject({ status: 401 });
    }
    await expect(auth.authenticate(basic('acme/bob', 'tulip carbon ferry'), 'ip', socket)).resolves.toMatchObject({ principal: { name: 'bob', role: 'viewer' } });
    await expect(auth.authenticate({ authorization: 'Basic !!!' }, 'ip', socket)).rejects.toMatchObject({ status: 400 });
    await expect(auth.authenticate({}, 'ip', socket)).resolves.toMatchObject({ principal: { kind: 'anonymous' } });
  });

  test('is trusted no longer than the verified credential: after 5 minutes the password is checked again', async () => {
    const { auth, advance, runs } = firm();
    const socket = {};
    await auth.authenticate(basic('acme/ann', 'correct horse battery'), 'ip', socket);
    advance(4 * 60_000);
    await auth.authenticate(basic('acme/ann', 'correct horse battery'), 'ip', socket);
    expect(runs()).toBe(1);
    advance(2 * 60_000);
    await auth.authenticate(basic('acme/ann', 'correct horse battery'), 'ip', socket);
    expect(runs()).toBe(2);
  });
});
