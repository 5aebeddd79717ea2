import { acceptStored, useLiveQuery } from '../../db/hooks';
import { EmptyState, Loading } from '../../ui/States';

/** Imported survey datasets: the header documents, never the row chunks. */
export default function DataPage(_props: { path: string[] }) {
  const { items, loading } = useLiveQuery('datasets', { selector: { kind: 'header' } }, acceptStored);
  if (loading) return <Loading />;
  return (
    <section>
      <header className="page-header"><h1>Data</h1></header>
      {items.length === 0 ? (
        <EmptyState title="No survey data yet">Datasets imported from survey exports appear here with their row counts.</EmptyState>
      ) : (
        <ul className="cards">{items.map((d) => <li key={d.id} className="card">{String(d.name)} — {String(d.rowCount)} rows</li>)}</ul>
      )}
    </section>
  );
}
