import { useEffect, useMemo, useState } from 'react';
import type { JourneyDoc, Stage } from '../../../../../common/journey';
import { liveNodeCounts, stageRunCounts, waitNodeIds, type StageRunCounts } from '../../../../../common/journeyRuns/panel';
import { useT } from '../../../i18n';
import { readOverview, type RunsTarget } from './runsApi';
import { useProblemText } from './problemText';
import { useRunsTarget } from './useRunsTarget';
import { refreshMs } from './RunsPanel';

/**
 * The map's "Live runs" row: for a published journey on a team server, the runs now at each stage's
 * flow steps (active, waiting) and failed there, read from the engine every few seconds while shown.
 * Off until asked for, so an open map does not poll the server; left out of the map's image.
 */
export function MapRunRows({ journey, stages }: { journey: JourneyDoc; stages: readonly Stage[] }) {
  const t = useT();
  const target = useRunsTarget();
  const [shown, setShown] = useState(false);
  const tied = journey.flow.nodes.some((n) => n.stageId !== undefined);
  if (journey.publishedVersion === 0 || !target || !tied) return null;
  return (
    <>
      <div className="lane-header lane-runs" data-export="hide">
        <strong>{t('runs.map.title')}</strong>
        <button type="button" className="ghost" aria-pressed={shown} onClick={() => setShown(!shown)}>{shown ? t('runs.map.hide') : t('runs.map.show')}</button>
      </div>
      {shown ? <LiveStageCells journey={journey} stages={stages} target={target} /> : stages.map((s) => <div key={s.id} className="map-cell stage-runs" data-export="hide" />)}
      <div data-export="hide" />
    </>
  );
}

function LiveStageCells({ journey, stages, target }: { journey: JourneyDoc; stages: readonly Stage[]; target: RunsTarget }) {
  const t = useT();
  const problemText = useProblemText(target);
  const [counts, setCounts] = useState<Record<string, StageRunCounts> | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const nodes = journey.flow.nodes;
  const waits = useMemo(() => waitNodeIds(nodes), [nodes]);

  useEffect(() => {
    let live = true;
    const read = async () => {
      const r = await readOverview(target, journey.id);
      if (!live) return;
      setProblem(r.ok ? null : problemText(r.problem));
      setCounts(r.ok ? stageRunCounts(nodes, liveNodeCounts(r.data.counters, waits)) : null);
    };
    void read();
    const timer = setInterval(() => void read(), refreshMs);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [target, journey.id, nodes, waits, problemText]);

  return stages.map((s, i) => {
    const c = counts?.[s.id];
    return (
      <div key={s.id} className="map-cell stage-runs" data-export="hide" data-testid={`stage-runs-${s.id}`}>
        {/* A problem is said once, in the first stage's cell, rather than in every column. */}
        {problem ? (i === 0 ? <span role="alert">{problem}</span> : null)
          : !counts ? <span className="muted">{t('runs.map.reading')}</span>
            : c ? (
              <div className="run-counts" title={t('runs.map.legend')}>
                <span data-k="active">{t('runs.node.active', { count: c.active })}</span>
                <span data-k="waiting">{t('runs.node.waiting', { count: c.waiting })}</span>
                <span data-k="failed" className={c.failed > 0 ? 'run-failed' : undefined}>{t('runs.node.failed', { count: c.failed })}</span>
              </div>
            ) : <span className="muted">{t('runs.map.noSteps')}</span>}
      </div>
    );
  });
}
