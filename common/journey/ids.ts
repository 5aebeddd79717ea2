/**
 * Ids inside a journey (stages, lanes, cards, nodes, edges) and of journey documents. They are
 * URL-safe because RxDB and CouchDB put document ids into URLs unencoded.
 */

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

/** Pattern every id in the journey model must match. */
export const idPattern = /^[A-Za-z0-9_-]{1,64}$/;

/** A function producing fresh ids; injected so tests and templates can be deterministic. */
export type IdFactory = (prefix: string) => string;

/**
 * Makes a random URL-safe id with a short readable prefix (`st_`, `ln_`, `n_`…). 14 random
 * characters of a 64-letter alphabet give 84 bits, enough that two laptops never collide.
 */
export const randomId: IdFactory = (prefix) => {
  const bytes = new Uint8Array(14);
  globalThis.crypto.getRandomValues(bytes);
  let out = `${prefix}_`;
  for (const b of bytes) out += alphabet[b & 63];
  return out;
};

/** An id factory counting up from 1, for tests and built-in templates that must not change between runs. */
export function sequentialIds(): IdFactory {
  let n = 0;
  return (prefix) => `${prefix}_${++n}`;
}
