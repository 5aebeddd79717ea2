/**
 * Delivery policy: retry backoff, quiet hours in the customer's time zone, a per-channel rate limit
 * and a frequency cap per customer. Plain functions and small classes with the clock passed in.
 */

/** Settings of the delivery policy (engine config `delivery`). */
export interface DeliveryPolicy {
  /** First retry delay; doubles each try (1 s, 2 s, 4 s…), capped by `maxBackoffMs`. */
  baseBackoffMs: number;
  maxBackoffMs: number;
  /** Tries before a send is dead-lettered (the run fails and waits for a user's Retry). */
  maxAttempts: number;
  /** Quiet hours, local hour of day [start, end), e.g. 21 → 8; none when start equals end. */
  quietStartHour: number;
  quietEndHour: number;
  /** Sends per second per channel for this process. */
  ratePerSecond: Record<string, number>;
  /** Most messages one customer receives in 24 hours (all journeys); 0 means no cap. */
  frequencyCap: number;
}

/** Defaults: retries over about 4 minutes, quiet 21:00–08:00, 3 messages a day. */
export const defaultPolicy: DeliveryPolicy = {
  baseBackoffMs: 1000,
  maxBackoffMs: 5 * 60_000,
  maxAttempts: 8,
  quietStartHour: 21,
  quietEndHour: 8,
  ratePerSecond: { email: 50, sms: 20, whatsapp: 20, webhook: 50, ticket: 10, surveyLink: 20 },
  frequencyCap: 3,
};

/** Delay before try `attempt + 1` (attempt ≥ 1): exponential, capped, with up to 20 % spread from `salt` so retries of many runs do not arrive together. */
export function backoffMs(policy: DeliveryPolicy, attempt: number, salt: string, retryAfterMs?: number): number {
  const exp = Math.min(policy.maxBackoffMs, policy.baseBackoffMs * 2 ** Math.max(0, attempt - 1));
  let h = 0;
  for (let i = 0; i < salt.length; i++) h = (h * 31 + salt.charCodeAt(i)) | 0;
  const spread = 1 + ((h >>> 0) % 200) / 1000;
  return Math.max(Math.round(exp * spread), retryAfterMs ?? 0);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Local hour and minute of `ms` in `timeZone`; undefined for an unknown zone. */
export function localTime(ms: number, timeZone: string): { hour: number; minute: number } | undefined {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    } catch {
      return undefined;
    }
    formatters.set(timeZone, f);
  }
  const parts = f.formatToParts(new Date(ms));
  return { hour: Number(parts.find((p) => p.type === 'hour')?.value), minute: Number(parts.find((p) => p.type === 'minute')?.value) };
}

/** When quiet hours end for this customer, or undefined when a message may go now. Unknown zones count as UTC. */
export function quietUntil(policy: DeliveryPolicy, now: number, timeZone = 'UTC'): number | undefined {
  const { quietStartHour: start, quietEndHour: end } = policy;
  if (start === end) return undefined;
  const t = localTime(now, timeZone) ?? localTime(now, 'UTC')!;
  const inQuiet = start < end ? t.hour >= start && t.hour < end : t.hour >= start || t.hour < end;
  if (!inQuiet) return undefined;
  const hoursLeft = (end - t.hour + 24) % 24 || 24;
  // To the start of the end hour, local time (whole minutes; DST shifts move it by at most an hour).
  return now - (now % 60_000) + (hoursLeft * 60 - t.minute) * 60_000;
}

/** A token bucket per channel. `take` answers the wait before a send may go (0: go now, and a token is used). */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  constructor(private readonly perSecond: Record<string, number>, private readonly now: () => number) {}

  take(channel: string): number {
    const rate = this.perSecond[channel];
    if (!rate || rate <= 0) return 0;
    const t = this.now();
    const b = this.buckets.get(channel) ?? { tokens: rate, at: t };
    b.tokens = Math.min(rate, b.tokens + ((t - b.at) / 1000) * rate);
    b.at = t;
    this.buckets.set(channel, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - b.tokens) / rate) * 1000);
  }
}

/**
 * Messages per customer in the last 24 hours. Runs are partitioned by customer, so one worker sees
 * all of a customer's runs and this count is exact for the partitions it owns; it is rebuilt from the
 * runs' step logs when a partition is claimed.
 */
export class FrequencyCap {
  private readonly sent = new Map<string, number[]>();
  constructor(private readonly cap: number) {}

  /** Remembers a send. */
  record(customerId: string, at: number): void {
    const list = this.sent.get(customerId) ?? [];
    list.push(at);
    this.sent.set(customerId, list);
  }

  /** When the customer may receive the next message, or undefined if now. */
  nextAllowed(customerId: string, now: number): number | undefined {
    if (this.cap <= 0) return undefined;
    const day = 86_400_000;
    const list = (this.sent.get(customerId) ?? []).filter((t) => t > now - day);
    this.sent.set(customerId, list);
    if (list.length < this.cap) return undefined;
    return Math.min(...list) + day;
  }

  /** Forgets a customer (partition lost). */
  forget(customerId: string): void {
    this.sent.delete(customerId);
  }
}
