import { lazy, Suspense, useEffect, useState } from 'react';
import { navigate, routeHash } from '../../app/route';
import { useT, type MessageId } from '../../i18n';
import { EmptyState, Loading } from '../../ui/States';
import { JourneyAnalyticsPanel } from '../journeyAnalytics/JourneyAnalyticsPanel';
import { JourneyHeader } from './JourneyHeader';
import { MapView } from './map/MapView';
import { useJourneyEditor } from './useJourneyEditor';
import { VersionsPanel } from './VersionsPanel';

// The flow editor pulls in @xyflow/react: its chunk is fetched once an editor is open (see below),
// not with the journey list.
const loadFlowView = () => import('./flow/FlowView');
const FlowView = lazy(loadFlowView);

/** One journey: header actions and the map, flow and versions tabs. */
export function JourneyEditorScreen({ id, tab }: { id: string; tab: 'map' | 'flow' | 'versions' }) {
  const t = useT();
  const { editor, loading, problem } = useJourneyEditor(id);
  const [focusStage, setFocusStage] = useState<string | null>(null);

  useEffect(() => {
    // Warm the flow editor's chunk while the user looks at the map, so switching tabs is quick.
    const idle = window.setTimeout(() => void loadFlowView(), 300);
    return () => window.clearTimeout(idle);
  }, []);

  useEffect(() => {
    if (!editor) return;
    const onKey = (e: KeyboardEvent) => {
      const inField = e.target instanceof HTMLElement && e.target.closest('input, textarea, select, [contenteditable]');
      if (inField || !(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== 'z') return;
      e.preventDefault();
      if (e.shiftKey) editor.redo();
      else editor.undo();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [editor]);

  if (loading) return <Loading />;
  if (!editor) {
    return (
      <EmptyState title={t('journeys.editor.notFound')} action={<button type="button" onClick={() => navigate('journeys')}>{t('journeys.backToList')}</button>}>
        {problem ?? t('journeys.editor.notFoundBody')}
      </EmptyState>
    );
  }
  const tabs: readonly (readonly ['map' | 'flow' | 'versions', MessageId])[] = [['map', 'journeys.editor.map'], ['flow', 'journeys.editor.flow'], ['versions', 'journeys.editor.versions']];
  return (
    <section className="journeys journey-editor">
      <JourneyHeader editor={editor} />
      <nav className="tabs" aria-label={t('journeys.editor.views')}>
        {tabs.map(([key, label]) => (
          <a key={key} href={routeHash('journeys', id, key)} aria-current={tab === key ? 'page' : undefined}>{t(label)}</a>
        ))}
      </nav>
      {tab === 'map' && (
        <JourneyAnalyticsPanel map={editor.journey.map} dispatch={editor.dispatch}>
          <MapView editor={editor} onShowNodes={(stageId) => { setFocusStage(stageId); navigate('journeys', id, 'flow'); }} />
        </JourneyAnalyticsPanel>
      )}
      {tab === 'flow' && (
        <Suspense fallback={<Loading label={t('journeys.editor.loadingFlow')} />}>
          <FlowView editor={editor} focusStage={focusStage} />
        </Suspense>
      )}
      {tab === 'versions' && <VersionsPanel editor={editor} />}
    </section>
  );
}
