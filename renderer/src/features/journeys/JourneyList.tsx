import { useMemo, useState } from 'react';
import { navigate } from '../../app/route';
import { useLiveQuery } from '../../db/hooks';
import { useWorkspace } from '../../db/WorkspaceContext';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useT, type MessageId } from '../../i18n';
import { EmptyState, Loading } from '../../ui/States';
import { showToast } from '../../ui/toast';
import {
  cloneJourney, filterJourneys, hasUnpublishedChanges, publishedEntryId, readJourneyDoc, readPublishedEntry, setArchived, type JourneyDoc, type JourneyStatus,
} from '../../../../common/journey';
import { ImportButton } from './ImportButton';
import { deleteJourney, newJourneyId, now, parsePersonaRef, saveJourney } from './store';

const statusLabel: Record<JourneyStatus, MessageId> = { draft: 'journeys.status.draft', active: 'journeys.status.active', archived: 'journeys.status.archived' };

/** The journey list: search, filters, and clone / archive / delete with confirmation and undo. */
export function JourneyList() {
  const t = useT();
  const db = useWorkspace();
  const { items, loading } = useLiveQuery('journeys', { selector: {}, sort: [{ updatedAt: 'desc' }] }, readJourneyDoc);
  const personas = useLiveQuery('personas', { selector: {} }, parsePersonaRef).items;
  const personaName = useMemo(() => new Map(personas.map((p) => [p.id, p.name])), [personas]);
  // Only the active version of each published journey is read, to tell whether its draft moved on.
  const activeIds = useMemo(() => items.filter((j) => j.publishedVersion > 0).map((j) => publishedEntryId(j.id, j.publishedVersion)).sort(), [items]);
  const active = useLiveQuery('history', { selector: { id: { $in: activeIds } } }, readPublishedEntry, `active:${activeIds.join(',')}`).items;
  const activeOf = useMemo(() => new Map(active.map((e) => [e.entityId, e])), [active]);
  const [text, setText] = useState('');
  const [status, setStatus] = useState<JourneyStatus | 'all'>('all');
  const [tag, setTag] = useState('');
  const [personaId, setPersonaId] = useState('');
  const [toDelete, setToDelete] = useState<JourneyDoc | null>(null);
  const tags = useMemo(() => [...new Set(items.flatMap((j) => j.tags))].sort(), [items]);
  const shown = filterJourneys(items, { text, status, ...(tag ? { tag } : {}), ...(personaId ? { personaId } : {}) });

  const clone = async (j: JourneyDoc) => {
    const copy = cloneJourney(j, newJourneyId(), now());
    await saveJourney(db, copy);
    showToast(t('journeys.list.cloned', { name: copy.name }));
  };
  const archive = async (j: JourneyDoc, archived: boolean) => {
    await saveJourney(db, setArchived(j, archived, now()));
    showToast(t(archived ? 'journeys.list.archived' : 'journeys.list.unarchived', { name: j.name }), {
      action: { label: t('journeys.undo'), run: () => void saveJourney(db, { ...j, updatedAt: now() }) },
    });
  };
  const remove = async (j: JourneyDoc) => {
    setToDelete(null);
    const saved = await deleteJourney(db, j.id);
    if (!saved) return;
    showToast(t('journeys.list.deleted', { name: j.name }), { action: { label: t('journeys.undo'), run: () => void saveJourney(db, { ...saved, updatedAt: now() }) }, ms: 10000 });
  };

  return (
    <section className="journeys">
      <header className="page-header">
        <h1>{t('journeys.list.title')}</h1>
        <div className="toolbar">
          <button type="button" className="primary" onClick={() => navigate('journeys', 'templates')}>{t('journeys.list.new')}</button>
          <ImportButton existing={items} />
        </div>
      </header>
      <div className="toolbar filters" role="search">
        <input dir="auto" type="search" aria-label={t('journeys.list.search')} placeholder={t('journeys.list.searchPlaceholder')} value={text} onChange={(e) => setText(e.target.value)} />
        <select aria-label={t('journeys.list.status')} value={status} onChange={(e) => setStatus(e.target.value as JourneyStatus | 'all')}>
          <option value="all">{t('journeys.list.allStatuses')}</option>
          {(['draft', 'active', 'archived'] as const).map((s) => <option key={s} value={s}>{t(statusLabel[s])}</option>)}
        </select>
        <select aria-label={t('journeys.list.tag')} value={tag} onChange={(e) => setTag(e.target.value)}>
          <option value="">{t('journeys.list.allTags')}</option>
          {tags.map((tag) => <option key={tag} value={tag}>{tag}</option>)}
        </select>
        <select aria-label={t('journeys.list.persona')} value={personaId} onChange={(e) => setPersonaId(e.target.value)}>
          <option value="">{t('journeys.list.allPersonas')}</option>
          {personas.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </select>
      </div>
      {loading ? <Loading /> : items.length === 0 ? (
        <EmptyState title={t('journeys.list.emptyTitle')} action={<button type="button" className="primary" onClick={() => navigate('journeys', 'templates')}>{t('journeys.list.emptyAction')}</button>}>
          {t('journeys.list.emptyBody')}
        </EmptyState>
      ) : shown.length === 0 ? <p className="muted">{t('journeys.list.noMatch')}</p> : (
        <ul className="journey-list">
          {shown.map((j) => (
            <li key={j.id} className="card journey-card">
              <div className="journey-card-main">
                <a href={`#/journeys/${encodeURIComponent(j.id)}/map`} className="journey-name">{j.name}</a>
                <span className={`status status-${j.status}`}>{j.publishedVersion > 0 ? t('journeys.status.withVersion', { status: t(statusLabel[j.status]), version: j.publishedVersion }) : t(statusLabel[j.status])}</span>
                {hasUnpublishedChanges(j, activeOf.get(j.id) ?? null) && <span className="chip">{t('journeys.list.unpublished')}</span>}
                <p className="muted">{j.description}</p>
                <div className="chips">
                  {j.tags.map((tag) => <span key={tag} className="chip">{tag}</span>)}
                  {j.personaIds.map((p) => <span key={p} className="chip chip-persona">{personaName.get(p) ?? t('journeys.list.unknownPersona')}</span>)}
                </div>
              </div>
              <div className="toolbar">
                <button type="button" onClick={() => void clone(j)} aria-label={t('journeys.list.cloneNamed', { name: j.name })}>{t('journeys.list.clone')}</button>
                <button type="button" onClick={() => void archive(j, j.status !== 'archived')} aria-label={t(j.status === 'archived' ? 'journeys.list.unarchiveNamed' : 'journeys.list.archiveNamed', { name: j.name })}>
                  {t(j.status === 'archived' ? 'journeys.list.unarchive' : 'journeys.list.archive')}
                </button>
                <button type="button" className="danger" onClick={() => setToDelete(j)} aria-label={t('journeys.list.deleteNamed', { name: j.name })}>{t('journeys.list.delete')}</button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog open={toDelete !== null} title={t('journeys.list.confirmTitle', { name: toDelete?.name ?? '' })} confirmLabel={t('journeys.list.delete')} danger
        onConfirm={() => toDelete && void remove(toDelete)} onCancel={() => setToDelete(null)}>
        {t('journeys.list.confirmBody')}
      </ConfirmDialog>
    </section>
  );
}
