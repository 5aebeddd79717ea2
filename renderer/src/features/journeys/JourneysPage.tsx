import { acceptStored, useLiveQuery } from '../../db/hooks';
import { EmptyState, Loading } from '../../ui/States';

/** The journey list (the journey builder grows from here). */
export default function JourneysPage(_props: { path: string[] }) {
  const { items, loading } = useLiveQuery('journeys', { selector: {}, sort: [{ updatedAt: 'desc' }] }, acceptStored);
  if (loading) return <Loading />;
  return (
    <section>
      <header className="page-header"><h1>Journeys</h1></header>
      {items.length === 0 ? (
        <EmptyState title="No journeys yet">Journeys you map appear here.</EmptyState>
      ) : (
        <ul className="cards">{items.map((j) => <li key={j.id} className="card">{String(j.name)}</li>)}</ul>
      )}
    </section>
  );
}
