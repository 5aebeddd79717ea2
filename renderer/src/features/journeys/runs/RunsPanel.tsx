import { useCallback, useEffect, useMemo, useState } from 'react';
import type { JourneyDoc } from '../../../../../common/journey';
import type { JourneyControlDoc } from '../../../../../common/journeyRuns/docs';
import { liveNodeCounts, runTotals, waitNodeIds, type LiveNodeCounts } from '../../../../../common/journeyRuns/panel';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { useSync } from '../../../sync/SyncContext';
import { useFormat, useT } from '../../../i18n';
import { readOverview, setJourneyState, type RunsOverview, type RunsTarget } from './runsApi';
import { useProblemText } from './problemText';
import { useRunsTarget } from './useRunsTarget';
import { CustomerLookup } from './CustomerLookup';
import { FailureList } from './FailureList';
import { MoveRuns } from './MoveRuns';
import './runs.css';

/** How often the open panel (and the map's live row) reads the counters again. */
export const refreshMs = 5000;

/**
 * "Runs…": what the engine is doing with the published journey, read from the team server (never
 * replicated): live counts per step (also on the canvas), pause / resume / kill, a customer lookup
 * and the failures with Retry. Without a team server or a published version it says what is needed.
 */
export function RunsPanel({ journey, onCounts, onClose }: {
  journey: JourneyDoc;
  onCounts: (counts: Record<string, LiveNodeCounts> | null) => void;
  onClose: () => void;
}) {
  const t = useT();
  const settings = useSync().settings;
  const target = useRunsTarget();
  return (
    <section className="runs-panel" aria-label={t('runs.region')}>
      <header className="runs-head">
        <h3>{t('runs.title')}</h3>
        <button type="button" className="ghost" onClick={() => { onCounts(null); onClose(); }} aria-label={t('runs.closeLabel')}>{t('runs.close')}</button>
      </header>
      {journey.publishedVersion === 0 ? <p role="status">{t('runs.notPublished')}</p>
        : !target ? <p role="status">{t('runs.notSynced')}</p>
          : <RunsBody journey={journey} target={target} canAct={settings?.role !== 'viewer'} onCounts={onCounts} />}
    </section>
  );
}

function RunsBody({ journey, target, canAct, onCounts }: { journey: JourneyDoc; target: RunsTarget; canAct: boolean; onCounts: (c: Record<string, LiveNodeCounts> | null) => void }) {
  const t = useT();
  const f = useFormat();
  const problemText = useProblemText(target);
  const [overview, setOverview] = useState<RunsOverview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [actionProblem, setActionProblem] = useState<string | null>(null);
  const [confirmKill, setConfirmKill] = useState(false);
  const [busy, setBusy] = useState(false);
  const waitNodes = useMemo(() => waitNodeIds(journey.flow.nodes), [journey.flow.nodes]);
  const labels = useMemo(() => new Map(journey.flow.nodes.map((n) => [n.id, n.label])), [journey.flow.nodes]);
  const nodeLabel = useCallback((id: string) => labels.get(id) ?? id, [labels]);

  const refresh = useCallback(async () => {
    const r = await readOverview(target, journey.id);
    if (!r.ok) {
      setProblem(problemText(r.problem));
      setOverview(null);
      onCounts(null);
      return;
    }
    setProblem(null);
    setOverview(r.data);
    onCounts(liveNodeCounts(r.data.counters, waitNodes));
  }, [target, journey.id, problemText, onCounts, waitNodes]);

  useEffect(() => {
    const first = setTimeout(() => void refresh(), 0);
    const timer = setInterval(() => void refresh(), refreshMs);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [refresh]);

  const setState = async (state: JourneyControlDoc['state']) => {
    setConfirmKill(false);
    setBusy(true);
    const r = await setJourneyState(target, journey.id, state);
    setBusy(false);
    if (!r.ok) return setActionProblem(problemText(r.problem));
    setActionProblem(null);
    setOverview((o) => (o ? { ...o, control: r.data } : o));
  };

  const state = overview?.control?.state ?? 'running';
  const totals = overview ? runTotals(overview.counters) : null;
  const ended = totals ? Object.values(totals.finished).reduce((s, n) => s + n, 0) : 0;
  return (
    <>
      <div className="toolbar">
        <button type="button" onClick={() => void refresh()}>{t('runs.refresh')}</button>
      </div>
      {problem && <p className="error" role="alert">{problem}</p>}
      {overview && (
        <>
          <p role="status" data-testid="engine-status" className={overview.workers.length ? 'muted' : 'error'}>
            {overview.workers.length ? t('runs.engine.live', { count: overview.workers.length }) : t('runs.engine.down')}
          </p>
          <p>
            <span className={`runs-state ${state}`} data-testid="journey-state">{t('runs.state', { state })}</span>
            {' '}{t('runs.totals', { started: f.integer(totals!.started), ended: f.integer(ended) })}
          </p>
          {canAct ? (
            <div className="toolbar">
              {state === 'running' ? <button type="button" disabled={busy} onClick={() => void setState('paused')}>{t('runs.pause')}</button>
                : <button type="button" disabled={busy} onClick={() => void setState('running')}>{t('runs.resume')}</button>}
              {state !== 'killed' && <button type="button" className="danger" disabled={busy} onClick={() => setConfirmKill(true)}>{t('runs.kill')}</button>}
            </div>
          ) : <p className="muted">{t('runs.viewer')}</p>}
          {actionProblem && <p className="error" role="alert">{actionProblem}</p>}
          <p className="muted">{t('runs.countsNote')}</p>
          <MoveRuns journey={journey} target={target} census={overview.census} canAct={canAct} onMoved={refresh} />
          <FailureList target={target} failures={overview.failures} more={overview.moreFailures} canAct={canAct} nodeLabel={nodeLabel} onRetried={() => void refresh()} />
        </>
      )}
      <CustomerLookup target={target} journeyId={journey.id} nodeLabel={nodeLabel} />
      <ConfirmDialog open={confirmKill} title={t('runs.kill.title')} confirmLabel={t('runs.kill.confirm')} danger
        onConfirm={() => void setState('killed')} onCancel={() => setConfirmKill(false)}>
        <p>{t('runs.kill.body')}</p>
      </ConfirmDialog>
    </>
  );
}

/** The flow toolbar's "Runs…" button. */
export function RunsButton({ onClick, disabled }: { onClick: () => void; disabled: boolean }) {
  const t = useT();
  return <button type="button" onClick={onClick} disabled={disabled}>{t('runs.open')}</button>;
}
