/**
 * Rules prepared once into column kernels. Each rule is evaluated a column at a time and sets one
 * bit of a per-row pattern byte (up to eight rules per byte); a persona's score is then a lookup of
 * the pattern in a 256-entry table of numerators. Every summary (distribution, average, coverage,
 * days) works on these small per-row codes and lookup tables, so a persona costs one byte of
 * memory traffic per row and rule instead of a weighted sum per row. Set rules compare against a
 * per-dictionary lookup, so a category is normalised once per distinct value, never per row. No
 * code generation: the app's CSP forbids `new Function`.
 */
import { byteColumn, orBytes, orBytes1, orBytes2, orBytes8 } from './byteCodes';
import { atLeastPercent } from './fraction';
import { integerWeight, normaliseCategory, type ColumnType, type Rule } from './rules';
import type { MultiColumn, Table, TableColumn } from './table';

/** A rule ready to run. */
export interface PreparedRule {
  rule: Rule;
  /** Integer weight (hundredths). */
  weight: number;
  /** Whether the rule matches one row (for explanations and per-rule report columns). */
  matches: (row: number) => boolean;
  /** Why the rule can never match on this table, if so (column absent or of another type), in English. */
  problem?: string;
  /** The same reason as data, for exports that word it in their own language. */
  mismatch?: RuleMismatch;
}

/**
 * Why a rule can never match a table: its column is absent, a range rule's column holds no numbers,
 * or another rule's column is of a type it cannot read.
 */
export type RuleMismatch =
  | { code: 'noColumn'; column: string }
  | { code: 'notNumbers'; column: string; type: ColumnType }
  | { code: 'wrongType'; column: string; kind: Rule['kind']; type: ColumnType };

/** A persona scored over every row of a table. */
export interface PersonaScores {
  rules: PreparedRule[];
  /** Sum of the integer weights: the denominator of every score of this persona. */
  denominator: number;
  /** Per row, a code whose numerator is `numeratorOf[code]`. */
  codes: Uint8Array | Uint16Array | Uint32Array;
  /** Numerator of each code; the score of row i is `numeratorOf[codes[i]] / denominator` exactly. */
  numeratorOf: Uint32Array;
}

/** The score numerator of one row. */
export function numeratorAt(scores: PersonaScores, row: number): number {
  return scores.numeratorOf[scores.codes[row]!]!;
}

/** Per code: 1 when its score is at least `percent` (exact integer comparison). */
export function codesAtLeast(scores: PersonaScores, percent: number): Uint8Array {
  return Uint8Array.from(scores.numeratorOf, (v) => (atLeastPercent(v, scores.denominator, percent) ? 1 : 0));
}

type BitKernel = (out: Uint8Array, bit: number) => void;
/** A rule on a byte column: per row byte, the rule's bit when it matches (see byteCodes.ts). */
interface ByteRule { bytes: Uint8Array; lut: Uint8Array }

/** Scores a persona's (valid) rules over all rows of a table. */
export function scorePersona(table: Table, rules: readonly Rule[]): PersonaScores {
  const n = table.rowCount;
  const prepared: PreparedRule[] = [];
  const groups: { pattern: Uint8Array; lut: Uint32Array; bytes: ByteRule[] }[] = [];
  rules.forEach((rule, r) => {
    const { kernel, matches, problem, mismatch, byteHits } = compileRule(table, rule);
    const weight = integerWeight(rule);
    prepared.push({ rule, weight, matches, ...(problem ? { problem } : {}), ...(mismatch ? { mismatch } : {}) });
    const bit = r & 7;
    if (bit === 0) groups.push({ pattern: new Uint8Array(n), lut: new Uint32Array(256), bytes: [] });
    const g = groups[groups.length - 1]!;
    if (byteHits) g.bytes.push({ bytes: byteHits.bytes, lut: byteHits.hits.map((h) => h << bit) });
    else kernel?.(g.pattern, 1 << bit);
    for (let p = 0; p < 256; p++) if (p & (1 << bit)) g.lut[p]! += weight;
  });
  for (const g of groups) orByteRules(g.pattern, g.bytes);
  const denominator = prepared.reduce((s, r) => s + r.weight, 0);
  if (groups.length === 0) return { rules: prepared, denominator, codes: new Uint8Array(n), numeratorOf: new Uint32Array(1) };
  // One group of r rules uses codes below 2^r only: a shorter table keeps every per-code pass (and
  // the day × code histograms) small.
  if (groups.length === 1) return { rules: prepared, denominator, codes: groups[0]!.pattern, numeratorOf: groups[0]!.lut.slice(0, 1 << rules.length) };
  return { rules: prepared, denominator, ...compress(groups, n) };
}

