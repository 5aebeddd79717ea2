/**
 * The decision and the one-page memo text, readable by someone who never saw the app. The rule is
 * fixed and stated in words in the memo so the verdict can be checked by hand.
 */
import type { Results } from './analyse';
import { higherIsBetter } from './model';
import type { Experiment } from './model';

export type VerdictKind = 'ship' | 'dont-ship' | 'keep-running';

export interface Verdict { kind: VerdictKind; title: string; arm: string | null; reasons: string[] }

/** The decision rule in words. */
export function decisionRule(e: Experiment): string {
  const better = higherIsBetter(e.primaryMetric.kind) ? 'higher' : 'lower';
  return `Ship an arm only if the split check passes (sample ratio p ≥ 0.001 and a stable split), its primary metric is ${better} than the control with Holm-adjusted p < ${e.alpha} (before the planned end: the always-valid sequential test; after it: the fixed-horizon test), and no guardrail is significantly worse. Don't ship if the split check fails, a guardrail is significantly worse, the effect is significantly in the wrong direction, or the planned end has passed without a significant win. Otherwise keep running.`;
}

const fmt = (x: number, kind: Experiment['primaryMetric']['kind']) => (kind === 'conversion' ? `${(100 * x).toFixed(2)} pts` : x.toFixed(kind === 'timeToConvert' ? 1 : 2));

/** The verdict for `e` given its results. */
export function decide(e: Experiment, r: Results): Verdict {
  const blocking = r.problems.filter((p) => p.blocking);
  if (blocking.some((p) => p.code === 'srm' || p.code === 'split-changed' || p.code === 'crossover'))
    return { kind: 'dont-ship', title: "Don't ship", arm: null, reasons: ['The assignment is broken, so the arms differ by more than the change being tested. Fix assignment and restart the test.', ...blocking.map((p) => p.message)] };
  if (blocking.length || r.comparisons.length === 0)
    return { kind: 'keep-running', title: 'Keep running', arm: null, reasons: ['There is not yet data to decide on.', ...blocking.map((p) => p.message)] };
  const up = higherIsBetter(e.primaryMetric.kind) ? 1 : -1;
  const worseGuard = r.guardrails.filter((g) => g.worse);
  const verdicts = r.comparisons.map((c) => {
    const p = r.fixedValid ? c.test.holmP : c.sequential.holmP;
    const direction = Math.sign(c.difference.estimate) * up;
    return { c, significant: p < e.alpha, direction, p };
  });
  const winners = verdicts.filter((v) => v.significant && v.direction > 0 && !worseGuard.some((g) => g.arm === v.c.arm))
    .sort((a, b) => up * (b.c.difference.estimate - a.c.difference.estimate));
  const basis = r.fixedValid ? 'fixed-horizon test (the planned end has passed)' : 'always-valid sequential test';
  const winner = winners[0];
  if (winner) {
    const c = winner.c;
    return { kind: 'ship', title: `Ship ${c.arm}`, arm: c.arm, reasons: [
      `${c.arm} changes the ${e.primaryMetric.kind === 'conversion' ? 'conversion rate' : 'metric'} by ${fmt(c.difference.estimate, e.primaryMetric.kind)} (95 % interval ${fmt(c.difference.lower, e.primaryMetric.kind)} to ${fmt(c.difference.upper, e.primaryMetric.kind)}); Holm-adjusted p = ${winner.p.toPrecision(3)} by the ${basis}.`,
      worseGuard.length ? `Guardrails worse for other arms only: ${worseGuard.map((g) => `${g.name} (${g.arm})`).join(', ')}.` : 'No guardrail is significantly worse.',
    ] };
  }
  if (worseGuard.length) return { kind: 'dont-ship', title: "Don't ship", arm: null, reasons: worseGuard.map((g) => `Guardrail "${g.name}" is worse in ${g.arm}: ${(100 * g.treatment).toFixed(2)} % against ${(100 * g.control).toFixed(2)} % (p = ${g.p.toPrecision(3)}).`) };
  const harmful = verdicts.filter((v) => v.significant && v.direction < 0);
  if (harmful.length) return { kind: 'dont-ship', title: "Don't ship", arm: null, reasons: harmful.map((v) => `${v.c.arm} is significantly worse than the control (${fmt(v.c.difference.estimate, e.primaryMetric.kind)}, Holm-adjusted p = ${v.p.toPrecision(3)}).`) };
  if (r.fixedValid) return { kind: 'dont-ship', title: "Don't ship", arm: null, reasons: [`The planned end has passed and no arm beats the control at alpha ${e.alpha}. Power to detect the planned effect was ${r.comparisons.map((c) => `${(100 * c.power).toFixed(0)} % (${c.arm})`).join(', ')}.`] };
  return { kind: 'keep-running', title: 'Keep running', arm: null, reasons: [`No arm is conclusive yet by the always-valid sequential test; looking again does not inflate errors. The fixed-horizon result is not valid before the planned end.`] };
}
