import { describe, expect, test } from 'vitest';
import { Notifier, pageTtlMs } from './notifier';

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('notifier', () => {
  test('requests for the same page share one read and one serialisation until the next write', async () => {
    let now = 0;
    const notifier = new Notifier(() => now);
    let reads = 0;
    // Not derivable: only requests asking exactly the same share it.
    const read = async () => {
      reads++;
      return { results: [{ id: 'a', seq: reads }], last_seq: reads, derivable: false };
    };
    const handle = {};
    const at = (since: number) => ({ since, limit: 10, shape: 'docs', handle });
    const pages = await Promise.all(Array.from({ length: 500 }, () => notifier.page('acme-x', at(3), read)));
    expect(reads).toBe(1);
    expect(new Set(pages.map((p) => p.text)).size).toBe(1);
    expect(pages[0]).toMatchObject({ count: 1 });
    expect(String(pages[0]!.text)).toBe('{"results":[{"id":"a","seq":1}],"last_seq":1}\n');
    await notifier.page('acme-x', at(3), read);
    await notifier.page('acme-x', at(9), read);
    expect(reads).toBe(2);
    notifier.notify('acme-x');
    await notifier.page('acme-x', at(3), read);
    expect(reads).toBe(3);
    now += pageTtlMs;
    await notifier.page('acme-x', at(3), read);
    expect(reads).toBe(4);
  });

  test('a failed read is not kept', async () => {
    const notifier = new Notifier();
    const k = { since: 0, limit: undefined, shape: '', handle: {} };
    await expect(notifier.page('acme-x', k, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(notifier.page('acme-x', k, async () => ({ results: [], last_seq: 0, derivable: true }))).resolves.toMatchObject({ count: 0 });
  });

  test('a burst of writes wakes each waiter once, on the next turn', async () => {
    const notifier = new Notifier();
    let wakes = 0;
    const off = notifier.subscribe('acme-x', () => wakes++);
    notifier.notify('acme-x');
    notifier.notify('acme-x');
    notifier.notify('acme-y');
    expect(wakes).toBe(0);
    await tick();
    expect(wakes).toBe(1);
    off();
    notifier.notify('acme-x');
    await tick();
    expect(wakes).toBe(1);
  });
});
