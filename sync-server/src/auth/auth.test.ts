import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { Auth } from './auth';
import { hashPassword, passwordProblem, verifyPassword } from './passwords';
import { FailureLimiter } from './rateLimit';
import { Registry } from './registry';
import { loadSecret, weakSecretReason } from './secret';
import { signToken, verifyToken } from './tokens';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});
const tempDir = async () => {
  const d = await mkdtemp(join(tmpdir(), 'cx-auth-'));
  dirs.push(d);
  return d;
};

describe('passwords', () => {
  test('scrypt hashes verify only the right password and are salted', async () => {
    const a = await hashPassword('open sesame');
    const b = await hashPassword('open sesame');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(await verifyPassword('open sesame', a)).toBe(true);
    for (const wrong of ['open sesamE', '', 'open sesame ', 'x'.repeat(1000)]) expect(await verifyPassword(wrong, a)).toBe(false);
    for (const broken of ['', 'scrypt$1$2', 'bcrypt$1$1$1$aa$bb', undefined]) expect(await verifyPassword('open sesame', broken)).toBe(false);
  });
});

describe('tokens', () => {
  const secret = randomBytes(32);
  test('verify before expiry, refuse after, refuse any other key', () => {
    const token = signToken({ sub: 'acme/a', gen: 1, exp: 1000 }, secret);
    expect(verifyToken(token, secret, 999)).toEqual({ ok: true, claims: { sub: 'acme/a', gen: 1, exp: 1000 } });
    expect(verifyToken(token, secret, 1000)).toEqual({ ok: false, expired: true });
    expect(verifyToken(token, randomBytes(32), 0)).toEqual({ ok: false, expired: false });
  });
});

describe('signing secret', () => {
  test('weak secrets are refused, strong ones accepted', () => {
    for (const weak of ['', 'short', 'a'.repeat(64), 'abababababababababababababababab', 'password'.repeat(5)]) {
      expect(weakSecretReason(weak), weak).toBeDefined();
    }
    expect(weakSecretReason(randomBytes(32).toString('hex'))).toBeUndefined();
  });

  test('is generated once into the data directory with mode 0600, then reused', async () => {
    const dir = await tempDir();
    const first = await loadSecret(dir, {});
    expect(first.created).toBe(true);
    expect((await stat(join(dir, 'secret'))).mode & 0o777).toBe(0o600);
    const second = await loadSecret(dir, {});
    expect([second.created, second.secret.equals(first.secret)]).toEqual([false, true]);
  });

  test('from the environment only when strong; a weak file is refused too', async () => {
    const dir = await tempDir();
    await expect(loadSecret(dir, { CX_SYNC_SECRET: 'changeme' })).rejects.toThrow(/Refusing CX_SYNC_SECRET/);
    const env = await loadSecret(dir, { CX_SYNC_SECRET: randomBytes(24).toString('base64') });
    expect(env.source).toBe('environment');
    await writeFile(join(dir, 'secret'), 'aaaa\n');
    await expect(loadSecret(dir, {})).rejects.toThrow(/Refusing the secret/);
  });
});

