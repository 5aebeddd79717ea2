import { describe, expect, it } from 'vitest';
import type { Table } from './table';
import { demographicColumns, followedChart, followedDemographics, followEvidence } from './follow';

const table: Table = {
  rowCount: 5,
  columns: new Map([
    ['age', { type: 'number', values: Float64Array.from([20, 30, 40, 50, 60]) }],
    ['q7', { type: 'category', dict: ['Web', 'App'], codes: Int32Array.from([0, 0, 1, -1, 1]) }],
    ['tools', { type: 'multi', dict: ['Excel', 'Figma'], offsets: Uint32Array.from([0, 2, 3, 3, 4, 4]), codes: Int32Array.from([0, 1, 0, 1]) }],
    ['note', { type: 'text', values: ['a', 'b', 'c', 'd', 'e'] }],
  ]),
  datasetIds: ['d'], datasetOfRow: new Uint16Array(5), waveIds: ['w'], waveOfRow: new Uint32Array(5),
};
const all = Uint8Array.from([1, 1, 1, 1, 1]);
const firstThree = Uint8Array.from([1, 1, 1, 0, 0]);

describe('follow data', () => {
  it('finds demographic columns by key or question text', () => {
    const columns = [...table.columns.entries()].map(([key, c]) => ({ key, type: c.type, label: key === 'q7' ? 'Where do you live?' : key }));
    expect(demographicColumns(columns)).toEqual({ age: 'age', location: 'q7' });
  });

  it('computes chart shares from the matched respondents only, by hand', () => {
    const r = followedChart(table, 'q7', firstThree);
    if (typeof r === 'string') throw new Error(r);
    expect(r.answering).toBe(3);
    expect(r.points.map((p) => [p.label, p.value])).toEqual([['Web', 66.7], ['App', 33.3]]);
    // Ids are a function of column and answer, so an unchanged result rewrites nothing.
    expect(r.points[0]!.id).toMatch(/^f[0-9a-z]+$/i);
    expect((followedChart(table, 'q7', firstThree) as typeof r).points).toEqual(r.points);
    const multi = followedChart(table, 'tools', all);
    if (typeof multi === 'string') throw new Error(multi);
    expect(multi.points.map((p) => [p.label, p.value])).toEqual([['Excel', 66.7], ['Figma', 66.7]]);
  });

  it('refuses a column a chart cannot follow, or one nobody answered', () => {
    expect(followedChart(table, 'age', all)).toMatch(/not a choice column/);
    expect(followedChart(table, 'gone', all)).toMatch(/not a choice column/);
    expect(followedChart(table, 'q7', Uint8Array.from([0, 0, 0, 1, 0]))).toMatch(/No matched respondent/);
  });

  it('writes demographics lines from numbers and choices', () => {
    expect(followedDemographics(table, { age: 'age', location: 'q7' }, firstThree)).toEqual({ age: '20–40 (mean 30)', location: 'Web (67 %)' });
    expect(followEvidence({ datasetId: 'd', datasetName: 'Wave 1', match: 'strong' }, 1234).source).toBe('Wave 1: 1,234 matched respondents (strong matches), followed');
  });
});
