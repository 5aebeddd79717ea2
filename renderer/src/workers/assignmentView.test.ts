import { describe, expect, it } from 'vitest';
import { analyse } from '../../../common/analytics/analyse';
import type { Table } from '../../../common/analytics/table';
import { assignmentView } from './assignmentView';

const table: Table = {
  rowCount: 3,
  columns: new Map([['location', { type: 'category', dict: ['London', 'Leeds'], codes: Int32Array.from([0, 1, 0]) }]]),
  datasetIds: ['d'], datasetOfRow: new Uint16Array(3), waveIds: ['w'], waveOfRow: new Uint32Array(3),
};
const keys = ['r1', 'r2', 'r3'];
const personas = (values: string[]) => [{ id: 'p', name: 'P', rules: [{ id: 'a', kind: 'oneOf' as const, column: 'location', values }] }];

describe('assignmentView', () => {
  it('takes the first classification it sees as the baseline, so the panel and its re-classify show at once', () => {
    const { view, current } = assignmentView(analyse(table, personas(['London'])), table, keys, null, null, 1000);
    expect(view.classifiedAt).toBe(1000);
    expect(view.change.changed).toBe(0);
    expect(current.at).toBe(1000);
  });

  it('compares a rules change with the accepted classification', () => {
    const { current: accepted } = assignmentView(analyse(table, personas(['London'])), table, keys, null, null, 1000);
    const { view } = assignmentView(analyse(table, personas(['London', 'Leeds'])), table, keys, null, accepted, 2000);
    expect(view.classifiedAt).toBe(1000);
    expect(view.change.changed).toBe(1); // r2: no persona → P
  });
});
