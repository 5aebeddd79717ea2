import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { Wakes, maxWakeIntervalMs, wakeInterval } from './wakes';

// Fake timers: the intervals are checked by moving the clock, never by waiting.
beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

/** `count` longpolls waiting on `db`, each counting its wake-ups and waiting again after one. */
function waiters(wakes: Wakes, db: string, count: number): { woken: () => number } {
  let woken = 0;
  for (let i = 0; i < count; i++) {
    const again = (): void => {
      const off = wakes.subscribe(db, () => {
        off();
        woken++;
        again();
      });
    };
    again();
  }
  return { woken: () => woken };
}

describe('wake-ups of a database', () => {
  test('the interval grows with the waiters and is capped', () => {
    expect(wakeInterval(0)).toBe(0);
    expect(wakeInterval(10)).toBeLessThan(wakeInterval(100));
    expect(wakeInterval(100_000)).toBe(maxWakeIntervalMs);
  });

  test('the first change wakes on the next turn; changes within the interval wake once, when it ends', async () => {
    const seq = { acme: 1 };
    const wakes = new Wakes(undefined, async () => seq.acme);
    const { woken } = waiters(wakes, 'acme-doorbell', 500);
    wakes.notify('acme-doorbell');
    await vi.advanceTimersByTimeAsync(0);
    expect(woken()).toBe(500);
    // A burst of rings right after: nobody is answered until the interval has passed, then once.
    for (let i = 0; i < 20; i++) {
      seq.acme++;
      wakes.notify('acme-doorbell');
    }
    await vi.advanceTimersByTimeAsync(wakeInterval(500) - 1);
    expect(woken()).toBe(500);
    await vi.advanceTimersByTimeAsync(1);
    expect(woken()).toBe(1000);
    // A quiet spell, then a change: at once again.
    await vi.advanceTimersByTimeAsync(maxWakeIntervalMs * 2);
    wakes.notify('acme-doorbell');
    await vi.advanceTimersByTimeAsync(0);
    expect(woken()).toBe(1500);
  });

  test('a longpoll from the last published position waits for the next wake-up; one behind it does not', async () => {
    let seq = 7;
    const wakes = new Wakes(undefined, async () => seq);
    waiters(wakes, 'acme-doorbell', 300);
    expect(wakes.holds('acme-doorbell', 7)).toBe(false); // never woken: nothing to hold to
    wakes.notify('acme-doorbell');
    await vi.advanceTimersByTimeAsync(0);
    // Published up to 7. Nothing is coming: a longpoll with changes is answered.
    seq = 9;
    expect(wakes.holds('acme-doorbell', 7)).toBe(false);
    wakes.notify('acme-doorbell');
    // 8 and 9 come with the next wake-up: from 7 or later, wait for it; from before 7, answer now.
    expect(wakes.holds('acme-doorbell', 7)).toBe(true);
    expect(wakes.holds('acme-doorbell', 8)).toBe(true);
    expect(wakes.holds('acme-doorbell', 6)).toBe(false);
    await vi.advanceTimersByTimeAsync(maxWakeIntervalMs);
    expect(wakes.holds('acme-doorbell', 7)).toBe(false);
  });

  test('nothing is held when the sequence cannot be read, and databases without waiters wake at once', async () => {
    const wakes = new Wakes(undefined, () => Promise.reject(new Error('database deleted')));
    const { woken } = waiters(wakes, 'acme-personas', 400);
    wakes.notify('acme-personas');
    await vi.advanceTimersByTimeAsync(0);
    wakes.notify('acme-personas');
    expect(wakes.holds('acme-personas', 0)).toBe(false);
    await vi.advanceTimersByTimeAsync(maxWakeIntervalMs);
    expect(woken()).toBe(800);
    const reads: string[] = [];
    const quiet = new Wakes(undefined, async (db) => {
      reads.push(db);
      return 1;
    });
    quiet.notify('acme-journeys');
    quiet.notify('acme-journeys');
    await vi.advanceTimersByTimeAsync(0);
    quiet.notify('acme-journeys');
    expect(quiet.holds('acme-journeys', 5)).toBe(false);
    expect(reads).toEqual([]);
  });

  test('a change while the sequence is read wakes again after the interval; shutdown wakes everyone at once', async () => {
    let release: (seq: number) => void = () => undefined;
    const wakes = new Wakes(undefined, () => new Promise<number>((resolve) => (release = resolve)));
    const { woken } = waiters(wakes, 'acme-doorbell', 100);
    wakes.notify('acme-doorbell');
    await vi.advanceTimersByTimeAsync(0);
    wakes.notify('acme-doorbell'); // lands while the sequence is read
    release(3);
    await vi.advanceTimersByTimeAsync(0);
    expect(woken()).toBe(100);
    expect(wakes.holds('acme-doorbell', 3)).toBe(true);
    wakes.wakeAll();
    expect(woken()).toBe(200);
  });
});
