/**
 * An experiment's results: SRM and split stability first, then per-arm figures, each treatment
 * against the control (fixed-horizon tests with Holm's correction, the Bayesian view, the
 * always-valid mSPRT), and guardrails. Bad input yields problems and no figures that pretend.
 */
import type { EventLog } from '../journeyAnalytics/types';
import { armData, lookTimes, metricValue } from './armData';
import type { ArmData, Assigned } from './armData';
import type { Experiment } from './model';
import { expectedLoss, probabilityToBeat } from './stats/bayes';
import { mannWhitney, meanRatio, moments, welch } from './stats/means';
import type { Moments } from './stats/means';
import { holm } from './stats/multiple';
import { powerForMeans, powerForProportions } from './stats/planner';
import { chiSquareIndependence, contingencyChiSquare, fisherExact, newcombeDifference, riskRatio, smallestExpected, twoProportionZ, wilson } from './stats/proportions';
import type { Counts, Interval } from './stats/proportions';
import { msprt } from './stats/sequential';
import { sampleRatioTest, srmThreshold } from './stats/srm';

/**
 * A problem with the data. `blocking` problems forbid "Ship". `message` is the English sentence (the
 * memo and the command line print it); `values` are the sentence's parts, so the screen words
 * `code` in the reader's language (renderer catalogue `experiments.dataProblem`).
 */
export interface Problem {
  code: 'no-assignments' | 'arm-no-traffic' | 'metric-no-events' | 'split-changed' | 'srm' | 'unknown-arm' | 'crossover' | 'non-numeric';
  message: string;
  blocking: boolean;
  values: Record<string, string | number>;
}

export interface ArmFigures { name: string; customers: number; conversions: number; rate: number; rateInterval: Interval | null; values: Moments }

export interface Comparison {
  arm: string;
  difference: Interval & { estimate: number };
  ratio: (Interval & { estimate: number }) | null;
  test: { name: string; p: number; holmP: number };
  mannWhitney: { u: number; p: number } | null;
  bayes: { probabilityToBeat: number; expectedLoss: number } | null;
  sequential: { p: number; holmP: number; interval: Interval; looks: number };
  /** Power to detect the planned MDE with the customers reached (Holm-level alpha for k − 1 comparisons). */
  power: number;
}

export interface GuardrailFigures { name: string; arm: string; control: number; treatment: number; p: number; worse: boolean }

