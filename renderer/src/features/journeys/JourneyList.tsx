import { useMemo, useState } from 'react';
import { navigate } from '../../app/route';
import { useLiveQuery } from '../../db/hooks';
import { useWorkspace } from '../../db/WorkspaceContext';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { EmptyState, Loading } from '../../ui/States';
import { showToast } from '../../ui/toast';
import {
  cloneJourney, filterJourneys, hasUnpublishedChanges, publishedEntryId, readJourneyDoc, readPublishedEntry, setArchived, type JourneyDoc, type JourneyStatus,
} from '../../../../common/journey';
import { ImportButton } from './ImportButton';
import { deleteJourney, newJourneyId, now, parsePersonaRef, saveJourney } from './store';

const statusLabel: Record<JourneyStatus, string> = { draft: 'Draft', active: 'Active', archived: 'Archived' };

/** The journey list: search, filters, and clone / archive / delete with confirmation and undo. */
export function JourneyList() {
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
    showToast(`Cloned as "${copy.name}".`);
  };
  const archive = async (j: JourneyDoc, archived: boolean) => {
    await saveJourney(db, setArchived(j, archived, now()));
    showToast(archived ? `"${j.name}" archived.` : `"${j.name}" restored from the archive.`, {
      action: { label: 'Undo', run: () => void saveJourney(db, { ...j, updatedAt: now() }) },
    });
  };
  const remove = async (j: JourneyDoc) => {
    setToDelete(null);
    const saved = await deleteJourney(db, j.id);
    if (!saved) return;
    showToast(`"${j.name}" deleted.`, { action: { label: 'Undo', run: () => void saveJourney(db, { ...saved, updatedAt: now() }) }, ms: 10000 });
  };

  return (
    <section className="journeys">
      <header className="page-header">
        <h1>Journeys</h1>
        <div className="toolbar">
          <button type="button" className="primary" onClick={() => navigate('journeys', 'templates')}>New journey</button>
          <ImportButton existing={items} />
        </div>
      </header>
      <div className="toolbar filters" role="search">
        <input dir="auto" type="search" aria-label="Search journeys" placeholder="Search name, description, tags" value={text} onChange={(e) => setText(e.target.value)} />
        <select aria-label="Status" value={status} onChange={(e) => setStatus(e.target.value as JourneyStatus | 'all')}>
          <option value="all">All statuses</option>
          {(['draft', 'active', 'archived'] as const).map((s) => <option key={s} value={s}>{statusLabel[s]}</option>)}
        </select>
        <select aria-label="Tag" value={tag} onChange={(e) => setTag(e.target.value)}>
          <option value="">All tags</option>
          {tags.map((t) => <option key={t} value={t}>{t}</option>)}
        </select>
        <select aria-label="Persona" value={personaId} onChange={(e) => setPersonaId(e.target.value)}>
          <option value="">All personas</option>
          {personas.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </select>
      </div>
      {loading ? <Loading /> : items.length === 0 ? (
        <EmptyState title="No journeys yet" action={<button type="button" className="primary" onClick={() => navigate('journeys', 'templates')}>Start from a template</button>}>
          Map a customer journey stage by stage, then design the flow that supports it.
        </EmptyState>
      ) : shown.length === 0 ? <p className="muted">No journey matches these filters.</p> : (
        <ul className="journey-list">
          {shown.map((j) => (
            <li key={j.id} className="card journey-card">
              <div className="journey-card-main">
                <a href={`#/journeys/${encodeURIComponent(j.id)}/map`} className="journey-name">{j.name}</a>
                <span className={`status status-${j.status}`}>{statusLabel[j.status]}{j.publishedVersion > 0 ? ` · v${j.publishedVersion}` : ''}</span>
                {hasUnpublishedChanges(j, activeOf.get(j.id) ?? null) && <span className="chip">unpublished changes</span>}
                <p className="muted">{j.description}</p>
                <div className="chips">
                  {j.tags.map((t) => <span key={t} className="chip">{t}</span>)}
                  {j.personaIds.map((p) => <span key={p} className="chip chip-persona">{personaName.get(p) ?? 'Unknown persona'}</span>)}
                </div>
              </div>
              <div className="toolbar">
                <button type="button" onClick={() => void clone(j)} aria-label={`Clone ${j.name}`}>Clone</button>
                <button type="button" onClick={() => void archive(j, j.status !== 'archived')} aria-label={`${j.status === 'archived' ? 'Unarchive' : 'Archive'} ${j.name}`}>
                  {j.status === 'archived' ? 'Unarchive' : 'Archive'}
                </button>
                <button type="button" className="danger" onClick={() => setToDelete(j)} aria-label={`Delete ${j.name}`}>Delete</button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog open={toDelete !== null} title={`Delete "${toDelete?.name ?? ''}"?`} confirmLabel="Delete" danger
        onConfirm={() => toDelete && void remove(toDelete)} onCancel={() => setToDelete(null)}>
        The draft is removed. Published versions stay in the history. You can undo right after.
      </ConfirmDialog>
    </section>
  );
}
