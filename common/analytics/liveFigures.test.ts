import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { migrations } from '../db/migrations';
import { personasSchema } from '../db/schemas/personas';
import { samplePersona } from '../export/samplePersona';
import { blankBody, validatePersona } from '../persona/document';
import { builtInTemplates } from '../persona/templates';
import { formatLiveValue, liveMetricRow, liveMetricRows, liveTarget } from './liveFigures';
import { addMean, emptyMetrics, mergeMetrics, summariseMetrics } from './metrics';

function withSatisfaction(answers: readonly number[]) {
  const acc = emptyMetrics();
  for (const a of answers) { acc.responses += 1; addMean(acc.satisfaction, a); addMean(acc.trust, a); }
  return acc;
}

/** The block's line for one metric, as the canvas and the comparison export word it. */
function line(key: string, answers: readonly number[], targets: Record<string, number>): string {
  const row = liveMetricRow(key)!;
  const target = liveTarget(targets, key);
  return `${row.label}: ${formatLiveValue(row.value(summariseMetrics(withSatisfaction(answers))), row.unit)}${target ? ` (target ${target})` : ''}`;
}

describe('CSAT % and trust % (top-2-box)', () => {
  test('are the share of 1–5 answers that are 4 or 5, beside the mean', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 200 }), (answers) => {
      const live = summariseMetrics(withSatisfaction(answers));
      if (answers.length === 0) return void expect([live.csat, live.trustPercent]).toEqual([null, null]);
      const share = (answers.filter((a) => a >= 4).length * 100) / answers.length;
      expect(live.csat).toBe(share);
      expect(live.trustPercent).toBe(share);
      expect(live.satisfaction).toBeCloseTo(answers.reduce((s, a) => s + a, 0) / answers.length, 10);
    }));
  });

  test('are not given when an answer is off the 1–5 scale (a 1–7 or 0–10 scale has other top boxes)', () => {
    for (const off of [0, 6, 7, 10, 4.5]) expect(summariseMetrics(withSatisfaction([5, 4, off])).csat).toBeNull();
    expect(summariseMetrics(withSatisfaction([5, 4, Number.NaN])).csat).toBe(100); // a missing answer is skipped
  });

  test('days merge exactly, and a day from an older engine (no top-2-box counts) makes the share unknown, not wrong', () => {
    const a = withSatisfaction([5, 4, 1]);
    const b = withSatisfaction([2, 2, 4, 5]);
    expect(summariseMetrics(mergeMetrics(structuredClone(a), b)).csat).toBe((4 * 100) / 7);
    const old = withSatisfaction([5, 5]);
    delete old.satisfaction.top2;
    delete old.satisfaction.offScale;
    expect(summariseMetrics(old).csat).toBeNull();
    expect(summariseMetrics(mergeMetrics(structuredClone(a), old)).csat).toBeNull();
  });
});

describe('live-metrics rows keep target and figure in one unit', () => {
  test('a "Satisfaction %" target of 80 sits beside CSAT %, never beside the 1–5 mean', () => {
    // Answers 5, 4, 4, 2, 2: mean 3.4, CSAT 60 %. Before, the block printed "3.4 (target 80)".
    expect(line('satisfaction', [5, 4, 4, 2, 2], { satisfaction: 80 })).toBe('CSAT %: 60% (target 80%)');
    expect(line('trust', [5, 4, 4, 2, 2], { trust: 75 })).toBe('Trust %: 60% (target 75%)');
  });

  test('CES is the mean effort answer held to the CES target; an old "Effort %" target is compared with nothing', () => {
    const acc = emptyMetrics();
    for (const e of [2, 3, 2, 5]) addMean(acc.effort, e);
    const row = liveMetricRow('effort')!;
    expect([row.label, formatLiveValue(row.value(summariseMetrics(acc)), row.unit)]).toEqual(['CES', '3.0']);
    expect(liveTarget({ effort: 30 }, 'effort')).toBeUndefined();
    expect(liveTarget({ effort: 30, ces: 2.5 }, 'effort')).toBe('2.5');
    expect(liveTarget({ loyalty: -20 }, 'loyalty')).toBe('-20');
    expect(liveMetricRows.map((r) => r.key)).toEqual(['satisfaction', 'loyalty', 'trust', 'effort']);
  });
});

describe('personas schema version 1 (CES target)', () => {
  test('a version-0 persona with Satisfaction % and Effort % targets migrates unchanged and stays valid', () => {
    expect(personasSchema.version).toBe(1);
    const old = { ...samplePersona(), expectedMetrics: { satisfaction: 80, loyalty: 30, trust: 70, effort: 25 } };
    const migrated = migrations.personas[1]!(structuredClone(old) as unknown as Record<string, unknown>);
    expect(migrated).toEqual(old);
    const read = validatePersona(migrated);
    expect(read.ok && read.value.expectedMetrics).toEqual({ satisfaction: 80, loyalty: 30, trust: 70, effort: 25 });
  });

  test('a CES target is a mean answer from 0 to 10', () => {
    expect(validatePersona({ ...samplePersona(), expectedMetrics: { ces: 2.5 } }).ok).toBe(true);
    for (const ces of [-1, 10.5, 80]) expect(validatePersona({ ...samplePersona(), expectedMetrics: { ces } }).ok).toBe(false);
  });
});

test('new personas, blank or from a built-in template, take daily snapshots from the start', () => {
  expect(blankBody().snapshotsEnabled).toBe(true);
  for (const t of builtInTemplates) expect(t.body.snapshotsEnabled, t.name).toBe(true);
});
