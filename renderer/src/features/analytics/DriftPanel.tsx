import { useState } from 'react';
import { checkDriftRule, type DriftRule } from '../../../../common/analytics/drift';
import { useWorkspace } from '../../db/WorkspaceContext';
import { translate, useT, type MessageId } from '../../i18n';
import { showToast } from '../../ui/toast';
import { driftRuleId, useDriftRule, usePersonaDrift } from './driftStore';
import { useAnalyticsFormat } from './display';
import { useDriftWords } from './driftWords';
import { saveSetting } from './workspaceSettings';

/** What changed on the persona's newest snapshot day, its alerts, and the editable rule. */
export function DriftPanel({ personaId }: { personaId: string }) {
  const drift = usePersonaDrift(personaId);
  const rule = useDriftRule();
  const t = useT();
  const words = useDriftWords();
  const alerts = drift ? words.alerts(drift.report) : [];
  const { fixed } = useAnalyticsFormat();
  const fmt = (v: number) => fixed(v, Math.abs(v) >= 10 ? 0 : 2);
  return (
    <section className="panel" aria-labelledby="drift-title">
      <div className="panel-header"><h3 id="drift-title">{t('analytics.drift.title')}</h3></div>
      {!drift ? <p className="muted">{t('analytics.drift.pending')}</p>
        : drift.report.day === null ? <p className="muted">{t('analytics.drift.noDate')}</p> : (
          <>
            {alerts.length > 0 ? (
              <ul className="drift-alerts" aria-label={t('analytics.drift.alerts')}>{alerts.map((a) => <li key={a} role="alert">{a}</li>)}</ul>
            ) : <p role="status" data-testid="drift-none">{t('analytics.drift.none', { day: drift.report.day })}</p>}
            {drift.report.shifts.length > 0 && (
              <table className="data-table" aria-label={t('analytics.drift.shifts')}>
                <thead><tr><th scope="col">{t('analytics.drift.column')}</th><th scope="col">{t('analytics.drift.respondents')}</th><th scope="col">{t('analytics.drift.distance')}</th><th scope="col">{t('analytics.drift.chiSquare')}</th><th scope="col">{t('analytics.drift.judged')}</th></tr></thead>
                <tbody>{drift.report.shifts.map((s) => (
                  <tr key={s.column}><th scope="row">{s.column}</th><td className="num">{s.current} / {s.reference}</td><td className="num">{fixed(s.tvd, 2)}</td>
                    <td className="num">{s.p < 0.0001 ? s.p.toExponential(1) : fixed(s.p, 4)}</td><td>{s.notJudged ? words.notJudged(s.notJudged) : (s.alert ? t('analytics.drift.alert') : t('analytics.drift.within'))}</td></tr>
                ))}</tbody>
              </table>
            )}
            {drift.report.metrics.length > 0 && (
              <table className="data-table" aria-label={t('analytics.drift.metrics')}>
                <thead><tr><th scope="col">{t('analytics.drift.metric')}</th><th scope="col">{drift.report.day}</th><th scope="col">{t('analytics.drift.before')}</th><th scope="col">{t('analytics.drift.change')}</th><th scope="col">{t('analytics.drift.limit')}</th></tr></thead>
                <tbody>{drift.report.metrics.map((m) => (
                  <tr key={m.metric}><th scope="row">{m.metric}</th><td className="num">{fmt(m.value)}</td><td className="num">{fmt(m.reference)}</td>
                    <td className="num">{m.delta > 0 ? '+' : ''}{fmt(m.delta)}</td><td className="num">±{fmt(m.limit)}{m.alert ? ` ${t('analytics.drift.limitAlert')}` : ''}</td></tr>
                ))}</tbody>
              </table>
            )}
          </>
        )}
      <p className="muted" data-testid="drift-rule">{words.rule(rule)}</p>
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
  const t = useT();
  const words = useDriftWords();
  const fields: (keyof DriftRule)[] = ['alpha', 'minTvd', 'sigmas', 'referenceDays', 'minAnswers'];
  const fieldLabel = (k: keyof DriftRule): MessageId => `analytics.drift.field.${k}`;
  const save = async () => {
    const checked = checkDriftRule(Object.fromEntries(Object.entries(draft).map(([k, v]) => [k, v.trim() === '' ? Number.NaN : Number(v)])));
    if (!checked.ok) return setProblem(words.ruleProblem(checked.field, checked.min, checked.max));
    setProblem(null);
    await saveSetting(db, driftRuleId, checked.rule);
    showToast(translate('analytics.drift.saved'));
  };
  return (
    <details className="drift-rule">
      <summary>{t('analytics.drift.edit')}</summary>
      <div className="follow-options">
        {fields.map((k) => <label key={k}>{t(fieldLabel(k))} <input inputMode="decimal" size={6} value={draft[k]} onChange={(e) => setDraft({ ...draft, [k]: e.target.value })} /></label>)}
        <button type="button" onClick={() => void save()}>{t('analytics.drift.saveRule')}</button>
      </div>
      {problem && <p role="alert" className="error-text">{problem}</p>}
    </details>
  );
}
