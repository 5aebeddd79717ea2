import type { NodeConfig } from '../../../../../common/journey';
import type { useT } from '../../../i18n';

type Schedule = Extract<NodeConfig<'trigger'>, { type: 'schedule' }>;

/** A calendar schedule in a few words for a flow card ("Daily at 09:00 (Europe/Berlin)"); null for the period form, which the card words itself. */
export function calendarSummary(t: ReturnType<typeof useT>, c: Schedule): string | null {
  if (c.time === undefined) return null;
  const zone = c.timeZone ?? 'UTC';
  const days = c.weekdays?.length ?? 0;
  return days === 0 || days === 7 ? t('runs.schedule.summaryDaily', { time: c.time, zone }) : t('runs.schedule.summaryDays', { time: c.time, zone, count: days });
}
