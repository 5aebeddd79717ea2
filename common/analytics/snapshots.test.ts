import { describe, expect, test } from 'vitest';
import { tableFromRecords } from '../import/records';
import { analyse } from './analyse';
import { dailyFigures, dayFingerprints, matchedMetrics, tableDays } from './daily';
import { emptyMetrics, mergeMetrics, summariseMetrics } from './metrics';
import { evolution } from './evolution';
import { hashString } from './hash';
import type { Rule } from './rules';
import { buildSnapshot, dayDigest, daysToSnapshot, firstResponseDay, latestPerDay, snapshotId, snapshotsFor, type PersonaSnapshotDoc } from './snapshots';

const rules: Rule[] = [{ id: 'promoter', column: 'nps', kind: 'range', min: 9 }];
const inputs = { personaId: 'p1', rules, timeZone: 'Europe/Paris' };
const at = (iso: string) => Date.parse(iso);
const records = [
  { respondentId: 'a', submittedAt: at('2024-03-04T22:30:00Z'), nps: 10, satisfaction: 5 }, // 23:30 Paris, 4 March
  { respondentId: 'b', submittedAt: at('2024-03-04T23:30:00Z'), nps: 9, satisfaction: 4 }, // 00:30 Paris, 5 March
  { respondentId: 'c', submittedAt: at('2024-03-05T10:00:00Z'), nps: 3, satisfaction: 1 },
  { respondentId: 'd', submittedAt: null, nps: 10, satisfaction: 5 },
];
const columns = [
  { key: 'respondentId', type: 'id' }, { key: 'submittedAt', type: 'date' }, { key: 'nps', type: 'number' }, { key: 'satisfaction', type: 'number' },
] as const;

function snapshotsOf(recs: typeof records, computedAt = 1) {
  const table = tableFromRecords(recs, columns);
  const [persona] = analyse(table, [{ id: 'p1', name: 'P', rules }]).personas;
  const days = tableDays(table, inputs);
  const prints = dayFingerprints(table, days);
  const figures = new Map(dailyFigures(table, persona!, days).map((f) => [f.day, f]));
  return [...prints.keys()].sort().map((day) => buildSnapshot(inputs, day, figures.get(day), prints.get(day), computedAt));
}

