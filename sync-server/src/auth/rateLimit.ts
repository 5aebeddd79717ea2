/**
 * Counts failed sign-ins per key (login name, client address) in a fixed window. Successful
 * sign-ins do not count. The map is bounded so a flood of made-up names cannot exhaust memory.
 */
export class FailureLimiter {
  private readonly failures = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly maxFailures: number,
    private readonly windowMs: number,
    private readonly maxKeys = 10_000,
  ) {}

  /** Milliseconds until `key` may try again, or 0 when it may try now. */
  blockedFor(key: string, now: number): number {
    const entry = this.failures.get(key);
    if (!entry || entry.resetAt <= now) return 0;
    return entry.count >= this.maxFailures ? entry.resetAt - now : 0;
  }

  /** Records one failure of `key`. */
  fail(key: string, now: number): void {
    const entry = this.failures.get(key);
    if (entry && entry.resetAt > now) {
      entry.count++;
      return;
    }
    if (this.failures.size >= this.maxKeys) this.evict(now);
    this.failures.set(key, { count: 1, resetAt: now + this.windowMs });
  }

  private evict(now: number): void {
    for (const [key, entry] of this.failures) if (entry.resetAt <= now) this.failures.delete(key);
    // Still full: drop the oldest entries (Map keeps insertion order).
    for (const key of this.failures.keys()) {
      if (this.failures.size < this.maxKeys) break;
      this.failures.delete(key);
    }
  }
}
