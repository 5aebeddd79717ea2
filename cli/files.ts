/** Reading the command line's input files, with one-line messages for what goes wrong. */
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import type { ByteSource } from '../common/import/bytes';
import { sniffBytes, sniffFile } from '../common/import/source';
import { CliError } from './personas';

export function read(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    throw fileError(path, e);
  }
}

function fileError(path: string, e: unknown): CliError {
  const code = (e as { code?: string }).code;
  if (code === 'ERR_FS_FILE_TOO_LARGE') return new CliError(`${path} is larger than 2 GB; split it into smaller files.`);
  return new CliError(code === 'ENOENT' ? `${path} does not exist.` : `${path} cannot be read (${code ?? String(e)}).`);
}

/** Reads the responses file after a look at its first megabytes, so a binary file is refused without reading it all. */
export function readResponses(path: string): Uint8Array {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw fileError(path, e);
  }
  try {
    const head = Buffer.alloc(sniffBytes);
    const n = readSync(fd, head, 0, sniffBytes, 0);
    const kind = sniffFile(head.subarray(0, n), basename(path));
    if (!kind.ok) throw new CliError(kind.message);
  } finally {
    closeSync(fd);
  }
  return new Uint8Array(read(path));
}


/**
 * Opens the responses file for reading in slices (a CSV of any size is never read whole; a workbook
 * is, by the importer), after a look at its first megabytes so a binary file is refused at once.
 * Call `close` when done.
 */
export function openResponses(path: string): { source: ByteSource; close(): void } {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw fileError(path, e);
  }
  try {
    const size = fstatSync(fd).size;
    const head = Buffer.alloc(Math.min(size, sniffBytes));
    const n = readSync(fd, head, 0, head.length, 0);
    const kind = sniffFile(head.subarray(0, n), basename(path));
    if (!kind.ok) throw new CliError(kind.message);
    const source: ByteSource = {
      size,
      read: async (offset, length) => {
        const out = Buffer.allocUnsafe(Math.max(0, Math.min(length, size - offset)));
        let got = 0;
        while (got < out.length) {
          const r = readSync(fd, out, got, out.length - got, offset + got);
          if (r === 0) break;
          got += r;
        }
        return new Uint8Array(out.buffer, out.byteOffset, got);
      },
    };
    return { source, close: () => closeSync(fd) };
  } catch (e) {
    closeSync(fd);
    throw e instanceof CliError ? e : fileError(path, e);
  }
}
