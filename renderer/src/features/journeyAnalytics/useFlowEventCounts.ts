import { useEffect, useMemo, useState } from 'react';
import type { JourneyFlow, JourneyMap } from '../../../../common/journey';
import { flowEventCounts, isEventDataset, type FlowEventCounts, type JourneyFigures } from '../../../../common/journeyAnalytics';
import { useLiveQuery } from '../../db/hooks';
import { useWorkspace } from '../../db/WorkspaceContext';
import { readChunks } from '../data/datasetStore';
import { parseHeader } from '../data/storedForm';
import { useSharedJourneyWorker } from './useJourneyWorker';
import { logKeyOf } from '../../workers/sharedJourneyClient';

/** The flow's event-log counts, with the log they come from; `counts` is null while computing. */
export interface FlowEventView {
  logName: string;
  counts: FlowEventCounts | null;
}

/**
 * Event-log counts for the flow view: when the journey has an event log chosen (on the map) and
 * stage rules, the log is analysed in the journey worker the map shares (decoded there once, so
 * opening the Flow tab after the map reads and decodes nothing), and each step gets its stage's
 * funnel figures and each edge its moves. Null when there is nothing to count. Recomputed when the
 * log, the rules or the flow's stages change; moving steps does not recompute.
 */
export function useFlowEventCounts(map: JourneyMap, flow: JourneyFlow): FlowEventView | null {
  const db = useWorkspace();
  const worker = useSharedJourneyWorker();
  const datasetId = map.analytics?.eventDatasetId ?? '';
  const { items } = useLiveQuery('datasets', { selector: { kind: 'header' }, sort: [{ id: 'asc' }] }, parseHeader);
  const header = items.find((h) => h.datasetId === datasetId && isEventDataset(h)) ?? null;
  const loadKey = header ? logKeyOf(header) : '';
  const spec = useMemo(() => map.stages.map((s) => ({ id: s.id, name: s.name, ...(s.events ? { events: s.events } : {}) })), [map.stages]);
  const ruled = spec.some((s) => (s.events ?? []).length > 0);
  const specKey = JSON.stringify(spec);
  const [loaded, setLoaded] = useState<{ key: string; logKey: string | null } | null>(null);
  const [computed, setComputed] = useState<{ key: string; figures: JourneyFigures | null } | null>(null);

  // The log is decoded once per version of it, in whichever screen asked first; rule edits only run the analysis again.
  useEffect(() => {
    if (!header || !ruled) return;
    let live = true;
    void worker().loadLog(loadKey, async () => [{ header, chunks: await readChunks(db, header) }]).then((res) => {
      if (live) setLoaded({ key: loadKey, logKey: res.ok ? res.data.key : null });
    });
    return () => { live = false; };
    // header is identified by loadKey
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [worker, db, loadKey, ruled]);
  const logKey = loaded?.key === loadKey ? loaded.logKey : null;
  useEffect(() => {
    if (!logKey || !ruled) return;
    let live = true;
    void worker().analyse(logKey, spec, { topPaths: 0 }).then((res) => {
      if (live) setComputed({ key: `${logKey}|${specKey}`, figures: res.ok ? res.data : null });
    });
    return () => { live = false; };
    // spec is identified by specKey
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [worker, logKey, specKey, ruled]);

  const figures = logKey && computed?.key === `${logKey}|${specKey}` ? computed.figures : null;
  // Only the steps' stages and the edges matter: a drag changes positions, not the counts.
  const shapeKey = JSON.stringify([flow.nodes.map((n) => [n.id, n.stageId ?? '']), flow.edges.map((e) => [e.id, e.source, e.target])]);
  const counts = useMemo(() => (figures ? flowEventCounts(flow, map.stages, figures) : null),
    // flow is identified by shapeKey
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [figures, shapeKey, map.stages]);
  if (!header || !ruled) return null;
  return { logName: header.name, counts };
}
