import { EmptyState } from '../../ui/States';

/** Team sync settings and status. */
export default function SyncPage(_props: { path: string[] }) {
  return (
    <section>
      <header className="page-header"><h1>Sync</h1></header>
      <EmptyState title="This workspace is local only">Everything is saved on this computer. Team sync is not set up in this build yet.</EmptyState>
    </section>
  );
}
