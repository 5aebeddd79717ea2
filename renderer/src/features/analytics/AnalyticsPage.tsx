import { useEffect, useState, useSyncExternalStore } from 'react';
import { dayStart, parseDayName } from '../../../../common/analytics/days';
import { routeHash } from '../../app/route';
import { useLiveQuery } from '../../db/hooks';
import { useWorkspace } from '../../db/WorkspaceContext';
import { useT } from '../../i18n';
import { EmptyState, Loading } from '../../ui/States';
import { parseHeader } from '../data/storedForm';
import { useSurveyHeaders } from '../journeyAnalytics/surveyHeaders';
import { AnalyticsSession } from './analyticsSession';
import { SegmentsPanel } from '../segments/SegmentsPanel';
import { AnalyticsExportMenu } from './AnalyticsExportMenu';
import { DriftPanel } from './DriftPanel';
import { FollowPanel } from './FollowPanel';
import { Overview } from './Overview';
import { parseAnalyticsPersona } from './personaModel';
import { PersonaView } from './PersonaView';
import { RulesPanel } from './RulesPanel';
import { SettingsPanel } from './SettingsPanel';
import { Toolbar, type DayRange } from './Toolbar';
import { useSnapshotScheduler } from './useSnapshotScheduler';
import { useAnomalySigmas, useTimeZone } from './workspaceSettings';
import './analytics.css';

/** The instants a day range covers in the workspace zone (open ends stay open). */
function rangeInstants(range: DayRange, timeZone: string): { from?: number; to?: number } {
  const from = parseDayName(range.from), to = parseDayName(range.to);
  return { ...(from !== null ? { from: dayStart(from, timeZone) } : {}), ...(to !== null ? { to: dayStart(to + 1, timeZone) - 1 } : {}) };
}

/**
 * Persona analytics over the imported datasets, computed in a worker on this computer. Routes:
 * `analytics` (across personas), `analytics/persona/<id>` (dashboard), `…/<id>/rules` (rules editor).
 */
export default function AnalyticsPage({ path }: { path: string[] }) {
  const db = useWorkspace();
  const t = useT();
  const timeZone = useTimeZone();
  const sigmas = useAnomalySigmas();
  const allHeaders = useLiveQuery('datasets', { selector: { kind: 'header' } }, parseHeader);
  // Event logs (journey analytics) share the collection; survey scoring reads only survey datasets.
  const headers = useSurveyHeaders(allHeaders);
  const personas = useLiveQuery('personas', { selector: {}, sort: [{ updatedAt: 'desc' }] }, parseAnalyticsPersona);
  const [session] = useState(() => new AnalyticsSession(db));
  const state = useSyncExternalStore(session.subscribe, session.getState);
  const [range, setRange] = useState<DayRange>({ from: '', to: '' });
  const personaId = path[0] === 'persona' ? path[1] ?? null : null;
  const segments = path[0] === 'segments';

  useEffect(() => {
    session.start();
    return () => session.stop();
  }, [session]);
  const ready = !headers.loading && !personas.loading;
  useEffect(() => {
    if (ready) session.setInputs({ headers: headers.items, personas: personas.items, timeZone, detail: personaId, ...rangeInstants(range, timeZone) });
  }, [session, ready, headers.items, personas.items, timeZone, range, personaId]);
  const scheduler = useSnapshotScheduler(session, personas.items, timeZone, state.loadCount);

  if (!ready) return <Loading />;
  const persona = personas.items.find((p) => p.id === personaId) ?? null;
  const view = path[2] === 'rules' ? 'rules' : 'dashboard';
  return (
    <section className="analytics-page">
      <header className="page-header">
        <h1>{t('analytics.title')}</h1>
        <Toolbar range={range} onRange={setRange} busy={state.busy} onRecalculate={() => session.recalculate()}
          onBackfill={scheduler.backfill} snapshotsRunning={scheduler.running} />
        <AnalyticsExportMenu disabled={headers.items.length === 0 || personas.items.length === 0}
          scope={{ headers: headers.items, personas: personas.items, range, timeZone, ...rangeInstants(range, timeZone) }} />
      </header>
      {state.error && <p role="alert" className="error-text">{t('analytics.failed', { error: state.error })}</p>}
      {state.incomplete.length > 0 && (
        <p role="status" className="banner banner-warning">{t('analytics.incomplete', { datasets: state.incomplete.join(', ') })}</p>
      )}
      <SettingsPanel key={`${timeZone}|${sigmas}`} timeZone={timeZone} sigmas={sigmas} />
      {personas.items.length === 0 ? (
        <EmptyState title={t('analytics.noPersonas.title')}>{t('analytics.noPersonas.body')}</EmptyState>
      ) : (
        <nav className="persona-tabs" aria-label={t('analytics.views')}>
          <a href={routeHash('analytics')} aria-current={personaId === null && !segments ? 'page' : undefined}>{t('analytics.allPersonas')}</a>
          <a href={routeHash('analytics', 'segments')} aria-current={segments ? 'page' : undefined}>{t('analytics.segments')}</a>
          {personas.items.map((p) => (
            <a key={p.id} href={routeHash('analytics', 'persona', p.id)} aria-current={p.id === personaId ? 'page' : undefined}>{p.name}</a>
          ))}
        </nav>
      )}
      {headers.items.length === 0 && (
        <EmptyState title={t('analytics.noData.title')}>{t('analytics.noData.body')}</EmptyState>
      )}
      {personaId !== null && !persona && <EmptyState title={t('analytics.notFound.title')}>{t('analytics.notFound.body')}</EmptyState>}
      {persona && (
        <>
          <div className="persona-heading">
            <h2>{persona.name}</h2>
            <nav className="sub-tabs" aria-label={t('analytics.personaViews', { name: persona.name })}>
              <a href={routeHash('analytics', 'persona', persona.id)} aria-current={view === 'dashboard' ? 'page' : undefined}>{t('analytics.dashboard')}</a>
              <a href={routeHash('analytics', 'persona', persona.id, 'rules')} aria-current={view === 'rules' ? 'page' : undefined}>{t('analytics.rulesTab', { count: persona.rules.length })}</a>
            </nav>
          </div>
          {view === 'rules' ? <RulesPanel key={persona.id} persona={persona} headers={headers.items} /> : (
            <PersonaView persona={persona} data={state.dashboard?.personas.find((p) => p.personaId === persona.id)}
              digests={scheduler.digests[persona.id]} today={scheduler.today} sigmas={sigmas} />
          )}
          {view !== 'rules' && (
            <>
              <DriftPanel personaId={persona.id} />
              <FollowPanel personaId={persona.id} headers={headers.items} session={session} timeZone={timeZone} />
            </>
          )}
        </>
      )}
      {segments && <SegmentsPanel session={session} personas={personas.items} headers={headers.items} timeZone={timeZone} loadCount={state.loadCount} />}
      {personaId === null && !segments && state.dashboard && headers.items.length > 0 && <Overview dashboard={state.dashboard} onClassify={() => session.classify()} />}
    </section>
  );
}
