/**
 * JSON of large documents written into reused memory, for LevelDB (issue 20's push bench).
 *
 * PouchDB stores each revision's body as `JSON.stringify(body)`. For a 200 KB body V8 returns that
 * as a rope of small parts, and leveldown has to flatten it into one 200 KB string before copying
 * it out: a fresh large-object allocation (its own mmap, ~50 page faults) that cost ~2 ms of the
 * server's main thread per document, where the copy itself costs 0.03 ms. Here a body whose
 * strings add up to {@link largeValueChars} or more is written as UTF-8 straight into an arena
 * that is reused from one batch to the next; its long strings (the text that makes it large) are
 * copied in by `Buffer.write`, which reads a flat string in place. The bytes are exactly
 * `Buffer.from(JSON.stringify(value))` (jsonArena.test), so readers, the byte change feed
 * (feed.ts) and backups see no difference.
 *
 * An encoded value is a view into the arena and is valid only until {@link JsonArena.release}:
 * the caller hands it to a store that copies it synchronously (leveldown's `batch` does) and
 * releases right after (pouch.ts).
 */

import { maxDepth, plain, plainText, rawStringChars, skipped, stringChars } from './jsonPieces';

/** A value with fewer characters of strings than this is encoded by `JSON.stringify`, as before. */
export const largeValueChars = 64 * 1024;



/** The arena's size when first needed; it grows to the largest batch seen and stays. */
const initialBytes = 1024 * 1024;

/** An arena of UTF-8 JSON, reused after every {@link release}. */
export class JsonArena {
  private buffer: Buffer | undefined;
  private at = 0;

  /** The value's JSON: a string as `JSON.stringify` gives, or for a large value its UTF-8 bytes in the arena. */
  encode(value: unknown): string | Buffer {
    if (typeof value !== 'object' || value === null || !plain(value) || stringChars(value, largeValueChars, 0) < largeValueChars) {
      return JSON.stringify(value);
    }
    for (;;) {
      const start = this.at;
      try {
        this.write(value, 0);
        return this.buffer!.subarray(start, this.at);
      } catch (error) {
        if (!(error instanceof ArenaFull)) throw error;
        // Views already handed out keep the old arena alive until their batch has copied them;
        // this value starts again at the head of a larger one.
        this.buffer = Buffer.allocUnsafe(this.buffer!.length * 2);
        this.at = 0;
      }
    }
  }

  /** Every view handed out since the last release may now be overwritten. */
  release(): void {
    this.at = 0;
  }

  /** Room for `bytes` more at the end of the arena; {@link ArenaFull} when there is none. */
  private room(bytes: number): Buffer {
    this.buffer ??= Buffer.allocUnsafe(initialBytes);
    if (this.at + bytes > this.buffer.length) throw new ArenaFull();
    return this.buffer;
  }

  private text(piece: string): void {
    const buffer = this.room(piece.length * 3);
    this.at += buffer.write(piece, this.at);
  }

  private write(value: unknown, depth: number): void {
    if (typeof value === 'string') {
      if (value.length >= rawStringChars && plainText(value)) {
        const buffer = this.room(value.length * 3 + 2);
        buffer[this.at++] = 0x22;
        this.at += buffer.write(value, this.at);
        buffer[this.at++] = 0x22;
      } else this.text(JSON.stringify(value));
      return;
    }
    if (typeof value !== 'object' || value === null || !plain(value) || depth >= maxDepth || stringChars(value, rawStringChars, 0) < rawStringChars) {
      this.text(JSON.stringify(value));
      return;
    }
    if (Array.isArray(value)) {
      this.text('[');
      value.forEach((item: unknown, i) => {
        if (i > 0) this.text(',');
        if (skipped(item)) this.text('null');
        else this.write(item, depth + 1);
      });
      this.text(']');
      return;
    }
    let first = true;
    this.text('{');
    for (const key of Object.keys(value)) {
      const item = (value as Record<string, unknown>)[key];
      if (skipped(item)) continue;
      this.text(`${first ? '' : ','}${JSON.stringify(key)}:`);
      first = false;
      this.write(item, depth + 1);
    }
    this.text('}');
  }
}

/** Thrown when a value does not fit the rest of the arena. */
class ArenaFull extends Error {
  constructor() {
    super('arena full');
  }
}
