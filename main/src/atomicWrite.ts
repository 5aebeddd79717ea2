import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Result } from '../../common/result';
import { err, ok } from '../../common/result';

/** The filesystem calls an atomic write makes; injected by tests to fail one of them. */
export interface AtomicFs {
  open: typeof open;
  rename: typeof rename;
  rm: typeof rm;
}

const nodeFs: AtomicFs = { open, rename, rm };

/**
 * Writes a file so the target is either the old file or the complete new one, never half written:
 * the bytes go to a temporary file beside the target, which is flushed to disk (fsync) and then
 * renamed over it (atomic on the same filesystem). Without the fsync a power cut shortly after the
 * rename can leave the target empty: filesystems may commit the rename before the data. The folder
 * is fsynced afterwards so the rename itself survives a crash, where the platform allows it. On
 * any failure the temporary file is removed and a message a user can act on is returned.
 */
export async function writeFileAtomic(target: string, bytes: Uint8Array, fs: AtomicFs = nodeFs): Promise<Result<{ path: string }>> {
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.partial`);
  try {
    const fh = await fs.open(temp, 'wx');
    try {
      await fh.writeFile(bytes);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => {});
    return err('io-error', describeIoError(error, basename(target)));
  }
  await syncFolder(dirname(target), fs);
  return ok({ path: target });
}

/**
 * Flushes a folder's entries (the rename) to disk. Best effort: Windows cannot open a folder for
 * fsync (EISDIR/EPERM) and some filesystems refuse it (EINVAL); the file is complete either way.
 */
async function syncFolder(folder: string, fs: AtomicFs): Promise<void> {
  try {
    const dir = await fs.open(folder, 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
  } catch {
    // Not supported here; the rename is still atomic, only its durability across a crash is weaker.
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