export interface Results {
  problems: Problem[];
  srm: { statistic: number; p: number; passed: boolean } | null;
  arms: ArmFigures[];
  overall: { statistic: number; df: number; p: number } | null;
  comparisons: Comparison[];
  guardrails: GuardrailFigures[];
  /** True once the planned end has passed: only then are fixed-horizon p-values valid. */
  fixedValid: boolean;
  asOf: number;
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

/** Chi-square of days × arms, days merged until each period holds 20 customers per arm on average. */
function splitStability(daily: number[][]): { p: number; first: number[]; last: number[] } | null {
  const periods: number[][] = [];
  let acc = daily.map(() => 0);
  const days = daily[0]?.length ?? 0;
  for (let d = 0; d < days; d++) {
    acc = acc.map((v, a) => v + daily[a]![d]!);
    if (acc.reduce((s, v) => s + v, 0) >= 20 * daily.length) { periods.push(acc); acc = daily.map(() => 0); }
  }
  if (acc.some((v) => v > 0) && periods.length) periods[periods.length - 1] = periods[periods.length - 1]!.map((v, a) => v + acc[a]!);
  if (periods.length < 2) return null;
  const r = contingencyChiSquare(periods);
  return Number.isFinite(r.p) ? { p: r.p, first: periods[0]!, last: periods[periods.length - 1]! } : null;
}

function dataProblems(e: Experiment, data: ArmData): Problem[] {
  const out: Problem[] = [];
  const sizes = data.customers.map((c) => c.length);
  if (sizes.every((n) => n === 0)) out.push({ code: 'no-assignments', blocking: true, values: { event: e.assignmentEvent, values: e.arms.map((a) => `"${a.value}"`).join(', '), column: e.armProperty }, message: `No customer has a "${e.assignmentEvent}" event with an arm value of ${e.arms.map((a) => `"${a.value}"`).join(', ')} in the "${e.armProperty}" column between the start and the planned end.` });
  else e.arms.forEach((a, i) => { if (sizes[i] === 0) out.push({ code: 'arm-no-traffic', blocking: true, values: { arm: a.name, event: e.assignmentEvent, column: e.armProperty, value: a.value }, message: `Arm "${a.name}" received no customers (no "${e.assignmentEvent}" event with ${e.armProperty} = "${a.value}"). Check that the arm value is spelled as in the log.` }); });
  if (data.goalEvents === 0) out.push({ code: 'metric-no-events', blocking: true, values: { event: e.primaryMetric.event }, message: `The log has no "${e.primaryMetric.event}" events, so the primary metric cannot be measured.` });
  if (data.unknownArm.events > 0) out.push({ code: 'unknown-arm', blocking: false, values: { count: data.unknownArm.events, values: data.unknownArm.values.join(', ') }, message: `${data.unknownArm.events} assignment events name an arm this experiment does not have (${data.unknownArm.values.join(', ')}); they are left out.` });
  if (data.crossover > 0) out.push({ code: 'crossover', blocking: data.crossover > 0.01 * sizes.reduce((s, n) => s + n, 0), values: { count: data.crossover }, message: `${data.crossover} customers were assigned to two arms and are left out.` });
  if (data.nonNumeric > 0) out.push({ code: 'non-numeric', blocking: false, values: { count: data.nonNumeric, event: e.primaryMetric.event, property: e.primaryMetric.property ?? '' }, message: `${data.nonNumeric} "${e.primaryMetric.event}" events have no number in "${e.primaryMetric.property}"; they are left out.` });
  const split = sizes.every((n) => n > 0) ? splitStability(data.daily) : null;
  if (split && split.p < srmThreshold) {
    const share = (row: number[]) => e.arms.map((a, i) => `${a.name} ${pct(row[i]! / row.reduce((s, v) => s + v, 0))}`).join(', ');
    out.push({ code: 'split-changed', blocking: true, values: { p: split.p, first: share(split.first), last: share(split.last) }, message: `The split changed during the test (chi-square across periods, p = ${split.p.toExponential(2)}): first period ${share(split.first)}; last period ${share(split.last)}. Customers assigned under different splits are not comparable.` });
  }
  return out;
}

/** Computes the results of `e` from `log` as of now (fixed-horizon tests count only after the planned end). */
export function analyseExperiment(log: EventLog, e: Experiment, now: number): Results {
  const data = armData(log, e);
  const problems = dataProblems(e, data);
  const fixedValid = now >= e.plannedEnd;
  const empty: Results = { problems, srm: null, arms: [], overall: null, comparisons: [], guardrails: [], fixedValid, asOf: data.asOf };
  if (problems.some((p) => p.code === 'no-assignments' || p.code === 'arm-no-traffic')) return empty;
  const sizes = data.customers.map((c) => c.length);
  const s = sampleRatioTest(sizes, e.arms.map((a) => a.share));
  const srm = { statistic: s.statistic, p: s.p, passed: s.p >= srmThreshold };
  if (!srm.passed) problems.unshift({ code: 'srm', blocking: true, values: { sizes: e.arms.map((a, i) => `${a.name} ${sizes[i]}`).join(', '), split: e.arms.map((a) => a.share).join(' : '), p: s.p }, message: `Sample ratio mismatch: the arms got ${e.arms.map((a, i) => `${a.name} ${sizes[i]}`).join(', ')} customers against a planned split of ${e.arms.map((a) => a.share).join(' : ')} (chi-square p = ${s.p.toExponential(2)}). Something in assignment or logging is broken; no result can be trusted.` });
  if (problems.some((p) => p.code === 'metric-no-events')) return { ...empty, srm };

  const kind = e.primaryMetric.kind;
  const arms: ArmFigures[] = data.customers.map((list, i) => {
    const values = list.map((w) => metricValue(w, kind, data.asOf)).filter((v) => !Number.isNaN(v));
    const conversions = list.filter((w) => w.goals.length > 0).length;
    return { name: e.arms[i]!.name, customers: list.length, conversions, rate: conversions / list.length, rateInterval: wilson(conversions, list.length), values: moments(values) };
  });
  const counts = (i: number): Counts => ({ conversions: arms[i]!.conversions, customers: arms[i]!.customers });
  const valuesOf = (i: number) => data.customers[i]!.map((w) => metricValue(w, kind, data.asOf)).filter((v) => !Number.isNaN(v));
  const k = e.arms.length - 1;
  const tau2 = e.mde * e.mde;
  const looks = lookTimes(e.start, data.asOf);
  const lookAt = (i: number, until: number) => {
    const stat = (list: Assigned[]) => moments(list.filter((w) => w.at <= until).map((w) => metricValue(w, kind, until)).filter((v) => !Number.isNaN(v)));
    const t = stat(data.customers[i]!), c = stat(data.customers[0]!);
    return { difference: t.mean - c.mean, variance: t.variance / t.n + c.variance / c.n };
  };
  const raw = arms.slice(1).map((_, j) => {
    const i = j + 1;
    if (kind === 'conversion') {
      const small = smallestExpected(counts(i), counts(0)) < 5;
      return {
        difference: newcombeDifference(counts(i), counts(0)), ratio: riskRatio(counts(i), counts(0)),
        test: small ? { name: "Fisher's exact test", p: fisherExact(counts(i), counts(0)).p } : { name: 'two-proportion z-test', p: twoProportionZ(counts(i), counts(0)).p },
        mannWhitney: null, bayes: { probabilityToBeat: probabilityToBeat(counts(i), counts(0)), expectedLoss: expectedLoss(counts(i), counts(0)) },
        power: powerForProportions(arms[0]!.rate, e.mde, e.alpha / k, arms[0]!.customers, arms[i]!.customers),
      };
    }
    const w = welch(arms[i]!.values, arms[0]!.values);
    return {
      difference: { estimate: w.difference, lower: w.lower, upper: w.upper }, ratio: meanRatio(arms[i]!.values, arms[0]!.values),
      test: { name: "Welch's t-test", p: w.p }, mannWhitney: (({ u, p }) => ({ u, p }))(mannWhitney(valuesOf(i), valuesOf(0))), bayes: null,
      power: powerForMeans(Math.sqrt(arms[0]!.values.variance), e.mde, e.alpha / k, arms[0]!.values.n, arms[i]!.values.n),
    };
  });
  const fixedHolm = holm(raw.map((r) => r.test.p));
  const seq = raw.map((_, j) => msprt(looks.map((t) => lookAt(j + 1, t)), tau2, e.alpha));
  const seqHolm = holm(seq.map((r) => r.p));
  const comparisons: Comparison[] = raw.map((r, j) => ({
    arm: arms[j + 1]!.name, ...r, test: { ...r.test, holmP: fixedHolm[j]! },
    sequential: { p: seq[j]!.p, holmP: seqHolm[j]!, interval: seq[j]!.interval, looks: seq[j]!.looks },
  }));
  const guardrails: GuardrailFigures[] = e.guardrails.flatMap((g, gi) => {
    const gc = (i: number): Counts => ({ customers: arms[i]!.customers, conversions: data.customers[i]!.filter((w) => w.guardrails[gi]! <= data.asOf).length });
    return arms.slice(1).map((a, j) => {
      const t = gc(j + 1), c = gc(0);
      const test = smallestExpected(t, c) < 5 ? fisherExact(t, c).p : twoProportionZ(t, c).p;
      const p = Number.isNaN(test) ? 1 : test;
      const rt = t.conversions / t.customers, rc = c.conversions / c.customers;
      return { name: g.name, arm: a.name, control: rc, treatment: rt, p, worse: rt > rc && p < e.alpha };
    });
  });
  return { problems, srm, arms, overall: kind === 'conversion' ? chiSquareIndependence(arms.map((_, i) => counts(i))) : null, comparisons, guardrails, fixedValid, asOf: data.asOf };
}
