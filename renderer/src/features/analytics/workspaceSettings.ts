/**
 * Workspace settings the analytics read: the time zone days are counted in (default: this
 * browser's zone) and the anomaly threshold. One small document per key in `settings`, so a team
 * shares them through sync.
 */
import { isTimeZone } from '../../../../common/analytics/days';
import { ok, type Result } from '../../../../common/result';
import type { Workspace } from '../../db/database';
import { useLiveDocument } from '../../db/hooks';

/** Setting ids (URL-safe primary keys). */
export const settingIds = { timeZone: 'timeZone', anomalyThreshold: 'analytics-anomalyThreshold' } as const;

/** The zone of this browser, the default until the workspace sets one. */
export const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** Anomaly threshold used until the workspace sets one, in the metric's own units. */
export const defaultAnomalyThreshold = 15;

const parseValue = (doc: unknown): Result<unknown> => ok((doc as { value?: unknown } | null)?.value);

/** The workspace time zone, live. */
export function useTimeZone(): string {
  const { item } = useLiveDocument('settings', settingIds.timeZone, parseValue);
  return typeof item === 'string' && isTimeZone(item) ? item : browserTimeZone();
}

/** The anomaly threshold, live. */
export function useAnomalyThreshold(): number {
  const { item } = useLiveDocument('settings', settingIds.anomalyThreshold, parseValue);
  return typeof item === 'number' && Number.isFinite(item) && item > 0 ? item : defaultAnomalyThreshold;
}

/** Writes one setting. */
export async function saveSetting(db: Workspace, id: string, value: unknown): Promise<void> {
  await db.settings.upsert({ id, value, updatedAt: Date.now() });
}
