/** Produces a fresh URL-safe id; injected so tests and imports get deterministic ids. */
export type IdSource = () => string;

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

/**
 * A random 21-character id from the URL-safe alphabet (RxDB puts ids into URLs unencoded).
 * 64 symbols map exactly onto 6 bits, so masking a random byte keeps the distribution uniform.
 */
export function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(21));
  let id = '';
  for (const b of bytes) id += alphabet[b & 63];
  // CouchDB reserves ids that start with "_" (a sync server answers 400), so the first character
  // is a letter or digit.
  return id.startsWith('_') || id.startsWith('-') ? `p${id.slice(1)}` : id;
}

/** An id source that yields `prefix1`, `prefix2`, … (tests and reproducible fixtures). */
export function sequentialIds(prefix = 'id'): IdSource {
  let n = 0;
  return () => `${prefix}${++n}`;
}

/** Whether `id` is a valid primary key: 1–64 URL-safe characters. */
export function isValidId(id: unknown): id is string {
  return typeof id === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(id);
}
