/**
 * The snapshot scheduler: runs when the analytics open, after the data or personas change, and again
 * when the day changes in the workspace zone (checked every few minutes), so missed days are caught
 * up. Backfill computes every day from the first response on. Personas with the switch off are skipped.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { dayOf } from '../../../../common/analytics/days';
import { useWorkspace } from '../../db/WorkspaceContext';
import { translate } from '../../i18n';
import { showToast } from '../../ui/toast';
import type { AnalyticsSession } from './analyticsSession';
import { engineInput, type AnalyticsPersona } from './personaModel';
import { runFollow } from './followRun';
import { runSnapshots } from './snapshotStore';

const checkEveryMs = 5 * 60_000;

/** Per persona, the current digest of each day (to pick current snapshots), plus the scheduler's state. */
export function useSnapshotScheduler(session: AnalyticsSession, personas: AnalyticsPersona[], timeZone: string, loadCount: number) {
  const db = useWorkspace();
  const [digests, setDigests] = useState<Record<string, Record<string, string>>>({});
  const [running, setRunning] = useState(false);
  const [today, setToday] = useState(() => dayOf(Date.now(), timeZone));
  const personasRef = useRef(personas);
  useEffect(() => { personasRef.current = personas; }, [personas]);
  const busy = useRef(false);
  // A request made while a run is going is kept (a backfill wins over a plain catch-up) and run next.
  const queued = useRef<boolean | null>(null);

  const run = useCallback(async (first: boolean): Promise<void> => {
    const client = session.worker;
    if (!client || loadCount === 0) return;
    if (busy.current) {
      queued.current = (queued.current ?? false) || first;
      return;
    }
    busy.current = true;
    setRunning(true);
    try {
      for (let backfill: boolean | null = first; backfill !== null; backfill = queued.current, queued.current = null) {
        const res = await runSnapshots(db, client, personasRef.current, timeZone, backfill);
        if (res.ok) {
          setDigests(res.data.digests);
          // Followed sections and drift are judged on the data each snapshot run has just seen.
          const follow = await runFollow(db, client, timeZone);
          if (!follow.ok && follow.code !== 'cancelled') showToast(translate('analytics.snapshots.followFailed', { message: follow.message }), { tone: 'error' });
          if (backfill && !personasRef.current.some((p) => p.snapshotsEnabled)) showToast(translate('analytics.snapshots.allOff'));
          else if (backfill) showToast(res.data.written > 0 ? translate('analytics.snapshots.backfilled', { count: res.data.written }) : translate('analytics.snapshots.upToDate'));
        } else if (res.code !== 'cancelled') {
          showToast(translate('analytics.snapshots.failed', { message: res.message }), { tone: 'error' });
        }
      }
    } finally {
      busy.current = false;
      queued.current = null;
      setRunning(false);
    }
  }, [db, session, timeZone, loadCount]);

  const personaKey = JSON.stringify(personas.map((p) => [engineInput(p), p.snapshotsEnabled, p.createdAt]));
  useEffect(() => {
    void run(false);
  }, [run, personaKey, today]);

  useEffect(() => {
    const timer = setInterval(() => setToday(dayOf(Date.now(), timeZone)), checkEveryMs);
    return () => clearInterval(timer);
  }, [timeZone]);

  const backfill = useCallback(() => void run(true), [run]);
  return { digests, running, backfill, today };
}
