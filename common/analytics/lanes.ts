/**
 * Scoring several personas in one pass. A persona whose rules all read byte columns (byteCodes.ts)
 * and number at most eight gets its per-row pattern byte from 256-entry tables; four such personas
 * share one 32-bit lane per row: each column's table gives, per byte value, the four personas' rule
 * bits at once, so a row costs one lookup per column for four personas instead of one per rule and
 * persona. Rows go in blocks small enough that the lanes stay in the CPU cache while every column
 * passes over them; each block is then split into the personas' own pattern bytes. The patterns are
 * bit for bit those of `scorePersona` (kernels.ts), which scores any other persona.
 */
import { compileRule, type PersonaScores, type PreparedRule, scorePersona } from './kernels';
import { integerWeight, type Rule } from './rules';
import type { Table } from './table';

/** Rows per block: 16 kB of byte columns and 64 kB of lanes stay in L2 across every column. */
const block = 16384;
const lanesPerWord = 4;

interface LanePersona { index: number; rules: PreparedRule[]; lut: Uint32Array; columns: { bytes: Uint8Array; hits: Uint8Array; bit: number }[] }

/** Scores every persona; the same results as `scorePersona` for each, computed four at a time where possible. */
export function scorePersonas(table: Table, ruleSets: readonly (readonly Rule[])[]): PersonaScores[] {
  const out: (PersonaScores | undefined)[] = new Array(ruleSets.length);
  const laned: LanePersona[] = [];
  ruleSets.forEach((rules, index) => {
    const lane = laneOf(table, rules, index);
    if (lane) laned.push(lane);
    else out[index] = scorePersona(table, rules);
  });
  for (let g = 0; g < laned.length; g += lanesPerWord) {
    const group = laned.slice(g, g + lanesPerWord);
    const patterns = scoreLanes(table.rowCount, group);
    group.forEach((p, k) => {
      const denominator = p.rules.reduce((s, r) => s + r.weight, 0);
      out[p.index] = p.rules.length === 0
        ? { rules: p.rules, denominator, codes: new Uint8Array(table.rowCount), numeratorOf: new Uint32Array(1) }
        : { rules: p.rules, denominator, codes: patterns[k]!, numeratorOf: p.lut.slice(0, 1 << p.rules.length) };
    });
  }
  return out as PersonaScores[];
}

/** A persona that fits a lane (≤ 8 rules, each on a byte column or never matching), else null. */
function laneOf(table: Table, rules: readonly Rule[], index: number): LanePersona | null {
  if (rules.length > 8) return null;
  const prepared: PreparedRule[] = [];
  const columns: LanePersona['columns'] = [];
  const lut = new Uint32Array(256);
  for (const [bit, rule] of rules.entries()) {
    const { kernel, matches, problem, mismatch, byteHits } = compileRule(table, rule);
    // A rule without a byte form needs its column kernel: the persona is scored on its own.
    if (!byteHits && kernel) return null;
    const weight = integerWeight(rule);
    prepared.push({ rule, weight, matches, ...(problem ? { problem } : {}), ...(mismatch ? { mismatch } : {}) });
    if (byteHits) columns.push({ bytes: byteHits.bytes, hits: byteHits.hits, bit });
    for (let p = 0; p < 256; p++) if (p & (1 << bit)) lut[p]! += weight;
  }
  return { index, rules: prepared, lut, columns };
}

/** The pattern bytes of up to four lane personas. */
function scoreLanes(n: number, group: readonly LanePersona[]): Uint8Array[] {
  // Per distinct column, per byte value: every persona's rule bits on it, persona k in byte k.
  const tables = new Map<Uint8Array, Uint32Array>();
  group.forEach((p, k) => {
    for (const { bytes, hits, bit } of p.columns) {
      let t = tables.get(bytes);
      if (!t) tables.set(bytes, (t = new Uint32Array(256)));
      for (let b = 0; b < 256; b++) t[b]! |= (hits[b]! << bit) << (8 * k);
    }
  });
  const cols = [...tables.entries()];
  const patterns = group.map(() => new Uint8Array(n));
  const lanes = new Uint32Array(block);
  // The split below writes four personas; a group of fewer writes its last one again.
  const p = (k: number) => patterns[Math.min(k, patterns.length - 1)]!;
  for (let base = 0; base < n; base += block) {
    const end = Math.min(n, base + block);
    lanes.fill(0);
    for (let c = 0; c < cols.length; c += 4) {
      // Four columns a pass; a group with fewer repeats the last (OR-ing a bit twice changes nothing).
      const col = (j: number) => cols[Math.min(c + j, cols.length - 1)]!;
      orLanes(lanes, base, end, col(0)[0], col(0)[1], col(1)[0], col(1)[1], col(2)[0], col(2)[1], col(3)[0], col(3)[1]);
    }
    splitLanes(lanes, base, end, p(3), p(2), p(1), p(0));
  }
  return patterns;
}

// Plain top-level functions with their arrays as arguments (kept in registers), no inner loop and
// no data-dependent branch: see kernels.ts.
function orLanes(
  lanes: Uint32Array, base: number, end: number, a: Uint8Array, la: Uint32Array, b: Uint8Array, lb: Uint32Array,
  c: Uint8Array, lc: Uint32Array, d: Uint8Array, ld: Uint32Array,
): void {
  for (let i = base; i < end; i++) lanes[i - base]! |= la[a[i]!]! | lb[b[i]!]! | lc[c[i]!]! | ld[d[i]!]!;
}

/** Lane byte k to persona k; written from the last persona so a repeated one gets its own byte last. */
function splitLanes(lanes: Uint32Array, base: number, end: number, p3: Uint8Array, p2: Uint8Array, p1: Uint8Array, p0: Uint8Array): void {
  for (let i = base; i < end; i++) {
    const w = lanes[i - base]!;
    p3[i] = w >>> 24;
    p2[i] = w >>> 16;
    p1[i] = w >>> 8;
    p0[i] = w;
  }
}
