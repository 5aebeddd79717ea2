import type { ImportOutcome } from '../../../../common/import/importer';

/** The rows the import would leave out, with the choice to import without them or stop. */
export function RejectedRows({ outcome, onImport, onStop }: { outcome: ImportOutcome; onImport: () => void; onStop: () => void }) {
  const listed = outcome.rejected.length;
  return (
    <section aria-labelledby="rejected-title" className="panel warning-panel">
      <h3 id="rejected-title">{outcome.rejectedCount} {outcome.rejectedCount === 1 ? 'row was' : 'rows were'} rejected</h3>
      <p>
        {outcome.imported} {outcome.imported === 1 ? 'row is' : 'rows are'} ready to import
        {outcome.duplicates > 0 ? ` (${outcome.duplicates} already present skipped)` : ''}. Import without the rejected rows, or stop and fix the file.
      </p>
      <div className="table-scroll">
        <table className="data-table" aria-label="Rejected rows">
          <thead><tr><th scope="col">Row</th><th scope="col">Reason</th></tr></thead>
          <tbody>
            {outcome.rejected.map((r) => <tr key={r.row}><td>{r.row}</td><td>{r.reason}</td></tr>)}
          </tbody>
        </table>
      </div>
      {listed < outcome.rejectedCount && <p className="muted">Showing the first {listed} of {outcome.rejectedCount}.</p>}
      <div className="actions">
        <button type="button" className="primary" onClick={onImport}>Import without them</button>
        <button type="button" onClick={onStop}>Stop</button>
      </div>
    </section>
  );
}
