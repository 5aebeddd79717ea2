import { readFile } from 'node:fs/promises';
import type { Result } from '../../../common/result';
import { err, ok } from '../../../common/result';
import { writeFileAtomic } from '../atomicWrite';

/** The OS encryption Electron's safeStorage offers, injected so this runs under plain Node. */
export interface Cipher {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/**
 * Small secrets (a sync password or token) encrypted with the OS keychain through safeStorage and
 * kept in one JSON file of base64 ciphertexts. Without OS encryption nothing is stored: a secret is
 * never written in clear text.
 */
export function createSecretStore(cipher: Cipher, file: string) {
  async function readAll(): Promise<Record<string, string>> {
    try {
      const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'));
      }
      return {};
    } catch {
      return {};
    }
  }
  async function writeAll(all: Record<string, string>): Promise<Result<unknown>> {
    return writeFileAtomic(file, new TextEncoder().encode(JSON.stringify(all)));
  }
  return {
    async set({ key, value }: { key: string; value: string }): Promise<Result<{ stored: boolean }>> {
      if (!cipher.isEncryptionAvailable()) {
        return err('unavailable', 'This computer offers no secure storage, so the password is kept only until you quit.');
      }
      const all = await readAll();
      all[key] = cipher.encryptString(value).toString('base64');
      const written = await writeAll(all);
      return written.ok ? ok({ stored: true }) : written;
    },
    async get({ key }: { key: string }): Promise<Result<{ value: string | null }>> {
      const stored = (await readAll())[key];
      if (stored === undefined || !cipher.isEncryptionAvailable()) return ok({ value: null });
      try {
        return ok({ value: cipher.decryptString(Buffer.from(stored, 'base64')) });
      } catch {
        return ok({ value: null });
      }
    },
    async delete({ key }: { key: string }): Promise<Result<{ deleted: boolean }>> {
      const all = await readAll();
      if (!(key in all)) return ok({ deleted: false });
      delete all[key];
      const written = await writeAll(all);
      return written.ok ? ok({ deleted: true }) : written;
    },
  };
}