/** ORs the bits of a group's byte-column rules (at most eight) into its pattern in one pass. */
function orByteRules(out: Uint8Array, rules: readonly ByteRule[]): void {
  const k = rules.length;
  if (k === 0) return;
  // A rule repeated to fill the slots ORs the same bit twice, which changes nothing.
  const r = (j: number) => rules[Math.min(j, k - 1)]!;
  if (k === 1) orBytes1(out, r(0).bytes, r(0).lut);
  else if (k === 2) orBytes2(out, r(0).bytes, r(0).lut, r(1).bytes, r(1).lut);
  else if (k <= 4) orBytes(out, r(0).bytes, r(0).lut, r(1).bytes, r(1).lut, r(2).bytes, r(2).lut, r(3).bytes, r(3).lut);
  else {
    orBytes8(out, r(0).bytes, r(0).lut, r(1).bytes, r(1).lut, r(2).bytes, r(2).lut, r(3).bytes, r(3).lut,
      r(4).bytes, r(4).lut, r(5).bytes, r(5).lut, r(6).bytes, r(6).lut, r(7).bytes, r(7).lut);
  }
}

// More than eight rules: sum the groups' numerators, then number the distinct sums so summaries can
// still run over small codes.
function compress(groups: { pattern: Uint8Array; lut: Uint32Array }[], n: number): Pick<PersonaScores, 'codes' | 'numeratorOf'> {
  const num = new Uint32Array(n);
  for (const { pattern, lut } of groups) for (let i = 0; i < n; i++) num[i]! += lut[pattern[i]!]!;
  const index = new Map<number, number>();
  const values: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = num[i]!;
    if (!index.has(v)) { index.set(v, values.length); values.push(v); }
  }
  const codes = values.length <= 256 ? new Uint8Array(n) : values.length <= 65536 ? new Uint16Array(n) : new Uint32Array(n);
  for (let i = 0; i < n; i++) codes[i] = index.get(num[i]!)!;
  return { codes, numeratorOf: Uint32Array.from(values) };
}

/** A rule compiled against a table: a column kernel, or a byte table when its column has a byte form. */
export interface CompiledRule {
  kernel: BitKernel | null;
  matches: (row: number) => boolean;
  problem?: string;
  mismatch?: RuleMismatch;
  /** When the column has a byte form: its bytes and, per byte value, 1 when the rule matches. */
  byteHits?: { bytes: Uint8Array; hits: Uint8Array };
}

function never(mismatch: RuleMismatch): CompiledRule {
  const { column } = mismatch;
  const problem = mismatch.code === 'noColumn' ? `Column "${column}" is not in the data.`
    : mismatch.code === 'notNumbers' ? `Column "${column}" holds ${mismatch.type} values, not numbers.`
      : `A ${mismatch.kind} rule cannot read "${column}", which holds ${mismatch.type} values.`;
  return { kernel: null, matches: () => false, problem, mismatch };
}

