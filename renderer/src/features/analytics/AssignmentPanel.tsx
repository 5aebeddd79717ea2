import { useState } from 'react';
import { clearMargin, likelyMargin, confidenceOf, type AssignmentCounts } from '../../../../common/analytics/assignment';
import type { Dashboard } from '../../workers/dashboard';
import type { AssignmentView } from '../../workers/assignmentView';

const bandName = { clear: 'Clear', likely: 'Likely', close: 'Close call' } as const;
const time = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * Best persona per respondent: counts by confidence, the newest import as it was assigned, and what
 * changed since the accepted classification (rules edited since), with "Re-classify all" to accept.
 */
export function AssignmentPanel({ dashboard, view, onClassify }: { dashboard: Dashboard; view: AssignmentView; onClassify: () => Promise<string | null> }) {
  const [message, setMessage] = useState<string | null>(null);
  const nameOf = (id: string) => dashboard.personas.find((p) => p.personaId === id)?.name ?? 'a deleted persona';
  const names = dashboard.personas.map((p) => p.name);
  const classify = async () => setMessage(await onClassify());
  return (
    <section className="assignment-panel" aria-labelledby="assignment-title">
      <h2 id="assignment-title">Best persona per respondent</h2>
      <p className="muted">
        Each respondent goes to the persona scoring highest, when it scores 50 or more. Confidence is the margin over the
        runner-up: clear at {clearMargin} points or more, likely from {likelyMargin}, a close call below {likelyMargin}.
      </p>
      <CountsTable label="Assignment" names={names} counts={view.counts} />
      <div className="reclassify" role="status">
        {view.change.changed === 0
          ? <p>Matches the classification of {time.format(view.classifiedAt)}{view.change.added > 0 ? `; ${view.change.added} respondents arrived since` : ''}.</p>
          : <p><strong>{view.change.changed.toLocaleString()} {view.change.changed === 1 ? 'respondent changes' : 'respondents change'} persona</strong> against the classification of {time.format(view.classifiedAt)} (when this screen opened or you last re-classified).</p>}
        {view.change.changed > 0 && (
          <table className="data-table" aria-label="Before and after">
            <thead><tr><th scope="col">Before</th><th scope="col">After</th><th scope="col" className="num">Respondents</th></tr></thead>
            <tbody>
              {view.change.moves.flatMap((row, from) => row.map((n, to) => ({ from, to, n }))).filter((m) => m.n > 0 && m.from !== m.to).map((m) => (
                <tr key={`${m.from}-${m.to}`}>
                  <td>{m.from === view.change.personaIds.length ? 'No persona' : nameOf(view.change.personaIds[m.from]!)}</td>
                  <td>{m.to === view.change.personaIds.length ? 'No persona' : nameOf(view.change.personaIds[m.to]!)}</td>
                  <td className="num">{m.n.toLocaleString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <button type="button" onClick={() => void classify()}>Re-classify all</button>
        {message && <p className="error-text" role="alert">{message}</p>}
      </div>
      {view.latest && (
        <>
          <h3>Latest import: {view.latest.label}, {time.format(view.latest.importedAt)}</h3>
          <p>{view.latest.total.toLocaleString()} responses, assigned on arrival: {summary(names, view.latest.counts)}.</p>
          <div className="table-scroll">
            <table className="data-table" aria-label="Latest responses">
              <thead><tr><th scope="col">Respondent</th><th scope="col">Persona</th><th scope="col" className="num">Score</th><th scope="col" className="num">Margin</th><th scope="col">Confidence</th></tr></thead>
              <tbody>
                {view.latest.rows.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">{r.id}</th>
                    <td>{r.persona < 0 ? <span className="muted">No persona scores 50</span> : names[r.persona]}</td>
                    <td className="num">{r.persona < 0 ? '—' : `${r.percent.toFixed(1)}%`}</td>
                    <td className="num">{r.persona < 0 ? '—' : r.margin.toFixed(1)}</td>
                    <td>{r.persona < 0 ? '—' : bandName[confidenceOf(r.margin)]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {view.latest.total > view.latest.rows.length && <p className="muted">Showing the first {view.latest.rows.length} of {view.latest.total.toLocaleString()}; the counts above cover all of them.</p>}
        </>
      )}
    </section>
  );
}

function CountsTable({ label, names, counts }: { label: string; names: string[]; counts: AssignmentCounts }) {
  return (
    <table className="data-table" aria-label={label}>
      <thead><tr><th scope="col">Persona</th><th scope="col" className="num">Clear</th><th scope="col" className="num">Likely</th><th scope="col" className="num">Close call</th><th scope="col" className="num">Total</th></tr></thead>
      <tbody>
        {counts.perPersona.map((c, i) => (
          <tr key={i}>
            <th scope="row">{names[i]}</th>
            <td className="num">{c.clear.toLocaleString()}</td><td className="num">{c.likely.toLocaleString()}</td><td className="num">{c.close.toLocaleString()}</td>
            <td className="num">{(c.clear + c.likely + c.close).toLocaleString()}</td>
          </tr>
        ))}
        <tr><th scope="row">No persona (all below 50)</th><td colSpan={3} /><td className="num">{counts.unassigned.toLocaleString()}</td></tr>
      </tbody>
    </table>
  );
}

function summary(names: string[], counts: AssignmentCounts): string {
  const parts = counts.perPersona.map((c, i) => ({ name: names[i]!, n: c.clear + c.likely + c.close })).filter((x) => x.n > 0).map((x) => `${x.name} ${x.n.toLocaleString()}`);
  if (counts.unassigned > 0) parts.push(`no persona ${counts.unassigned.toLocaleString()}`);
  return parts.join(', ') || 'none';
}
