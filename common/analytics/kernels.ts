/**
 * Rules prepared once into column kernels: each rule becomes a match mask (one byte per row)
 * computed a column at a time, and a persona's score numerator is the weighted sum of its masks.
 * Set rules compare against a per-dictionary lookup table, so a category is normalised once per
 * distinct value, never per row. No code generation (the app's CSP forbids `new Function`).
 */
import { integerWeight, normaliseCategory, type Rule } from './rules';
import type { Table, TableColumn } from './table';

/** A rule ready to run: its mask over every table row and its integer weight (hundredths). */
export interface PreparedRule {
  rule: Rule;
  weight: number;
  /** 1 where the rule matches; missing values are 0. */
  mask: Uint8Array;
  /** Why the rule can never match on this table, if so (column absent or of another type). */
  problem?: string;
}

/** A persona's rules prepared against a table. */
export interface PreparedPersona {
  rules: PreparedRule[];
  /** Sum of the integer weights: the denominator of every score of this persona. */
  denominator: number;
}

/** Masks shared between personas whose rules are identical, keyed by {@link ruleSignature}. */
export type MaskCache = Map<string, { mask: Uint8Array; problem?: string }>;

/** A key that is equal for rules that match the same rows (ids, labels and weights aside). */
export function ruleSignature(rule: Rule): string {
  if (rule.kind === 'range') return JSON.stringify([rule.kind, rule.column, rule.min ?? null, rule.max ?? null]);
  const values = [...new Set(rule.values.map(normaliseCategory))].sort();
  return JSON.stringify([rule.kind, rule.column, values]);
}

/** Prepares a persona's (valid) rules against a table, reusing masks from `cache`. */
export function preparePersona(table: Table, rules: readonly Rule[], cache: MaskCache = new Map()): PreparedPersona {
  const prepared = rules.map((rule): PreparedRule => {
    const key = ruleSignature(rule);
    let entry = cache.get(key);
    if (!entry) {
      entry = ruleMask(table, rule);
      cache.set(key, entry);
    }
    return { rule, weight: integerWeight(rule), ...entry };
  });
  return { rules: prepared, denominator: prepared.reduce((s, r) => s + r.weight, 0) };
}

/** Computes one rule's match mask over all rows of a table. */
export function ruleMask(table: Table, rule: Rule): { mask: Uint8Array; problem?: string } {
  const n = table.rowCount;
  const mask = new Uint8Array(n);
  const column = table.columns.get(rule.column);
  if (!column) return { mask, problem: `Column "${rule.column}" is not in the data.` };
  if (rule.kind === 'range') {
    if (column.type !== 'number') return { mask, problem: `Column "${rule.column}" holds ${column.type} values, not numbers.` };
    rangeKernel(column.values, rule.min ?? -Infinity, rule.max ?? Infinity, mask);
    return { mask };
  }
  const wanted = new Set(rule.values.map(normaliseCategory));
  if (column.type === 'category' && (rule.kind === 'oneOf' || rule.kind === 'overlap')) {
    lookupKernel(column.codes, dictionaryLut(column, wanted), mask);
    return { mask };
  }
  if (column.type === 'multi' && rule.kind === 'overlap') {
    anyOfKernel(column.offsets, column.codes, dictionaryLut(column, wanted), mask);
    return { mask };
  }
  return { mask, problem: `A ${rule.kind} rule cannot read "${rule.column}", which holds ${column.type} values.` };
}

/** One byte per dictionary entry: 1 when the normalised entry is wanted. */
export function dictionaryLut(column: Extract<TableColumn, { dict: string[] }>, wanted: ReadonlySet<string>): Uint8Array {
  const lut = new Uint8Array(column.dict.length);
  column.dict.forEach((value, i) => { lut[i] = wanted.has(normaliseCategory(value)) ? 1 : 0; });
  return lut;
}

// NaN compares false both ways, so a missing number never matches without a separate check.
function rangeKernel(values: Float64Array, min: number, max: number, out: Uint8Array): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    out[i] = v >= min && v <= max ? 1 : 0;
  }
}

function lookupKernel(codes: Int32Array, lut: Uint8Array, out: Uint8Array): void {
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    out[i] = c >= 0 ? lut[c]! : 0;
  }
}

function anyOfKernel(offsets: Uint32Array, codes: Int32Array, lut: Uint8Array, out: Uint8Array): void {
  for (let i = 0; i + 1 < offsets.length; i++) {
    let hit = 0;
    for (let j = offsets[i]!, end = offsets[i + 1]!; j < end; j++) {
      if (lut[codes[j]!] === 1) { hit = 1; break; }
    }
    out[i] = hit;
  }
}

/**
 * Score numerators of one persona for every row: the sum of the integer weights of the rules that
 * match. The score of row i is `numerators[i] / denominator` exactly.
 */
export function scoreNumerators(persona: PreparedPersona, rowCount: number): Uint32Array {
  const num = new Uint32Array(rowCount);
  for (const { mask, weight } of persona.rules) {
    for (let i = 0; i < rowCount; i++) num[i]! += mask[i]! * weight;
  }
  return num;
}
