import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createSecretStore } from './secrets';

// A reversible stand-in for the OS keychain: enough to prove nothing is stored in clear text.
const cipher = (available = true) => ({
  isEncryptionAvailable: () => available,
  encryptString: (s: string) => Buffer.from([...Buffer.from(s)].map((b) => b ^ 0x5a)),
  decryptString: (b: Buffer) => Buffer.from([...b].map((x) => x ^ 0x5a)).toString(),
});

describe('secret store', () => {
  test('stores, reads and deletes a secret without writing it in clear text', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'cx-sec-')), 'secrets.json');
    const store = createSecretStore(cipher(), file);
    expect(await store.set({ key: 'sync:acme', value: 'hunter2-password' })).toEqual({ ok: true, data: { stored: true } });
    expect(await readFile(file, 'utf8')).not.toContain('hunter2');
    expect(await store.get({ key: 'sync:acme' })).toEqual({ ok: true, data: { value: 'hunter2-password' } });
    expect(await store.delete({ key: 'sync:acme' })).toEqual({ ok: true, data: { deleted: true } });
    expect(await store.get({ key: 'sync:acme' })).toEqual({ ok: true, data: { value: null } });
  });

  test('refuses to store anything when the OS offers no encryption', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'cx-sec-')), 'secrets.json');
    const store = createSecretStore(cipher(false), file);
    expect(await store.set({ key: 'k', value: 'v' })).toMatchObject({ ok: false, code: 'unavailable' });
    await expect(readFile(file)).rejects.toThrow();
  });

  test('a corrupted secrets file reads as empty instead of failing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cx-sec-'));
    const file = join(dir, 'secrets.json');
    for (const junk of ['{', '[]', 'null', '{"k": 5}']) {
      await import('node:fs/promises').then((fs) => fs.writeFile(file, junk));
      expect(await createSecretStore(cipher(), file).get({ key: 'k' })).toEqual({ ok: true, data: { value: null } });
    }
  });
});
