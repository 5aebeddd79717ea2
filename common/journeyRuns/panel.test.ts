import { describe, expect, it } from 'vitest';
import type { CounterDoc } from './docs';
import { checkCustomerId, liveNodeCounts, liveWorkers, runTotals, stageRunCounts } from './panel';

const counter = (partition: number, nodes: CounterDoc['nodes'], started = 0, finished: Record<string, number> = {}): CounterDoc =>
  ({ _id: `c|j|2026-12-05|${partition}`, type: 'counter', journeyId: 'j', day: '2026-12-05', partition, nodes, sends: {}, started, finished });

describe('Runs panel reading of engine documents', () => {
  it('sums counters over partitions and days: runs at a wait are waiting, elsewhere active; failed runs only count as failed', () => {
    const counts = liveNodeCounts([
      counter(0, { t: { entered: 3, left: 3, failed: 0 }, w: { entered: 3, left: 1, failed: 0 }, mail: { entered: 1, left: 0, failed: 1 } }, 3),
      counter(1, { t: { entered: 2, left: 2, failed: 0 }, w: { entered: 2, left: 0, failed: 0 }, mail: { entered: 2, left: 0, failed: 0 } }, 2, { exited: 1 }),
    ], new Set(['w']));
    expect(counts.t).toEqual({ active: 0, waiting: 0, done: 5, failed: 0 });
    expect(counts.w).toEqual({ active: 0, waiting: 4, done: 1, failed: 0 });
    expect(counts.mail).toEqual({ active: 2, waiting: 0, done: 0, failed: 1 });
    expect(runTotals([counter(0, {}, 3), counter(1, {}, 2, { exited: 1 })])).toEqual({ started: 5, finished: { exited: 1 } });
  });

  it('never shows a negative count when a retry is counted before its failure (other partition order)', () => {
    expect(liveNodeCounts([counter(0, { m: { entered: 0, left: 1, failed: -1 } })], new Set()).m).toEqual({ active: 0, waiting: 0, done: 1, failed: 0 });
  });

  it('checks a typed customer id', () => {
    expect(checkCustomerId('  ann@example.com ')).toEqual({ ok: true, id: 'ann@example.com' });
    expect(checkCustomerId('   ')).toEqual({ ok: false, problem: 'empty' });
    expect(checkCustomerId('x'.repeat(201))).toEqual({ ok: false, problem: 'tooLong' });
    expect(checkCustomerId('a\tb')).toEqual({ ok: false, problem: 'control' });
  });

  it('counts only engine processes whose heartbeat has not run out', () => {
    expect(liveWorkers([{ _id: 'worker|b', type: 'worker', worker: 'b', expiresAt: 2000 }, { _id: 'worker|a', type: 'worker', worker: 'a', expiresAt: 500 }], 1000)).toEqual(['b']);
  });
});

describe('live runs per map stage', () => {
  it('adds up the runs now at, and failed at, the steps tied to each stage', () => {
    const nodes = [
      { id: 'trigger', stageId: 'st1' },
      { id: 'wait', stageId: 'st1' },
      { id: 'mail', stageId: 'st2' },
      { id: 'loose' },
      { id: 'new', stageId: 'st3' },
    ];
    const counts = {
      trigger: { active: 1, waiting: 0, done: 9, failed: 0 },
      wait: { active: 0, waiting: 4, done: 5, failed: 0 },
      mail: { active: 2, waiting: 0, done: 3, failed: 1 },
      loose: { active: 7, waiting: 7, done: 7, failed: 7 },
    };
    expect(stageRunCounts(nodes, counts)).toEqual({
      st1: { active: 1, waiting: 4, failed: 0 },
      st2: { active: 2, waiting: 0, failed: 1 },
      // A step the engine has no counter for yet counts nothing, but its stage is shown.
      st3: { active: 0, waiting: 0, failed: 0 },
    });
  });
});
