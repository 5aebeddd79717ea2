/**
 * What the two writers of a document's JSON in pieces share (jsonArena.ts: the stored bytes;
 * revisionId.ts: the md5 revision id). Both must give exactly what `JSON.stringify` gives, and both
 * copy long strings that need no escape as they are instead of building the whole text.
 */

/** Strings at least this long are written as they are (when JSON writes them without escapes). */
export const rawStringChars = 1024;
/** Nesting past this is left to `JSON.stringify` (which reports a cycle properly). */
export const maxDepth = 200;

/** What `JSON.stringify` escapes in a string besides lone surrogates: quote, backslash, control characters. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what JSON escapes
const escaped = /["\\\u0000-\u001f]/;

/** True when JSON.stringify would write the string as it is between quotes (a scan of ~0.15 ms per 200 KB). */
export function plainText(text: string): boolean {
  // `isWellFormed` (no lone surrogates) is in Node 20 but not in the ES2023 library types.
  return !escaped.test(text) && (text as unknown as { isWellFormed(): boolean }).isWellFormed();
}

/** Members `JSON.stringify` leaves out of objects (and writes as null in arrays). */
export function skipped(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/** Arrays and plain objects: what JSON.parse makes. Anything else (a Date, a boxed string) is left to JSON.stringify. */
export function plain(value: object): boolean {
  if (Array.isArray(value)) return true;
  const proto = Object.getPrototypeOf(value) as unknown;
  return (proto === Object.prototype || proto === null) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

/** Characters of keys and strings in `value`, counted until `enough`. */
export function stringChars(value: unknown, enough: number, depth: number): number {
  if (typeof value === 'string') return value.length;
  if (typeof value !== 'object' || value === null || depth > maxDepth) return 0;
  let total = 0;
  if (Array.isArray(value)) {
    for (const item of value) {
      total += stringChars(item, enough - total, depth + 1);
      if (total >= enough) break;
    }
    return total;
  }
  for (const key of Object.keys(value)) {
    total += key.length + stringChars((value as Record<string, unknown>)[key], enough - total, depth + 1);
    if (total >= enough) break;
  }
  return total;
}
