/**
 * The planner: customers per arm and days needed, from the traffic and baseline the event log
 * already shows. With more than two arms each comparison gets alpha / (arms − 1) (Bonferroni, which
 * Holm never needs more than), so the plan is safe for the correction the results apply.
 */
import type { EventLog } from '../journeyAnalytics/types';
import type { Experiment } from './model';
import { moments } from './stats/means';
import { controlSizeForMeans, controlSizeForProportions } from './stats/planner';

export interface Plan {
  /** Distinct customers per day in the log (over its whole span). */
  dailyCustomers: number;
  /** Baseline: conversion rate, or mean of the metric per customer. */
  baseline: number;
  /** Standard deviation per customer (means only). */
  sd: number | null;
  perArm: number[];
  total: number;
  days: number;
}

const day = 86_400_000;

/** Why no plan can be made: a code and its parts for the screen's words, and the English sentence. */
export interface PlanProblem { ok: false; code: 'emptyLog' | 'noGoalEvents' | 'rateOutOfRange' | 'noVariance'; values: Record<string, string | number>; message: string }

/** The plan, or why none can be made. */
export function planExperiment(log: EventLog, e: Experiment): { ok: true; plan: Plan } | PlanProblem {
  if (log.length === 0) return { ok: false, code: 'emptyLog', values: {}, message: 'The event log is empty.' };
  let first = Infinity, last = -Infinity;
  for (let i = 0; i < log.length; i++) { const t = log.time[i]!; if (t < first) first = t; if (t > last) last = t; }
  const customers = log.customers.length;
  const dailyCustomers = customers / Math.max(1, (last - first) / day);
  const goal = log.events.indexOf(e.primaryMetric.event);
  if (goal < 0) return { ok: false, code: 'noGoalEvents', values: { event: e.primaryMetric.event }, message: `The log has no "${e.primaryMetric.event}" events to take a baseline from.` };
  const column = e.primaryMetric.property ? log.properties.find((p) => p.name === e.primaryMetric.property) : undefined;
  const perCustomer = new Float64Array(customers);
  const firstAt = new Float64Array(customers).fill(Infinity);
  const goalAt = new Float64Array(customers).fill(Infinity);
  for (let i = 0; i < log.length; i++) {
    const c = log.customer[i]!;
    if (log.time[i]! < firstAt[c]!) firstAt[c] = log.time[i]!;
    if (log.event[i] !== goal) continue;
    if (log.time[i]! < goalAt[c]!) goalAt[c] = log.time[i]!;
    const code = column ? column.codes[i]! : -1;
    const v = e.primaryMetric.kind === 'value' ? (code >= 0 ? Number(column!.dict[code]) : NaN) : 1;
    if (Number.isFinite(v)) perCustomer[c] = e.primaryMetric.kind === 'value' ? perCustomer[c]! + v : 1;
  }
  const k = e.arms.length;
  const alpha = e.alpha / Math.max(1, k - 1);
  const ratios = e.arms.map((a) => a.share / e.arms[0]!.share);
  let baseline: number, sd: number | null = null, control: number;
  if (e.primaryMetric.kind === 'conversion') {
    baseline = perCustomer.reduce((s, v) => s + v, 0) / customers;
    if (baseline + e.mde >= 1 || baseline <= 0) return { ok: false, code: 'rateOutOfRange', values: { baseline, effect: e.mde }, message: `A baseline of ${(100 * baseline).toFixed(1)} % with an effect of ${(100 * e.mde).toFixed(1)} points is not a rate between 0 and 100 %.` };
    control = Math.max(...ratios.slice(1).map((r) => controlSizeForProportions(baseline, e.mde, alpha, e.power, r)));
  } else {
    const values = e.primaryMetric.kind === 'value' ? perCustomer : Float64Array.from([...goalAt].map((g, c) => (g - firstAt[c]!) / 3_600_000).filter(Number.isFinite));
    const m = moments(values);
    if (!(m.variance > 0)) return { ok: false, code: 'noVariance', values: {}, message: 'The metric does not vary in the log, so no sample size can be computed.' };
    baseline = m.mean; sd = Math.sqrt(m.variance);
    control = Math.max(...ratios.slice(1).map((r) => controlSizeForMeans(sd!, e.mde, alpha, e.power, r)));
  }
  const perArm = ratios.map((r) => Math.ceil(control * r));
  const total = perArm.reduce((s, n) => s + n, 0);
  return { ok: true, plan: { dailyCustomers, baseline, sd, perArm, total, days: Math.ceil(total / dailyCustomers) } };
}
