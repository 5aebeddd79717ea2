import { useEffect, useRef, useState } from 'react';
import type { DatasetHeaderDoc } from '../../../../common/analytics/format';
import type { Experiment } from '../../../../common/experiments/model';
import { useWorkspace } from '../../db/WorkspaceContext';
import { translate } from '../../i18n';
import { createExperimentClient, type ExperimentClient } from '../../workers/experimentClient';
import type { ExperimentFigures, LogSummary } from '../../workers/experimentProtocol';
import { readChunks } from '../data/datasetStore';

interface State { log: LogSummary | null; figures: ExperimentFigures | null; loading: boolean; computing: boolean; error: string | null }

/**
 * The chosen event log, decoded in the experiment worker when its header changes (a new wave), and
 * the saved experiment's plan and results computed there. `stored` is null while the saved form
 * has problems: the log still loads so the form can offer its events.
 */
export function useExperimentFigures(header: DatasetHeaderDoc | null, stored: Experiment | null, now: number): State {
  const db = useWorkspace();
  const client = useRef<ExperimentClient | null>(null);
  const [loaded, setLoaded] = useState<{ header: DatasetHeaderDoc; log: LogSummary | null; error: string | null } | null>(null);
  const [figures, setFigures] = useState<{ key: string; stored: string; figures: ExperimentFigures | null; error: string | null } | null>(null);

  useEffect(() => {
    const c = createExperimentClient();
    client.current = c;
    return () => { c.dispose(); client.current = null; };
  }, []);

  useEffect(() => {
    if (!header) return;
    let live = true;
    const key = `${header.datasetId}:${Date.now()}`;
    readChunks(db, header)
      .then((chunks) => client.current?.load(key, header, chunks))
      .then((r) => {
        if (!live || !r) return;
        setLoaded(r.ok ? { header, log: r.data, error: null } : { header, log: null, error: r.message });
      })
      .catch((e: unknown) => { if (live) setLoaded({ header, log: null, error: translate('experiments.logUnreadable', { error: e instanceof Error ? e.message : String(e) }) }); });
    return () => { live = false; };
  }, [db, header]);

  const log = loaded && loaded.header === header ? loaded.log : null;
  // Compared as text: the live query hands a new object for an unchanged experiment, which must
  // not send the analysis again or blank the results meanwhile.
  const storedText = stored ? JSON.stringify(stored) : null;
  useEffect(() => {
    if (!log || !storedText) return;
    let live = true;
    void client.current?.analyse(log.key, JSON.parse(storedText) as Experiment, now).then((r) => {
      if (live) setFigures(r.ok ? { key: log.key, stored: storedText, figures: r.data, error: null } : { key: log.key, stored: storedText, figures: null, error: r.message });
    });
    return () => { live = false; };
  }, [log, storedText, now]);

  if (!header) return { log: null, figures: null, loading: false, computing: false, error: null };
  // Until the read for this header lands, an older log must not show as this one's.
  if (!loaded || loaded.header !== header) return { log: null, figures: null, loading: true, computing: false, error: null };
  const current = figures && log && figures.key === log.key && figures.stored === storedText ? figures : null;
  return {
    log,
    figures: current?.figures ?? null,
    loading: false,
    computing: Boolean(log && stored && !current),
    error: loaded.error ?? current?.error ?? null,
  };
}
