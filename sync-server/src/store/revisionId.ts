import { createHash } from 'node:crypto';
import { maxDepth, plain, plainText, rawStringChars, skipped, stringChars } from './jsonPieces';

/**
 * PouchDB's deterministic revision id, computed without building the document's JSON in one piece
 * (issue 20's push bench). PouchDB hashes `JSON.stringify(doc)` (minus `_rev_tree`) with md5 over
 * its latin1 bytes; for a 200 KB body that meant a flattened 200 KB string and a 200 KB latin1
 * copy, both fresh allocations (~1.5 ms of the server's ~5 ms per write on this machine). md5 is
 * incremental, so the same text is fed here in pieces: long plain strings in 32 KB slices
 * (V8 slices share the string's memory), everything else as `JSON.stringify` of small parts. The
 * id is exactly PouchDB's (revisionId.test), which the server keeps: a body re-sent on the same
 * parent must get the id it had (store.ts).
 */

/** A document whose strings add up to less than this is hashed the way PouchDB does it. */
const largeDocChars = 64 * 1024;
const sliceChars = 32 * 1024;

/** PouchDB's `rev(doc, true)`: md5 of the document's JSON without `_rev_tree`, in hex. */
export function deterministicRevision(doc: Record<string, unknown>): string {
  const copy: Record<string, unknown> = Object.assign({}, doc);
  delete copy._rev_tree;
  const hash = createHash('md5');
  if (stringChars(copy, largeDocChars, 0) < largeDocChars) return hash.update(JSON.stringify(copy), 'latin1').digest('hex');
  const feed = (text: string): void => {
    if (text.length <= sliceChars) hash.update(text, 'latin1');
    else for (let i = 0; i < text.length; i += sliceChars) hash.update(text.slice(i, i + sliceChars), 'latin1');
  };
  write(copy, feed, 0);
  return hash.digest('hex');
}

function write(value: unknown, feed: (text: string) => void, depth: number): void {
  if (typeof value === 'string') {
    if (value.length >= rawStringChars && plainText(value)) {
      feed('"');
      feed(value);
      feed('"');
    } else feed(JSON.stringify(value));
    return;
  }
  if (typeof value !== 'object' || value === null || !plain(value) || depth >= maxDepth || stringChars(value, rawStringChars, 0) < rawStringChars) {
    feed(JSON.stringify(value));
    return;
  }
  if (Array.isArray(value)) {
    feed('[');
    value.forEach((item: unknown, i) => {
      if (i > 0) feed(',');
      if (skipped(item)) feed('null');
      else write(item, feed, depth + 1);
    });
    feed(']');
    return;
  }
  let first = true;
  feed('{');
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    if (skipped(item)) continue;
    feed(`${first ? '' : ','}${JSON.stringify(key)}:`);
    first = false;
    write(item, feed, depth + 1);
  }
  feed('}');
}
