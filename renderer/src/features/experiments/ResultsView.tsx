import type { Results } from '../../../../common/experiments/analyse';
import type { Experiment } from '../../../../common/experiments/model';
import type { Plan } from '../../../../common/experiments/plan';
import { srmThreshold } from '../../../../common/experiments/stats/srm';
import type { MemoText } from '../../../../common/experiments/memo';
import type { VerdictKind } from '../../../../common/experiments/verdict';
import type { ReactNode } from 'react';
import { FormattedMessage, useT } from '../../i18n';
import { useExperimentFormat, type ExperimentFormat } from './experimentFormat';

// The statistical tests common/experiments names; each language writes them its own way.
const testKeys: Record<string, 'fisher' | 'z' | 'welch'> = { "Fisher's exact test": 'fisher', 'two-proportion z-test': 'z', "Welch's t-test": 'welch' };

/** The planner's figures. */
export function PlannerView({ e, plan }: { e: Experiment; plan: Plan }) {
  const t = useT();
  const f = useExperimentFormat(e);
  const baseline = e.primaryMetric.kind === 'conversion' ? f.pct(plan.baseline, 2) : f.fixed(plan.baseline, 2);
  const perArm = e.arms.map((a, i) => t('experiments.planner.armSize', { arm: a.name, n: f.count(plan.perArm[i]!) })).join(t('experiments.listSeparator'));
  const b = (chunks: ReactNode[]) => <strong>{chunks}</strong>;
  const sizes = { effect: f.effect(e.mde), alpha: f.number(e.alpha), comparisons: e.arms.length - 1, power: f.pct(e.power, 0), perArm, total: f.count(plan.total), days: plan.days, b };
  return (
    <section className="exp-panel" aria-label={t('experiments.planner.title')}>
      <h2>{t('experiments.planner.title')}</h2>
      <p>
        {plan.sd === null
          ? <FormattedMessage id="experiments.planner.traffic" values={{ customers: f.count(Math.round(plan.dailyCustomers)), baseline, b }} />
          : <FormattedMessage id="experiments.planner.trafficSd" values={{ customers: f.count(Math.round(plan.dailyCustomers)), baseline, sd: f.fixed(plan.sd, 2), b }} />}
      </p>
      <p>{e.arms.length > 2 ? <FormattedMessage id="experiments.planner.sizesMulti" values={sizes} /> : <FormattedMessage id="experiments.planner.sizes" values={sizes} />}</p>
    </section>
  );
}

// Codes are kebab-case; ICU select keys cannot hold a hyphen.
const camelCode = (code: string) => code.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

function testText(t: ReturnType<typeof useT>, name: string): string {
  const key = testKeys[name];
  return key ? t('experiments.results.test', { test: key }) : name;
}

