import { useMemo, useState } from 'react';
import { useLiveQuery } from '../../db/hooks';
import { useWorkspace } from '../../db/WorkspaceContext';
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
  const keptTitle = (d: { createdAt: number }) => `Draft kept ${new Date(d.createdAt).toLocaleString()}`;
  const options = [
    <option key="draft" value="draft">Current draft</option>,
    ...(versions ?? []).map((v) => <option key={v.number} value={String(v.number)}>Version {v.number}</option>),
    ...drafts.map((d) => <option key={d.id} value={`kept:${d.id}`}>{keptTitle(d)}</option>),
  ];

  const restore = async (target: Restorable) => {
    setRestoring(null);
    const r = restoreVersion(journey, target, now());
    if (!r.ok) return showToast(r.message, { tone: 'error' });
    if (!sameData(snapshotOf(journey), target.snapshot)) {
      try {
        await insertKeptDraft(db, keepDraftEntry(journey, { id: randomId('h'), now: now(), author: currentAuthor(), summary: `Draft before restoring ${target.title}` }));
      } catch (e) {
        return showToast(`Nothing was restored: the current draft could not be kept (${e instanceof Error ? e.message : String(e)}).`, { tone: 'error' });
      }
    }
    editor.replace(r.data);
    showToast(`${target.title[0]?.toUpperCase() ?? ''}${target.title.slice(1)} is now the draft; the one it replaced is kept below.`, { action: { label: 'Undo', run: editor.undo } });
  };

  if (versions === null) return <p className="muted">Loading versions…</p>;
  return (
    <div className="versions">
      <section>
        <h2>Published versions</h2>
        {versions.length === 0 ? <p className="muted">Nothing published yet. Publishing freezes the draft as version 1 and makes the journey active.</p> : (
          <ol className="version-list" reversed>
            {versions.map((v) => (
              <li key={v.id} className="card">
                <strong>Version {v.number}</strong>{v.number === journey.publishedVersion && <span className="chip">latest</span>}
                <span className="muted"> · {new Date(v.createdAt).toLocaleString()} · {v.author}</span>
                {v.summary && <p>{v.summary}</p>}
                <div className="toolbar">
                  <button type="button" onClick={() => { setLeft(String(v.number)); setRight('draft'); }}>Compare with draft</button>
                  <button type="button" onClick={() => setRestoring({ key: String(v.number), title: `version ${v.number}`, entityId: v.entityId, snapshot: v.snapshot })}>Restore as draft</button>
                </div>
              </li>
            ))}
          </ol>
        )}
        {drafts.length > 0 && (
          <>
            <h2>Kept drafts</h2>
            <ul className="version-list" aria-label="Kept drafts">
              {drafts.map((d) => (
                <li key={d.id} className="card">
                  <strong>{d.summary}</strong>
                  <span className="muted"> · {new Date(d.createdAt).toLocaleString()} · {d.author}</span>
                  <div className="toolbar">
                    <button type="button" onClick={() => { setLeft(`kept:${d.id}`); setRight('draft'); }}>Compare with draft</button>
                    <button type="button" aria-label="Restore this kept draft" onClick={() => setRestoring({ key: `kept:${d.id}`, title: `the ${keptTitle(d).toLowerCase()}`, entityId: d.entityId, snapshot: d.snapshot })}>Restore as draft</button>
                  </div>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section className="diff">
        <h2>Compare</h2>
        <div className="toolbar">
          <select aria-label="Compare from" value={left} onChange={(e) => setLeft(e.target.value)}><option value="">Choose…</option>{options}</select>
          <span>→</span>
          <select aria-label="Compare to" value={right} onChange={(e) => setRight(e.target.value)}>{options}</select>
        </div>
        {diff === null ? <p className="muted">Choose two versions.</p> : diff.length === 0 ? <p>No differences.</p> : <DiffList entries={diff} />}
      </section>
      <ConfirmDialog open={restoring !== null} title={`Restore ${restoring?.title ?? ''} as the draft?`} confirmLabel="Restore"
        onConfirm={() => restoring && void restore(restoring)} onCancel={() => setRestoring(null)}>
        The current draft is replaced and kept under Kept drafts (undo brings it back too). Published versions do not change.
      </ConfirmDialog>
    </div>
  );
}
