/**
 * Files read in slices, so a CSV larger than memory (or than the largest string a JavaScript engine
 * holds, about 512 MB of text) is never held whole: bytes already in memory, a file on disk (the
 * command line reads it with positional reads), or anything else that can hand out a byte range.
 */
import type { DecodedText } from './text';

/** A file that can be read in slices. */
export interface ByteSource {
  /** Total bytes. */
  size: number;
  /** The bytes from `offset`, at most `length` of them (fewer only at the end of the file). */
  read(offset: number, length: number): Promise<Uint8Array>;
}

/** Bytes in memory as a {@link ByteSource}. */
export function bytesSource(bytes: Uint8Array): ByteSource {
  return { size: bytes.length, read: async (offset, length) => bytes.subarray(offset, offset + length) };
}

/**
 * A Blob (a File the user picked) as a {@link ByteSource}: each read takes one slice, so a file of
 * gigabytes is read a megabyte at a time and never held whole. A File crosses to a worker by
 * reference (structured clone shares its backing store), so the screen never copies it.
 */
export function blobSource(blob: Blob): ByteSource {
  return { size: blob.size, read: async (offset, length) => new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer()) };
}

/** Whether an input is a {@link ByteSource} rather than bytes. */
export function isByteSource(input: ArrayBuffer | Uint8Array | ByteSource): input is ByteSource {
  return !(input instanceof Uint8Array) && !(input instanceof ArrayBuffer) && typeof (input as ByteSource).read === 'function';
}

/** Bytes decoded per slice: large enough that the parser's per-slice work is small, small enough to keep memory flat. */
export const pieceBytes = 1 << 20;

/** Decoded text of one slice. */
export interface TextPiece {
  text: string;
  /** Bytes of the file consumed so far (for progress). */
  cursor: number;
  /** The last piece: the parser may finish the final row. */
  last: boolean;
}

/**
 * Decodes a file slice by slice with a streaming TextDecoder (a character split between two slices is
 * carried over). UTF-8 is decoded strictly: an invalid byte throws, which callers prevent by checking
 * the file first ({@link isUtf8}).
 */
export async function* textPieces(source: ByteSource, encoding: DecodedText['encoding'], bom: number, sliceBytes = pieceBytes): AsyncGenerator<TextPiece> {
  const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
  let offset = bom;
  let first = true;
  while (offset < source.size || first) {
    const bytes = await source.read(offset, Math.min(sliceBytes, source.size - offset));
    offset += bytes.length;
    const last = offset >= source.size || bytes.length === 0;
    let text = decoder.decode(bytes, { stream: !last });
    // papaparse drops a byte-order mark left at the start of text (a file with two marks).
    if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    first = false;
    yield { text, cursor: offset, last };
    if (last) return;
  }
}

/** Whether the bytes from `from` on are all UTF-8; read slice by slice, no text kept. */
export async function isUtf8(source: ByteSource, from: number): Promise<boolean> {
  try {
    for await (const _ of textPieces(source, 'utf-8', from)) { /* decoding is the check */ }
    return true;
  } catch {
    return false;
  }
}
