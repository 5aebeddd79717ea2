import { describe, expect, it } from 'vitest';
import type { MigrationResultDoc, OpenRunsDoc } from './migrate';
import { migrateRefusal, migrationPreview, migrationSummary, openRunsByVersion, stepMoves, stepOfRun, stepsById } from './migrate';

const census = (partition: number, versions: OpenRunsDoc['versions']): OpenRunsDoc => ({ _id: `o|j|${partition}`, type: 'openRuns', journeyId: 'j', partition, versions, at: 0 });
const v1 = [{ id: 't', kind: 'trigger' }, { id: 'w', kind: 'wait' }, { id: 'old', kind: 'wait' }, { id: 'mail', kind: 'action' }];
const v2 = [{ id: 't', kind: 'trigger' }, { id: 'w', kind: 'wait' }, { id: 'mail', kind: 'condition' }];

describe('moving runs between versions', () => {
  it('maps a step by node id and kind; a go-to start maps anywhere', () => {
    const a = stepsById(v1);
    const b = stepsById(v2);
    expect(stepMoves('w', a, b)).toBe(true);
    expect(stepMoves('old', a, b)).toBe(false);
    expect(stepMoves('mail', a, b)).toBe(false); // same id, another kind of step
    expect(stepMoves('', a, b)).toBe(true);
    expect(stepOfRun({ state: null, start: { triggerNodeId: 't', at: 0, attributes: {} } })).toBe('t');
  });

  it('previews from the census of every partition, only for the chosen version', () => {
    const docs = [census(0, { 1: { w: 3, old: 1 }, 2: { w: 5 } }), census(1, { 1: { old: 2, mail: 1, t: 1 } })];
    expect(migrationPreview(docs, 1, v1, v2)).toEqual({ move: 4, stay: [{ nodeId: 'old', count: 3 }, { nodeId: 'mail', count: 1 }] });
    expect(Object.fromEntries(openRunsByVersion(docs))).toEqual({ 1: 8, 2: 5 });
  });

  it('sums per-partition results once per partition', () => {
    const mark = (partition: number, moved: number, stayed: Record<string, number>, stayedCustomers: string[]): MigrationResultDoc =>
      ({ _id: `m|c|${partition}`, type: 'migration', command: 'c', journeyId: 'j', from: 1, to: 2, partition, moved, stayed, stayedCustomers, at: 0, worker: 'w' });
    const s = migrationSummary([mark(0, 3, { old: 1 }, ['b']), mark(1, 2, { old: 2 }, ['a', 'c']), mark(1, 2, { old: 2 }, ['a', 'c'])]);
    expect(s).toEqual({ moved: 5, stay: [{ nodeId: 'old', count: 3 }], stayedCustomers: ['a', 'b', 'c'], partitionsDone: 2 });
  });

  it('refuses malformed migrate commands', () => {
    for (const bad of [{ journeyId: 'j', from: 1, to: 1 }, { journeyId: '', from: 1, to: 2 }, { journeyId: 'j', from: 0, to: 2 }, { journeyId: 'j', from: 1.5, to: 2 }, { journeyId: 'j', from: '1', to: 2 }]) {
      expect(migrateRefusal(bad)).toMatch(/two different published version numbers/);
    }
    expect(migrateRefusal({ journeyId: 'j', from: 1, to: 2 })).toBeNull();
  });
});
