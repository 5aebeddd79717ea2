import { useMemo, useState } from 'react';
import { navigate } from '../../app/route';
import { useLiveQuery } from '../../db/hooks';
import { useWorkspace } from '../../db/WorkspaceContext';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { EmptyState, Loading } from '../../ui/States';
import { showToast } from '../../ui/toast';
import {
  allTags, comparisonLimits, defaultListQuery, indexPersonas, personaStatuses,
  type PersonaListQuery, type PersonaSummary,
} from '../../../../common/persona';
import { ListToolbar } from './ListToolbar';
import { PersonaCard } from './PersonaCard';
import { clonePersonaById, deletePersona, loadPersona, parseSummary, savePersona, undeletePersona } from './store';
import { ExportMenu } from '../exports/ExportMenu';
import { translate, useT } from '../../i18n';

/** Cards per page of the list. */
const pageSize = 30;

/** The persona list: search, filters, sort, and the actions on each persona. */
export function PersonaList() {
  const db = useWorkspace();
  const t = useT();
  const { items, loading } = useLiveQuery('personas', { selector: {} }, parseSummary, 'persona-list');
  const [query, setQuery] = useState<PersonaListQuery>(defaultListQuery);
  const [selected, setSelected] = useState<string[]>([]);
  const [toDelete, setToDelete] = useState<PersonaSummary | null>(null);
  // Cards are rendered a page at a time: a thousand cards cost seconds to lay out and every filter
  // keystroke would pay for them again, while a screen shows a few dozen.
  const [limit, setLimit] = useState(pageSize);
  const index = useMemo(() => indexPersonas(items), [items]);
  const shown = useMemo(() => index.filter(query), [index, query]);
  const tags = useMemo(() => allTags(items), [items]);

  const clone = async (p: PersonaSummary) => {
    const saved = await clonePersonaById(db, p.id);
    if (saved.ok) showToast(translate('personas.list.cloned', { name: saved.data.name }));
    else showToast(saved.message, { tone: 'error' });
  };
  const toggleActive = async (p: PersonaSummary) => {
    const doc = await loadPersona(db, p.id);
    if (!doc) return;
    const status = doc.status === 'inactive' ? 'active' : 'inactive';
    const saved = await savePersona(db, { ...doc, status });
    if (!saved.ok) showToast(saved.message, { tone: 'error' });
  };
  const confirmDelete = async () => {
    const target = toDelete;
    setToDelete(null);
    if (!target) return;
    const removed = await deletePersona(db, target.id);
    setSelected((s) => s.filter((id) => id !== target.id));
    if (removed) {
      showToast(translate('personas.list.deleted', { name: removed.name }), { action: { label: translate('personas.list.undo'), run: () => void undeletePersona(db, removed) }, ms: 10_000 });
    }
  };
  const toggleSelected = (id: string) =>
    setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : s.length < comparisonLimits.max ? [...s, id] : s));

  if (loading) return <Loading />;
  return (
    <section className="persona-list">
      <header className="page-header">
        <h1>{t('personas.list.title')}</h1>
        <button type="button" disabled={selected.length < comparisonLimits.min} onClick={() => navigate('personas', 'compare', ...selected)}>
          {t('personas.list.compare', { count: selected.length })}
        </button>
        {shown.length > 0 && (
          <ExportMenu target={{ kind: 'personas', ids: selected.length > 0 ? selected : shown.map((p) => p.id), title: t('personas.list.deckTitle') }} />
        )}
        <button type="button" className="primary" onClick={() => navigate('personas', 'new')}>{t('personas.list.new')}</button>
      </header>
      <ListToolbar query={query} onChange={setQuery} tags={tags} statuses={personaStatuses} total={items.length} shown={shown.length} />
      {items.length === 0 ? (
        <EmptyState title={t('personas.list.emptyTitle')} action={<button type="button" className="primary" onClick={() => navigate('personas', 'new')}>{t('personas.list.emptyCreate')}</button>}>
          {t('personas.list.emptyBody')}
        </EmptyState>
      ) : shown.length === 0 ? (
        <EmptyState title={t('personas.list.noMatchTitle')}>{t('personas.list.noMatchBody')}</EmptyState>
      ) : (
        <ul className="cards persona-cards" aria-label={t('personas.list.title')}>
          {shown.slice(0, limit).map((p) => (
            <PersonaCard
              key={p.id}
              persona={p}
              selected={selected.includes(p.id)}
              onSelect={() => toggleSelected(p.id)}
              onClone={() => void clone(p)}
              onToggleActive={() => void toggleActive(p)}
              onDelete={() => setToDelete(p)}
            />
          ))}
        </ul>
      )}
      {shown.length > limit && (
        <button type="button" className="show-more" onClick={() => setLimit((l) => l + pageSize)}>
          {t('personas.list.showMore', { count: shown.length - limit })}
        </button>
      )}
      <ConfirmDialog open={toDelete !== null} title={t('personas.list.deleteTitle', { name: toDelete?.name ?? '' })} confirmLabel={t('personas.list.delete')} danger onConfirm={() => void confirmDelete()} onCancel={() => setToDelete(null)}>
        {t('personas.list.deleteBody')}
      </ConfirmDialog>
    </section>
  );
}
