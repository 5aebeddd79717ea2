import type { ImportOutcome } from '../../../../common/import/importer';

const plural = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/**
 * What the import found before anything is saved: rows left out (with row number and reason),
 * values that could not be read (their responses are kept with that answer missing) and warnings;
 * the user imports or stops.
 */
export function ImportReview({ outcome, onImport, onStop }: { outcome: ImportOutcome; onImport: () => void; onStop: () => void }) {
  const { rejectedCount, unreadableCount, warnings } = outcome;
  const title = rejectedCount > 0
    ? `${plural(rejectedCount, 'row was', 'rows were')} rejected`
    : unreadableCount > 0 ? `${plural(unreadableCount, 'value', 'values')} could not be read` : 'Check before saving';
  return (
    <section aria-labelledby="review-title" className="panel warning-panel">
      <h3 id="review-title">{title}</h3>
      <p>
        {plural(outcome.imported, 'response is', 'responses are')} ready to import
        {outcome.duplicates > 0 ? ` (${outcome.duplicates} already present skipped)` : ''}.
        {unreadableCount > 0 && ` ${plural(unreadableCount, 'value', 'values')} that could not be read will be left empty: those responses are kept and the rules on that answer do not match.`}
        {rejectedCount > 0 ? ' Import without the rejected rows, or stop and fix the file.' : ' Import, or stop and fix the file.'}
      </p>
      {warnings.length > 0 && <ul className="review-list" aria-label="Warnings">{warnings.map((w) => <li key={w}>{w}</li>)}</ul>}
      {rejectedCount > 0 && (
        <>
          <h4>Rows left out</h4>
          <div className="table-scroll">
            <table className="data-table" aria-label="Rejected rows">
              <thead><tr><th scope="col">Row</th><th scope="col">Reason</th></tr></thead>
              <tbody>{outcome.rejected.map((r) => <tr key={r.row}><td>{r.row}</td><td>{r.reason}</td></tr>)}</tbody>
            </table>
          </div>
          {outcome.rejected.length < rejectedCount && <p className="muted">Showing the first {outcome.rejected.length} of {rejectedCount} rejected rows.</p>}
        </>
      )}
      {unreadableCount > 0 && (
        <>
          <h4>Values left empty</h4>
          <div className="table-scroll">
            <table className="data-table" aria-label="Unreadable values">
              <thead><tr><th scope="col">Row</th><th scope="col">Column</th><th scope="col">Value</th><th scope="col">Why</th></tr></thead>
              <tbody>{outcome.unreadable.map((u) => <tr key={`${u.row}:${u.column}`}><td>{u.row}</td><td>{u.column}</td><td>{u.value}</td><td>{u.reason}</td></tr>)}</tbody>
            </table>
          </div>
          {outcome.unreadable.length < unreadableCount && <p className="muted">Showing the first {outcome.unreadable.length} of {unreadableCount} unreadable values.</p>}
        </>
      )}
      <div className="actions">
        <button type="button" className="primary" onClick={onImport}>{rejectedCount > 0 ? 'Import without them' : 'Import'}</button>
        <button type="button" onClick={onStop}>Stop</button>
      </div>
    </section>
  );
}
