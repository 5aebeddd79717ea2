/**
 * Workspace settings the analytics read: the time zone days are counted in (default: this
 * browser's zone) and the width of the anomaly control limit. One small document per key in `settings`, so a team
 * shares them through sync.
 */
import { isTimeZone } from '../../../../common/analytics/days';
import { ok, type Result } from '../../../../common/result';
import type { Workspace } from '../../db/database';
import { useLiveDocument } from '../../db/hooks';

/** Setting ids (URL-safe primary keys). */
// The anomaly setting was a threshold in metric units (15) until issue 13; it is now a limit in
// standard errors under a new id, so an old stored threshold is not read as 15 standard errors.
export const settingIds = { timeZone: 'timeZone', anomalySigmas: 'analytics-anomalySigmas' } as const;

/** The zone of this browser, the default until the workspace sets one. */
export const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** Control-limit width (standard errors) until the workspace sets one: 3, as a Shewhart chart. */
export const defaultAnomalySigmas = 3;

/** Whether a control-limit width can be used: 1 to 6 standard errors. */
export const isAnomalySigmas = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 1 && v <= 6;

const parseValue = (doc: unknown): Result<unknown> => ok((doc as { value?: unknown } | null)?.value);

/** The workspace time zone, live. */
export function useTimeZone(): string {
  const { item } = useLiveDocument('settings', settingIds.timeZone, parseValue);
  return typeof item === 'string' && isTimeZone(item) ? item : browserTimeZone();
}

/** The anomaly control-limit width in standard errors, live. */
export function useAnomalySigmas(): number {
  const { item } = useLiveDocument('settings', settingIds.anomalySigmas, parseValue);
  return isAnomalySigmas(item) ? item : defaultAnomalySigmas;
}

/** Writes one setting. */
export async function saveSetting(db: Workspace, id: string, value: unknown): Promise<void> {
  await db.settings.upsert({ id, value, updatedAt: Date.now() });
}
