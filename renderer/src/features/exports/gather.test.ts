import { describe, expect, test } from 'vitest';
import { formatLiveValue } from '../../../../common/analytics/liveFigures';
import { sampleSnapshots } from '../../../../common/export/sampleSnapshots';
import { liveMetricsOf } from './gather';

describe('export live metrics', () => {
  test('merge every snapshot day (newest computation of each), as the canvas block does', () => {
    const m = liveMetricsOf(sampleSnapshots(), { expectedMetrics: { satisfaction: 80 } });
    expect(m.live?.responses).toBe(5);
    expect([m.live?.csat, m.live?.nps, m.live?.trustPercent, m.live?.effort].map((v) => formatLiveValue(v ?? null))).toEqual(['80.0', '0.0', '80.0', '2.6']);
    expect([m.live?.satisfaction, m.live?.trust].map((v) => formatLiveValue(v ?? null))).toEqual(['4.0', '3.8']);
    expect([m.firstDay, m.day]).toEqual(['2026-10-31', '2026-11-01']);
    expect(m.targets).toEqual({ satisfaction: 80 });
  });

  test('a persona without snapshots has no figures', () => {
    expect(liveMetricsOf([], { expectedMetrics: {} })).toEqual({ live: null, day: null, firstDay: null, targets: {} });
  });
});
