/**
 * Grouping scored responses by local day: per persona and day the responses scored, the
 * distribution, the mean score, and the additive live-metric sums of the matched (≥ 50) responses.
 * Typed-array accumulators indexed by day keep this a single pass over the rows per persona.
 */
import type { PersonaAnalysis } from './analyse';
import { dayName, indexDays, type DayIndex } from './days';
import { coveredPercent, strongPercent } from './fraction';
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

/** Indexes a table's rows by local day (rows without a date get -1). */
export function tableDays(table: Table, options: DayOptions): DayIndex {
  const col = table.columns.get(options.dateColumn ?? 'submittedAt');
  const instants = col && col.type === 'date' ? col.values : new Float64Array(table.rowCount).fill(Number.NaN);
  return indexDays(instants, options.timeZone);
}

/**
 * Per-day figures of one persona, for every day of the index that has at least one scored response.
 * Rows without a date are not in any day (the dashboard's totals still count them).
 */
export function dailyFigures(table: Table, persona: PersonaAnalysis, days: DayIndex): DayFigures[] {
  const D = days.dayCount;
  const responses = new Uint32Array(D), strong = new Uint32Array(D), moderate = new Uint32Array(D);
  const scoreSum = new Float64Array(D);
  const acc: MetricAccumulator[] = [];
  for (let d = 0; d < D; d++) acc.push(emptyMetrics());
  const den = persona.prepared.denominator;
  const num = persona.numerators;
  const col = (key: string) => {
    const c = table.columns.get(key);
    return c && c.type === 'number' ? c.values : null;
  };
  const sat = col(metricColumns.satisfaction), nps = col(metricColumns.nps), trust = col(metricColumns.trust), effort = col(metricColumns.effort);
  const strongMin = den > 0 ? (strongPercent * den) / 100 : Infinity;
  const coverMin = den > 0 ? (coveredPercent * den) / 100 : Infinity;
  const toPercent = den > 0 ? 100 / den : 0;
  for (let i = 0; i < num.length; i++) {
    const d = days.dayOfRow[i]!;
    if (d < 0 || persona.inScope[i] === 0) continue;
    const v = num[i]!;
    responses[d]! += 1;
    scoreSum[d]! += v * toPercent;
    if (v < coverMin) continue;
    if (v >= strongMin) strong[d]! += 1;
    else moderate[d]! += 1;
    const a = acc[d]!;
    a.responses += 1;
    if (sat) addMean(a.satisfaction, sat[i]!);
    if (nps) addNps(a.nps, nps[i]!);
    if (trust) addMean(a.trust, trust[i]!);
    if (effort) addMean(a.effort, effort[i]!);
  }
  const out: DayFigures[] = [];
  for (let d = 0; d < D; d++) {
    const r = responses[d]!;
    if (r === 0) continue;
    out.push({
      day: dayName(days.firstDay + d),
      responses: r,
      distribution: { strong: strong[d]!, moderate: moderate[d]!, weak: r - strong[d]! - moderate[d]! },
      scorePercentSum: scoreSum[d]!,
      metrics: acc[d]!,
    });
  }
  return out;
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
  const den = persona.prepared.denominator;
  if (den === 0) return acc;
  const coverMin = (coveredPercent * den) / 100;
  const col = (key: string) => {
    const c = table.columns.get(key);
    return c && c.type === 'number' ? c.values : null;
  };
  const sat = col(metricColumns.satisfaction), nps = col(metricColumns.nps), trust = col(metricColumns.trust), effort = col(metricColumns.effort);
  const num = persona.numerators;
  for (let i = 0; i < num.length; i++) {
    if (persona.inScope[i] === 0 || num[i]! < coverMin) continue;
    acc.responses += 1;
    if (sat) addMean(acc.satisfaction, sat[i]!);
    if (nps) addNps(acc.nps, nps[i]!);
    if (trust) addMean(acc.trust, trust[i]!);
    if (effort) addMean(acc.effort, effort[i]!);
  }
  return acc;
}
