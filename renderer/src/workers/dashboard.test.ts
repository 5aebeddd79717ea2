import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Rule } from '../../../common/analytics/rules';
import { decodeDatasets } from '../../../common/analytics/table';
import { importDataset } from '../../../common/import/importer';
import { computeDashboard } from './dashboard';
import { computeSnapshots } from './snapshotJob';

const rules: Rule[] = [
  { id: 'age', kind: 'range', column: 'age', min: 25, max: 40 },
  { id: 'city', kind: 'oneOf', column: 'location', values: ['London', 'Leeds'] },
  { id: 'goal', kind: 'overlap', column: 'goals', values: ['save time'] },
];

async function fixtureTable() {
  const bytes = readFileSync(new URL('../../../e2e/fixtures/survey-small.csv', import.meta.url));
  const res = await importDataset(bytes, { fileName: 'survey-small.csv', datasetId: 'ds', now: 1 });
  if (!res.ok) throw new Error(res.message);
  return decodeDatasets([{ header: res.data.header, chunks: res.data.chunks }]);
}

describe('the dashboard of the e2e fixture, computed by hand', () => {
  test('scores, buckets, coverage and live metrics of the matched responses', async () => {
    const table = await fixtureTable();
    const d = await computeDashboard(table, [{ id: 'p', name: 'P', rules }], { timeZone: 'UTC', detail: 'p' });
    const p = d.personas[0]!;
    expect(p.scored).toBe(6);
    expect(p.averagePercent).toBeCloseTo(400 / 6, 10);
    expect(p.distribution).toEqual({ strong: 2, moderate: 2, weak: 2 });
    expect(p.coverage).toMatchObject({ covered: 4, total: 6 });
    expect(p.live).toMatchObject({ responses: 4, nps: 75, npsMean: 9, satisfaction: 4.5, trust: 4.5, effort: 2, promoters: 3, detractors: 0 });
    expect(p.top.map((t) => t.respondentId)).toEqual(['r1', 'r2', 'r5', 'r6', 'r3', 'r4']);
    expect(p.top[3]!.items.map((i) => i.outcome)).toEqual(['matched', 'matched', 'missing']);
    expect(d.volume).toEqual([{ day: '2026-11-01', responses: 2 }, { day: '2026-11-02', responses: 2 }, { day: '2026-11-03', responses: 2 }]);
    expect(p.daily.map((x) => [x.day, x.strong, x.moderate, x.weak])).toEqual([['2026-11-01', 2, 0, 0], ['2026-11-02', 0, 0, 2], ['2026-11-03', 0, 2, 0]]);
  });

  test('only the persona on screen carries per-day figures and explanations', async () => {
    const table = await fixtureTable();
    const d = await computeDashboard(table, [{ id: 'a', name: 'A', rules }, { id: 'b', name: 'B', rules }], { timeZone: 'UTC', detail: 'b' });
    expect([d.personas[0]!.top.length, d.personas[0]!.daily.length]).toEqual([0, 0]);
    expect(d.personas[1]!.top.length).toBe(6);
    expect(d.overlap).toEqual([[4, 4], [4, 4]]);
  });

  test('a date range counts only its rows', async () => {
    const table = await fixtureTable();
    const d = await computeDashboard(table, [{ id: 'p', name: 'P', rules }], { timeZone: 'UTC', from: Date.UTC(2026, 10, 3), to: Date.UTC(2026, 10, 4) - 1 });
    expect(d.personas[0]).toMatchObject({ scored: 2, distribution: { strong: 0, moderate: 2, weak: 0 } });
  });
});

describe('the snapshot job', () => {
  const persona = { id: 'p', name: 'P', rules, enabled: true, firstDay: '2026-11-20', existing: [] };

  test('catches up from the persona’s first day, or from the first response with backfill', async () => {
    const table = await fixtureTable();
    const plain = computeSnapshots(table, [persona], { timeZone: 'UTC', today: '2026-11-23', now: 9, backfill: false });
    expect(plain.docs.map((d) => d.day)).toEqual(['2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23']);
    const back = computeSnapshots(table, [persona], { timeZone: 'UTC', today: '2026-11-23', now: 9, backfill: true });
    expect(back.docs).toHaveLength(23);
    expect(back.earliestDay).toBe('2026-11-01');
    expect(back.docs.find((d) => d.day === '2026-11-01')?.metrics.live).toMatchObject({ responses: 2, nps: 100 });
  });

  test('is idempotent: ids are deterministic and stored days are not recomputed', async () => {
    const table = await fixtureTable();
    const first = computeSnapshots(table, [persona], { timeZone: 'UTC', today: '2026-11-23', now: 1, backfill: true });
    const again = computeSnapshots(table, [persona], { timeZone: 'UTC', today: '2026-11-23', now: 2, backfill: true });
    expect(again.docs.map((d) => d.id)).toEqual(first.docs.map((d) => d.id));
    const stored = { ...persona, existing: first.docs.map((d) => ({ day: d.day, inputsDigest: d.inputsDigest })) };
    expect(computeSnapshots(table, [stored], { timeZone: 'UTC', today: '2026-11-23', now: 3, backfill: true }).docs).toEqual([]);
  });

  test('respects the per-persona switch', async () => {
    const table = await fixtureTable();
    expect(computeSnapshots(table, [{ ...persona, enabled: false }], { timeZone: 'UTC', today: '2026-11-23', now: 1, backfill: true }).docs).toEqual([]);
  });
});
