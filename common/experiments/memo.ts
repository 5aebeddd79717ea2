/**
 * The memo's words, shared by the screen and the PDF so both say exactly the same thing, in the
 * language of the `ExportText` given (English by default).
 */
import { englishText, type ExportText } from '../i18n/exportText';
import type { Results } from './analyse';
import { effect, percent, pValue } from './memoNumbers';
import type { Experiment } from './model';
import { decisionRule } from './verdict';
import type { Verdict } from './verdict';

export interface MemoText { title: string; verdict: string; reasons: string[]; sections: { heading: string; text: string }[]; footer: string }

// The memo's dates are the log's (UTC), so a reader in another zone sees the same days.
const dates = new Map<string, { day: Intl.DateTimeFormat; minute: Intl.DateTimeFormat }>();
function dateFormats(locale: string) {
  let f = dates.get(locale);
  if (!f) dates.set(locale, (f = {
    day: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }),
    minute: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }),
  }));
  return f;
}

/** The memo of `e`: verdict and reasons, what was tested, the rule, and the checks. */
export function memoText(e: Experiment, r: Results, v: Verdict, text: ExportText = englishText): MemoText {
  const { t, fmt } = text;
  const when = dateFormats(text.locale);
  const eff = (x: number) => effect(text, e, x);
  const split = t('report.memo.split', { state: r.srm ? (r.srm.passed ? 'passed' : 'failed') : 'none', p: r.srm ? pValue(text, r.srm.p) : '' });
  const guards = r.guardrails.length === 0 ? t('report.memo.guardsNone', { state: e.guardrails.length ? 'notComputed' : 'none' })
    : r.guardrails.map((g) => t('report.memo.guardLine', { name: g.name, arm: g.arm, treatment: percent(text, g.treatment), control: percent(text, g.control), worse: g.worse ? 'yes' : 'no' })).join('; ');
  const arms = r.arms.map((a) => {
    const base = { name: a.name, customers: a.customers, conversions: fmt.integer(a.conversions), rate: percent(text, a.rate) };
    return a.rateInterval ? t('report.memo.armLineInterval', { ...base, lower: percent(text, a.rateInterval.lower), upper: percent(text, a.rateInterval.upper) }) : t('report.memo.armLine', base);
  }).join('; ');
  const power = r.comparisons.map((c) => t('report.memo.armPower', { arm: c.arm, power: percent(text, c.power, 0) })).join(', ') || t('report.memo.notComputed');
  const testName = (name: string) => {
    const key = ({ "Fisher's exact test": 'fisher', 'two-proportion z-test': 'z', "Welch's t-test": 'welch' } as Record<string, string>)[name];
    return key ? t('report.memo.test', { test: key }) : name;
  };
  const effects = r.comparisons.map((c) => t('report.memo.effectLine', {
    arm: c.arm, effect: eff(c.difference.estimate), lower: eff(c.difference.lower), upper: eff(c.difference.upper), test: testName(c.test.name),
    p: pValue(text, c.test.holmP), valid: r.fixedValid ? 'yes' : 'no', seqP: pValue(text, c.sequential.holmP),
  })).join(' ');
  const metric = t('report.memo.metric', { kind: e.primaryMetric.kind === 'conversion' ? 'conversion' : e.primaryMetric.kind === 'value' ? 'value' : 'time', event: e.primaryMetric.event, property: e.primaryMetric.property ?? '' });
  return {
    title: t('report.memo.title', { name: e.name }),
    verdict: v.title,
    reasons: v.reasons,
    sections: [
      { heading: t('report.memo.heading.tested'), text: t('report.memo.tested', {
        hypothesis: e.hypothesis || t('report.memo.noHypothesis'), arms: e.arms.map((a) => t('report.memo.armPlan', { name: a.name, share: fmt.number(a.share) })).join(', '),
        metric, start: when.day.format(e.start), end: when.day.format(e.plannedEnd), asOf: `${when.minute.format(r.asOf)} UTC`,
      }) },
      { heading: t('report.memo.heading.arms'), text: arms ? `${arms}.` : t('report.memo.noArms') },
      { heading: t('report.memo.heading.effect'), text: effects || t('report.memo.noEffect') },
      { heading: t('report.memo.heading.rule'), text: decisionRule(e, text) },
      { heading: t('report.memo.heading.checks'), text: t('report.memo.checksText', { split, guards, mde: effect(text, e, e.mde, false), power }) },
    ],
    footer: t('report.memo.footer', { date: when.day.format(r.asOf) }),
  };
}
