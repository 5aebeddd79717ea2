import { describe, expect, it } from 'vitest';
import { analyse } from './analyse';
import { assignRows, compareAssignments, confidenceOf, countAssignments } from './assignment';
import type { Table } from './table';
import type { Rule } from './rules';

// Five respondents: ages and a city; two personas whose rules overlap on purpose.
const table: Table = {
  rowCount: 5,
  columns: new Map([
    ['age', { type: 'number', values: Float64Array.from([25, 30, 45, 60, Number.NaN]) }],
    ['location', { type: 'category', dict: ['London', 'Leeds'], codes: Int32Array.from([0, 0, 1, 1, -1]) }],
  ]),
  datasetIds: ['d'], datasetOfRow: new Uint16Array(5), waveIds: ['w'], waveOfRow: new Uint32Array(5),
};
const range = (id: string, min: number, max: number): Rule => ({ id, kind: 'range', column: 'age', min, max });
const oneOf = (id: string, values: string[]): Rule => ({ id, kind: 'oneOf', column: 'location', values });

describe('assignment', () => {
  it('takes the best persona at ≥ 50 with the margin over the runner-up, by hand', () => {
    const analysis = analyse(table, [
      { id: 'young', name: 'Young Londoner', rules: [range('a', 20, 35), oneOf('b', ['London'])] },
      { id: 'leeds', name: 'Leeds', rules: [oneOf('c', ['Leeds']), range('d', 28, 50)] },
    ]);
    const a = assignRows(analysis);
    // Row 0: young 100, leeds 0 → young, margin 100. Row 1: young 100, leeds 50 → young, margin 50.
    // Row 2: young 0, leeds 100 → leeds. Row 3: young 0, leeds 50 → leeds, margin 50. Row 4: nothing.
    expect(Array.from(a.best)).toEqual([0, 0, 1, 1, -1]);
    expect(Array.from(a.percent)).toEqual([100, 100, 100, 50, 0]);
    expect(Array.from(a.margin)).toEqual([100, 50, 100, 50, 0]);
    expect(Array.from(a.scored)).toEqual([1, 1, 1, 1, 1]);
    expect(countAssignments(a, 2)).toEqual({ perPersona: [{ clear: 2, likely: 0, close: 0 }, { clear: 2, likely: 0, close: 0 }], unassigned: 1 });
  });

  it('leaves rows outside the date range out of every count', () => {
    const dated: Table = { ...table, columns: new Map([...table.columns, ['submittedAt', { type: 'date', values: Float64Array.from([1, 2, 3, 4, 5]) }]]) };
    const a = assignRows(analyse(dated, [{ id: 'x', name: 'X', rules: [oneOf('a', ['London', 'Leeds'])] }], { from: 3, to: 5 }));
    expect(Array.from(a.scored)).toEqual([0, 0, 1, 1, 1]);
    expect(countAssignments(a, 1)).toEqual({ perPersona: [{ clear: 2, likely: 0, close: 0 }], unassigned: 1 });
  });

  it('calls a tie a close call and keeps the first persona', () => {
    const analysis = analyse(table, [
      { id: 'x', name: 'X', rules: [oneOf('a', ['London'])] },
      { id: 'y', name: 'Y', rules: [range('b', 20, 35)] },
    ]);
    const a = assignRows(analysis);
    expect(a.best[0]).toBe(0);
    expect(a.margin[0]).toBe(0);
    expect(confidenceOf(a.margin[0]!)).toBe('close');
    expect(confidenceOf(10)).toBe('likely');
    expect(confidenceOf(25)).toBe('clear');
  });

  it('counts moves between personas by respondent, with arrivals and departures apart', () => {
    const change = compareAssignments(
      { keys: ['r1', 'r2', 'r3', 'r4'], personaIds: ['a', 'b'], best: [0, 1, -1, 0] },
      { keys: ['r1', 'r2', 'r3', 'r5'], personaIds: ['b', 'a', 'c'], best: [1, 1, 2, 0] },
    );
    expect(change.personaIds).toEqual(['a', 'b', 'c']);
    // r1 a→a (index 1 of after is 'a'); r2 b→a; r3 none→c; r4 gone; r5 new.
    expect(change.moves[0]![0]).toBe(1);
    expect(change.moves[1]![0]).toBe(1);
    expect(change.moves[3]![2]).toBe(1);
    expect(change.changed).toBe(2);
    expect(change.added).toBe(1);
    expect(change.removed).toBe(1);
  });
});
