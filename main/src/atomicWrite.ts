import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Result } from '../../common/result';
import { err, ok } from '../../common/result';

/**
 * Writes a file so the target is either the old file or the complete new one, never half written:
 * the bytes go to a temporary file beside the target, which is then renamed over it (atomic on the
 * same filesystem). On any failure the temporary file is removed and a message a user can act on
 * is returned.
 */
export async function writeFileAtomic(target: string, bytes: Uint8Array): Promise<Result<{ path: string }>> {
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.partial`);
  try {
    await writeFile(temp, bytes, { flag: 'wx' });
    await rename(temp, target);
    return ok({ path: target });
  } catch (error) {
    await rm(temp, { force: true }).catch(() => {});
    return err('io-error', describeIoError(error, basename(target)));
  }
}

/** Turns a filesystem error into a sentence that says what to do. */
export function describeIoError(error: unknown, name: string): string {
  const code = (error as { code?: string } | null)?.code;
  switch (code) {
    case 'ENOSPC':
      return `There is not enough disk space to save ${name}. Free some space and try again.`;
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return `You do not have permission to save ${name} there. Choose another folder.`;
    case 'ENOENT':
      return `The folder for ${name} no longer exists. Choose another folder.`;
    default:
      return `${name} could not be saved (${code ?? 'unknown error'}).`;
  }
}
