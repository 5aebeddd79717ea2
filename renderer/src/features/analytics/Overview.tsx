import { navigate } from '../../app/route';
import type { Dashboard } from '../../workers/dashboard';
import { AssignmentPanel } from './AssignmentPanel';
import { VolumeBar } from './charts';
import { nps, pct } from './display';
import { KpiCards } from './KpiCards';
import { OverlapTable } from './OverlapTable';

/** Across personas: totals, each persona's figures, the overlap heat table and response volume. */
export function Overview({ dashboard, onClassify }: { dashboard: Dashboard; onClassify: () => Promise<string | null> }) {
  const covered = dashboard.rowsInRange - dashboard.uncovered;
  return (
    <div className="dashboard">
      <KpiCards items={[
        { id: 'responses', label: 'Responses', value: dashboard.rowsInRange.toLocaleString() },
        { id: 'personas', label: 'Personas', value: String(dashboard.personas.length) },
        { id: 'covered', label: 'Covered by a persona', value: pct(dashboard.rowsInRange > 0 ? (covered * 100) / dashboard.rowsInRange : null), hint: `${covered.toLocaleString()} responses ≥ 50` },
        { id: 'uncovered', label: 'No persona covers', value: pct(dashboard.uncoveredPercent), hint: `${dashboard.uncovered.toLocaleString()} responses` },
      ]} />
      <div className="table-scroll">
        <table className="data-table" aria-label="Personas compared">
          <thead><tr>
            <th scope="col">Persona</th><th scope="col" className="num">Scored</th><th scope="col" className="num">Average match</th>
            <th scope="col" className="num">Coverage</th><th scope="col" className="num">Strong</th><th scope="col" className="num">Best persona for</th><th scope="col" className="num">NPS</th>
          </tr></thead>
          <tbody>
            {dashboard.personas.map((p) => (
              <tr key={p.personaId}>
                <th scope="row">
                  <button type="button" className="link" onClick={() => navigate('analytics', 'persona', p.personaId)}>{p.name}</button>
                  {p.rules === 0 && <span className="muted"> (no rules yet)</span>}
                </th>
                <td className="num">{p.scored.toLocaleString()}</td><td className="num">{pct(p.averagePercent)}</td><td className="num">{pct(p.coverage.percent)}</td>
                <td className="num">{p.distribution.strong.toLocaleString()}</td><td className="num">{p.bestCount.toLocaleString()}</td><td className="num">{nps(p.live.nps)}</td>
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
