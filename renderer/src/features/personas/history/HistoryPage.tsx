import { useAuthorLabel } from '../../../app/useAuthorLabel';
import { useEffect, useMemo, useState } from 'react';
import { navigate } from '../../../app/route';
import { useLiveDocument, useLiveQuery } from '../../../db/hooks';
import { useWorkspace } from '../../../db/WorkspaceContext';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { EmptyState, Loading } from '../../../ui/States';
import { showToast } from '../../../ui/toast';
import type { PersonaDoc, PersonaVersion } from '../../../../../common/persona';
import { parsePersona, parseVersion, restoreVersion, versionIfChanged } from '../store';
import { DiffView } from './DiffView';
import { useSummaryWords } from './useSummaryWords';
import { translate, useT } from '../../../i18n';

/** The versions of a persona, a side-by-side diff of any two, and restore as a new version. */
export default function HistoryPage({ id }: { id: string }) {
  const db = useWorkspace();
  const t = useT();
  const authorLabel = useAuthorLabel();
  const words = useSummaryWords();
  const persona = useLiveDocument('personas', id, parsePersona);
  const { items, loading } = useLiveQuery('history', { selector: { entityId: id } }, parseVersion, `persona-history:${id}`);
  const versions = useMemo(() => [...items].sort((a, b) => b.number - a.number), [items]);
  const [pick, setPick] = useState<{ left: string | null; right: string | null }>({ left: null, right: null });
  const [asking, setAsking] = useState<PersonaVersion | null>(null);
  const right = versions.find((v) => v.id === pick.right) ?? versions[0];
  const left = versions.find((v) => v.id === pick.left) ?? versions.find((v) => right && v.number < right.number) ?? right;

  // The persona as stored may hold edits no version has yet (saved moments before a reload): they
  // become a version as the history opens, so the list shows every state there is to go back to.
  const loaded = persona.item !== null;
  useEffect(() => {
    if (loaded && persona.item) void versionIfChanged(db, persona.item, { author: persona.item.updatedBy || undefined });
    // Once per opening: later changes arrive through the editor, which versions them itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, loaded]);

  const restore = async (version: PersonaVersion, current: PersonaDoc, note?: string): Promise<void> => {
    const saved = await restoreVersion(db, current, version, note);
    if (!saved.ok) return void showToast(saved.message, { tone: 'error' });
    setPick({ left: null, right: null });
    if (note) return void showToast(translate('personas.history.undoneRestore', { n: saved.data.before.number }));
    const undo = () => void restore(saved.data.before, saved.data.doc, translate('personas.history.undoNote', { n: version.number }));
    showToast(translate('personas.history.restored', { n: version.number }), { action: { label: translate('personas.list.undo'), run: undo }, ms: 15000 });
  };
  const confirmRestore = () => {
    const version = asking;
    setAsking(null);
    // A persona that cannot be read any more is restored over, from the version's own identity.
    const current = persona.item ?? version?.snapshot;
    if (version && current) void restore(version, current);
  };

  if (loading || persona.loading) return <Loading />;
  if (!persona.item && versions.length === 0) return <EmptyState title={t('personas.editor.missingTitle')} />;
  const name = persona.item?.name ?? versions[0]?.snapshot.name ?? '';
  return (
    <section className="persona-history">
      <header className="page-header">
        <h1>{t('personas.history.title', { name })}</h1>
        <button type="button" onClick={() => navigate('personas', id)}>{t('personas.history.backToEditor')}</button>
      </header>
      {versions.length === 0 ? <EmptyState title={t('personas.history.emptyTitle')}>{t('personas.history.emptyBody')}</EmptyState> : (
        <div className="history-layout">
          <ol className="version-list" aria-label={t('personas.history.versions')}>
            {versions.map((v) => (
              <li key={v.id} className={v.id === right?.id || v.id === left?.id ? 'picked' : undefined} aria-label={t('personas.history.version', { n: v.number })}>
                <div><strong>{t('personas.history.version', { n: v.number })}</strong> <span className="muted">{t('personas.history.when', { when: new Date(v.createdAt), author: authorLabel(v.author) })}</span></div>
                <div className="version-summary">{words.summary(v, versions.find((p) => p.number === v.number - 1))}</div>
                <div className="version-actions">
                  <button type="button" className="link" onClick={() => setPick((p) => ({ ...p, left: v.id }))}>{t('personas.history.asOlder')}</button>
                  <button type="button" className="link" onClick={() => setPick((p) => ({ ...p, right: v.id }))}>{t('personas.history.asNewer')}</button>
                  {(v.number !== versions[0]?.number || !persona.item) && <button type="button" onClick={() => setAsking(v)} aria-label={t('personas.history.restoreNamed', { n: v.number })}>{t('personas.history.restore')}</button>}
                </div>
              </li>
            ))}
          </ol>
          {left && right && <DiffView left={left} right={right} />}
        </div>
      )}
      <ConfirmDialog open={asking !== null} title={t('personas.history.restoreTitle', { n: asking?.number ?? 0 })} confirmLabel={t('personas.history.restore')} onConfirm={confirmRestore} onCancel={() => setAsking(null)}>
        {t('personas.history.restoreBody', { n: asking?.number ?? 0 })}
      </ConfirmDialog>
    </section>
  );
}
