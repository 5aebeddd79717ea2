/**
 * Scores every response against every persona and derives what the dashboard shows: per persona the
 * responses scored, average and best score, distribution, coverage and top matches; across personas
 * the overlap matrix, the uncovered share and each response's best persona. Pure and synchronous;
 * {@link analyseAsync} yields between personas so a worker can report progress and be cancelled.
 */
import { atLeastPercent, coveredPercent, percentOf, strongPercent, type Score } from './fraction';
import { preparePersona, scoreNumerators, type MaskCache, type PreparedPersona } from './kernels';
import type { Rule } from './rules';
import type { Table } from './table';

/** A persona as the engine needs it (the persona document has more). */
export interface PersonaInput {
  id: string;
  name: string;
  /** Valid rules (check them with `validateRules` first). */
  rules: Rule[];
  /** Datasets feeding this persona; absent or empty means all. */
  datasetIds?: string[];
}

/** What to analyse. */
export interface AnalyseOptions {
  /** Only rows whose date column lies in [from, to] (epoch ms, inclusive); undated rows are left out. */
  from?: number;
  to?: number;
  /** Date column the range reads; default `submittedAt`. */
  dateColumn?: string;
  /** How many top matches to keep per persona; default 10. */
  topN?: number;
}

/** One row's score for a persona. */
export interface RowScore extends Score {
  row: number;
  percent: number;
}

/** Per-persona results. */
export interface PersonaAnalysis {
  personaId: string;
  name: string;
  /** The prepared rules (with their masks, for explanations and per-rule columns). */
  prepared: PreparedPersona;
  /** Score numerator per table row (denominator is `prepared.denominator`). */
  numerators: Uint32Array;
  /** 1 for rows this persona scores (its datasets, the date range). */
  inScope: Uint8Array;
  /** Rows scored. */
  scored: number;
  /** Mean score in percent (0 when nothing is scored). */
  averagePercent: number;
  /** The best score, exact, or `null` when nothing is scored. */
  best: Score | null;
  distribution: { strong: number; moderate: number; weak: number };
  /** Responses scoring ≥ 50, over all responses in scope. */
  coverage: { covered: number; total: number; percent: number };
  /** Highest scores first; ties keep row order. */
  top: RowScore[];
  /** Rules that can never match here, with the reason (absent column, wrong type). */
  problems: { ruleId: string; message: string }[];
}

/** The whole analysis. */
export interface Analysis {
  rowCount: number;
  /** Rows in the date range (the denominator of the uncovered share). */
  rowsInRange: number;
  personas: PersonaAnalysis[];
  /** overlap[a][b]: rows scoring ≥ 50 for both a and b (the diagonal is each persona's coverage). */
  overlap: number[][];
  /** Rows in range that no persona covers. */
  uncovered: number;
  uncoveredPercent: number;
  /** Per row, the index of the best-scoring persona (first on ties), -1 when none scores above 0. */
  bestPersona: Int16Array;
  /** Per persona, how many rows have it as best persona. */
  bestCounts: number[];
}

/** Progress of a long analysis: fraction 0–1. */
export type AnalysisProgress = (fraction: number) => void;

