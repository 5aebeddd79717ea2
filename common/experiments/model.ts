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

/** Problems with an experiment's settings, as sentences (empty when it can be analysed). */
export function experimentProblems(e: Experiment): string[] {
  const out: string[] = [];
  if (!e.name.trim()) out.push('Give the experiment a name.');
  if (e.arms.length < 2) out.push('An experiment needs a control and at least one other arm.');
  if (e.arms.length > experimentLimits.arms) out.push(`At most ${experimentLimits.arms} arms.`);
  const values = new Set(e.arms.map((a) => a.value));
  if (values.size !== e.arms.length) out.push('Two arms use the same value of the arm column.');
  if (e.arms.some((a) => !(a.share > 0) || !Number.isFinite(a.share))) out.push('Every arm needs a planned share above 0.');
  if (!e.assignmentEvent) out.push('Choose the event that assigns customers to arms.');
  if (!e.armProperty) out.push('Choose the column that names the arm.');
  if (!e.primaryMetric.event) out.push('Choose the event of the primary metric.');
  if (e.primaryMetric.kind === 'value' && !e.primaryMetric.property) out.push('Choose the numeric property the metric sums.');
  if (!(e.alpha > 0 && e.alpha <= 0.2)) out.push('Alpha must be above 0 and at most 0.2.');
  if (!(e.power >= 0.5 && e.power < 1)) out.push('Power must be between 0.5 and 0.99.');
  if (!(e.mde > 0) || !Number.isFinite(e.mde)) out.push('The minimum detectable effect must be above 0.');
  if (e.primaryMetric.kind === 'conversion' && e.mde >= 1) out.push('For a conversion rate the effect is a share below 1 (0.02 is 2 points).');
  if (!(e.plannedEnd > e.start)) out.push('The planned end must come after the start.');
  return out;
}

const fourWeeks = 28 * 86_400_000;

/** A new experiment with usual defaults (50/50 split, alpha 0.05, power 0.8, four weeks from `now`). */
export function blankExperiment(id: string, now: number, name = 'New experiment'): Experiment {
  return {
    id, name, hypothesis: '', datasetId: '', assignmentEvent: '', armProperty: '',
    arms: [{ name: 'Control', value: 'A', share: 1 }, { name: 'Variant', value: 'B', share: 1 }],
    primaryMetric: { kind: 'conversion', event: '' }, guardrails: [], mde: 0.02, alpha: 0.05, power: 0.8,
    start: now, plannedEnd: now + fourWeeks, updatedAt: now,
  };
}
