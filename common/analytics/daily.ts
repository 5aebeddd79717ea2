/**
 * Grouping scored responses by local day: per persona and day the responses scored, the
 * distribution, the mean score, and the additive live-metric sums of the matched (≥ 50) responses.
 * Typed-array accumulators indexed by day keep this a single pass over the rows per persona.
 */
import type { PersonaAnalysis } from './analyse';
import { dayName, indexDays, type DayIndex } from './days';
import { coveredPercent, percentOf, strongPercent } from './fraction';
import { codesAtLeast } from './kernels';
import { codeCount, countDays, countedMetrics, slotDays } from './dayCounts';
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
  const strongCodes = codesAtLeast(persona.scores, strongPercent);
  // The analysis counted codes by day already when it was given this day index.
  const counted = persona.byDay?.days === days ? { hist: persona.byDay.hist, bits: persona.coverBits } : undefined;
  const { hist, answers, others, npsOthers } = countDays(table, codes, K, cover, slotDays(days.dayOfRow, D, persona.inScope), D, counted);
  const C = codeCount;
  const M = countedMetrics.length;
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
    // Only the covered slot of the day is read: the metrics are those of its matched responses.
    const slot = d * 2 + 1;
    const mean = (m: number) => meanOf(answers, (slot * M + m) * C, others[(slot * M + m) * 2]!, others[(slot * M + m) * 2 + 1]!);
    const boxed = (m: number) => {
      const a = mean(m);
      const h = (slot * M + m) * C;
      // Codes 2–6 are the answers 1–5; 5 and 6 are the top two boxes.
      return { ...a, top2: answers[h + 5]! + answers[h + 6]!, offScale: a.n - answers[h + 2]! - answers[h + 3]! - answers[h + 4]! - answers[h + 5]! - answers[h + 6]! };
    };
    // NPS from its answer codes: 1–7 are 0–6 (detractors), 8–9 are 7–8, 10–11 are 9–10.
    const npsAt = (slot * M + 3) * C;
    const count = (from: number, to: number) => { let k = 0; for (let c = from; c <= to; c++) k += answers[npsAt + c]!; return k; };
    const promoters = count(10, 11) + npsOthers[slot * 3]!, passives = count(8, 9) + npsOthers[slot * 3 + 1]!, detractors = count(1, 7) + npsOthers[slot * 3 + 2]!;
    const npsMean = mean(3);
    let covered = 0;
    for (let c = 0; c < K; c++) covered += hist[d * K + c]! * cover[c]!;
    const metrics: MetricAccumulator = {
      responses: covered, satisfaction: boxed(0), trust: boxed(1), effort: mean(2),
      nps: { n: promoters + passives + detractors, sum: npsMean.sum, sq: npsMean.sq, promoters, passives, detractors },
    };
    out.push({
      day: dayName(days.firstDay + d), responses, scorePercentSum, metrics,
      distribution: { strong, moderate, weak: responses - strong - moderate },
    });
  }
  return out;
}

/** n, sum and squares of one day's metric from its code histogram at `h` and its "other" sums. */
function meanOf(answers: Uint32Array, h: number, otherSum: number, otherSq: number): { n: number; sum: number; sq: number } {
  let n = answers[h + codeCount - 1]!, sum = otherSum, sq = otherSq;
  for (let v = 0; v <= 10; v++) {
    const count = answers[h + v + 1]!;
    n += count;
    sum += count * v;
    sq += count * v * v;
  }
  return { n, sum, sq };
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
