/**
 * Grouping scored responses by local day: per persona and day the responses scored, the
 * distribution, the mean score, and the additive live-metric sums of the matched (≥ 50) responses.
 * Typed-array accumulators indexed by day keep this a single pass over the rows per persona.
 */
import type { PersonaAnalysis } from './analyse';
import { dayName, indexDays, type DayIndex } from './days';
import { coveredPercent, percentOf, strongPercent } from './fraction';
import { codesAtLeast } from './kernels';
import { addMean, addNps, emptyMetrics, metricColumns, type MetricAccumulator } from './metrics';
import type { Table } from './table';

/** One persona's figures for one day; additive, so ranges are sums of days. */
export interface DayFigures {
  day: string;
  /** Responses scored that day. */
  responses: number;
  distribution: { strong: number; moderate: number; weak: number };
  /** Sum of the scores in percent, for the mean score over any set of days. */
  scorePercentSum: number;
  /** Live-metric sums of that day's matched responses (score ≥ 50). */
  metrics: MetricAccumulator;
}

/** Options shared by the day functions. */
export interface DayOptions {
  /** IANA zone the workspace counts days in. */
  timeZone: string;
  /** Date column; default `submittedAt`. */
  dateColumn?: string;
}

// Decoded columns never change, so a column's day index per zone is computed once and kept as
// long as the column lives (recalculations and date-range changes reuse it).
const dayIndexCache = new WeakMap<Float64Array, Map<string, DayIndex>>();

/** Indexes a table's rows by local day (rows without a date get -1); cached per column and zone. */
export function tableDays(table: Table, options: DayOptions): DayIndex {
  const col = table.columns.get(options.dateColumn ?? 'submittedAt');
  if (!col || col.type !== 'date') return indexDays(new Float64Array(table.rowCount).fill(Number.NaN), options.timeZone);
  let byZone = dayIndexCache.get(col.values);
  if (!byZone) dayIndexCache.set(col.values, (byZone = new Map()));
  let index = byZone.get(options.timeZone);
  if (!index) byZone.set(options.timeZone, (index = indexDays(col.values, options.timeZone)));
  return index;
}

/**
 * Per-day figures of one persona, for every day of the index that has at least one scored response.
 * Rows without a date are not in any day (the dashboard's totals still count them).
 */
export function dailyFigures(table: Table, persona: PersonaAnalysis, days: DayIndex): DayFigures[] {
  const D = days.dayCount;
  const { codes, numeratorOf, denominator: den } = persona.scores;
  const K = numeratorOf.length;
  const cover = codesAtLeast(persona.scores, coveredPercent);
  // Scores go into a day × code histogram (the distribution and mean follow from it); only covered
  // rows touch the metric sums: per day a histogram of each mean metric's answer codes (whole answers
  // 0–10 and "other", see `answerCodes`; n, sum, squares and top-2-box follow exactly), the sum and
  // squares of "other" answers, and [unused, sum, promoters, passives, detractors, no answer] for NPS.
  const hist = new Uint32Array(D * K);
  const metricKeys = [metricColumns.satisfaction, metricColumns.trust, metricColumns.effort];
  const [sat, trust, effort] = metricKeys.map((k) => answerCodes(numberColumn(table, k))) as [Uint8Array, Uint8Array, Uint8Array];
  const answers = new Uint32Array(D * 3 * C);
  const others = new Float64Array(D * 3 * 2);
  const { kind: npsKind, value: npsValue } = npsClasses(table);
  const npsSums = new Float64Array(D * 6), npsSq = new Float64Array(D);
  const covered = new Uint32Array(D);
  const { dayOfRow } = days;
  const { inScope } = persona;
  for (let i = 0; i < codes.length; i++) {
    const d = dayOfRow[i]!;
    if (d < 0 || inScope[i] === 0) continue;
    const c = codes[i]!;
    hist[d * K + c]! += 1;
    if (cover[c] === 0) continue;
    covered[d]! += 1;
    // Unrolled: a loop over the three arrays here costs more than the additions themselves.
    const s = sat[i]!, t = trust[i]!, e = effort[i]!, at = d * 3 * C;
    answers[at + s]! += 1;
    answers[at + C + t]! += 1;
    answers[at + 2 * C + e]! += 1;
    // Answers that are not whole numbers 0–10 are rare: their values are summed as they are.
    if (s === other || t === other || e === other) addOthers(table, metricKeys, i, d, [s, t, e], others);
    // The class of an NPS answer is looked up, not branched on: answers are random to the predictor.
    npsSums[d * 6 + npsKind[i]!]! += 1;
    const v = npsValue[i]!;
    npsSums[d * 6 + 1]! += v;
    npsSq[d]! += v * v;
  }
  const strongCodes = codesAtLeast(persona.scores, strongPercent);
  const out: DayFigures[] = [];
  for (let d = 0; d < D; d++) {
    let responses = 0, strong = 0, moderate = 0, scorePercentSum = 0;
    for (let c = 0; c < K; c++) {
      const count = hist[d * K + c]!;
      if (count === 0) continue;
      responses += count;
      scorePercentSum += count * percentOf(numeratorOf[c]!, den);
      if (strongCodes[c] === 1) strong += count;
      else if (cover[c] === 1) moderate += count;
    }
    if (responses === 0) continue;
    const mean = (m: number) => meanOf(answers, (d * 3 + m) * C, others[(d * 3 + m) * 2]!, others[(d * 3 + m) * 2 + 1]!);
    const boxed = (m: number) => {
      const a = mean(m);
      const h = (d * 3 + m) * C;
      // Codes 2–6 are the answers 1–5; 5 and 6 are the top two boxes.
      return { ...a, top2: answers[h + 5]! + answers[h + 6]!, offScale: a.n - answers[h + 2]! - answers[h + 3]! - answers[h + 4]! - answers[h + 5]! - answers[h + 6]! };
    };
    const metrics: MetricAccumulator = {
      responses: covered[d]!, satisfaction: boxed(0), trust: boxed(1), effort: mean(2),
      nps: {
        n: npsSums[d * 6 + 2]! + npsSums[d * 6 + 3]! + npsSums[d * 6 + 4]!, sum: npsSums[d * 6 + 1]!, sq: npsSq[d]!,
        promoters: npsSums[d * 6 + 2]!, passives: npsSums[d * 6 + 3]!, detractors: npsSums[d * 6 + 4]!,
      },
    };
    out.push({
      day: dayName(days.firstDay + d), responses, scorePercentSum, metrics,
      distribution: { strong, moderate, weak: responses - strong - moderate },
    });
  }
  return out;
}

