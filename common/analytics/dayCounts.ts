/**
 * The one pass over the rows behind `dailyFigures`: per day a histogram of score codes and, per
 * day, a histogram of each live metric's answer codes among the covered rows. Every row adds to
 * the same counters whatever its values: rows without a date and rows outside the persona's scope
 * count in two extra slots after the days, so the loop has no data-dependent branch (survey answers are random to
 * a branch predictor, and a mispredicted branch per row cost more than all the counting). The slots
 * that are not read are simply ignored. When the analysis has already counted codes by day (it
 * was given the day index), only the covered rows are visited.
 */
import { metricColumns } from './metrics';
import type { Table } from './table';

/**
 * Answer codes: 0 missing, 1–11 the whole answers 0–10 (code = answer + 1), 12 any other value.
 * Survey scales are whole numbers, so a day's n, sum, squares and top-2-box come exactly from a
 * histogram of codes; the rare other values are summed as they are, in row order.
 */
export const codeCount = 13;
export const otherCode = 12;
/** The metrics counted, in slot order. */
export const countedMetrics = [metricColumns.satisfaction, metricColumns.trust, metricColumns.effort, metricColumns.nps] as const;
const M = countedMetrics.length;

/**
 * What one pass counts. Slots: `slot = day * 2 + covered`, days 0 … dayCount + 1 (after the days,
 * undated rows in scope, then rows out of scope; neither is a day anyone reads).
 */
export interface DayCounts {
  /** [day][score code]: rows by day slot (see `slotDays`). */
  hist: Uint32Array;
  /** [slot][metric][answer code], counted for the covered slots only (`slot = day * 2 + 1`; the others stay 0). */
  answers: Uint32Array;
  /** [slot][metric][sum, squares] of the "other" answers. */
  others: Float64Array;
  /** [slot][promoters, passives, detractors] among "other" NPS answers (in 0–10, not whole). */
  npsOthers: Float64Array;
}

/** A day histogram and coverage bitset already counted by the analysis (codeCounts.ts). */
export interface CountedCodes { hist: Uint32Array; bits: Uint32Array }

/**
 * Counts a persona's rows by day: `codes` its score codes, `cover` 1 per code at or above 50 %.
 * With `counted` (the analysis's own pass, made with the same slots), only the covered rows are
 * visited, for their answers.
 */
export function countDays(
  table: Table, codes: ArrayLike<number>, codeSpace: number, cover: Uint8Array, slotDay: Uint16Array | Int32Array, dayCount: number, counted?: CountedCodes,
): DayCounts {
  const K = codeSpace;
  const slots = (dayCount + 2) * 2;
  const answers = new Uint32Array(slots * M * codeCount);
  const others = new Float64Array(slots * M * 2);
  const npsOthers = new Float64Array(slots * 3);
  const { packed, otherRows } = packedAnswers(table);
  let hist: Uint32Array;
  if (counted) {
    hist = counted.hist;
    countCovered(slotDay, counted.bits, packed, answers);
  } else {
    hist = new Uint32Array((dayCount + 2) * K);
    countRows(slotDay, codes, K, cover, packed, hist, answers);
  }
  // The rare rows with an answer that is not a whole 0–10 also add its value, in row order.
  for (let k = 0; k < otherRows.length; k++) {
    const i = otherRows[k]!;
    const slot = slotDay[i]! * 2 + cover[codes[i]!]!;
    const x = packed[i]!;
    for (let m = 0; m < M; m++) {
      if (((x >>> (4 * m)) & 15) !== otherCode) continue;
      const v = numberColumn(table, countedMetrics[m]!)[i]!;
      others[(slot * M + m) * 2]! += v;
      others[(slot * M + m) * 2 + 1]! += v * v;
      if (m === M - 1) npsOthers[slot * 3 + (v >= 9 ? 0 : v <= 6 ? 2 : 1)]! += 1;
    }
  }
  return { hist, answers, others, npsOthers };
}

// Kept apart from the rest so V8 optimises this loop on its own: inside the larger function it ran
// at half the speed. Every row adds to its day's score histogram; only covered rows add their
// answers (nothing reads the answers of rows below 50 %), found from a 32-row word of cover bits
// built in the same pass, so the per-row work has no data-dependent branch and the answer counting
// is done for the covered share of the rows only.
function countRows(
  slotDay: Uint16Array | Int32Array, codes: ArrayLike<number>, K: number, cover: Uint8Array, packed: Uint16Array, hist: Uint32Array, answers: Uint32Array,
): void {
  const n = slotDay.length;
  for (let base = 0; base < n; base += 32) {
    const end = Math.min(n, base + 32);
    let word = 0;
    for (let i = base; i < end; i++) {
      const c = codes[i]!;
      hist[slotDay[i]! * K + c]! += 1;
      word |= cover[c]! << (i - base);
    }
    addAnswers(word, base, slotDay, packed, answers);
  }
}

/** The answers of the covered rows of a coverage bitset (the analysis's), a 32-row word at a time. */
function countCovered(slotDay: Uint16Array | Int32Array, bits: Uint32Array, packed: Uint16Array, answers: Uint32Array): void {
  for (let w = 0; w < bits.length; w++) {
    const word = bits[w]!;
    if (word !== 0) addAnswers(word, w << 5, slotDay, packed, answers);
  }
}

