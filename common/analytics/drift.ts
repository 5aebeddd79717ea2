/**
 * Drift: what changed on a persona's newest snapshot day against the days before it, and whether it
 * moved beyond the workspace's rule (an alert).
 *
 * The rule (editable; defaults in {@link defaultDriftRule}):
 * - distributions (each chart or demographic choice column a followed section reads): the matched
 *   respondents' answers on the newest day with responses against those of the preceding
 *   `referenceDays` days. Shift = total variation distance (half the sum of absolute share
 *   differences, 0–1) and Pearson's chi-square test of homogeneity on the 2 × options table. Alert
 *   when p < `alpha` AND the distance is at least `minTvd` (a tiny shift on many answers is
 *   significant but not worth an alert), and only when both sides have at least `minAnswers`
 *   respondents. Multi-choice columns are compared on their selections (an approximation: one
 *   respondent's selections are not independent).
 * - metrics: the anomaly rule of `anomalies.ts` against the trailing days (z = `sigmas`), judged on
 *   the newest day only; the delta is that day's value minus the trailing mean.
 * `drift.test.ts` measures the false-alarm rate on generated stationary data.
 */
import { contingencyChiSquare } from '../experiments/stats/proportions';
import type { DayFigures } from './daily';
import { detectAnomalies } from './anomalies';
import { dayName, type DayIndex } from './days';
import type { EvolutionPoint } from './evolution';
import { answerCounts } from './follow';
import { summariseMetrics, type MetricName } from './metrics';
import type { Table } from './table';

/** When a change raises an alert. */
export interface DriftRule {
  /** Significance level of the chi-square test (0.0001–0.1). */
  alpha: number;
  /** Smallest total variation distance that alerts (0.01–1). */
  minTvd: number;
  /** Width of the metric control limit in standard errors (1–6). */
  sigmas: number;
  /** Days before the newest day that form its reference (7–90). */
  referenceDays: number;
  /** Fewest respondents each side needs before a distribution is judged (5–1000). */
  minAnswers: number;
}

/** 0.1 % significance and a distance of 0.10 at least; metrics at 3 standard errors; four weeks of reference. */
export const defaultDriftRule: DriftRule = { alpha: 0.001, minTvd: 0.1, sigmas: 3, referenceDays: 28, minAnswers: 30 };

const ruleBounds: Record<keyof DriftRule, [number, number]> = {
  alpha: [0.0001, 0.1], minTvd: [0.01, 1], sigmas: [1, 6], referenceDays: [7, 90], minAnswers: [5, 1000],
};

/** A stored or typed rule, or the reason it cannot be used. */
export function checkDriftRule(input: unknown): { ok: true; rule: DriftRule } | { ok: false; message: string; field: keyof DriftRule; min: number; max: number } {
  const r = { ...defaultDriftRule, ...(typeof input === 'object' && input !== null ? input : {}) } as Record<string, unknown>;
  for (const [key, [min, max]] of Object.entries(ruleBounds)) {
    const v = r[key];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) return { ok: false, message: `${key} must be a number from ${min} to ${max}.`, field: key as keyof DriftRule, min, max };
  }
  return { ok: true, rule: r as unknown as DriftRule };
}

/** The rule in one sentence, shown beside the alerts. */
export function describeDriftRule(rule: DriftRule): string {
  return `Alert when an answer distribution on the newest day differs from the previous ${rule.referenceDays} days with chi-square p < ${rule.alpha} `
    + `and total variation distance ≥ ${rule.minTvd} (at least ${rule.minAnswers} respondents each side), or a metric lies beyond ${rule.sigmas} standard errors of its trailing mean.`;
}

/** The shift of one column's answers. */
export interface DistributionShift {
  column: string;
  current: number;
  reference: number;
  /** Shares (0–1) on the newest day and over the reference days, per answer. */
  shares: { label: string; current: number; reference: number }[];
  tvd: number;
  chiSquare: number;
  df: number;
  p: number;
  /** Null when judged; otherwise the respondents on each side and the fewest needed (the app words it). */
  notJudged: { current: number; reference: number; needed: number } | null;
  alert: boolean;
}

/** One metric's change. */
export interface MetricDelta { metric: MetricName; value: number; reference: number; delta: number; limit: number; alert: boolean }

/** What changed on the newest day. */
export interface DriftReport {
  /** The newest day with matched responses, or null when there is none. */
  day: string | null;
  shifts: DistributionShift[];
  metrics: MetricDelta[];
}

