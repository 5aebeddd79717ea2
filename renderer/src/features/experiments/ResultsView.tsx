import type { Results } from '../../../../common/experiments/analyse';
import type { Experiment } from '../../../../common/experiments/model';
import type { Plan } from '../../../../common/experiments/plan';
import { srmThreshold } from '../../../../common/experiments/stats/srm';
import { effectText, pValueText } from '../../../../common/experiments/memo';
import type { MemoText } from '../../../../common/experiments/memo';
import type { VerdictKind } from '../../../../common/experiments/verdict';

const pct = (x: number, digits = 1) => `${(100 * x).toFixed(digits)} %`;
const pValue = pValueText;

/** The planner's figures. */
export function PlannerView({ e, plan }: { e: Experiment; plan: Plan }) {
  return (
    <section className="exp-panel" aria-label="Planner">
      <h2>Planner</h2>
      <p>The log sees about <strong>{Math.round(plan.dailyCustomers).toLocaleString()}</strong> customers a day; baseline {e.primaryMetric.kind === 'conversion' ? pct(plan.baseline, 2) : plan.baseline.toFixed(2)}{plan.sd !== null ? ` (standard deviation ${plan.sd.toFixed(2)})` : ''}.</p>
      <p>To detect {effectText(e, e.mde)} with alpha {e.alpha}{e.arms.length > 2 ? ` (÷ ${e.arms.length - 1} comparisons)` : ''} and power {pct(e.power, 0)}: {e.arms.map((a, i) => `${a.name} ${plan.perArm[i]!.toLocaleString()}`).join(', ')} customers, <strong>{plan.total.toLocaleString()}</strong> in all, about <strong>{plan.days.toLocaleString()} days</strong> at this traffic if every customer enters the test.</p>
    </section>
  );
}

/** Results: the split check first, then arms, comparisons, the Bayesian and sequential views, guardrails. */
export function ResultsTables({ e, r }: { e: Experiment; r: Results }) {
  return (
    <section className="exp-panel" aria-label="Results">
      <h2>Results</h2>
      {r.srm && (
        <p className={r.srm.passed ? 'srm-ok' : 'srm-fail'} role={r.srm.passed ? undefined : 'alert'}>
          Sample ratio check: {r.srm.passed ? 'passed' : 'FAILED'} (chi-square {r.srm.statistic.toFixed(2)}, p = {pValue(r.srm.p)}; fails below {srmThreshold}).
        </p>
      )}
      {r.problems.map((p) => <p key={p.code + p.message} className={p.blocking ? 'error-text' : 'warning-text'}>{p.message}</p>)}
      {r.arms.length > 0 && (
        <div className="table-scroll"><table className="data-table">
          <thead><tr><th>Arm</th><th className="num">Customers</th><th className="num">Converted</th><th className="num">Rate (95 % Wilson)</th>{e.primaryMetric.kind !== 'conversion' && <th className="num">Mean (n)</th>}</tr></thead>
          <tbody>{r.arms.map((a) => (
            <tr key={a.name}><td>{a.name}</td><td className="num">{a.customers.toLocaleString()}</td><td className="num">{a.conversions.toLocaleString()}</td>
              <td className="num">{pct(a.rate, 2)} ({a.rateInterval ? `${pct(a.rateInterval.lower, 2)} – ${pct(a.rateInterval.upper, 2)}` : '—'})</td>
              {e.primaryMetric.kind !== 'conversion' && <td className="num">{Number.isFinite(a.values.mean) ? `${a.values.mean.toFixed(2)} (${a.values.n})` : '—'}</td>}</tr>
          ))}</tbody>
        </table></div>
      )}
      {r.comparisons.length > 0 && (
        <div className="table-scroll"><table className="data-table">
          <thead><tr><th>Against {r.arms[0]?.name}</th><th className="num">Difference (95 %)</th><th className="num">Ratio (95 %)</th><th>Fixed-horizon test</th><th>Sequential (mSPRT)</th><th>Bayesian</th><th className="num">Power</th></tr></thead>
          <tbody>{r.comparisons.map((c) => (
            <tr key={c.arm}>
              <td>{c.arm}</td>
              <td className="num">{effectText(e, c.difference.estimate)} ({effectText(e, c.difference.lower)} to {effectText(e, c.difference.upper)})</td>
              <td className="num">{c.ratio ? `${c.ratio.estimate.toFixed(3)} (${c.ratio.lower.toFixed(3)}–${c.ratio.upper.toFixed(3)})` : '—'}</td>
              <td>{c.test.name}: p = {pValue(c.test.p)}, Holm {pValue(c.test.holmP)}{c.mannWhitney ? `; Mann-Whitney p = ${pValue(c.mannWhitney.p)}` : ''}{!r.fixedValid && <em className="not-valid"> — not valid before the planned end</em>}</td>
              <td>p = {pValue(c.sequential.p)}, Holm {pValue(c.sequential.holmP)} over {c.sequential.looks} looks</td>
              <td>{c.bayes ? `P(beats control) ${pct(c.bayes.probabilityToBeat)}; expected loss ${(100 * c.bayes.expectedLoss).toFixed(3)} pts` : '—'}</td>
              <td className="num">{pct(c.power, 0)}</td>
            </tr>
          ))}</tbody>
        </table></div>
      )}
      {r.overall && <p className="muted">All arms together: chi-square {r.overall.statistic.toFixed(2)} on {r.overall.df} df, p = {pValue(r.overall.p)}.</p>}
      {r.guardrails.length > 0 && (
        <div className="table-scroll"><table className="data-table">
          <thead><tr><th>Guardrail</th><th>Arm</th><th className="num">Control</th><th className="num">Arm</th><th className="num">p</th><th>Status</th></tr></thead>
          <tbody>{r.guardrails.map((g) => (
            <tr key={g.name + g.arm}><td>{g.name}</td><td>{g.arm}</td><td className="num">{pct(g.control, 2)}</td><td className="num">{pct(g.treatment, 2)}</td><td className="num">{pValue(g.p)}</td><td>{g.worse ? 'Worse' : 'OK'}</td></tr>
          ))}</tbody>
        </table></div>
      )}
    </section>
  );
}

/** The one-page memo on screen: the same words as the PDF (common/experiments/memo.ts). */
export function Memo({ memo, kind, onPdf }: { memo: MemoText; kind: VerdictKind; onPdf: () => void }) {
  return (
    <article className={`memo memo-${kind}`} aria-label="Decision memo">
      <h2>{memo.title}</h2>
      <p className="memo-verdict">{memo.verdict}</p>
      {memo.reasons.map((s) => <p key={s}>{s}</p>)}
      {memo.sections.map((s) => (
        <section key={s.heading}><h3>{s.heading}</h3><p>{s.text}</p></section>
      ))}
      <button type="button" onClick={onPdf}>Save memo as PDF</button>
    </article>
  );
}
