import { acceptStored, useLiveQuery } from '../../db/hooks';
import { EmptyState, Loading } from '../../ui/States';

/** The persona list (the persona builder grows from here). */
export default function PersonasPage(_props: { path: string[] }) {
  const { items, loading } = useLiveQuery('personas', { selector: {}, sort: [{ updatedAt: 'desc' }] }, acceptStored);
  if (loading) return <Loading />;
  return (
    <section>
      <header className="page-header"><h1>Personas</h1></header>
      {items.length === 0 ? (
        <EmptyState title="No personas yet">Personas you build appear here.</EmptyState>
      ) : (
        <ul className="cards">{items.map((p) => <li key={p.id} className="card">{String(p.name)}</li>)}</ul>
      )}
    </section>
  );
}
