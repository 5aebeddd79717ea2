import { useAuthorLabel } from '../../app/useAuthorLabel';
import { useMemo, useState } from 'react';
import { useLiveQuery } from '../../db/hooks';
import { useWorkspace } from '../../db/WorkspaceContext';
import { useFormat, useT } from '../../i18n';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { showToast } from '../../ui/toast';
import {
  diffBodies, keepDraftEntry, randomId, readKeptDraft, readPublishedEntry, restoreVersion, sameData, snapshotOf, sortVersions,
  type JourneyBody, type JourneySnapshot,
} from '../../../../common/journey';
import { DiffList } from './DiffList';
import { currentAuthor, insertKeptDraft, now } from './store';
import type { JourneyEditor } from './useJourneyEditor';

/** Something that can become the draft again: a published version or a kept draft. */
interface Restorable { key: string; title: string; entityId: string; snapshot: JourneySnapshot }

/**
 * Published versions and kept drafts: the lists, a diff between any two (or one and the draft), and
 * restore. Restoring keeps the draft it replaces in history first, so no draft is lost for good
 * (the editor's undo does not survive a reload).
 */
export function VersionsPanel({ editor }: { editor: JourneyEditor }) {
  const t = useT();
  const f = useFormat();
  const authorLabel = useAuthorLabel();
  const db = useWorkspace();
  const { journey } = editor;
  // Live, so versions a teammate publishes appear as they sync in.
  const { items, loading } = useLiveQuery('history', { selector: { entityId: journey.id, kind: 'published', entity: 'journey' } }, readPublishedEntry);
  const kept = useLiveQuery('history', { selector: { entityId: journey.id, kind: 'version', entity: 'journey' } }, readKeptDraft).items;
  const versions = useMemo(() => (loading ? null : sortVersions(items)), [items, loading]);
  const drafts = useMemo(() => [...kept].sort((a, b) => b.createdAt - a.createdAt), [kept]);
  const [chosenLeft, setLeft] = useState<string>('');
  const [right, setRight] = useState<string>('draft');
  const [restoring, setRestoring] = useState<Restorable | null>(null);

  // Until the user picks, compare the latest version with the draft.
  const left = chosenLeft || (versions?.[0] ? String(versions[0].number) : '');

  const bodyOf = (key: string): JourneyBody | null =>
    key === 'draft' ? journey : versions?.find((v) => String(v.number) === key)?.snapshot ?? drafts.find((d) => `kept:${d.id}` === key)?.snapshot ?? null;
  const a = bodyOf(left);
  const b = bodyOf(right);
  const diff = a && b ? diffBodies(a, b) : null;
  const keptTitle = (d: { createdAt: number }) => t('journeys.versions.kept', { date: f.dateTime(d.createdAt) });
  const options = [
    <option key="draft" value="draft">{t('journeys.versions.currentDraft')}</option>,
    ...(versions ?? []).map((v) => <option key={v.number} value={String(v.number)}>{t('journeys.versions.version', { number: v.number })}</option>),
    ...drafts.map((d) => <option key={d.id} value={`kept:${d.id}`}>{keptTitle(d)}</option>),
  ];

  const restore = async (target: Restorable) => {
    setRestoring(null);
    const r = restoreVersion(journey, target, now());
    if (!r.ok) return showToast(r.message, { tone: 'error' });
    if (!sameData(snapshotOf(journey), target.snapshot)) {
      try {
        await insertKeptDraft(db, keepDraftEntry(journey, { id: randomId('h'), now: now(), author: currentAuthor(), summary: t('journeys.versions.draftBefore', { title: target.title }) }));
      } catch (e) {
        return showToast(t('journeys.versions.keepFailed', { reason: e instanceof Error ? e.message : String(e) }), { tone: 'error' });
      }
    }
    editor.replace(r.data);
    showToast(t('journeys.versions.restored', { title: `${target.title[0]?.toUpperCase() ?? ''}${target.title.slice(1)}` }), { action: { label: t('journeys.undo'), run: editor.undo } });
  };

  if (versions === null) return <p className="muted">{t('journeys.versions.loading')}</p>;
  return (
    <div className="versions">
      <section>
        <h2>{t('journeys.versions.published')}</h2>
        {versions.length === 0 ? <p className="muted">{t('journeys.versions.nonePublished')}</p> : (
          <ol className="version-list" reversed>
            {versions.map((v) => (
              <li key={v.id} className="card">
                <strong>{t('journeys.versions.version', { number: v.number })}</strong>{v.number === journey.publishedVersion && <span className="chip">{t('journeys.versions.latest')}</span>}
                <span className="muted"> · {f.dateTime(v.createdAt)} · {authorLabel(v.author)}</span>
                {v.summary && <p>{v.summary}</p>}
                <div className="toolbar">
                  <button type="button" onClick={() => { setLeft(String(v.number)); setRight('draft'); }}>{t('journeys.versions.compareWithDraft')}</button>
                  <button type="button" onClick={() => setRestoring({ key: String(v.number), title: t('journeys.versions.versionRef', { number: v.number }), entityId: v.entityId, snapshot: v.snapshot })}>{t('journeys.versions.restoreAsDraft')}</button>
                </div>
              </li>
            ))}
          </ol>
        )}
        {drafts.length > 0 && (
          <>
            <h2>{t('journeys.versions.keptDrafts')}</h2>
            <ul className="version-list" aria-label={t('journeys.versions.keptDrafts')}>
              {drafts.map((d) => (
                <li key={d.id} className="card">
                  <strong>{d.summary}</strong>
                  <span className="muted"> · {f.dateTime(d.createdAt)} · {authorLabel(d.author)}</span>
                  <div className="toolbar">
                    <button type="button" onClick={() => { setLeft(`kept:${d.id}`); setRight('draft'); }}>{t('journeys.versions.compareWithDraft')}</button>
                    <button type="button" aria-label={t('journeys.versions.restoreKept')} onClick={() => setRestoring({ key: `kept:${d.id}`, title: t('journeys.versions.keptRef', { date: f.dateTime(d.createdAt) }), entityId: d.entityId, snapshot: d.snapshot })}>{t('journeys.versions.restoreAsDraft')}</button>
                  </div>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section className="diff">
        <h2>{t('journeys.versions.compare')}</h2>
        <div className="toolbar">
          <select aria-label={t('journeys.versions.compareFrom')} value={left} onChange={(e) => setLeft(e.target.value)}><option value="">{t('journeys.versions.choose')}</option>{options}</select>
          <span className="flip-rtl" aria-hidden="true">→</span>
          <select aria-label={t('journeys.versions.compareTo')} value={right} onChange={(e) => setRight(e.target.value)}>{options}</select>
        </div>
        {diff === null ? <p className="muted">{t('journeys.versions.chooseTwo')}</p> : diff.length === 0 ? <p>{t('journeys.versions.noDifferences')}</p> : <DiffList entries={diff} />}
      </section>
      <ConfirmDialog open={restoring !== null} title={t('journeys.versions.confirmTitle', { title: restoring?.title ?? '' })} confirmLabel={t('journeys.versions.restore')}
        onConfirm={() => restoring && void restore(restoring)} onCancel={() => setRestoring(null)}>
        {t('journeys.versions.confirmBody')}
      </ConfirmDialog>
    </div>
  );
}
