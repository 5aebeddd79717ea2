/**
 * The experiment object: what is tested, on which arms, judged by which metric, planned how. It is
 * stored in the `experiments` collection; assignment and goal events come from an imported event
 * log (a dataset of shape `events:*`) whose `armProperty` column names each customer's arm.
 */

/** One arm; the first arm of an experiment is the control. */
export interface ExperimentArm {
  /** The name shown in results and the memo. */
  name: string;
  /** The value of the arm column that puts a customer in this arm. */
  value: string;
  /** Planned share of customers (any positive weights; normalised). */
  share: number;
}

/** How the primary metric is measured per assigned customer. */
export type MetricKind = 'conversion' | 'value' | 'timeToConvert';

/** The primary metric: conversion to `event`, the sum of numeric `property` on `event`, or hours to the first `event`. */
export interface PrimaryMetric { kind: MetricKind; event: string; property?: string }

/** A guardrail: the share of customers with `event` must not rise (complaints, cancellations). */
export interface Guardrail { name: string; event: string }

/** A stored experiment. */
export interface Experiment {
  id: string;
  name: string;
  /** What we believe and why, in the stakeholder's words. */
  hypothesis: string;
  /** The event-log dataset the figures come from. */
  datasetId: string;
  /** The event that assigns a customer to an arm (its arm column gives the arm). */
  assignmentEvent: string;
  armProperty: string;
  arms: ExperimentArm[];
  primaryMetric: PrimaryMetric;
  guardrails: Guardrail[];
  /** Minimum detectable effect, absolute, in the metric's units (rate points as a fraction for conversion). */
  mde: number;
  alpha: number;
  power: number;
  /** Start and planned end, ms since the epoch (UTC). */
  start: number;
  plannedEnd: number;
  updatedAt: number;
}

/** Limits on every input (the schema repeats them). */
export const experimentLimits = { arms: 6, guardrails: 5, text: 2000, name: 120 } as const;

/** Whether a larger value of the metric is the better outcome. */
export const higherIsBetter = (kind: MetricKind): boolean => kind !== 'timeToConvert';

/**
 * What can be wrong with an experiment's settings. Codes, not sentences: common/ speaks no
 * language, the screen words each code in the reader's (renderer catalogue `experiments.problem.*`).
 */
export const experimentProblemCodes = [
  'name', 'armsFew', 'armsMany', 'armValues', 'armShares', 'assignmentEvent', 'armColumn',
  'metricEvent', 'metricProperty', 'alpha', 'power', 'mde', 'mdeShare', 'dates',
] as const;
/** One thing wrong with an experiment's settings. */
export type ExperimentProblem = (typeof experimentProblemCodes)[number];

/** Problems with an experiment's settings, in form order (empty when it can be analysed). */
export function experimentProblems(e: Experiment): ExperimentProblem[] {
  const out: ExperimentProblem[] = [];
  if (!e.name.trim()) out.push('name');
  if (e.arms.length < 2) out.push('armsFew');
  if (e.arms.length > experimentLimits.arms) out.push('armsMany');
  const values = new Set(e.arms.map((a) => a.value));
  if (values.size !== e.arms.length) out.push('armValues');
  if (e.arms.some((a) => !(a.share > 0) || !Number.isFinite(a.share))) out.push('armShares');
  if (!e.assignmentEvent) out.push('assignmentEvent');
  if (!e.armProperty) out.push('armColumn');
  if (!e.primaryMetric.event) out.push('metricEvent');
  if (e.primaryMetric.kind === 'value' && !e.primaryMetric.property) out.push('metricProperty');
  if (!(e.alpha > 0 && e.alpha <= 0.2)) out.push('alpha');
  if (!(e.power >= 0.5 && e.power < 1)) out.push('power');
  if (!(e.mde > 0) || !Number.isFinite(e.mde)) out.push('mde');
  if (e.primaryMetric.kind === 'conversion' && e.mde >= 1) out.push('mdeShare');
  if (!(e.plannedEnd > e.start)) out.push('dates');
  return out;
}

const fourWeeks = 28 * 86_400_000;

/**
 * A new experiment with usual defaults (50/50 split, alpha 0.05, power 0.8, four weeks from `now`).
 * The screen passes the name and the two arms' names in the reader's language.
 */
export function blankExperiment(id: string, now: number, name = 'New experiment', armNames: readonly [string, string] = ['Control', 'Variant']): Experiment {
  return {
    id, name, hypothesis: '', datasetId: '', assignmentEvent: '', armProperty: '',
    arms: [{ name: armNames[0], value: 'A', share: 1 }, { name: armNames[1], value: 'B', share: 1 }],
    primaryMetric: { kind: 'conversion', event: '' }, guardrails: [], mde: 0.02, alpha: 0.05, power: 0.8,
    start: now, plannedEnd: now + fourWeeks, updatedAt: now,
  };
}
