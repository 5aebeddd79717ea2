import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { NodeConfig } from '../../../../../common/journey';
import { useT } from '../../../i18n';
import { useTimeZone } from '../../analytics/workspaceSettings';
import { CommitInput } from '../CommitInput';
import { DurationEditor } from '../flow/ConditionEditor';

type Schedule = Extract<NodeConfig<'trigger'>, { type: 'schedule' }>;

/** Customer ids a schedule may list (the flow document carries them). */
export const maxScheduleIds = 1000;

/** Ids from a pasted list: split on commas and new lines, trimmed, unique, at most {@link maxScheduleIds}, none over 200 characters. */
export function parseIds(text: string): { ids: string[]; dropped: number } {
  const given = text.split(/[\n,;]/).map((s) => s.trim()).filter(Boolean);
  const ids = [...new Set(given.filter((id) => id.length <= 200 && !/\p{Cc}/u.test(id)))].slice(0, maxScheduleIds);
  return { ids, dropped: given.length - ids.length };
}

// 2026-01-04 was a Sunday: day i of that week is weekday i.
const weekdayName = (locale: string, i: number): string =>
  new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, 0, 4 + i)));

/**
 * A schedule trigger's fields: when it fires (every period, or at a time on chosen weekdays in the
 * workspace time zone, kept with the trigger) and whom each slot starts (listed ids, or customers
 * with a recent event), as the engine and the simulator read them (common/flowEngine/schedule.ts).
 */
export function ScheduleFields({ config: c, onChange }: { config: Schedule; onChange: (c: Schedule) => void }) {
  const t = useT();
  const { locale } = useIntl();
  const zone = useTimeZone();
  const calendar = c.time !== undefined;
  const audience = c.audience?.kind ?? 'none';
  const days = c.weekdays ?? [];
  return (
    <>
      <label className="field"><span>{t('runs.schedule.form')}</span>
        <select aria-label={t('runs.schedule.form')} value={calendar ? 'calendar' : 'period'} onChange={(e) => {
          const { time: _t, weekdays: _w, timeZone: _z, ...rest } = c;
          onChange(e.target.value === 'calendar' ? { ...rest, time: '09:00', timeZone: zone } : rest);
        }}>
          <option value="period">{t('runs.schedule.period')}</option>
          <option value="calendar">{t('runs.schedule.calendar')}</option>
        </select>
      </label>
      {!calendar && <DurationEditor label={t('runs.schedule.every')} value={c.every} onChange={(every) => onChange({ ...c, every })} />}
      {calendar && (
        <>
          <label className="field"><span>{t('runs.schedule.time')}</span>
            <input type="time" aria-label={t('runs.schedule.time')} value={c.time} required
              onChange={(e) => { if (/^([01]\d|2[0-3]):[0-5]\d$/.test(e.target.value)) onChange({ ...c, time: e.target.value }); }} />
          </label>
          <fieldset className="field schedule-days"><legend>{t('runs.schedule.days')}</legend>
            {[0, 1, 2, 3, 4, 5, 6].map((d) => (
              <label key={d} className="check"><input type="checkbox" checked={days.includes(d)}
                onChange={(e) => onChange({ ...c, weekdays: e.target.checked ? [...days, d].sort() : days.filter((x) => x !== d) })} />{weekdayName(locale, d)}</label>
            ))}
          </fieldset>
          <p className="hint">{t('runs.schedule.zone', { zone: c.timeZone ?? 'UTC' })}</p>
          {c.timeZone !== zone && <button type="button" className="ghost" onClick={() => onChange({ ...c, timeZone: zone })}>{t('runs.schedule.useZone', { zone })}</button>}
        </>
      )}
      <label className="field"><span>{t('runs.schedule.audience')}</span>
        <select aria-label={t('runs.schedule.audience')} value={audience} onChange={(e) => {
          const { audience: _a, ...rest } = c;
          const v = e.target.value;
          onChange(v === 'customers' ? { ...rest, audience: { kind: 'customers', ids: [] } } : v === 'event' ? { ...rest, audience: { kind: 'event', eventName: '', withinDays: 30 } } : rest);
        }}>
          <option value="none">{t('runs.schedule.audience.none')}</option>
          <option value="customers">{t('runs.schedule.audience.customers')}</option>
          <option value="event">{t('runs.schedule.audience.event')}</option>
        </select>
      </label>
      {c.audience?.kind === 'customers' && (
        <IdsField ids={c.audience.ids} onChange={(ids) => onChange({ ...c, audience: { kind: 'customers', ids } })} />
      )}
      {c.audience?.kind === 'event' && (() => {
        const a = c.audience;
        return (
          <>
            <label className="field"><span>{t('runs.schedule.eventName')}</span>
              <CommitInput aria-label={t('runs.schedule.eventName')} value={a.eventName} maxLength={200} onCommit={(eventName) => onChange({ ...c, audience: { ...a, eventName: eventName.trim() } })} />
            </label>
            <label className="field"><span>{t('runs.schedule.withinDays')}</span>
              <input type="number" min={1} max={365} aria-label={t('runs.schedule.withinDays')} value={a.withinDays} onChange={(e) => {
                const n = Math.round(Number(e.target.value));
                if (n >= 1 && n <= 365) onChange({ ...c, audience: { ...a, withinDays: n } });
              }} />
            </label>
          </>
        );
      })()}
      {audience === 'none' && <p className="hint">{t('runs.schedule.audience.noneHint')}</p>}
      <p className="hint">{t('runs.schedule.missed')}</p>
    </>
  );
}

function IdsField({ ids, onChange }: { ids: string[]; onChange: (ids: string[]) => void }) {
  const t = useT();
  const [dropped, setDropped] = useState(0);
  return (
    <>
      <label className="field"><span>{t('runs.schedule.ids', { count: ids.length })}</span>
        <CommitInput multiline aria-label={t('runs.schedule.idsLabel')} value={ids.join(', ')} maxLength={220_000} onCommit={(text) => {
          const parsed = parseIds(text);
          onChange(parsed.ids);
          setDropped(parsed.dropped);
        }} />
      </label>
      {dropped > 0 && <p className="hint" role="status">{t('runs.schedule.idsDropped', { count: dropped, max: maxScheduleIds })}</p>}
    </>
  );
}