/** Results: the split check first, then arms, comparisons, the Bayesian and sequential views, guardrails. */
export function ResultsTables({ e, r }: { e: Experiment; r: Results }) {
  const t = useT();
  const f = useExperimentFormat(e);
  const notConversion = e.primaryMetric.kind !== 'conversion';
  return (
    <section className="exp-panel" aria-label={t('experiments.results.title')}>
      <h2>{t('experiments.results.title')}</h2>
      {r.srm && (
        <p className={r.srm.passed ? 'srm-ok' : 'srm-fail'} role={r.srm.passed ? undefined : 'alert'}>
          {t('experiments.results.srm', { passed: r.srm.passed, chi: f.fixed(r.srm.statistic, 2), p: f.p(r.srm.p), threshold: f.number(srmThreshold, 4) })}
        </p>
      )}
      {r.problems.map((p) => <p key={p.code + p.message} className={p.blocking ? 'error-text' : 'warning-text'}>{t('experiments.dataProblem', { ...p.values, code: camelCode(p.code), p: typeof p.values.p === 'number' ? f.p(p.values.p) : '' })}</p>)}
      {r.arms.length > 0 && (
        <div className="table-scroll"><table className="data-table">
          <thead><tr><th>{t('experiments.results.arm')}</th><th className="num">{t('experiments.results.customers')}</th><th className="num">{t('experiments.results.converted')}</th><th className="num">{t('experiments.results.rate')}</th>{notConversion && <th className="num">{t('experiments.results.mean')}</th>}</tr></thead>
          <tbody>{r.arms.map((a) => (
            <tr key={a.name}><td>{a.name}</td><td className="num">{f.count(a.customers)}</td><td className="num">{f.count(a.conversions)}</td>
              <td className="num">{f.pct(a.rate, 2)} ({a.rateInterval ? t('experiments.range', { from: f.pct(a.rateInterval.lower, 2), to: f.pct(a.rateInterval.upper, 2) }) : '—'})</td>
              {notConversion && <td className="num">{Number.isFinite(a.values.mean) ? `${f.fixed(a.values.mean, 2)} (${f.count(a.values.n)})` : '—'}</td>}</tr>
          ))}</tbody>
        </table></div>
      )}
      {r.comparisons.length > 0 && (
        <div className="table-scroll"><table className="data-table">
          <thead><tr><th>{t('experiments.results.against', { control: r.arms[0]?.name ?? '' })}</th><th className="num">{t('experiments.results.difference')}</th><th className="num">{t('experiments.results.ratio')}</th><th>{t('experiments.results.fixed')}</th><th>{t('experiments.results.sequential')}</th><th>{t('experiments.results.bayesian')}</th><th className="num">{t('experiments.results.power')}</th></tr></thead>
          <tbody>{r.comparisons.map((c) => (
            <tr key={c.arm}>
              <td>{c.arm}</td>
              <td className="num">{f.effect(c.difference.estimate)} ({t('experiments.range', { from: f.effect(c.difference.lower), to: f.effect(c.difference.upper) })})</td>
              <td className="num">{c.ratio ? `${f.fixed(c.ratio.estimate, 3)} (${f.fixed(c.ratio.lower, 3)}–${f.fixed(c.ratio.upper, 3)})` : '—'}</td>
              <td>
                {t('experiments.results.fixedCell', { test: testText(t, c.test.name), p: f.p(c.test.p), holm: f.p(c.test.holmP) })}
                {c.mannWhitney ? t('experiments.results.mannWhitney', { p: f.p(c.mannWhitney.p) }) : ''}
                {!r.fixedValid && <em className="not-valid">{t('experiments.results.notValidYet')}</em>}
              </td>
              <td>{t('experiments.results.sequentialCell', { p: f.p(c.sequential.p), holm: f.p(c.sequential.holmP), looks: c.sequential.looks })}</td>
              <td>{c.bayes ? t('experiments.results.bayesCell', { beat: f.pct(c.bayes.probabilityToBeat, 1), loss: f.fixed(100 * c.bayes.expectedLoss, 3) }) : '—'}</td>
              <td className="num">{f.pct(c.power, 0)}</td>
            </tr>
          ))}</tbody>
        </table></div>
      )}
      {r.overall && <p className="muted">{t('experiments.results.overall', { chi: f.fixed(r.overall.statistic, 2), df: r.overall.df, p: f.p(r.overall.p) })}</p>}
      {r.guardrails.length > 0 && <GuardrailTable r={r} f={f} />}
    </section>
  );
}

function GuardrailTable({ r, f }: { r: Results; f: ExperimentFormat }) {
  const t = useT();
  return (
    <div className="table-scroll"><table className="data-table">
      <thead><tr><th>{t('experiments.results.guardrail')}</th><th>{t('experiments.results.arm')}</th><th className="num">{t('experiments.results.control')}</th><th className="num">{t('experiments.results.arm')}</th><th className="num">{t('experiments.results.p')}</th><th>{t('experiments.results.status')}</th></tr></thead>
      <tbody>{r.guardrails.map((g) => (
        <tr key={g.name + g.arm}><td>{g.name}</td><td>{g.arm}</td><td className="num">{f.pct(g.control, 2)}</td><td className="num">{f.pct(g.treatment, 2)}</td><td className="num">{f.p(g.p)}</td><td>{t('experiments.results.guardrailStatus', { worse: g.worse })}</td></tr>
      ))}</tbody>
    </table></div>
  );
}

/** The one-page memo on screen: the same words as the PDF (common/experiments/memo.ts). */
export function Memo({ memo, kind, onPdf }: { memo: MemoText; kind: VerdictKind; onPdf: () => void }) {
  const t = useT();
  return (
    <article className={`memo memo-${kind}`} aria-label={t('experiments.memo.label')}>
      <h2>{memo.title}</h2>
      <p className="memo-verdict">{memo.verdict}</p>
      {memo.reasons.map((s) => <p key={s}>{s}</p>)}
      {memo.sections.map((s) => (
        <section key={s.heading}><h3>{s.heading}</h3><p>{s.text}</p></section>
      ))}
      <button type="button" onClick={onPdf}>{t('experiments.memo.pdf')}</button>
    </article>
  );
}
