/**
 * A small pure string hash for deterministic ids and input digests. Not cryptographic: ids only need
 * to agree between laptops and differ when inputs differ, and common/ may not use node:crypto (and
 * WebCrypto's digest is async). Four 32-bit MurmurHash3-style lanes with different seeds give 128 bits,
 * so accidental collisions between a persona's days and inputs are not a practical concern.
 */

const seeds = [0x9747b28c, 0x85ebca6b, 0xc2b2ae35, 0x27d4eb2f] as const;

function lane(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    let k = text.charCodeAt(i);
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  h ^= text.length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The first 32 bits of {@link hashString} as a number (the same as its first 8 hex characters), for callers that need no more. */
export function hash32(text: string): number {
  return lane(text, seeds[0]);
}

/** 32 lowercase hex characters (128 bits) of a string, the same in every runtime. */
export function hashString(text: string): string {
  return seeds.map((s) => lane(text, s).toString(16).padStart(8, '0')).join('');
}

/**
 * JSON with object keys sorted, so equal data digests equally whatever order its keys were written
 * in. Undefined members are dropped like JSON.stringify does.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** Digest of any JSON-like value via {@link canonicalJson}. */
export function digest(value: unknown): string {
  return hashString(canonicalJson(value));
}
