import type { Explanation } from '../../../../common/analytics/explain';
import { useT } from '../../i18n';
import { cellText, useAnalyticsFormat } from './display';

/** The best-matching responses, each with why it scored what it did (matched, unmatched, missing). */
export function TopMatches({ top, columns }: { top: Explanation[]; columns: Map<string, string> }) {
  const t = useT();
  const { pct } = useAnalyticsFormat();
  if (top.length === 0) return <p className="muted">{t('analytics.top.none')}</p>;
  // A 0 % response matched no rule: it is no match, so it is not listed (the PDF does the same).
  const matched = top.filter((e) => e.percent > 0);
  if (matched.length === 0) return <p className="muted">{t('analytics.top.noMatch')}</p>;
  return (
    <div className="table-scroll tall">
      <table className="data-table top-matches" aria-label={t('analytics.top.label')}>
        <thead><tr><th scope="col">#</th><th scope="col">{t('analytics.top.respondent')}</th><th scope="col" className="num">{t('analytics.top.score')}</th><th scope="col">{t('analytics.top.match')}</th><th scope="col">{t('analytics.top.why')}</th></tr></thead>
        <tbody>
          {matched.map((e, i) => (
            <tr key={e.row}>
              <td>{i + 1}</td>
              <td>{e.respondentId ?? t('analytics.top.row', { row: e.row + 1 })}</td>
              <td className="num">{pct(e.percent)}</td>
              <td><span className={`badge badge-${e.bucket}`}>{t('analytics.top.bucket', { bucket: e.bucket })}</span></td>
              <td>
                <details>
                  <summary>{t('analytics.top.rulesMatched', { matched: e.items.filter((it) => it.outcome === 'matched').length, total: e.items.length })}</summary>
                  <ul className="explanation">
                    {e.items.map((it) => (
                      <li key={it.ruleId} className={`outcome-${it.outcome}`}>
                        <span className="outcome">{t('analytics.top.outcome', { outcome: it.outcome })}</span> {it.description}
                        <span className="muted"> — {columns.get(it.ruleId) ?? t('analytics.top.value')}: {cellText(it.value, columns.get(it.ruleId) ?? '', t('analytics.missing'))}{it.weight !== 1 ? t('analytics.top.weight', { weight: it.weight }) : ''}</span>
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
