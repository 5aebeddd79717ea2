import { acceptStored, useLiveQuery } from '../../db/hooks';
import { EmptyState, Loading } from '../../ui/States';

/** Persona analytics over imported datasets. */
export default function AnalyticsPage(_props: { path: string[] }) {
  const { items, loading } = useLiveQuery('datasets', { selector: { kind: 'header' } }, acceptStored);
  if (loading) return <Loading />;
  return (
    <section>
      <header className="page-header"><h1>Analytics</h1></header>
      {items.length === 0 && (
        <EmptyState title="Nothing to analyse yet">Import survey responses in Data; scores and coverage per persona are computed here, on this computer.</EmptyState>
      )}
    </section>
  );
}
