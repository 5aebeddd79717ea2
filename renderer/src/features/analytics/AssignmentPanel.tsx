import { useState } from 'react';
import { clearMargin, likelyMargin, confidenceOf, type AssignmentCounts } from '../../../../common/analytics/assignment';
import type { Dashboard } from '../../workers/dashboard';
import type { AssignmentView } from '../../workers/assignmentView';
import { FormattedMessage, useT } from '../../i18n';
import { useAnalyticsFormat, type AnalyticsFormat } from './display';

/**
 * Best persona per respondent: counts by confidence, the newest import as it was assigned, and what
 * changed since the accepted classification (rules edited since), with "Re-classify all" to accept.
 */
export function AssignmentPanel({ dashboard, view, onClassify }: { dashboard: Dashboard; view: AssignmentView; onClassify: () => Promise<string | null> }) {
  const [message, setMessage] = useState<string | null>(null);
  const t = useT();
  const f = useAnalyticsFormat();
  const nameOf = (id: string) => dashboard.personas.find((p) => p.personaId === id)?.name ?? t('analytics.assign.deleted');
  const names = dashboard.personas.map((p) => p.name);
  const classify = async () => setMessage(await onClassify());
  return (
    <section className="assignment-panel" aria-labelledby="assignment-title">
      <h2 id="assignment-title">{t('analytics.assign.title')}</h2>
      <p className="muted">{t('analytics.assign.intro', { clear: clearMargin, likely: likelyMargin })}</p>
      <CountsTable label={t('analytics.assign.counts')} names={names} counts={view.counts} />
      <div className="reclassify" role="status">
        {view.change.changed === 0
          ? <p>{view.change.added > 0
            ? t('analytics.assign.matchesSince', { date: f.dateTime(view.classifiedAt), count: view.change.added })
            : t('analytics.assign.matches', { date: f.dateTime(view.classifiedAt) })}</p>
          : <p><FormattedMessage id="analytics.assign.changed" values={{ count: view.change.changed, date: f.dateTime(view.classifiedAt), b: (c) => <strong>{c}</strong> }} /></p>}
        {view.change.changed > 0 && (
          <table className="data-table" aria-label={t('analytics.assign.beforeAfter')}>
            <thead><tr><th scope="col">{t('analytics.assign.before')}</th><th scope="col">{t('analytics.assign.after')}</th><th scope="col" className="num">{t('analytics.assign.respondents')}</th></tr></thead>
            <tbody>
              {view.change.moves.flatMap((row, from) => row.map((n, to) => ({ from, to, n }))).filter((m) => m.n > 0 && m.from !== m.to).map((m) => (
                <tr key={`${m.from}-${m.to}`}>
                  <td>{m.from === view.change.personaIds.length ? t('analytics.assign.noPersona') : nameOf(view.change.personaIds[m.from]!)}</td>
                  <td>{m.to === view.change.personaIds.length ? t('analytics.assign.noPersona') : nameOf(view.change.personaIds[m.to]!)}</td>
                  <td className="num">{f.count(m.n)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <button type="button" onClick={() => void classify()}>{t('analytics.assign.reclassify')}</button>
        {message && <p className="error-text" role="alert">{message}</p>}
      </div>
      {view.latest && (
        <>
          <h3>{t('analytics.assign.latest', { label: view.latest.label, date: f.dateTime(view.latest.importedAt) })}</h3>
          <p>{t('analytics.assign.latestSummary', { count: view.latest.total, summary: summary(names, view.latest.counts, t, f) })}</p>
          <div className="table-scroll">
            <table className="data-table" aria-label={t('analytics.assign.latestTable')}>
              <thead><tr><th scope="col">{t('analytics.assign.respondent')}</th><th scope="col">{t('analytics.assign.persona')}</th><th scope="col" className="num">{t('analytics.assign.score')}</th><th scope="col" className="num">{t('analytics.assign.margin')}</th><th scope="col">{t('analytics.assign.confidence')}</th></tr></thead>
              <tbody>
                {view.latest.rows.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">{r.id}</th>
                    <td>{r.persona < 0 ? <span className="muted">{t('analytics.assign.below50')}</span> : names[r.persona]}</td>
                    <td className="num">{r.persona < 0 ? '—' : f.pct(r.percent)}</td>
                    <td className="num">{r.persona < 0 ? '—' : f.fixed(r.margin, 1)}</td>
                    <td>{r.persona < 0 ? '—' : t('analytics.assign.band', { band: confidenceOf(r.margin) })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {view.latest.total > view.latest.rows.length && <p className="muted">{t('analytics.assign.showing', { shown: view.latest.rows.length, total: view.latest.total })}</p>}
        </>
      )}
    </section>
  );
}

function CountsTable({ label, names, counts }: { label: string; names: string[]; counts: AssignmentCounts }) {
  const t = useT();
  const { count } = useAnalyticsFormat();
  return (
    <table className="data-table" aria-label={label}>
      <thead><tr><th scope="col">{t('analytics.assign.persona')}</th><th scope="col" className="num">{t('analytics.assign.band', { band: 'clear' })}</th><th scope="col" className="num">{t('analytics.assign.band', { band: 'likely' })}</th><th scope="col" className="num">{t('analytics.assign.band', { band: 'close' })}</th><th scope="col" className="num">{t('analytics.assign.total')}</th></tr></thead>
      <tbody>
        {counts.perPersona.map((c, i) => (
          <tr key={i}>
            <th scope="row">{names[i]}</th>
            <td className="num">{count(c.clear)}</td><td className="num">{count(c.likely)}</td><td className="num">{count(c.close)}</td>
            <td className="num">{count(c.clear + c.likely + c.close)}</td>
          </tr>
        ))}
        <tr><th scope="row">{t('analytics.assign.unassigned')}</th><td colSpan={3} /><td className="num">{count(counts.unassigned)}</td></tr>
      </tbody>
    </table>
  );
}

function summary(names: string[], counts: AssignmentCounts, t: ReturnType<typeof useT>, f: AnalyticsFormat): string {
  const parts = counts.perPersona.map((c, i) => ({ name: names[i]!, n: c.clear + c.likely + c.close })).filter((x) => x.n > 0).map((x) => t('analytics.assign.part', { name: x.name, count: f.count(x.n) }));
  if (counts.unassigned > 0) parts.push(t('analytics.assign.partNone', { count: f.count(counts.unassigned) }));
  return parts.join(', ') || t('analytics.assign.none');
}
