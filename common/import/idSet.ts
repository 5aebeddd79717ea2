/**
 * The respondent ids an import has seen, for its duplicate check. A `Set<string>` costs about 60
 * bytes of JavaScript heap per id (the string and its entry), and at a million ids that heap is what
 * the garbage collector sizes its next collection by, so the whole import's memory rose with it.
 * Here each id's text sits once in a byte pool (one byte per character when every character is
 * below U+0100, two otherwise), with its 32-bit hash, its offset and a slot of an open-addressing
 * table, all typed arrays outside the heap: the id's length plus about 20 bytes with the room kept
 * for growth (37 bytes for a 17-character Qualtrics id).
 *
 * Exact: a hash only picks where to look; two ids are the same only when their text is, character
 * for character, so neither a duplicate is missed nor two distinct ids taken for one.
 */

/** 32-bit FNV-1a over the UTF-16 code units. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** True when some character is above U+00FF, so the id takes two bytes per character in the pool. */
function isWide(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0xff) return true;
  return false;
}

export class IdSet {
  /** Entry number + 1 per slot; 0 is empty. Power-of-two length, at most 3/4 full. */
  private slots = new Uint32Array(1024);
  /** 32 − log2(slots.length): a key's first slot is the top bits of key × 2^32/φ (spreads keys that differ only in low bits). */
  private shift = 22;
  /** Per entry, its hash with the lowest bit replaced by "wide", so a wide and a narrow id never compare equal by their bytes. */
  private hashes = new Uint32Array(512);
  /** Per entry, where its text starts in the pool; entry i ends where entry i + 1 starts. */
  private starts = new Uint32Array(513);
  private pool = new Uint8Array(4096);
  private count = 0;

  /** `hash` is for tests, which force collisions; ids are hashed with {@link fnv1a} otherwise. */
  constructor(ids: Iterable<string | null> = [], private readonly hash: (text: string) => number = fnv1a) {
    for (const id of ids) if (id !== null) this.add(id);
  }

  /** Number of distinct ids held. */
  get size(): number {
    return this.count;
  }

  /** Whether `id` was added before. */
  has(id: string): boolean {
    const wide = isWide(id);
    return this.find(id, this.keyOf(id, wide), wide) >= 0;
  }

  /** The id added `entry`-th (0 first), as added: ids are kept in the order they came. */
  idAt(entry: number): string {
    if (!(entry >= 0 && entry < this.count)) throw new RangeError(`No id number ${entry} (${this.count} held).`);
    const start = this.starts[entry]!, end = this.starts[entry + 1]!;
    const wide = (this.hashes[entry]! & 1) === 1;
    const units = wide ? new Uint16Array((end - start) / 2) : this.pool.subarray(start, end);
    if (wide) for (let i = 0; i < units.length; i++) units[i] = this.pool[start + 2 * i]! | (this.pool[start + 2 * i + 1]! << 8);
    let text = '';
    // In pieces: a call takes its arguments on the stack.
    for (let i = 0; i < units.length; i += 8192) text += String.fromCharCode(...units.subarray(i, i + 8192));
    return text;
  }

  /** Adds `id`; false when it was there already (a duplicate). */
  add(id: string): boolean {
    const wide = isWide(id);
    const key = this.keyOf(id, wide);
    const found = this.find(id, key, wide);
    if (found >= 0) return false;
    this.append(id, key, wide);
    this.place(this.count - 1, key);
    if (this.count * 4 > this.slots.length * 3) this.rehash();
    return true;
  }

  private keyOf(id: string, wide: boolean): number {
    return ((this.hash(id) & ~1) | (wide ? 1 : 0)) >>> 0;
  }

  /** The slot index holding `id`, or −1. */
  private find(id: string, key: number, wide: boolean): number {
    const mask = this.slots.length - 1;
    for (let s = this.firstSlot(key); ; s = (s + 1) & mask) {
      const e = this.slots[s]!;
      if (e === 0) return -1;
      if (this.hashes[e - 1] === key && this.sameText(e - 1, id, wide)) return s;
    }
  }

  private sameText(entry: number, id: string, wide: boolean): boolean {
    const start = this.starts[entry]!;
    const bytes = this.starts[entry + 1]! - start;
    if (bytes !== (wide ? 2 * id.length : id.length)) return false;
    const pool = this.pool;
    if (!wide) {
      for (let i = 0; i < id.length; i++) if (pool[start + i] !== id.charCodeAt(i)) return false;
      return true;
    }
    for (let i = 0; i < id.length; i++) {
      const c = id.charCodeAt(i);
      if (pool[start + 2 * i] !== (c & 0xff) || pool[start + 2 * i + 1] !== c >> 8) return false;
    }
    return true;
  }

  private append(id: string, key: number, wide: boolean): void {
    const n = this.count;
    if (n + 1 >= this.hashes.length) {
      this.hashes = grown(this.hashes, this.hashes.length * 2);
      this.starts = grown(this.starts, this.starts.length * 2);
    }
    const start = this.starts[n]!;
    const end = start + (wide ? 2 * id.length : id.length);
    // Offsets are 32-bit: 4 GB of ids is more than any file the import accepts holds.
    if (end > 0xffffffff) throw new RangeError('More than 4 GB of respondent ids.');
    if (end > this.pool.length) this.pool = grown(this.pool, Math.min(0xffffffff, Math.max(end, Math.ceil(this.pool.length * 1.5))));
    const pool = this.pool;
    for (let i = 0; i < id.length; i++) {
      const c = id.charCodeAt(i);
      if (wide) { pool[start + 2 * i] = c & 0xff; pool[start + 2 * i + 1] = c >> 8; } else pool[start + i] = c;
    }
    this.hashes[n] = key;
    this.starts[n + 1] = end;
    this.count = n + 1;
  }

  private place(entry: number, key: number): void {
    const mask = this.slots.length - 1;
    let s = this.firstSlot(key);
    while (this.slots[s] !== 0) s = (s + 1) & mask;
    this.slots[s] = entry + 1;
  }

  private firstSlot(key: number): number {
    return Math.imul(key, 0x9e3779b9) >>> this.shift;
  }

  private rehash(): void {
    this.slots = new Uint32Array(this.slots.length * 2);
    this.shift -= 1;
    for (let e = 0; e < this.count; e++) this.place(e, this.hashes[e]!);
  }
}

function grown<T extends Uint8Array | Uint32Array>(a: T, length: number): T {
  const out = new (a.constructor as new (n: number) => T)(length);
  out.set(a as never);
  return out;
}
