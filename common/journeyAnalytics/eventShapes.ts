/**
 * Recognising an event log from its header row. Real exports name the three columns an event needs
 * (who, what, when) differently: GA4's BigQuery export flattened to CSV (`user_pseudo_id`,
 * `event_name`, `event_timestamp` in microseconds), Amplitude (`amplitude_id`,
 * `event_type`, `event_time` in UTC), Mixpanel (`distinct_id`, `event`, `time` in Unix seconds),
 * a CRM status history (`ticket_id`/`deal_id`/…, `status`, `changed_at`; Salesforce's
 * `OpportunityId`, `StageName`, `CreatedDate`) or a plain log. Every other column is a property.
 */

/** Which export a file looks like. */
export type EventShape = 'ga4' | 'amplitude' | 'mixpanel' | 'crm-status' | 'plain';

/** How numbers in the time column are read. */
export type TimeUnit = 'us' | 'ms' | 's' | 'auto';

/** Where the event fields are in a row. */
export interface EventColumns {
  shape: EventShape;
  /**
   * Customer id columns, first non-empty wins. GA4 uses `user_pseudo_id` (its `user_id` is set only
   * after a login, which would split one visitor in two); Amplitude its merged `amplitude_id`.
   */
  customer: number[];
  event: number;
  time: number;
  timeUnit: TimeUnit;
  /** Zone of the time column when the export fixes it (Amplitude writes UTC), else the user's. */
  timeZone?: string;
  /** Property columns: index and name. */
  properties: { index: number; name: string }[];
}

/** Most property columns kept (the rest are listed as ignored). */
export const maxPropertyColumns = 40;

const norm = (h: string) => h.trim().toLowerCase().replace(/[\s-]+/g, '_');

interface Pattern { shape: EventShape; customer: string[]; event: string[]; time: string[]; unit: TimeUnit; zone?: string; needs?: string[] }

const patterns: Pattern[] = [
  { shape: 'ga4', customer: ['user_pseudo_id'], event: ['event_name'], time: ['event_timestamp'], unit: 'us', needs: ['user_pseudo_id', 'event_timestamp'] },
  { shape: 'amplitude', customer: ['amplitude_id', 'user_id', 'device_id'], event: ['event_type'], time: ['event_time', 'client_event_time'], unit: 'auto', zone: 'UTC', needs: ['event_type'] },
  { shape: 'mixpanel', customer: ['distinct_id'], event: ['event', 'event_name'], time: ['time', 'timestamp'], unit: 'auto', needs: ['distinct_id'] },
  {
    shape: 'crm-status',
    customer: ['ticket_id', 'deal_id', 'case_id', 'opportunityid', 'opportunity_id', 'lead_id', 'record_id', 'id'],
    event: ['status', 'new_status', 'to_status', 'stagename', 'stage_name', 'stage', 'dealstage'],
    time: ['changed_at', 'status_changed_at', 'createddate', 'created_date', 'updated_at', 'changed_on', 'date'],
    unit: 'auto',
  },
  {
    shape: 'plain',
    customer: ['customer_id', 'customer', 'user_id', 'userid', 'user', 'client_id', 'contact_id', 'account_id', 'visitor_id', 'person_id', 'id'],
    event: ['event', 'event_name', 'action', 'activity', 'step', 'event_type'],
    time: ['timestamp', 'time', 'event_time', 'occurred_at', 'created_at', 'datetime', 'date_time', 'date', 'ts'],
    unit: 'auto',
  },
];

/** The columns of an event log from its headers, or null when the three needed ones are not found. */
export function recogniseEventColumns(headers: readonly string[], override?: { customer?: string; event?: string; time?: string }): EventColumns | null {
  const names = headers.map(norm);
  const find = (candidates: readonly string[]) => candidates.map((c) => names.indexOf(c)).filter((i) => i >= 0);
  for (const p of patterns) {
    if (p.needs && !p.needs.every((n) => names.includes(n))) continue;
    const customer = override?.customer !== undefined ? find([norm(override.customer)]) : find(p.customer);
    const event = override?.event !== undefined ? find([norm(override.event)])[0] : find(p.event)[0];
    const time = override?.time !== undefined ? find([norm(override.time)])[0] : find(p.time)[0];
    if (customer.length === 0 || event === undefined || time === undefined) continue;
    const used = new Set([...customer, event, time]);
    const properties = headers.map((name, index) => ({ index, name: name.trim() }))
      .filter((c) => !used.has(c.index) && c.name !== '')
      .slice(0, maxPropertyColumns);
    return { shape: p.shape, customer, event, time, timeUnit: p.unit, ...(p.zone ? { timeZone: p.zone } : {}), properties };
  }
  return null;
}

/** Epoch ms from a number in the given unit; `auto` tells seconds, ms and µs apart by magnitude. */
export function epochFromNumber(value: number, unit: TimeUnit): number {
  const u = unit !== 'auto' ? unit : Math.abs(value) < 1e11 ? 's' : Math.abs(value) < 1e14 ? 'ms' : 'us';
  return u === 's' ? Math.round(value * 1000) : u === 'ms' ? Math.round(value) : Math.floor(value / 1000);
}
