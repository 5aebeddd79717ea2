import { describe, expect, it } from 'vitest';
import { backoffMs, defaultPolicy, FrequencyCap, quietUntil, RateLimiter } from './policy';

const at = (iso: string) => Date.parse(iso);

describe('delivery policy', () => {
  it('defers a send inside quiet hours to their end in the customer\'s zone', () => {
    const p = { ...defaultPolicy, quietStartHour: 21, quietEndHour: 8 };
    // 23:30 in Berlin (UTC+1 in December) → 08:00 Berlin = 07:00 UTC.
    expect(new Date(quietUntil(p, at('2026-12-05T22:30:00Z'), 'Europe/Berlin')!).toISOString()).toBe('2026-12-06T07:00:00.000Z');
    // 03:15 in New York → 08:00 New York = 13:00 UTC.
    expect(new Date(quietUntil(p, at('2026-12-05T08:15:00Z'), 'America/New_York')!).toISOString()).toBe('2026-12-05T13:00:00.000Z');
    // Noon in Berlin: no wait.
    expect(quietUntil(p, at('2026-12-05T11:00:00Z'), 'Europe/Berlin')).toBeUndefined();
    // An unknown zone counts as UTC.
    expect(new Date(quietUntil(p, at('2026-12-05T22:00:00Z'), 'Mars/Olympus')!).toISOString()).toBe('2026-12-06T08:00:00.000Z');
    expect(quietUntil({ ...p, quietStartHour: 0, quietEndHour: 0 }, at('2026-12-05T02:00:00Z'))).toBeUndefined();
  });

  it('backs off exponentially with a bounded spread, capped, honouring Retry-After', () => {
    const p = { ...defaultPolicy, baseBackoffMs: 1000, maxBackoffMs: 60_000 };
    for (const [attempt, base] of [[1, 1000], [2, 2000], [3, 4000], [10, 60_000]] as const) {
      const d = backoffMs(p, attempt, 'run:step');
      expect(d).toBeGreaterThanOrEqual(base);
      expect(d).toBeLessThanOrEqual(base * 1.2);
    }
    expect(backoffMs(p, 1, 'k', 30_000)).toBe(30_000);
  });

  it('caps messages per customer over 24 hours', () => {
    const cap = new FrequencyCap(2);
    const t = at('2026-12-05T10:00:00Z');
    expect(cap.nextAllowed('c', t)).toBeUndefined();
    cap.record('c', t);
    cap.record('c', t + 1000);
    expect(cap.nextAllowed('c', t + 2000)).toBe(t + 86_400_000);
    expect(cap.nextAllowed('other', t + 2000)).toBeUndefined();
    expect(cap.nextAllowed('c', t + 86_400_001)).toBeUndefined();
  });

  it('meters each channel with a token bucket', () => {
    let now = 0;
    const rate = new RateLimiter({ sms: 2 }, () => now);
    expect([rate.take('sms'), rate.take('sms')]).toEqual([0, 0]);
    expect(rate.take('sms')).toBe(500);
    now = 500;
    expect(rate.take('sms')).toBe(0);
    expect(rate.take('email')).toBe(0);
  });
});
