import type { Explanation } from '../../../../common/analytics/explain';
import { cellText, pct } from './display';

const outcomeText = { matched: 'matched', unmatched: 'not matched', missing: 'missing' } as const;

/** The best-matching responses, each with why it scored what it did (matched, unmatched, missing). */
export function TopMatches({ top, columns }: { top: Explanation[]; columns: Map<string, string> }) {
  if (top.length === 0) return <p className="muted">No scored responses yet.</p>;
  // A 0 % response matched no rule: it is no match, so it is not listed (the PDF does the same).
  const matched = top.filter((e) => e.percent > 0);
  if (matched.length === 0) return <p className="muted">No response matched any rule.</p>;
  return (
    <div className="table-scroll tall">
      <table className="data-table top-matches" aria-label="Top matches">
        <thead><tr><th scope="col">#</th><th scope="col">Respondent</th><th scope="col" className="num">Score</th><th scope="col">Match</th><th scope="col">Why</th></tr></thead>
        <tbody>
          {matched.map((e, i) => (
            <tr key={e.row}>
              <td>{i + 1}</td>
              <td>{e.respondentId ?? `row ${e.row + 1}`}</td>
              <td className="num">{pct(e.percent)}</td>
              <td><span className={`badge badge-${e.bucket}`}>{e.bucket}</span></td>
              <td>
                <details>
                  <summary>{e.items.filter((it) => it.outcome === 'matched').length} of {e.items.length} rules</summary>
                  <ul className="explanation">
                    {e.items.map((it) => (
                      <li key={it.ruleId} className={`outcome-${it.outcome}`}>
                        <span className="outcome">{outcomeText[it.outcome]}</span> {it.description}
                        <span className="muted"> — {columns.get(it.ruleId) ?? 'value'}: {cellText(it.value, columns.get(it.ruleId) ?? '')}{it.weight !== 1 ? `, weight ${it.weight}` : ''}</span>
                      </li>
                    ))}
                  </ul>
                </details>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