/** Analyses synchronously; fine for the CLI and tests, use {@link analyseAsync} in a worker. */
export function analyse(table: Table, personas: readonly PersonaInput[], options: AnalyseOptions = {}): Analysis {
  const steps = analysisSteps(table, personas, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Analyses, yielding to the event loop between personas; rejects with an AbortError when aborted. */
export async function analyseAsync(
  table: Table, personas: readonly PersonaInput[], options: AnalyseOptions & { signal?: AbortSignal; onProgress?: AnalysisProgress } = {},
): Promise<Analysis> {
  const steps = analysisSteps(table, personas, options);
  for (;;) {
    options.signal?.throwIfAborted();
    const step = steps.next();
    if (step.done) return step.value;
    options.onProgress?.(step.value);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

function* analysisSteps(table: Table, personas: readonly PersonaInput[], options: AnalyseOptions): Generator<number, Analysis> {
  const n = table.rowCount;
  const range = rangeMask(table, options);
  const rowsInRange = countOnes(range);
  const cache: MaskCache = new Map();
  const results: PersonaAnalysis[] = [];
  // Coverage as bitsets, so the pairwise overlap is a popcount of ANDed words, not a row loop per pair.
  const words = (n + 31) >>> 5;
  const coverBits: Uint32Array[] = [];
  for (const [p, persona] of personas.entries()) {
    const prepared = preparePersona(table, persona.rules, cache);
    const numerators = scoreNumerators(prepared, n);
    const inScope = scopeMask(table, persona, range);
    const bits = new Uint32Array(words);
    results.push(summarise(persona, prepared, numerators, inScope, bits, options.topN ?? 10));
    coverBits.push(bits);
    yield (p + 1) / (personas.length + 1);
  }
  const overlap = results.map((_, a) => results.map((__, b) => popcountAnd(coverBits[a]!, coverBits[b]!)));
  let covered = 0;
  for (let w = 0; w < words; w++) {
    let any = 0;
    for (const bits of coverBits) any |= bits[w]!;
    covered += popcount(any);
  }
  const { bestPersona, bestCounts } = bestPersonas(results, n);
  const uncovered = rowsInRange - covered;
  return {
    rowCount: n, rowsInRange, personas: results, overlap, uncovered,
    uncoveredPercent: rowsInRange > 0 ? (uncovered * 100) / rowsInRange : 0, bestPersona, bestCounts,
  };
}

function summarise(
  persona: PersonaInput, prepared: PreparedPersona, numerators: Uint32Array, inScope: Uint8Array, bits: Uint32Array, topN: number,
): PersonaAnalysis {
  const den = prepared.denominator;
  const strongMin = den > 0 ? (strongPercent * den) / 100 : Infinity;
  const coverMin = den > 0 ? (coveredPercent * den) / 100 : Infinity;
  let scored = 0, sum = 0, bestNum = -1, strong = 0, moderate = 0;
  for (let i = 0; i < numerators.length; i++) {
    if (inScope[i] === 0) continue;
    const v = numerators[i]!;
    scored++;
    sum += v;
    if (v > bestNum) bestNum = v;
    // v * 100 >= 70 * den ⇔ v >= 0.7 * den; the threshold is a multiple of 1/100 and v an integer,
    // so comparing with the exact quotient is exact (checked against atLeastPercent in tests).
    if (v >= coverMin) {
      bits[i >>> 5]! |= 1 << (i & 31);
      if (v >= strongMin) strong++;
      else moderate++;
    }
  }
  const covered = strong + moderate;
  return {
    personaId: persona.id,
    name: persona.name,
    prepared, numerators, inScope, scored,
    averagePercent: scored > 0 && den > 0 ? (sum * 100) / (scored * den) : 0,
    best: scored > 0 ? { numerator: bestNum, denominator: den } : null,
    distribution: { strong, moderate, weak: scored - covered },
    coverage: { covered, total: scored, percent: scored > 0 ? (covered * 100) / scored : 0 },
    top: topRows(numerators, inScope, den, topN),
    problems: prepared.rules.flatMap((r) => (r.problem ? [{ ruleId: r.rule.id, message: r.problem }] : [])),
  };
}

/** The best `k` rows by score (first rows win ties), without sorting every row. */
function topRows(num: Uint32Array, inScope: Uint8Array, den: number, k: number): RowScore[] {
  const top: number[] = [];
  for (let i = 0; i < num.length && k > 0; i++) {
    if (inScope[i] === 0) continue;
    if (top.length === k && num[i]! <= num[top[k - 1]!]!) continue;
    let at = top.length;
    while (at > 0 && num[top[at - 1]!]! < num[i]!) at--;
    top.splice(at, 0, i);
    if (top.length > k) top.pop();
  }
  return top.map((row) => ({ row, numerator: num[row]!, denominator: den, percent: percentOf(num[row]!, den) }));
}

function bestPersonas(results: PersonaAnalysis[], n: number): { bestPersona: Int16Array; bestCounts: number[] } {
  const bestPersona = new Int16Array(n).fill(-1);
  const bestNum = new Float64Array(n);
  const bestDen = new Float64Array(n).fill(1);
  results.forEach((r, p) => {
    const den = r.prepared.denominator;
    if (den === 0) return;
    const num = r.numerators;
    for (let i = 0; i < n; i++) {
      const v = num[i]!;
      // v/den > bestNum/bestDen, cross-multiplied to stay exact (products stay below 2^53).
      if (r.inScope[i] === 1 && v > 0 && v * bestDen[i]! > bestNum[i]! * den) {
        bestNum[i] = v;
        bestDen[i] = den;
        bestPersona[i] = p;
      }
    }
  });
  const bestCounts = results.map(() => 0);
  for (let i = 0; i < n; i++) {
    const p = bestPersona[i]!;
    if (p >= 0) bestCounts[p]! += 1;
  }
  return { bestPersona, bestCounts };
}

function rangeMask(table: Table, options: AnalyseOptions): Uint8Array {
  const n = table.rowCount;
  const mask = new Uint8Array(n).fill(1);
  if (options.from === undefined && options.to === undefined) return mask;
  const col = table.columns.get(options.dateColumn ?? 'submittedAt');
  const from = options.from ?? -Infinity;
  const to = options.to ?? Infinity;
  if (!col || col.type !== 'date') return mask.fill(0);
  for (let i = 0; i < n; i++) {
    const v = col.values[i]!;
    mask[i] = v >= from && v <= to ? 1 : 0;
  }
  return mask;
}

function scopeMask(table: Table, persona: PersonaInput, range: Uint8Array): Uint8Array {
  const ids = persona.datasetIds;
  if (!ids || ids.length === 0) return range;
  const allowed = new Uint8Array(table.datasetIds.length);
  table.datasetIds.forEach((id, d) => { allowed[d] = ids.includes(id) ? 1 : 0; });
  const out = new Uint8Array(table.rowCount);
  for (let i = 0; i < out.length; i++) out[i] = range[i]! & allowed[table.datasetOfRow[i]!]!;
  return out;
}

function countOnes(mask: Uint8Array): number {
  let c = 0;
  for (let i = 0; i < mask.length; i++) c += mask[i]!;
  return c;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

function popcountAnd(a: Uint32Array, b: Uint32Array): number {
  let c = 0;
  for (let w = 0; w < a.length; w++) c += popcount(a[w]! & b[w]!);
  return c;
}

/** Whether a row is covered (≥ 50) by a persona of an analysis. */
export function isCovered(p: PersonaAnalysis, row: number): boolean {
  return p.inScope[row] === 1 && atLeastPercent(p.numerators[row]!, p.prepared.denominator, coveredPercent);
}
