import { useState } from 'react';
import { navigate } from '../../app/route';
import { useWorkspace } from '../../db/WorkspaceContext';
import { usePlatform } from '../../platform';
import { showToast } from '../../ui/toast';
import { exportJourney, publishJourney, randomId, templateFromJourney, validateFlow } from '../../../../common/journey';
import { CommitInput } from './CommitInput';
import { PersonaLinks } from './PersonaLinks';
import { PromptDialog, type PromptRequest } from './PromptDialog';
import { currentAuthor, insertPublished, loadVersions, now, saveTemplate } from './store';
import type { JourneyEditor } from './useJourneyEditor';
import { ExportMenu } from '../exports/ExportMenu';
import { journeyCaptureSource } from './captureSource';

/** Name, status, persona links and the journey-wide actions: undo, publish, export, save as template. */
export function JourneyHeader({ editor }: { editor: JourneyEditor }) {
  const db = useWorkspace();
  const platform = usePlatform();
  const { journey } = editor;
  const [busy, setBusy] = useState(false);
  const errors = validateFlow(journey.flow, { stageIds: new Set(journey.map.stages.map((s) => s.id)) }).filter((p) => p.severity === 'error');

  const [prompt, setPrompt] = useState<PromptRequest | null>(null);

  const publish = async (summary: string) => {
    const latestNumber = (await loadVersions(db, journey.id))[0]?.number ?? 0;
    const r = publishJourney(journey, { now: now(), author: currentAuthor(), summary, latestNumber });
    if (!r.ok) {
      showToast(r.message, { tone: 'error', ms: 6000, action: { label: 'Show flow', run: () => navigate('journeys', journey.id, 'flow') } });
      return;
    }
    setBusy(true);
    try {
      // The version goes in first: if it clashes (a teammate published the same number), the draft stays as it was.
      await insertPublished(db, r.data.entry);
      editor.replace(r.data.journey);
      showToast(`Published version ${r.data.entry.number}. The journey is active (as a design: nothing is sent).`);
    } catch (e) {
      showToast(`Could not publish: ${e instanceof Error ? e.message : String(e)}. Reload and try again.`, { tone: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const exportJson = async () => {
    const text = JSON.stringify(exportJourney(journey, now()), null, 2);
    const safeName = journey.name.replace(/[^A-Za-z0-9 _-]+/g, '').trim() || 'journey';
    const r = await platform.saveFile({ suggestedName: `${safeName}.json`, kind: 'json', bytes: new TextEncoder().encode(text) });
    if (!r.ok) showToast(r.message, { tone: 'error' });
    else if ('saved' in r.data && r.data.saved) showToast('Journey exported.');
  };

  const saveAsTemplate = async (name: string) => {
    await saveTemplate(db, templateFromJourney(journey, { id: randomId('tp'), name, now: now() }));
    showToast(`Saved "${name}" to your templates.`);
  };

  return (
    <header className="page-header journey-header">
      <div className="journey-title">
        <a href="#/journeys" className="back">← Journeys</a>
        <h1>
          <CommitInput aria-label="Journey name" className="title-input" value={journey.name} maxLength={200}
            onCommit={(name) => name.trim() && editor.update({ name: name.trim() })} />
        </h1>
        <span className={`status status-${journey.status}`}>
          {journey.status === 'active' ? `Active · v${journey.publishedVersion}` : journey.status === 'archived' ? 'Archived' : 'Draft'}
        </span>
        <CommitInput aria-label="Tags" className="tags-input" placeholder="tags, comma separated" value={journey.tags.join(', ')}
          onCommit={(text) => editor.update({ tags: [...new Set(text.split(',').map((t) => t.trim().slice(0, 60)).filter(Boolean))].slice(0, 50) })} />
        <PersonaLinks editor={editor} />
      </div>
      <div className="toolbar">
        <button type="button" onClick={editor.undo} disabled={!editor.canUndo} title="Undo (Ctrl+Z)">Undo</button>
        <button type="button" onClick={editor.redo} disabled={!editor.canRedo} title="Redo (Ctrl+Shift+Z)">Redo</button>
        <button type="button" onClick={() => void exportJson()}>Export JSON</button>
        <ExportMenu target={{ kind: 'journey', id: journey.id }} capture={journeyCaptureSource} />
        <button type="button" onClick={() => setPrompt({
          title: 'Save as template', label: 'Template name', initial: `${journey.name} template`, confirmLabel: 'Save template',
          onConfirm: (name) => void saveAsTemplate(name),
        })}>Save as template</button>
        <button type="button" className="primary" disabled={busy} onClick={() => {
          if (errors.length) {
            showToast(`Fix ${errors.length} problem(s) in the flow before publishing.`, { tone: 'error', ms: 6000, action: { label: 'Show flow', run: () => navigate('journeys', journey.id, 'flow') } });
            return;
          }
          setPrompt({
            title: `Publish version ${journey.publishedVersion + 1}`, label: 'What changed (optional)', initial: '', confirmLabel: 'Publish', allowEmpty: true,
            onConfirm: (summary) => void publish(summary),
          });
        }}
          title={errors.length ? `${errors.length} flow problem(s) to fix first` : 'Publish the draft as a new version'}>
          Publish{errors.length ? ` (${errors.length} to fix)` : ''}
        </button>
      </div>
      <PromptDialog request={prompt} onClose={() => setPrompt(null)} />
    </header>
  );
}
