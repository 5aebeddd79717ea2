/**
 * A persona's live metrics as its live-metrics block shows them: read from its daily snapshots
 * (never from the persona document), summed over the `days` days up to its latest snapshot (the
 * scheduler writes today's each day). For the persona screens to use; `null` until snapshots exist.
 */
import { evolution } from '../../../../common/analytics/evolution';
import type { LiveMetrics } from '../../../../common/analytics/metrics';
import { latestPerDay } from '../../../../common/analytics/snapshots';
import { useLiveQuery } from '../../db/hooks';
import { parseSnapshot } from './snapshotStore';

/** Live metrics of a persona over its last `days` days of snapshots (default 30). */
export function useLiveMetrics(personaId: string, days = 30): LiveMetrics | null {
  const { items } = useLiveQuery('snapshots', { selector: { entityId: personaId } }, parseSnapshot);
  const current = latestPerDay(items);
  const last = current.at(-1);
  return last ? evolution(current, { lastDays: days, today: last.day }).total.live : null;
}
