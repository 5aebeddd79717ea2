import type { ImportSummary } from '../../../../common/import/importer';
import { useT } from '../../i18n';
import { useImportProblemWords } from './importProblemWords';

/**
 * What the import found before anything is saved: rows left out (with row number and reason),
 * values that could not be read (their responses are kept with that answer missing) and warnings;
 * the user imports or stops.
 */
export function ImportReview({ outcome, onImport, onStop }: { outcome: ImportSummary; onImport: () => void; onStop: () => void }) {
  const t = useT();
  const words = useImportProblemWords();
  const { rejectedCount, unreadableCount, notices } = outcome;
  const title = rejectedCount > 0
    ? t('data.review.rejectedTitle', { count: rejectedCount })
    : unreadableCount > 0 ? t('data.review.unreadableTitle', { count: unreadableCount }) : t('data.review.checkTitle');
  // One sentence per message, joined with a space (sentences, not fragments, so each language keeps its order).
  const summary = [
    outcome.duplicates > 0
      ? t('data.review.readyWithDuplicates', { count: outcome.imported, duplicates: outcome.duplicates })
      : t('data.review.ready', { count: outcome.imported }),
    unreadableCount > 0 ? t('data.review.unreadableNote', { count: unreadableCount }) : null,
    rejectedCount > 0 ? t('data.review.choiceRejected') : t('data.review.choice'),
  ].filter((s) => s !== null).join(' ');
  return (
    <section aria-labelledby="review-title" className="panel warning-panel">
      <h3 id="review-title">{title}</h3>
      <p>{summary}</p>
      {notices.length > 0 && <ul className="review-list" aria-label={t('data.review.warnings')}>{notices.map((n, i) => <li key={i}>{t('data.review.notice', n)}</li>)}</ul>}
      {rejectedCount > 0 && (
        <>
          <h4>{t('data.review.rowsLeftOut')}</h4>
          <div className="table-scroll">
            <table className="data-table" aria-label={t('data.review.rejectedRows')}>
              <thead><tr><th scope="col">{t('data.review.row')}</th><th scope="col">{t('data.review.reason')}</th></tr></thead>
              <tbody>{outcome.rejected.map((r) => <tr key={r.row}><td>{r.row}</td><td>{words.row(r)}</td></tr>)}</tbody>
            </table>
          </div>
          {outcome.rejected.length < rejectedCount && <p className="muted">{t('data.review.showingRejected', { shown: outcome.rejected.length, total: rejectedCount })}</p>}
        </>
      )}
      {unreadableCount > 0 && (
        <>
          <h4>{t('data.review.valuesLeftEmpty')}</h4>
          <div className="table-scroll">
            <table className="data-table" aria-label={t('data.review.unreadableValues')}>
              <thead><tr><th scope="col">{t('data.review.row')}</th><th scope="col">{t('data.review.column')}</th><th scope="col">{t('data.review.value')}</th><th scope="col">{t('data.review.why')}</th></tr></thead>
              <tbody>{outcome.unreadable.map((u) => <tr key={`${u.row}:${u.column}`}><td>{u.row}</td><td>{u.column}</td><td>{u.value}</td><td>{words.value(u.problem)}</td></tr>)}</tbody>
            </table>
          </div>
          {outcome.unreadable.length < unreadableCount && <p className="muted">{t('data.review.showingUnreadable', { shown: outcome.unreadable.length, total: unreadableCount })}</p>}
        </>
      )}
      <div className="actions">
        <button type="button" className="primary" onClick={onImport}>{rejectedCount > 0 ? t('data.review.importWithout') : t('data.review.import')}</button>
        <button type="button" onClick={onStop}>{t('data.review.stop')}</button>
      </div>
    </section>
  );
}