/** Turns one rule into a column kernel that sets `bit` where it matches, and a single-row test. */
export function compileRule(table: Table, rule: Rule): CompiledRule {
  const column = table.columns.get(rule.column);
  if (!column) return never({ code: 'noColumn', column: rule.column });
  if (rule.kind === 'range') {
    if (column.type !== 'number') return never({ code: 'notNumbers', column: rule.column, type: column.type });
    const values = column.values;
    const min = rule.min ?? -Infinity;
    const max = rule.max ?? Infinity;
    // NaN compares false both ways, so a missing number never matches without a separate check.
    const byte = byteColumn(column);
    return {
      kernel: (out, bit) => rangeKernel(values, min, max, out, bit),
      matches: (row) => { const v = values[row]!; return v >= min && v <= max; },
      // Byte k + 1 is the value byte.values[k]; byte 0 (missing) never matches.
      ...(byte?.values ? { byteHits: { bytes: byte.bytes, hits: hitsOf((k) => k > 0 && byte.values![k - 1]! >= min && byte.values![k - 1]! <= max) } } : {}),
    };
  }
  const wanted = new Set(rule.values.map(normaliseCategory));
  if (column.type === 'category') {
    const lut = dictionaryLut(column, wanted);
    const codes = column.codes;
    const byte = byteColumn(column);
    return {
      kernel: (out, bit) => lookupKernel(codes, Uint8Array.from([0, ...lut], (v) => v * bit), out),
      matches: (row) => { const c = codes[row]!; return c >= 0 && lut[c] === 1; },
      // Byte c + 1 is code c; byte 0 (missing) never matches.
      ...(byte ? { byteHits: { bytes: byte.bytes, hits: hitsOf((k) => k > 0 && lut[k - 1] === 1) } } : {}),
    };
  }
  if (column.type === 'multi' && rule.kind === 'overlap') {
    const lut = dictionaryLut(column, wanted);
    const { offsets, codes } = column;
    const any = (row: number) => {
      for (let j = offsets[row]!, end = offsets[row + 1]!; j < end; j++) if (lut[codes[j]!] === 1) return true;
      return false;
    };
    let want = 0;
    lut.forEach((hit, code) => { if (hit) want |= 1 << code; });
    // Up to eight values: the byte is the row's set, and the rule matches a set sharing a value.
    const byte = byteColumn(column);
    if (byte) return { kernel: null, matches: any, byteHits: { bytes: byte.bytes, hits: hitsOf((set) => (set & want) !== 0) } };
    const sets = column.dict.length <= 32 ? rowSets(column) : null;
    if (sets) return { kernel: (out, bit) => setKernel(sets, want, out, bit), matches: any };
    return {
      kernel: (out, bit) => { for (let i = 0; i + 1 < offsets.length; i++) if (any(i)) out[i]! |= bit; },
      matches: any,
    };
  }
  return never({ code: 'wrongType', column: rule.column, kind: rule.kind, type: column.type });
}

/** 256 entries: 1 for the byte values where `hit` holds. */
function hitsOf(hit: (byte: number) => boolean): Uint8Array {
  const out = new Uint8Array(256);
  for (let k = 0; k < 256; k++) out[k] = hit(k) ? 1 : 0;
  return out;
}

// Per multi-value column with at most 32 distinct values, each row's set as a 32-bit mask, built
// once and kept while the column lives: an overlap rule is then one AND per row.
const rowSetCache = new WeakMap<MultiColumn, Uint32Array>();

function rowSets(column: MultiColumn): Uint32Array {
  let sets = rowSetCache.get(column);
  if (!sets) {
    const { offsets, codes } = column;
    sets = new Uint32Array(Math.max(0, offsets.length - 1));
    for (let i = 0; i < sets.length; i++) {
      let m = 0;
      for (let j = offsets[i]!, end = offsets[i + 1]!; j < end; j++) m |= 1 << codes[j]!;
      sets[i] = m;
    }
    rowSetCache.set(column, sets);
  }
  return sets;
}

// Kernels are plain top-level functions taking their arrays as arguments (V8 keeps arguments in
// registers; arrays captured by a closure are reloaded from its context on every iteration), and
// they do not branch on the data: survey answers are effectively random to a branch predictor, and
// a mispredicted branch per row made these loops three to four times slower.
function rangeKernel(values: Float64Array, min: number, max: number, out: Uint8Array, bit: number): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    out[i]! |= (+(v >= min) & +(v <= max)) * bit;
  }
}

/** `bits` has one entry per code + 1: entry 0 is the missing code -1, entry c + 1 is code c. */
function lookupKernel(codes: Int32Array, bits: Uint8Array, out: Uint8Array): void {
  for (let i = 0; i < codes.length; i++) out[i]! |= bits[codes[i]! + 1]!;
}

function setKernel(sets: Uint32Array, want: number, out: Uint8Array, bit: number): void {
  for (let i = 0; i < sets.length; i++) {
    const x = sets[i]! & want;
    // (x | -x) has its sign bit set exactly when x ≠ 0.
    out[i]! |= ((x | -x) >>> 31) * bit;
  }
}

/** One byte per dictionary entry: 1 when the normalised entry is wanted. */
export function dictionaryLut(column: Extract<TableColumn, { dict: string[] }>, wanted: ReadonlySet<string>): Uint8Array {
  const lut = new Uint8Array(column.dict.length);
  column.dict.forEach((value, i) => { lut[i] = wanted.has(normaliseCategory(value)) ? 1 : 0; });
  return lut;
}
