import { randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { Auth } from './auth';
import { CredentialChecks } from './credentialChecks';
import type { Verify } from './credentialChecks';
import { Registry } from './registry';

/**
 * Hundreds of laptops reconnecting at once (issue 22): credential checks share scrypt runs, run a
 * few at a time, and never let a check that started before a password change let the old
 * password in.
 */

/** Stored "hashes" of the stub verify: the password in clear, so tests need no scrypt. */
const stub = (password: string) => `stub:${password}`;

/** A verify whose answers the test releases by hand, counting the runs and the most at once. */
function heldVerify() {
  const pending: (() => void)[] = [];
  let running = 0;
  const stats = { runs: 0, mostAtOnce: 0 };
  const verify: Verify = async (password, stored) => {
    stats.runs++;
    running++;
    stats.mostAtOnce = Math.max(stats.mostAtOnce, running);
    await new Promise<void>((resolve) => pending.push(resolve));
    running--;
    return stored === stub(password);
  };
  /** Lets every check through, one at a time as they start, until `answer` settles. */
  const releaseAll = async (answer: Promise<unknown>) => {
    let settled = false;
    void answer.then(() => (settled = true), () => (settled = true));
    while (!settled) {
      pending.shift()?.();
      await new Promise((r) => setTimeout(r, 1));
    }
  };
  return { verify, stats, releaseAll, pending };
}

const basic = (login: string, password: string) => ({ authorization: `Basic ${Buffer.from(`${login}:${password}`).toString('base64')}` });

async function firm(users: number, checks: CredentialChecks) {
  const registry = new Registry();
  registry.addTenant('acme');
  const hash = stub('correct horse battery');
  for (let i = 0; i < users; i++) registry.setUser('acme', `u${i}`, { hash, role: 'editor' });
  return { registry, auth: new Auth({ registry, secret: randomBytes(32), clock: { now: () => Date.now() }, checks }) };
}

describe('credential checks under a reconnect storm', () => {
  test('200 requests with the same credentials run one scrypt, and all are answered', async () => {
    const held = heldVerify();
    const { auth } = await firm(1, new CredentialChecks({ verify: held.verify }));
    const answers = Promise.all(Array.from({ length: 200 }, () => auth.authenticate(basic('acme/u0', 'correct horse battery'), '10.0.0.1')));
    await held.releaseAll(answers);
    const principals = await answers;
    expect(principals.every((p) => p.principal.kind === 'user')).toBe(true);
    expect(held.stats.runs).toBe(1);
    // Cached now: no scrypt at all for the next request.
    await auth.authenticate(basic('acme/u0', 'correct horse battery'), '10.0.0.1');
    expect(held.stats.runs).toBe(1);
  });

  test('60 laptops of 60 users: at most 2 scrypts run at a time, every one gets in', async () => {
    const held = heldVerify();
    const { auth } = await firm(60, new CredentialChecks({ verify: held.verify, maxRunning: 2 }));
    const answers = Promise.all(Array.from({ length: 60 }, (_, i) => auth.authenticate(basic(`acme/u${i}`, 'correct horse battery'), `10.0.0.${i}`)));
    await new Promise((r) => setTimeout(r, 20));
    expect(held.pending).toHaveLength(2);
    await held.releaseAll(answers);
    expect((await answers).map((a) => a.principal.kind)).toEqual(Array(60).fill('user'));
    expect(held.stats).toEqual({ runs: 60, mostAtOnce: 2 });
  });

  test('past the waiting limit a new check is refused with 503 at once, and the others still finish', async () => {
    const held = heldVerify();
    const { auth } = await firm(10, new CredentialChecks({ verify: held.verify, maxRunning: 1, maxWaiting: 3 }));
    const first = Array.from({ length: 4 }, (_, i) => auth.authenticate(basic(`acme/u${i}`, 'correct horse battery'), '10.0.0.1'));
    await expect(auth.authenticate(basic('acme/u9', 'correct horse battery'), '10.0.0.1')).rejects.toMatchObject({ status: 503 });
    await held.releaseAll(Promise.all(first));
    expect((await Promise.all(first)).map((a) => a.principal.kind)).toEqual(['user', 'user', 'user', 'user']);
  });

  test('a password changed while its check runs: the old password is refused then and afterwards', async () => {
    const held = heldVerify();
    const { registry, auth } = await firm(1, new CredentialChecks({ verify: held.verify }));
    const old = auth.authenticate(basic('acme/u0', 'correct horse battery'), '10.0.0.1');
    await new Promise((r) => setTimeout(r, 20));
    registry.setUser('acme', 'u0', { hash: stub('a brand new passphrase') });
    await held.releaseAll(old);
    await expect(old).rejects.toMatchObject({ status: 401 });
    const again = auth.authenticate(basic('acme/u0', 'correct horse battery'), '10.0.0.1');
    await held.releaseAll(again);
    await expect(again).rejects.toMatchObject({ status: 401 });
    const fresh = auth.authenticate(basic('acme/u0', 'a brand new passphrase'), '10.0.0.1');
    await held.releaseAll(fresh);
    expect((await fresh).principal.kind).toBe('user');
  });

  test('a cached credential stops at once when its user is removed or its password changes, not when someone else changes', async () => {
    const held = heldVerify();
    const { registry, auth } = await firm(3, new CredentialChecks({ verify: held.verify }));
    const signIn = async (user: string, password = 'correct horse battery') => {
      const answer = auth.authenticate(basic(`acme/${user}`, password), '10.0.0.1');
      await held.releaseAll(answer);
      return answer;
    };
    for (const u of ['u0', 'u1', 'u2']) await signIn(u);
    expect(held.stats.runs).toBe(3);
    // Another user's change does not make everyone check again.
    registry.setUser('acme', 'u2', { role: 'viewer' });
    await signIn('u0');
    expect(held.stats.runs).toBe(3);
    // The role is read fresh from the registry, the cache only vouches for the password.
    expect((await signIn('u2')).principal).toMatchObject({ role: 'viewer' });
    registry.removeUser('acme', 'u0');
    await expect(signIn('u0')).rejects.toMatchObject({ status: 401 });
    registry.setUser('acme', 'u1', { hash: stub('a brand new passphrase') });
    await expect(signIn('u1')).rejects.toMatchObject({ status: 401 });
  });
});
