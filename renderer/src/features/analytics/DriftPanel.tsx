import { useState } from 'react';
import { checkDriftRule, describeDriftRule, type DriftRule } from '../../../../common/analytics/drift';
import { useWorkspace } from '../../db/WorkspaceContext';
import { showToast } from '../../ui/toast';
import { driftRuleId, useDriftRule, usePersonaDrift } from './driftStore';
import { saveSetting } from './workspaceSettings';

const fmt = (v: number) => (Math.abs(v) >= 10 ? v.toFixed(0) : v.toFixed(2));

/** What changed on the persona's newest snapshot day, its alerts, and the editable rule. */
export function DriftPanel({ personaId }: { personaId: string }) {
  const drift = usePersonaDrift(personaId);
  const rule = useDriftRule();
  return (
    <section className="panel" aria-labelledby="drift-title">
      <div className="panel-header"><h3 id="drift-title">What changed (drift)</h3></div>
      {!drift ? <p className="muted">Judged after the next snapshot run (daily snapshots on, or a section following data).</p>
        : drift.report.day === null ? <p className="muted">No matched respondent has a response date yet.</p> : (
          <>
            {drift.alerts.length > 0 ? (
              <ul className="drift-alerts" aria-label="Drift alerts">{drift.alerts.map((a) => <li key={a} role="alert">{a}</li>)}</ul>
            ) : <p role="status" data-testid="drift-none">No alert on {drift.report.day}.</p>}
            {drift.report.shifts.length > 0 && (
              <table className="data-table" aria-label="Distribution shifts">
                <thead><tr><th scope="col">Column</th><th scope="col">Respondents (day / before)</th><th scope="col">Distance</th><th scope="col">Chi-square p</th><th scope="col">Judged</th></tr></thead>
                <tbody>{drift.report.shifts.map((s) => (
                  <tr key={s.column}><th scope="row">{s.column}</th><td className="num">{s.current} / {s.reference}</td><td className="num">{s.tvd.toFixed(2)}</td>
                    <td className="num">{s.p < 0.0001 ? s.p.toExponential(1) : s.p.toFixed(4)}</td><td>{s.notJudged ?? (s.alert ? 'alert' : 'within the rule')}</td></tr>
                ))}</tbody>
              </table>
            )}
            {drift.report.metrics.length > 0 && (
              <table className="data-table" aria-label="Metric changes">
                <thead><tr><th scope="col">Metric</th><th scope="col">{drift.report.day}</th><th scope="col">Before</th><th scope="col">Change</th><th scope="col">Limit</th></tr></thead>
                <tbody>{drift.report.metrics.map((m) => (
                  <tr key={m.metric}><th scope="row">{m.metric}</th><td className="num">{fmt(m.value)}</td><td className="num">{fmt(m.reference)}</td>
                    <td className="num">{m.delta > 0 ? '+' : ''}{fmt(m.delta)}</td><td className="num">±{fmt(m.limit)}{m.alert ? ' (alert)' : ''}</td></tr>
                ))}</tbody>
              </table>
            )}
          </>
        )}
      <p className="muted" data-testid="drift-rule">{describeDriftRule(rule)}</p>
      <RuleForm key={JSON.stringify(rule)} rule={rule} />
    </section>
  );
}

function RuleForm({ rule }: { rule: DriftRule }) {
  const db = useWorkspace();
  const [draft, setDraft] = useState<Record<keyof DriftRule, string>>({
    alpha: String(rule.alpha), minTvd: String(rule.minTvd), sigmas: String(rule.sigmas), referenceDays: String(rule.referenceDays), minAnswers: String(rule.minAnswers),
  });
  const [problem, setProblem] = useState<string | null>(null);
  const fields: [keyof DriftRule, string][] = [['alpha', 'Chi-square p below'], ['minTvd', 'Distance at least'], ['sigmas', 'Metric limit (standard errors)'], ['referenceDays', 'Reference days'], ['minAnswers', 'Fewest respondents each side']];
  const save = async () => {
    const checked = checkDriftRule(Object.fromEntries(Object.entries(draft).map(([k, v]) => [k, v.trim() === '' ? Number.NaN : Number(v)])));
    if (!checked.ok) return setProblem(checked.message);
    setProblem(null);
    await saveSetting(db, driftRuleId, checked.rule);
    showToast('Drift rule saved; it applies from the next snapshot run.');
  };
  return (
    <details className="drift-rule">
      <summary>Edit the alert rule</summary>
      <div className="follow-options">
        {fields.map(([k, l]) => <label key={k}>{l} <input inputMode="decimal" size={6} value={draft[k]} onChange={(e) => setDraft({ ...draft, [k]: e.target.value })} /></label>)}
        <button type="button" onClick={() => void save()}>Save rule</button>
      </div>
      {problem && <p role="alert" className="error-text">{problem}</p>}
    </details>
  );
}
