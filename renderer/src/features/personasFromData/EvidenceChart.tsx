import type { KEvidence } from '../../../../common/clustering/findPersonas';
import { FormattedMessage, useFormat, useT } from '../../i18n';

/**
 * The silhouette for each number of groups as bars; each bar is a button that shows that grouping.
 * The values are also in the bars' accessible names, so the chart is not the only way to read them.
 */
export function EvidenceChart({ evidence, proposedK, shownK, onShow, busy }: {
  evidence: KEvidence[]; proposedK: number; shownK: number; onShow: (k: number) => void; busy: boolean;
}) {
  const t = useT();
  const f = useFormat();
  const top = Math.max(0.05, ...evidence.map((e) => e.silhouette));
  return (
    <figure className="evidence-chart" aria-label={t('findPersonas.chart.label')}>
      <figcaption>
        <FormattedMessage id="findPersonas.chart.caption" values={{ usable: 0.25, strong: 0.5, k: proposedK, b: (chunks) => <strong>{chunks}</strong> }} />
      </figcaption>
      <div className="evidence-bars">
        {evidence.map((e) => {
          const height = Math.max(0, e.silhouette) / top;
          return (
            <button key={e.k} type="button" disabled={busy} aria-pressed={e.k === shownK}
              className={`evidence-bar${e.k === proposedK ? ' proposed' : ''}`}
              aria-label={t('findPersonas.chart.bar', { k: e.k, value: e.silhouette, proposed: e.k === proposedK })}
              onClick={() => onShow(e.k)}>
              <span className="bar-value">{t('findPersonas.chart.value', { value: e.silhouette })}</span>
              <span className="bar" style={{ height: `${Math.round(height * 120)}px` }} />
              <span className="bar-k">{f.integer(e.k)}</span>
            </button>
          );
        })}
      </div>
    </figure>
  );
}
