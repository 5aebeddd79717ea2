import { useMemo, useState } from 'react';
import { useLiveQuery } from '../../db/hooks';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { showToast } from '../../ui/toast';
import {
  diffBodies, readPublishedEntry, restoreVersion, sortVersions, type DiffEntry, type JourneyBody, type PublishedEntry,
} from '../../../../common/journey';
import { now } from './store';
import type { JourneyEditor } from './useJourneyEditor';

const changeLabel = { added: 'Added', removed: 'Removed', changed: 'Changed', moved: 'Moved' } as const;
const subjectLabel = { stage: 'Stage', lane: 'Lane', cell: 'Cell', node: 'Flow step', edge: 'Connection' } as const;

/** Published versions: the list, a diff between any two (or a version and the draft), and restore. */
export function VersionsPanel({ editor }: { editor: JourneyEditor }) {
  const { journey } = editor;
  // Live, so versions a teammate publishes appear as they sync in.
  const { items, loading } = useLiveQuery('history', { selector: { entityId: journey.id, kind: 'published', entity: 'journey' } }, readPublishedEntry);
  const versions = useMemo(() => (loading ? null : sortVersions(items)), [items, loading]);
  const [chosenLeft, setLeft] = useState<string>('');
  const [right, setRight] = useState<string>('draft');
  const [restoring, setRestoring] = useState<PublishedEntry | null>(null);

  // Until the user picks, compare the latest version with the draft.
  const left = chosenLeft || (versions?.[0] ? String(versions[0].number) : '');

  const bodyOf = (key: string): JourneyBody | null =>
    key === 'draft' ? journey : versions?.find((v) => String(v.number) === key)?.snapshot ?? null;
  const a = bodyOf(left);
  const b = bodyOf(right);
  const diff = a && b ? diffBodies(a, b) : null;
  const options = [
    <option key="draft" value="draft">Current draft</option>,
    ...(versions ?? []).map((v) => <option key={v.number} value={String(v.number)}>Version {v.number}</option>),
  ];

  const restore = (entry: PublishedEntry) => {
    setRestoring(null);
    const r = restoreVersion(journey, entry, now());
    if (!r.ok) return showToast(r.message, { tone: 'error' });
    editor.replace(r.data);
    showToast(`Version ${entry.number} is now the draft.`, { action: { label: 'Undo', run: editor.undo } });
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
                  <button type="button" onClick={() => setRestoring(v)}>Restore as draft</button>
                </div>
              </li>
            ))}
          </ol>
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
      <ConfirmDialog open={restoring !== null} title={`Restore version ${restoring?.number ?? ''} as the draft?`} confirmLabel="Restore"
        onConfirm={() => restoring && restore(restoring)} onCancel={() => setRestoring(null)}>
        The current draft is replaced (undo brings it back). Published versions do not change.
      </ConfirmDialog>
    </div>
  );
}

function DiffList({ entries }: { entries: DiffEntry[] }) {
  return (
    <ul className="diff-list" aria-label="Differences">
      {entries.map((e, i) => (
        <li key={i} className={`diff-${e.change}`}>
          <span className="diff-change">{changeLabel[e.change]}</span> {subjectLabel[e.subject]} <strong>{e.label}</strong>
          {e.fields && <span className="muted"> ({e.fields.join(', ')})</span>}
        </li>
      ))}
    </ul>
  );
}