/** Adds the answers of the rows whose bits are set in `word` (row `base` is bit 0). */
function addAnswers(word: number, base: number, slotDay: Uint16Array | Int32Array, packed: Uint16Array, answers: Uint32Array): void {
  // Locals, not the module's constants: V8 reloads module constants on every iteration.
  const C = 13, MC = 4 * 13;
  while (word !== 0) {
    const i = base + 31 - Math.clz32(word & -word);
    word &= word - 1;
    const at = (slotDay[i]! * 2 + 1) * MC;
    // Four answer codes in the nibbles of one 16-bit word, unrolled: a loop over the metrics here
    // costs more than the additions themselves.
    const x = packed[i]!;
    answers[at + (x & 15)]! += 1;
    answers[at + C + ((x >>> 4) & 15)]! += 1;
    answers[at + 2 * C + ((x >>> 8) & 15)]! += 1;
    answers[at + 3 * C + (x >>> 12)]! += 1;
  }
}

/** Per row the answer codes of the counted metrics, four bits each, and the rows with an "other" code. */
interface PackedAnswers { packed: Uint16Array; otherRows: Int32Array }
const packedCache = new WeakMap<Table, PackedAnswers>();

function packedAnswers(table: Table): PackedAnswers {
  let found = packedCache.get(table);
  if (!found) {
    const columns = countedMetrics.map((key) => answerCodes(table, key));
    const packed = new Uint16Array(table.rowCount);
    const otherRows: number[] = [];
    for (let i = 0; i < packed.length; i++) {
      let x = 0, other = false;
      columns.forEach((codes, m) => { x |= codes[i]! << (4 * m); other ||= codes[i] === otherCode; });
      packed[i] = x;
      if (other) otherRows.push(i);
    }
    packedCache.set(table, (found = { packed, otherRows: Int32Array.from(otherRows) }));
  }
  return found;
}

/**
 * Per row its day; `dayCount` when undated but in the persona's scope, `dayCount + 1` when out of
 * scope. Personas without a dataset filter share one scope mask, so this is computed once per scope.
 */
const slotCache = new WeakMap<Int32Array, WeakMap<Uint8Array, Uint16Array | Int32Array>>();

export function slotDays(dayOfRow: Int32Array, dayCount: number, inScope: Uint8Array): Uint16Array | Int32Array {
  let byScope = slotCache.get(dayOfRow);
  if (!byScope) slotCache.set(dayOfRow, (byScope = new WeakMap()));
  let slots = byScope.get(inScope);
  if (!slots) {
    // Two bytes a row cover 179 years of days, which is every real survey; four otherwise.
    slots = dayCount < 65535 ? new Uint16Array(dayOfRow.length) : new Int32Array(dayOfRow.length);
    for (let i = 0; i < slots.length; i++) {
      const d = dayOfRow[i]!;
      slots[i] = inScope[i] !== 1 ? dayCount + 1 : d >= 0 ? d : dayCount;
    }
    byScope.set(inScope, slots);
  }
  return slots;
}

// Per column and table: answer codes, built once and kept while the column lives. NPS answers
// outside 0–10 are not answers (code 0), as the NPS definition has it. An NPS column with any answer
// in 0–10 that is not whole has all its answers summed as they are, in row order, like other values.
const codeCache = new WeakMap<Float64Array, Uint8Array>();
const noAnswers = new WeakMap<Table, Uint8Array>();

function answerCodes(table: Table, key: string): Uint8Array {
  const column = table.columns.get(key);
  if (!column || column.type !== 'number') {
    let none = noAnswers.get(table);
    if (!none) noAnswers.set(table, (none = new Uint8Array(table.rowCount)));
    return none;
  }
  const values = column.values;
  let codes = codeCache.get(values);
  if (!codes) {
    codes = key === metricColumns.nps ? npsCodes(values) : meanCodes(values);
    codeCache.set(values, codes);
  }
  return codes;
}

function meanCodes(values: Float64Array): Uint8Array {
  const codes = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v !== v) continue;
    codes[i] = Number.isInteger(v) && v >= 0 && v <= 10 ? v + 1 : otherCode;
  }
  return codes;
}

function npsCodes(values: Float64Array): Uint8Array {
  const codes = new Uint8Array(values.length);
  let whole = true;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!(v >= 0 && v <= 10)) continue;
    if (!Number.isInteger(v)) whole = false;
    codes[i] = v + 1;
  }
  if (!whole) for (let i = 0; i < codes.length; i++) if (codes[i] !== 0) codes[i] = otherCode;
  return codes;
}

// A missing metric column reads as all-missing, so the loops need no per-row null checks.
const noNumbers = new WeakMap<Table, Float64Array>();
function numberColumn(table: Table, key: string): Float64Array {
  const c = table.columns.get(key);
  if (c && c.type === 'number') return c.values;
  let empty = noNumbers.get(table);
  if (!empty) noNumbers.set(table, (empty = new Float64Array(table.rowCount).fill(Number.NaN)));
  return empty;
}
