/**
 * The memo's words, shared by the screen and the PDF so both say exactly the same thing.
 */
import type { Results } from './analyse';
import type { Experiment } from './model';
import { decisionRule } from './verdict';
import type { Verdict } from './verdict';

/** A difference in the metric's units (points for conversion). */
export function effectText(e: Experiment, x: number): string {
  if (e.primaryMetric.kind === 'conversion') return `${x >= 0 ? '+' : ''}${(100 * x).toFixed(2)} pts`;
  return `${x >= 0 ? '+' : ''}${x.toFixed(2)}${e.primaryMetric.kind === 'timeToConvert' ? ' h' : ''}`;
}

/** A p-value as shown. */
export const pValueText = (p: number) => (p < 1e-4 ? p.toExponential(1) : p.toFixed(4));

const day = (t: number) => new Date(t).toISOString().slice(0, 10);

export interface MemoText { title: string; verdict: string; reasons: string[]; sections: { heading: string; text: string }[]; footer: string }

/** The memo of `e`: verdict and reasons, what was tested, the rule, and the checks. */
export function memoText(e: Experiment, r: Results, v: Verdict): MemoText {
  const pct = (x: number) => `${(100 * x).toFixed(0)} %`;
  const split = r.srm ? `${r.srm.passed ? 'passed' : 'FAILED'} (chi-square p = ${pValueText(r.srm.p)})` : 'not computed (no traffic)';
  const guards = r.guardrails.length === 0 ? (e.guardrails.length ? 'not computed' : 'none set') : r.guardrails.map((g) => `${g.name} in ${g.arm}: ${(100 * g.treatment).toFixed(2)} % vs ${(100 * g.control).toFixed(2)} % (${g.worse ? 'worse' : 'ok'})`).join('; ');
  const arms = r.arms.map((a) => `${a.name}: ${a.customers.toLocaleString('en-US')} customers, ${a.conversions.toLocaleString('en-US')} converted (${(100 * a.rate).toFixed(2)} %${a.rateInterval ? `, 95 % interval ${(100 * a.rateInterval.lower).toFixed(2)} to ${(100 * a.rateInterval.upper).toFixed(2)} %` : ''})`).join('; ');
  const power = r.comparisons.map((c) => `${c.arm} ${pct(c.power)}`).join(', ') || 'not computed';
  const effects = r.comparisons.map((c) => `${c.arm}: ${effectText(e, c.difference.estimate)} (95 % interval ${effectText(e, c.difference.lower)} to ${effectText(e, c.difference.upper)}), ${c.test.name} Holm p = ${pValueText(c.test.holmP)}${r.fixedValid ? '' : ' (not valid before the planned end)'}, always-valid sequential Holm p = ${pValueText(c.sequential.holmP)}.`).join(' ');
  return {
    title: `Decision memo: ${e.name}`,
    verdict: v.title,
    reasons: v.reasons,
    sections: [
      { heading: 'What was tested', text: `${e.hypothesis || 'No hypothesis was written down.'} Arms: ${e.arms.map((a) => `${a.name} (planned share ${a.share})`).join(', ')}. Primary metric: ${e.primaryMetric.kind === 'conversion' ? `share of customers with "${e.primaryMetric.event}"` : e.primaryMetric.kind === 'value' ? `sum of "${e.primaryMetric.property}" on "${e.primaryMetric.event}" per customer` : `hours to the first "${e.primaryMetric.event}", among customers who reached it (those who never did are not in this figure, so read it beside the conversion rate)`}. ${day(e.start)} to ${day(e.plannedEnd)}; data up to ${new Date(r.asOf).toISOString().slice(0, 16).replace('T', ' ')} UTC.` },
      { heading: 'Arms', text: arms ? `${arms}.` : 'No customer was assigned to any arm in this data.' },
      { heading: 'Effect', text: effects || 'No effect can be computed from this data.' },
      { heading: 'Decision rule', text: decisionRule(e) },
      { heading: 'Checks', text: `Split: ${split}. Guardrails: ${guards}. Power to detect ${effectText(e, e.mde)} with the customers reached: ${power}.` },
    ],
    footer: `Prepared with CX Studio from the imported event log, data up to ${new Date(r.asOf).toISOString().slice(0, 10)}.`,
  };
}
