/**
 * Scores every response against every persona and derives what the dashboard shows: per persona the
 * responses scored, average and best score, distribution, coverage and top matches; across personas
 * the overlap matrix, the uncovered share and each response's best persona. Pure and synchronous;
 * {@link analyseAsync} yields between personas so a worker can report progress and be cancelled.
 */
import { atLeastPercent, coveredPercent, percentOf, strongPercent, type Score } from './fraction';
import { bestPersonas } from './bestPersona';
import { countCodes, countCodesByDay, inScopeHistogram } from './codeCounts';
import { slotDays } from './dayCounts';
import type { DayIndex } from './days';
import { codesAtLeast, numeratorAt, type PersonaScores, type RuleMismatch } from './kernels';
import { scorePersonas } from './lanes';
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
  /**
   * The day index `dailyFigures` will be called with (`tableDays`): the analysis then counts codes
   * per day in the pass it makes anyway, and `dailyFigures` visits only the covered rows.
   */
  days?: DayIndex;
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
  /** Per-row score codes, the rules with single-row tests (explanations, per-rule columns). */
  scores: PersonaScores;
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
  /** Rules that can never match here, with the reason (absent column, wrong type) in English and as data for the screens to word. */
  problems: { ruleId: string; message: string; mismatch?: RuleMismatch }[];
  /** Bit i of word i >> 5: row i is in scope and scores ≥ 50. */
  coverBits: Uint32Array;
  /** Per-day code histograms `[slot][code]` (slots of `slotDays`), when the analysis was given `days`. */
  byDay?: { days: DayIndex; hist: Uint32Array };
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
  const results: PersonaAnalysis[] = [];
  // Coverage as bitsets, so the pairwise overlap is a popcount of ANDed words, not a row loop per pair.
  const words = (n + 31) >>> 5;
  const coverBits: Uint32Array[] = [];
  // Every persona scored first, four at a time where their rules allow (lanes.ts).
  const allScores = scorePersonas(table, personas.map((p) => p.rules));
  yield 1 / (personas.length + 2);
  for (const [p, persona] of personas.entries()) {
    const scores = allScores[p]!;
    const inScope = scopeMask(table, persona, range);
    const bits = new Uint32Array(words);
    results.push(summarise(persona, scores, inScope, bits, options.topN ?? 10, options.days));
    coverBits.push(bits);
    yield (p + 2) / (personas.length + 2);
  }
  const overlap = results.map(() => results.map(() => 0));
  for (let a = 0; a < results.length; a++) {
    for (let b = a; b < results.length; b++) overlap[a]![b] = overlap[b]![a] = popcountAnd(coverBits[a]!, coverBits[b]!);
  }
  let covered = 0;
  for (let w = 0; w < words; w++) {
    let any = 0;
    for (const bits of coverBits) any |= bits[w]!;
    covered += popcount(any);
  }
  const bestPersona = bestPersonas(results, n);
  const bestCounts = results.map(() => 0);
  for (let i = 0; i < n; i++) {
    const p = bestPersona[i]!;
    if (p >= 0) bestCounts[p]! += 1;
  }
  const uncovered = rowsInRange - covered;
  return {
    rowCount: n, rowsInRange, personas: results, overlap, uncovered,
    uncoveredPercent: rowsInRange > 0 ? (uncovered * 100) / rowsInRange : 0, bestPersona, bestCounts,
  };
}

function summarise(persona: PersonaInput, scores: PersonaScores, inScope: Uint8Array, bits: Uint32Array, topN: number, days?: DayIndex): PersonaAnalysis {
  const { codes, numeratorOf, denominator: den } = scores;
  const K = numeratorOf.length;
  const cover = codesAtLeast(scores, coveredPercent);
  let byDay: PersonaAnalysis['byDay'];
  let hist: Uint32Array;
  // Per-day histograms only while they stay small (a persona of summed codes over decades of days
  // would not): otherwise the day figures make their own pass.
  if (days && (days.dayCount + 2) * K <= maxDayHistogram) {
    const slots = slotDays(days.dayOfRow, days.dayCount, inScope);
    byDay = { days, hist: countCodesByDay(codes, slots, inScope, cover, K, days.dayCount, bits) };
    hist = inScopeHistogram(byDay.hist, K, days.dayCount);
  } else {
    hist = countCodes(codes, inScope, cover, K, bits);
  }
  const strongCodes = codesAtLeast(scores, strongPercent);
  let scored = 0, sum = 0, bestNum = -1, strong = 0, covered = 0;
  hist.forEach((count, c) => {
    if (count === 0) return;
    const v = numeratorOf[c]!;
    scored += count;
    sum += count * v;
    if (v > bestNum) bestNum = v;
    if (cover[c]) covered += count;
    if (strongCodes[c]) strong += count;
  });
  return {
    personaId: persona.id,
    name: persona.name,
    scores, inScope, scored,
    averagePercent: scored > 0 && den > 0 ? (sum * 100) / (scored * den) : 0,
    best: scored > 0 ? { numerator: bestNum, denominator: den } : null,
    distribution: { strong, moderate: covered - strong, weak: scored - covered },
    coverage: { covered, total: scored, percent: scored > 0 ? (covered * 100) / scored : 0 },
    top: topRows(scores, inScope, hist, topN),
    problems: scores.rules.flatMap((r) => (r.problem ? [{ ruleId: r.rule.id, message: r.problem, ...(r.mismatch ? { mismatch: r.mismatch } : {}) }] : [])),
    coverBits: bits,
    ...(byDay ? { byDay } : {}),
  };
}

/** Entries of a persona's per-day histograms (4 bytes each) past which the day figures count on their own. */
const maxDayHistogram = 1 << 22;

/** The best `k` rows by score, first rows winning ties: a threshold from the histogram, then one scan. */
function topRows(scores: PersonaScores, inScope: Uint8Array, hist: Uint32Array, k: number): RowScore[] {
  const { codes, numeratorOf, denominator } = scores;
  const byValue = [...numeratorOf.keys()].filter((c) => hist[c]! > 0).sort((a, b) => numeratorOf[b]! - numeratorOf[a]!);
  let threshold = -1;
  let seen = 0;
  for (const c of byValue) {
    threshold = numeratorOf[c]!;
    seen += hist[c]!;
    if (seen >= k) break;
  }
  if (k <= 0 || threshold < 0) return [];
  const above: number[] = [];
  const at: number[] = [];
  // When the threshold is the highest score present, nothing can rank above: stop once k are found.
  const highest = numeratorOf[byValue[0]!]!;
  for (let i = 0; i < codes.length; i++) {
    if (inScope[i] === 0) continue;
    const v = numeratorOf[codes[i]!]!;
    if (v > threshold) above.push(i);
    else if (v === threshold && at.length < k) {
      at.push(i);
      if (at.length === k && threshold === highest) break;
    }
  }
  const rows = [...above.sort((a, b) => numeratorOf[codes[b]!]! - numeratorOf[codes[a]!]! || a - b), ...at].slice(0, k);
  return rows.map((row) => {
    const v = numeratorOf[codes[row]!]!;
    return { row, numerator: v, denominator, percent: percentOf(v, denominator) };
  });
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
  return p.inScope[row] === 1 && atLeastPercent(numeratorAt(p.scores, row), p.scores.denominator, coveredPercent);
}
