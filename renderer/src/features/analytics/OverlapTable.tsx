import { useT } from '../../i18n';
import type { Dashboard } from '../../workers/dashboard';

/**
 * Responses covered (≥ 50) by both personas of a pair, as a heat table: darker is more shared.
 * The diagonal is each persona's own coverage.
 */
export function OverlapTable({ dashboard }: { dashboard: Dashboard }) {
  const t = useT();
  const names = dashboard.personas.map((p) => p.name);
  const max = Math.max(1, ...dashboard.overlap.flat());
  return (
    <figure className="chart" aria-label={t('analytics.overlap.label')}>
      <figcaption>{t('analytics.overlap.caption')}</figcaption>
      <div className="table-scroll">
        <table className="data-table heat-table" aria-label={t('analytics.overlap.table')}>
          <thead><tr><th scope="col"><span className="visually-hidden">{t('analytics.overview.persona')}</span></th>{names.map((n, i) => <th key={i} scope="col">{n}</th>)}</tr></thead>
          <tbody>
            {dashboard.overlap.map((row, a) => (
              <tr key={a}>
                <th scope="row">{names[a]}</th>
                {row.map((v, b) => (
                  <td key={b} className="num" style={{ background: `rgb(61 90 254 / ${Math.round((v / max) * 70)}%)`, color: v / max > 0.55 ? '#fff' : undefined }}>{v}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