describe('daily snapshots', () => {
  test('group responses by day in the workspace zone, with metrics of the matched ones', () => {
    const snaps = snapshotsOf(records);
    expect(snaps.map((s) => [s.day, s.metrics.responses, s.metrics.distribution.strong, s.metrics.live.satisfaction])).toEqual([
      ['2024-03-04', 1, 1, 5],
      ['2024-03-05', 2, 1, 4],
    ]);
    expect(snaps[1]!.metrics.live.nps).toBe(100);
  });

  test('the days of a persona add up to its live metrics over all dated matched responses', () => {
    const rows = Array.from({ length: 300 }, (_, i) => ({
      respondentId: `r${i}`, submittedAt: at('2024-03-01T00:00:00Z') + ((i * 7919) % 20) * 43_200_000,
      nps: i % 13 === 0 ? null : (i * 31) % 12, satisfaction: i % 5 === 0 ? null : 1 + (i % 5),
    }));
    const table = tableFromRecords(rows, columns);
    const [persona] = analyse(table, [{ id: 'p1', name: 'P', rules: [{ id: 'r', column: 'nps', kind: 'range', min: 5 }] }]).personas;
    const total = emptyMetrics();
    for (const day of dailyFigures(table, persona!, tableDays(table, inputs))) mergeMetrics(total, day.metrics);
    const direct = summariseMetrics(matchedMetrics(table, persona!));
    const summed = summariseMetrics(total);
    expect({ ...summed, satisfaction: summed.satisfaction?.toFixed(9) }).toEqual({ ...direct, satisfaction: direct.satisfaction?.toFixed(9) });
    expect(direct.responses).toBeGreaterThan(50);
    // The sums of squares the anomaly rule needs reach the days too (they were missing: no day was ever judged).
    const whole = matchedMetrics(table, persona!);
    expect(total.satisfaction.sq).toBeCloseTo(whole.satisfaction.sq!, 6);
    expect(total.nps.sq).toBeCloseTo(whole.nps.sq!, 6);
    expect(total.satisfaction.top2).toBe(whole.satisfaction.top2);
  });

  test('days add up for answers off the 0–10 whole numbers too (halves, 12, negatives) and off the 1–5 scale', () => {
    const cols = [...columns, { key: 'trust', type: 'number' }, { key: 'effort', type: 'number' }] as const;
    const odd = [2.5, 12, -1, 0, 7, 4, 5, 1, 3.25];
    const rows = Array.from({ length: 400 }, (_, i) => ({
      respondentId: `r${i}`, submittedAt: at('2024-03-01T00:00:00Z') + (i % 9) * 86_400_000, nps: i % 11,
      satisfaction: 1 + (i % 5), trust: i % 17 === 0 ? null : odd[i % odd.length]!, effort: odd[(i * 7) % odd.length]!,
    }));
    const table = tableFromRecords(rows, cols);
    const [persona] = analyse(table, [{ id: 'p1', name: 'P', rules: [{ id: 'r', column: 'nps', kind: 'range', min: 3 }] }]).personas;
    const total = emptyMetrics();
    for (const day of dailyFigures(table, persona!, tableDays(table, inputs))) mergeMetrics(total, day.metrics);
    const whole = matchedMetrics(table, persona!);
    for (const k of ['satisfaction', 'trust', 'effort'] as const) {
      expect([total[k].n, total[k].top2, total[k].offScale], k).toEqual([whole[k].n, whole[k].top2, whole[k].offScale]);
      expect(total[k].sum, k).toBeCloseTo(whole[k].sum, 9);
      expect(total[k].sq, k).toBeCloseTo(whole[k].sq!, 9);
    }
    expect(summariseMetrics(total).csat).toBe(summariseMetrics(whole).csat);
    expect(summariseMetrics(total).trustPercent).toBeNull(); // 2.5, 12, −1, 0, 7 are off the 1–5 scale
  });

  test('snapshotsFor builds the days the scheduler asks for, empty ones included, from the first response day', () => {
    const table = tableFromRecords(records, columns);
    const [persona] = analyse(table, [{ id: 'p1', name: 'P', rules }]).personas;
    expect(firstResponseDay(table, inputs.timeZone)).toBe('2024-03-04');
    const docs = snapshotsFor(table, persona!, inputs, ['2024-03-05', '2024-03-06'], 7);
    expect(docs.map((d) => [d.day, d.metrics.responses])).toEqual([['2024-03-05', 2], ['2024-03-06', 0]]);
    expect(docs[0]!.id).toBe(snapshotsOf(records)[1]!.id);
  });

  test('two computations of the same inputs give the same ids; a changed day changes only its own id', () => {
    const one = snapshotsOf(records, 1);
    expect(snapshotsOf(records, 999).map((s) => s.id)).toEqual(one.map((s) => s.id));
    const more = snapshotsOf([...records, { respondentId: 'e', submittedAt: at('2024-03-05T12:00:00Z'), nps: 9, satisfaction: 5 }]);
    expect(more[0]!.id).toBe(one[0]!.id);
    expect(more[1]!.id).not.toBe(one[1]!.id);
    for (const s of one) expect(s.id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
  });

  test('ids differ when the persona, day or digest differ', () => {
    const ids = new Set([snapshotId('p1', '2024-01-01', 'x'), snapshotId('p2', '2024-01-01', 'x'), snapshotId('p1', '2024-01-02', 'x'), snapshotId('p1', '2024-01-01', 'y')]);
    expect(ids.size).toBe(4);
    expect(hashString('')).toMatch(/^[0-9a-f]{32}$/);
    expect(hashString('a')).not.toBe(hashString('b'));
  });
});

describe('scheduler', () => {
  const fingerprints = new Map([['2024-03-04', 'ds:w:1']]);
  const base = { ...inputs, enabled: true, today: '2024-03-06', firstDay: '2024-03-04', fingerprints, existing: [] };

  test('returns every day from the first to today when none is stored, and none when switched off', () => {
    expect(daysToSnapshot(base)).toEqual(['2024-03-04', '2024-03-05', '2024-03-06']);
    expect(daysToSnapshot({ ...base, enabled: false })).toEqual([]);
  });

  test('catches up only the days that are missing or whose inputs changed', () => {
    const existing = ['2024-03-04', '2024-03-05'].map((day) => ({ day, inputsDigest: dayDigest(inputs, day, fingerprints.get(day)) }));
    expect(daysToSnapshot({ ...base, existing })).toEqual(['2024-03-06']);
    expect(daysToSnapshot({ ...base, existing, rules: [{ id: 'promoter', column: 'nps', kind: 'range', min: 8 }] })).toEqual(['2024-03-04', '2024-03-05', '2024-03-06']);
    expect(daysToSnapshot({ ...base, existing, fingerprints: new Map([['2024-03-04', 'ds:w:2']]) })).toEqual(['2024-03-04', '2024-03-06']);
  });

  test('limits backfill and ignores malformed days', () => {
    expect(daysToSnapshot({ ...base, firstDay: '2020-01-01', maxDays: 2 })).toEqual(['2024-03-05', '2024-03-06']);
    for (const today of ['', '2024-02-30', 'tomorrow']) expect(daysToSnapshot({ ...base, today })).toEqual([]);
  });
});

describe('evolution and anomalies', () => {
  const snaps = snapshotsOf(records);

  test('series have a point per day of the range and totals over it', () => {
    const evo = evolution(snaps, { lastDays: 7, today: '2024-03-06' });
    expect(evo.points.map((p) => p.responses)).toEqual([0, 0, 0, 0, 1, 2, 0]);
    expect(evo.total.responses).toBe(3);
    expect(evo.total.live.nps).toBe(100);
    expect(evolution(snaps, { from: '2024-03-05', to: '2024-03-05' }).points.map((p) => p.day)).toEqual(['2024-03-05']);
  });

  test('latest per day prefers the snapshot of the current inputs', () => {
    const stale: PersonaSnapshotDoc = { ...snaps[0]!, id: 'old', inputsDigest: 'old', computedAt: 50 };
    expect(latestPerDay([stale, snaps[0]!]).map((s) => s.id)).toEqual(['old']);
    expect(latestPerDay([stale, snaps[0]!], new Map([[snaps[0]!.day, snaps[0]!.inputsDigest]])).map((s) => s.id)).toEqual([snaps[0]!.id]);
  });
});