/**
 * Answer codes of a mean metric: 0 missing, 1–11 the whole answers 0–10 (code = answer + 1), 12 any
 * other value. Survey scales are whole numbers, so a day's n, sum, squares and top-2-box come from a
 * histogram of codes: one increment per row instead of arithmetic and branches on random answers.
 */
const C = 13;
const other = 12;
const codeCache = new WeakMap<Float64Array, Uint8Array>();

function answerCodes(values: Float64Array): Uint8Array {
  let codes = codeCache.get(values);
  if (!codes) {
    codes = new Uint8Array(values.length);
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (v !== v) continue;
      codes[i] = Number.isInteger(v) && v >= 0 && v <= 10 ? v + 1 : other;
    }
    codeCache.set(values, codes);
  }
  return codes;
}

/** Adds the "other" answers of row `i` (day `d`) to their day's sum and squares. */
function addOthers(table: Table, keys: readonly string[], i: number, d: number, codes: readonly number[], others: Float64Array): void {
  codes.forEach((code, m) => {
    if (code !== other) return;
    const v = numberColumn(table, keys[m]!)[i]!;
    others[(d * 3 + m) * 2]! += v;
    others[(d * 3 + m) * 2 + 1]! += v * v;
  });
}

/** n, sum and squares of one day's metric from its code histogram at `h` and its "other" sums. */
function meanOf(answers: Uint32Array, h: number, otherSum: number, otherSq: number): { n: number; sum: number; sq: number } {
  let n = answers[h + other]!, sum = otherSum, sq = otherSq;
  for (let v = 0; v <= 10; v++) {
    const count = answers[h + v + 1]!;
    n += count;
    sum += count * v;
    sq += count * v * v;
  }
  return { n, sum, sq };
}

/** Per row: slot of its NPS answer (2 promoter, 3 passive, 4 detractor, 5 none) and the value or 0. */
interface NpsClasses { kind: Uint8Array; value: Float64Array }
const npsCache = new WeakMap<Table, NpsClasses>();

function npsClasses(table: Table): NpsClasses {
  let cached = npsCache.get(table);
  if (!cached) {
    const values = numberColumn(table, metricColumns.nps);
    const kind = new Uint8Array(values.length).fill(5);
    const value = new Float64Array(values.length);
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (!(v >= 0 && v <= 10)) continue;
      kind[i] = v >= 9 ? 2 : v <= 6 ? 4 : 3;
      value[i] = v;
    }
    npsCache.set(table, (cached = { kind, value }));
  }
  return cached;
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

/**
 * What each day's rows are made of: per day, `datasetId:waveId:count` entries. A snapshot's inputs
 * digest includes its day's entry, so appending a wave changes only the days it adds rows to.
 */
export function dayFingerprints(table: Table, days: DayIndex): Map<string, string> {
  const counts = new Map<number, Map<number, number>>();
  const W = table.waveIds.length;
  for (let i = 0; i < table.rowCount; i++) {
    const d = days.dayOfRow[i]!;
    if (d < 0) continue;
    let perDay = counts.get(d);
    if (!perDay) counts.set(d, (perDay = new Map()));
    const key = table.datasetOfRow[i]! * W + table.waveOfRow[i]!;
    perDay.set(key, (perDay.get(key) ?? 0) + 1);
  }
  const out = new Map<string, string>();
  for (const [d, perDay] of counts) {
    const parts = [...perDay].map(([key, c]) => `${table.datasetIds[Math.floor(key / W)]}:${table.waveIds[key % W]}:${c}`).sort();
    out.set(dayName(days.firstDay + d), parts.join(','));
  }
  return out;
}

/** Live-metric sums over all of a persona's matched (≥ 50) responses in scope, dated or not. */
export function matchedMetrics(table: Table, persona: PersonaAnalysis): MetricAccumulator {
  const acc = emptyMetrics();
  const cover = codesAtLeast(persona.scores, coveredPercent);
  const codes = persona.scores.codes;
  const col = (key: string) => {
    const c = table.columns.get(key);
    return c && c.type === 'number' ? c.values : null;
  };
  const sat = col(metricColumns.satisfaction), nps = col(metricColumns.nps), trust = col(metricColumns.trust), effort = col(metricColumns.effort);
  for (let i = 0; i < codes.length; i++) {
    if (persona.inScope[i] === 0 || cover[codes[i]!] === 0) continue;
    acc.responses += 1;
    if (sat) addMean(acc.satisfaction, sat[i]!);
    if (nps) addNps(acc.nps, nps[i]!);
    if (trust) addMean(acc.trust, trust[i]!);
    if (effort) addMean(acc.effort, effort[i]!);
  }
  return acc;
}