describe('registry', () => {
  test('names that shadow Object.prototype are just unknown accounts', () => {
    const registry = new Registry();
    for (const login of ['constructor', '__proto__', 'toString', 'acme/constructor', 'constructor/x', 'hasOwnProperty/a']) {
      expect(registry.account(login)).toBeUndefined();
    }
    expect(registry.hasTenant('constructor')).toBe(false);
  });

  test('persists atomically and picks up changes made by another process', async () => {
    const dir = await tempDir();
    const file = join(dir, 'users.json');
    const cli = new Registry(file);
    const server = new Registry(file);
    cli.addTenant('acme');
    cli.setUser('acme', 'bo', { hash: 'h', role: 'viewer' });
    expect(server.users('acme')).toEqual([{ name: 'bo', role: 'viewer' }]);
    expect(JSON.parse(await readFile(file, 'utf8')).version).toBe(1);
    expect(() => cli.setUser('nope', 'x', { hash: 'h' })).toThrow(/No tenant/);
    expect(() => cli.setUser('acme', 'Bad Name', { hash: 'h' })).toThrow(/Invalid user name/);
    expect(() => cli.addTenant('a-b')).toThrow(/Invalid tenant/);
  });

  test("the server's registry looks at the file once per turn: a user removed by the CLI is refused from the next turn", async () => {
    const dir = await tempDir();
    const file = join(dir, 'users.json');
    const cli = new Registry(file);
    cli.addTenant('acme');
    cli.setUser('acme', 'bo', { hash: 'h', role: 'viewer' });
    await new Promise((resolve) => setImmediate(resolve));
    const server = new Registry(file, { statOncePerTurn: true });
    expect(server.account('acme/bo')).toMatchObject({ name: 'bo' });
    cli.removeUser('acme', 'bo');
    // Same turn: the look already taken stands (requests of one turn share it).
    expect(server.account('acme/bo')).toMatchObject({ name: 'bo' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(server.account('acme/bo')).toBeUndefined();
    cli.setUser('acme', 'cy', { hash: 'h2', role: 'editor' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(server.users('acme')).toEqual([{ name: 'cy', role: 'editor' }]);
  });
});

describe('sign-in rate limit', () => {
  test('blocks a key after too many failures until its window passes; keys are bounded', () => {
    const limiter = new FailureLimiter(3, 1000, 5);
    for (let i = 0; i < 3; i++) limiter.fail('k', 0);
    expect(limiter.blockedFor('k', 10)).toBe(990);
    expect(limiter.blockedFor('k', 1000)).toBe(0);
    for (let i = 0; i < 50; i++) limiter.fail(`flood${i}`, 0);
    expect(limiter.blockedFor('k', 10)).toBe(0);
  });

  test('Basic auth with a wrong password counts as a failed sign-in', async () => {
    const registry = new Registry();
    registry.addTenant('acme');
    registry.setUser('acme', 'a', { hash: await hashPassword('right password'), role: 'editor' });
    const auth = new Auth({ registry, secret: randomBytes(32), clock: { now: () => 0 }, maxFailures: 2 });
    const header = (pw: string) => ({ authorization: `Basic ${Buffer.from(`acme/a:${pw}`).toString('base64')}` });
    await expect(auth.authenticate(header('nope1'), 'ip')).rejects.toMatchObject({ status: 401 });
    await expect(auth.authenticate(header('nope2'), 'ip')).rejects.toMatchObject({ status: 401 });
    await expect(auth.authenticate(header('right password'), 'ip')).rejects.toMatchObject({ status: 429 });
  });
});

describe('lockout by source', () => {
  test('guessing a name from one address never locks the owner out on another', async () => {
    const registry = new Registry();
    registry.addTenant('acme');
    registry.setUser('acme', 'a', { hash: await hashPassword('right password'), role: 'editor' });
    const auth = new Auth({ registry, secret: randomBytes(32), clock: { now: () => 0 }, maxFailures: 2 });
    const header = (pw: string) => ({ authorization: `Basic ${Buffer.from(`acme/a:${pw}`).toString('base64')}` });
    for (const pw of ['guess1', 'guess2', 'guess3']) await expect(auth.authenticate(header(pw), 'attacker')).rejects.toMatchObject({ status: expect.any(Number) });
    await expect(auth.authenticate(header('right password'), 'attacker')).rejects.toMatchObject({ status: 429 });
    await expect(auth.authenticate(header('right password'), 'owner laptop')).resolves.toMatchObject({ principal: { kind: 'user', name: 'a' } });
  });

  test('one address guessing many names hits the address cap', async () => {
    const registry = new Registry();
    registry.addTenant('acme');
    registry.setUser('acme', 'z', { hash: await hashPassword('right password'), role: 'editor' });
    const auth = new Auth({ registry, secret: randomBytes(32), clock: { now: () => 0 }, maxFailures: 1 });
    for (let i = 0; i < 5; i++) await auth.login(`acme/n${i}`, 'x', 'sprayer').catch(() => undefined);
    await expect(auth.login('acme/z', 'right password', 'sprayer')).rejects.toMatchObject({ status: 429 });
    await expect(auth.login('acme/z', 'right password', 'elsewhere')).resolves.toMatchObject({ principal: { name: 'z' } });
  });

  test('a malformed Authorization header is a 400, not a failed sign-in', async () => {
    const auth = new Auth({ registry: new Registry(), secret: randomBytes(32), clock: { now: () => 0 }, maxFailures: 1 });
    for (const value of ['Basic', 'Basic !!!', `Basic ${Buffer.from('nocolon').toString('base64')}`, 'Bearer', '', 'Basic a b']) {
      await expect(auth.authenticate({ authorization: value }, 'ip'), value).rejects.toMatchObject({ status: 400, error: 'bad_request' });
    }
    await expect(auth.authenticate({ authorization: 'Digest abc' }, 'ip')).rejects.toMatchObject({ status: 401 });
  });
});

describe('password rule', () => {
  test('refuses the most common passwords and the user name, accepts a passphrase', () => {
    for (const pw of ['password', 'PASSWORD', '12345678', 'qwertyuiop', 'iloveyou', 'baseball1', 'short']) expect(passwordProblem(pw), pw).toBeDefined();
    expect(passwordProblem('alice-is-me!', 'acme/alice')).toMatch(/user name/);
    for (const pw of ['correct horse battery', 'tulip carbon ferry 9']) expect(passwordProblem(pw, 'acme/alice'), pw).toBeUndefined();
  });
});
