import { navigate } from '../../app/route';
import type { Dashboard } from '../../workers/dashboard';
import { AssignmentPanel } from './AssignmentPanel';
import { VolumeBar } from './charts';
import { useT } from '../../i18n';
import { useAnalyticsFormat } from './display';
import { KpiCards } from './KpiCards';
import { OverlapTable } from './OverlapTable';

/** Across personas: totals, each persona's figures, the overlap heat table and response volume. */
export function Overview({ dashboard, onClassify }: { dashboard: Dashboard; onClassify: () => Promise<string | null> }) {
  const t = useT();
  const { nps, pct, count } = useAnalyticsFormat();
  const covered = dashboard.rowsInRange - dashboard.uncovered;
  return (
    <div className="dashboard">
      <KpiCards items={[
        { id: 'responses', label: t('analytics.kpi.responses'), value: count(dashboard.rowsInRange) },
        { id: 'personas', label: t('analytics.kpi.personas'), value: count(dashboard.personas.length) },
        { id: 'covered', label: t('analytics.kpi.covered'), value: pct(dashboard.rowsInRange > 0 ? (covered * 100) / dashboard.rowsInRange : null), hint: t('analytics.kpi.coveredHint', { count: covered }) },
        { id: 'uncovered', label: t('analytics.kpi.uncovered'), value: pct(dashboard.uncoveredPercent), hint: t('analytics.kpi.uncoveredHint', { count: dashboard.uncovered }) },
      ]} />
      <div className="table-scroll">
        <table className="data-table" aria-label={t('analytics.overview.compared')}>
          <thead><tr>
            <th scope="col">{t('analytics.overview.persona')}</th><th scope="col" className="num">{t('analytics.overview.scored')}</th><th scope="col" className="num">{t('analytics.overview.average')}</th>
            <th scope="col" className="num">{t('analytics.overview.coverage')}</th><th scope="col" className="num">{t('analytics.overview.strong')}</th><th scope="col" className="num">{t('analytics.overview.bestFor')}</th><th scope="col" className="num">{t('analytics.overview.nps')}</th>
          </tr></thead>
          <tbody>
            {dashboard.personas.map((p) => (
              <tr key={p.personaId}>
                <th scope="row">
                  <button type="button" className="link" onClick={() => navigate('analytics', 'persona', p.personaId)}>{p.name}</button>
                  {p.rules === 0 && <span className="muted"> {t('analytics.overview.noRules')}</span>}
                </th>
                <td className="num">{count(p.scored)}</td><td className="num">{pct(p.averagePercent)}</td><td className="num">{pct(p.coverage.percent)}</td>
                <td className="num">{count(p.distribution.strong)}</td><td className="num">{count(p.bestCount)}</td><td className="num">{nps(p.live.nps)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="chart-grid">
        <VolumeBar data={dashboard.volume} buckets={false} />
        {dashboard.personas.length > 0 && <OverlapTable dashboard={dashboard} />}
      </div>
      {dashboard.assignment && dashboard.personas.length > 0 && <AssignmentPanel dashboard={dashboard} view={dashboard.assignment} onClassify={onClassify} />}
    </div>
  );
}
