/**
 * Seeded experiment event logs with known truth (tests, the e2e fixture and the CLI-free demo of
 * the planner): customers get an `assigned` event with an `arm` property, some `purchase` with an
 * `amount`, some `complaint`.
 */
import type { PlainEvent } from '../journeyAnalytics/reference';
import { seededRandom } from '../random';
import type { Experiment } from './model';

export interface SampleArm { value: string; rate: number; share: number; complaintRate?: number; meanAmount?: number }

export interface SampleOptions {
  seed: number;
  start: number;
  days: number;
  customersPerDay: number;
  arms: SampleArm[];
  /** From this day on, use these shares instead (a split changed mid-test). */
  changeSplit?: { day: number; shares: number[] };
}

const day = 86_400_000;

/** Events of a synthetic experiment; purchases come 1–48 h after assignment. */
export function sampleExperimentLog(o: SampleOptions): PlainEvent[] {
  const random = seededRandom(o.seed);
  const out: PlainEvent[] = [];
  let id = 0;
  for (let d = 0; d < o.days; d++) {
    const shares = o.changeSplit && d >= o.changeSplit.day ? o.changeSplit.shares : o.arms.map((a) => a.share);
    const total = shares.reduce((s, v) => s + v, 0);
    for (let k = 0; k < o.customersPerDay; k++) {
      const customer = `c${++id}`;
      let pick = random() * total, arm = o.arms[0]!;
      for (let i = 0; i < o.arms.length; i++) { pick -= shares[i]!; if (pick < 0) { arm = o.arms[i]!; break; } }
      const at = o.start + d * day + Math.floor(random() * (day - 1));
      out.push({ customer, event: 'assigned', time: at, properties: { arm: arm.value } });
      if (random() < arm.rate) {
        const amount = (arm.meanAmount ?? 40) * -Math.log(1 - random());
        out.push({ customer, event: 'purchase', time: at + 3_600_000 * (1 + Math.floor(random() * 47)), properties: { amount: amount.toFixed(2) } });
      }
      if (random() < (arm.complaintRate ?? 0.01)) out.push({ customer, event: 'complaint', time: at + 7_200_000 });
    }
  }
  return out;
}

/** A two-arm conversion experiment over 14 days from `start`, for tests of the results and the memo. */
export function sampleExperiment(start: number, over: Partial<Experiment> = {}): Experiment {
  return {
    id: 'exp1', name: 'New checkout', hypothesis: 'A one-page checkout raises purchases.', datasetId: 'd1',
    assignmentEvent: 'assigned', armProperty: 'arm',
    arms: [{ name: 'Control', value: 'A', share: 1 }, { name: 'One page', value: 'B', share: 1 }],
    primaryMetric: { kind: 'conversion', event: 'purchase' }, guardrails: [{ name: 'Complaints', event: 'complaint' }],
    mde: 0.02, alpha: 0.05, power: 0.8, start, plannedEnd: start + 14 * 86_400_000, updatedAt: 0, ...over,
  };
}
