import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The key that signs session tokens. Generated into the data directory on first start (mode 0600)
 * or taken from `CX_SYNC_SECRET`; a short or repetitive secret is refused because a guessable key
 * lets anyone mint tokens for any user.
 */

/** Name of the environment variable that may carry the secret. */
export const secretEnvVar = 'CX_SYNC_SECRET';

/** Why a secret is too weak, or undefined when it is acceptable. */
export function weakSecretReason(secret: string): string | undefined {
  if (secret.length < 32) return 'it is shorter than 32 characters';
  if (new Set(secret).size < 12) return 'it repeats too few distinct characters';
  return undefined;
}

/** Loads (or on first start creates) the signing secret; throws one clear sentence when weak. */
export async function loadSecret(dataDir: string, env: NodeJS.ProcessEnv): Promise<{ secret: Buffer; created: boolean; source: string }> {
  const fromEnv = env[secretEnvVar];
  if (fromEnv !== undefined) {
    const weak = weakSecretReason(fromEnv);
    if (weak) throw new Error(`Refusing ${secretEnvVar}: ${weak}. Use e.g. \`openssl rand -hex 32\`.`);
    return { secret: Buffer.from(fromEnv, 'utf8'), created: false, source: 'environment' };
  }
  const file = join(dataDir, 'secret');
  const existing = await readFile(file, 'utf8').catch(() => undefined);
  if (existing !== undefined) {
    const value = existing.trim();
    const weak = weakSecretReason(value);
    if (weak) throw new Error(`Refusing the secret in ${file}: ${weak}. Delete the file to generate a strong one.`);
    return { secret: Buffer.from(value, 'utf8'), created: false, source: file };
  }
  const value = randomBytes(32).toString('hex');
  // 'wx' never overwrites a secret another process wrote in the meantime.
  await writeFile(file, value + '\n', { mode: 0o600, flag: 'wx' });
  return { secret: Buffer.from(value, 'utf8'), created: true, source: file };
}
