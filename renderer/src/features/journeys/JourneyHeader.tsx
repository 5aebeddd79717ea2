import { useState } from 'react';
import { navigate } from '../../app/route';
import { useWorkspace } from '../../db/WorkspaceContext';
import { useT } from '../../i18n';
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
  const t = useT();
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
      showToast(r.message, { tone: 'error', ms: 6000, action: { label: t('journeys.header.showFlow'), run: () => navigate('journeys', journey.id, 'flow') } });
      return;
    }
    setBusy(true);
    try {
      // The version goes in first: if it clashes (a teammate published the same number), the draft stays as it was.
      await insertPublished(db, r.data.entry);
      editor.replace(r.data.journey);
      showToast(t('journeys.header.published', { version: r.data.entry.number }));
    } catch (e) {
      showToast(t('journeys.header.publishFailed', { reason: e instanceof Error ? e.message : String(e) }), { tone: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const exportJson = async () => {
    const text = JSON.stringify(exportJourney(journey, now()), null, 2);
    const safeName = journey.name.replace(/[^A-Za-z0-9 _-]+/g, '').trim() || 'journey';
    const r = await platform.saveFile({ suggestedName: `${safeName}.json`, kind: 'json', bytes: new TextEncoder().encode(text) });
    if (!r.ok) showToast(r.message, { tone: 'error' });
    else if ('saved' in r.data && r.data.saved) showToast(t('journeys.header.exported'));
  };

  const saveAsTemplate = async (name: string) => {
    await saveTemplate(db, templateFromJourney(journey, { id: randomId('tp'), name, now: now() }));
    showToast(t('journeys.header.templateSaved', { name }));
  };

  return (
    <header className="page-header journey-header">
      <div className="journey-title">
        <a href="#/journeys" className="back"><span className="flip-rtl">←</span> {t('journeys.list.title')}</a>
        <h1>
          <CommitInput aria-label={t('journeys.header.name')} className="title-input" value={journey.name} maxLength={200}
            onCommit={(name) => name.trim() && editor.update({ name: name.trim() })} />
        </h1>
        <span className={`status status-${journey.status}`}>
          {journey.status === 'active' ? t('journeys.status.withVersion', { status: t('journeys.status.active'), version: journey.publishedVersion }) : t(journey.status === 'archived' ? 'journeys.status.archived' : 'journeys.status.draft')}
        </span>
        <CommitInput aria-label={t('journeys.header.tags')} className="tags-input" placeholder={t('journeys.header.tagsPlaceholder')} value={journey.tags.join(', ')}
          onCommit={(text) => editor.update({ tags: [...new Set(text.split(',').map((t) => t.trim().slice(0, 60)).filter(Boolean))].slice(0, 50) })} />
        <PersonaLinks editor={editor} />
      </div>
      <div className="toolbar">
        <button type="button" onClick={editor.undo} disabled={!editor.canUndo} title={t('journeys.header.undoTitle')}>{t('journeys.undo')}</button>
        <button type="button" onClick={editor.redo} disabled={!editor.canRedo} title={t('journeys.header.redoTitle')}>{t('journeys.header.redo')}</button>
        <button type="button" onClick={() => void exportJson()}>{t('journeys.header.exportJson')}</button>
        <ExportMenu target={{ kind: 'journey', id: journey.id }} capture={journeyCaptureSource} />
        <button type="button" onClick={() => setPrompt({
          title: t('journeys.header.saveAsTemplate'), label: t('journeys.header.templateName'), initial: t('journeys.header.templateInitial', { name: journey.name }), confirmLabel: t('journeys.header.saveTemplate'),
          onConfirm: (name) => void saveAsTemplate(name),
        })}>{t('journeys.header.saveAsTemplate')}</button>
        <button type="button" className="primary" disabled={busy} onClick={() => {
          if (errors.length) {
            showToast(t('journeys.header.fixFirst', { count: errors.length }), { tone: 'error', ms: 6000, action: { label: t('journeys.header.showFlow'), run: () => navigate('journeys', journey.id, 'flow') } });
            return;
          }
          setPrompt({
            title: t('journeys.header.publishTitle', { version: journey.publishedVersion + 1 }), label: t('journeys.header.whatChanged'), initial: '', confirmLabel: t('journeys.header.publish'), allowEmpty: true,
            onConfirm: (summary) => void publish(summary),
          });
        }}
          title={errors.length ? t('journeys.header.problemsTitle', { count: errors.length }) : t('journeys.header.publishHint')}>
          {errors.length ? t('journeys.header.publishWithProblems', { count: errors.length }) : t('journeys.header.publish')}
        </button>
      </div>
      <PromptDialog request={prompt} onClose={() => setPrompt(null)} />
    </header>
  );
}
