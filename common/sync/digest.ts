/**
 * A short, stable, non-cryptographic digest (two 32-bit FNV-1a lanes, base36) for deterministic
 * ids: the same text gives the same id on every laptop. Not for secrets.
 */
export function digest(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
  }
  return (h1 >>> 0).toString(36) + (h2 >>> 0).toString(36);
}
