import { describe, expect, it, vi } from 'vitest';
import type { MarkProgress } from './partitionMarks';
import { checkMark } from './partitionMarks';

const fresh = (): MarkProgress => ({ done: new Set(), checked: new Set(), asking: new Set() });

describe('checkMark', () => {
  it('marks a partition done and closes when its mark exists', async () => {
    const progress = fresh();
    const whenDone = vi.fn(async () => undefined);
    await checkMark(progress, 3, async () => ({ _id: 'mark' }), whenDone, () => expect.fail('no warning expected'));
    expect([...progress.checked]).toEqual([3]);
    expect([...progress.done]).toEqual([3]);
    expect(whenDone).toHaveBeenCalledOnce();
    expect(progress.asking.size).toBe(0);
  });

  it('leaves a partition to be done when it has no mark', async () => {
    const progress = fresh();
    const whenDone = vi.fn(async () => undefined);
    await checkMark(progress, 1, async () => undefined, whenDone, () => expect.fail('no warning expected'));
    expect([...progress.checked]).toEqual([1]);
    expect(progress.done.size).toBe(0);
    expect(whenDone).not.toHaveBeenCalled();
  });

  it('warns and keeps the partition unchecked when the read fails, so a later tick asks again', async () => {
    const progress = fresh();
    const warnings: unknown[] = [];
    await checkMark(progress, 2, async () => { throw new Error('server gone'); }, async () => undefined, (e) => warnings.push(e));
    expect(String(warnings[0])).toContain('server gone');
    expect(progress.checked.size).toBe(0);
    expect(progress.asking.size).toBe(0);
    await checkMark(progress, 2, async () => null, async () => undefined, () => expect.fail('no warning expected'));
    expect([...progress.checked]).toEqual([2]);
  });

  it('reads a partition once while a read of it is in flight', async () => {
    const progress = fresh();
    let release!: () => void;
    const read = vi.fn(() => new Promise<undefined>((resolve) => { release = () => resolve(undefined); }));
    const first = checkMark(progress, 0, read, async () => undefined, () => undefined);
    await checkMark(progress, 0, read, async () => undefined, () => undefined);
    expect(read).toHaveBeenCalledOnce();
    release();
    await first;
    expect([...progress.checked]).toEqual([0]);
  });
});
