import type { KEvidence } from '../../../../common/clustering/findPersonas';

/**
 * The silhouette for each number of groups as bars; each bar is a button that shows that grouping.
 * The values are also in the bars' accessible names, so the chart is not the only way to read them.
 */
export function EvidenceChart({ evidence, proposedK, shownK, onShow, busy }: {
  evidence: KEvidence[]; proposedK: number; shownK: number; onShow: (k: number) => void; busy: boolean;
}) {
  const top = Math.max(0.05, ...evidence.map((e) => e.silhouette));
  return (
    <figure className="evidence-chart" aria-label="Silhouette by number of groups">
      <figcaption>
        How clearly respondents separate into groups (silhouette, higher is clearer; above 0.25 is a usable structure,
        above 0.5 a strong one). Proposed: <strong>{proposedK} groups</strong>. Choose a bar to see another grouping.
      </figcaption>
      <div className="evidence-bars">
        {evidence.map((e) => {
          const height = Math.max(0, e.silhouette) / top;
          return (
            <button key={e.k} type="button" disabled={busy} aria-pressed={e.k === shownK}
              className={`evidence-bar${e.k === proposedK ? ' proposed' : ''}`}
              aria-label={`${e.k} groups: silhouette ${e.silhouette.toFixed(2)}${e.k === proposedK ? ', proposed' : ''}`}
              onClick={() => onShow(e.k)}>
              <span className="bar-value">{e.silhouette.toFixed(2)}</span>
              <span className="bar" style={{ height: `${Math.round(height * 120)}px` }} />
              <span className="bar-k">{e.k}</span>
            </button>
          );
        })}
      </div>
    </figure>
  );
}