/** Compares one column's answers on a day with the preceding days (rows in `mask` only). */
export function distributionShift(table: Table, days: DayIndex, mask: Uint8Array, column: string, day: number, rule: DriftRule): DistributionShift | null {
  const cur = new Uint8Array(table.rowCount);
  const ref = new Uint8Array(table.rowCount);
  for (let i = 0; i < table.rowCount; i++) {
    if (mask[i] !== 1) continue;
    const d = days.dayOfRow[i]!;
    if (d === day) cur[i] = 1;
    else if (d >= 0 && d < day && d >= day - rule.referenceDays) ref[i] = 1;
  }
  const a = answerCounts(table, column, cur);
  const b = answerCounts(table, column, ref);
  if (!a || !b) return null;
  const labels = [...new Set([...a.options.keys(), ...b.options.keys()])].sort();
  const totalA = [...a.options.values()].reduce((s, v) => s + v, 0);
  const totalB = [...b.options.values()].reduce((s, v) => s + v, 0);
  const shares = labels.map((label) => ({
    label, current: totalA > 0 ? (a.options.get(label) ?? 0) / totalA : 0, reference: totalB > 0 ? (b.options.get(label) ?? 0) / totalB : 0,
  }));
  const tvd = shares.reduce((s, x) => s + Math.abs(x.current - x.reference), 0) / 2;
  const test = contingencyChiSquare([labels.map((l) => a.options.get(l) ?? 0), labels.map((l) => b.options.get(l) ?? 0)]);
  const notJudged = a.answering < rule.minAnswers || b.answering < rule.minAnswers
    ? { current: a.answering, reference: b.answering, needed: rule.minAnswers } : null;
  const p = Number.isNaN(test.p) ? 1 : test.p;
  return {
    column, current: a.answering, reference: b.answering, shares, tvd, chiSquare: Number.isNaN(test.statistic) ? 0 : test.statistic, df: test.df, p,
    notJudged, alert: notJudged === null && p < rule.alpha && tvd >= rule.minTvd,
  };
}

/**
 * The drift report of one persona on its newest day with matched responses: a shift per column and
 * a delta per metric (from the same day series the snapshots hold).
 */
export function driftReport(table: Table, days: DayIndex, mask: Uint8Array, columns: readonly string[], points: readonly EvolutionPoint[], rule: DriftRule): DriftReport {
  let newest = -1;
  for (let i = 0; i < table.rowCount; i++) if (mask[i] === 1 && days.dayOfRow[i]! > newest) newest = days.dayOfRow[i]!;
  if (newest < 0) return { day: null, shifts: [], metrics: [] };
  const dayLabel = dayName(days.firstDay + newest);
  const shifts = [...new Set(columns)].map((c) => distributionShift(table, days, mask, c, newest, rule)).filter((s): s is DistributionShift => s !== null);
  const metrics: MetricDelta[] = [];
  const upTo = points.filter((p) => p.day <= dayLabel);
  for (const metric of metricNames) {
    const flagged = detectAnomalies(upTo, { metric, sigmas: rule.sigmas, trailingDays: rule.referenceDays }).find((a) => a.day === dayLabel && a.against === 'trailing');
    // A vanishing limit lists every day's deviation; its limit is then 1e-9 standard errors.
    const probe = detectAnomalies(upTo, { metric, sigmas: tiny, trailingDays: rule.referenceDays }).find((a) => a.day === dayLabel && a.against === 'trailing');
    if (!probe) continue;
    const limit = flagged?.limit ?? (rule.sigmas * probe.limit) / tiny;
    metrics.push({ metric, value: probe.value, reference: probe.reference, delta: probe.deviation, limit, alert: flagged !== undefined });
  }
  return { day: dayLabel, shifts, metrics };
}

const tiny = 1e-9;
const metricNames: readonly MetricName[] = ['satisfaction', 'nps', 'trust', 'effort'];

/** The alerts of a report, in words. */
export function driftAlerts(report: DriftReport, labelOf: (column: string) => string = (c) => c): string[] {
  const out: string[] = [];
  for (const s of report.shifts.filter((x) => x.alert)) {
    out.push(`${labelOf(s.column)}: answers shifted on ${report.day} (distance ${s.tvd.toFixed(2)}, chi-square p = ${s.p.toExponential(1)}, ${s.current} vs ${s.reference} respondents)`);
  }
  for (const m of report.metrics.filter((x) => x.alert)) {
    out.push(`${m.metric}: ${m.value.toFixed(1)} on ${report.day} against ${m.reference.toFixed(1)} before (${m.delta > 0 ? '+' : ''}${m.delta.toFixed(1)}, limit ±${m.limit.toFixed(1)})`);
  }
  return out;
}

/** A persona's day figures (what its snapshots hold) as the day series the anomaly rule reads. */
export function dayPoints(figures: readonly DayFigures[]): EvolutionPoint[] {
  return figures.map((f) => ({
    day: f.day, responses: f.responses, averagePercent: f.responses > 0 ? f.scorePercentSum / f.responses : null,
    distribution: f.distribution, live: summariseMetrics(f.metrics), sums: f.metrics,
  }));
}
