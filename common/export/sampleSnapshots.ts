import { addMean, addNps, emptyMetrics, summariseMetrics, type MetricAccumulator } from '../analytics/metrics';
import type { PersonaSnapshotDoc } from '../analytics/snapshots';

/** Answers of one response: satisfaction, trust and effort on a 1–5 scale, NPS 0–10. */
type Answer = [satisfaction: number, nps: number, trust: number, effort: number];

function sums(answers: readonly Answer[]): MetricAccumulator {
  const acc = emptyMetrics();
  for (const [sat, nps, trust, effort] of answers) {
    acc.responses += 1;
    addMean(acc.satisfaction, sat);
    addMean(acc.trust, trust);
    addMean(acc.effort, effort);
    addNps(acc.nps, nps);
  }
  return acc;
}

/** A persona snapshot of one day from its matched responses' answers, as analytics writes it. */
export function sampleSnapshot(personaId: string, day: string, answers: readonly Answer[], computedAt = 1): PersonaSnapshotDoc {
  const acc = sums(answers);
  return {
    id: `ps-${day}-${personaId}-${computedAt}`, entity: 'persona', entityId: personaId, day, inputsDigest: `d-${computedAt}`, computedAt,
    metrics: { responses: acc.responses, distribution: { strong: acc.responses, moderate: 0, weak: 0 }, scorePercentSum: 80 * acc.responses, sums: acc, live: summariseMetrics(acc) },
  };
}

/**
 * Two days of Maya's snapshots on survey scales. The latest day alone: satisfaction 3.7 (CSAT 66.7 %),
 * trust 3.7 (66.7 %), effort (CES) 3.0, NPS −33.3. Both days merged (what the canvas shows):
 * satisfaction 4.0 with CSAT 80.0 %, trust 3.8 with trust 80.0 %, CES 2.6, NPS 0.0 over 5 responses,
 * 2026-10-31 to 2026-11-01.
 */
export function sampleSnapshots(personaId = 'p-maya'): PersonaSnapshotDoc[] {
  return [
    sampleSnapshot(personaId, '2026-10-31', [[5, 10, 4, 2], [4, 7, 4, 2]]),
    // An older computation of the same day, superseded by the newer one below.
    sampleSnapshot(personaId, '2026-11-01', [[1, 0, 1, 5]], 1),
    sampleSnapshot(personaId, '2026-11-01', [[4, 9, 4, 3], [3, 3, 4, 2], [4, 5, 3, 4]], 2),
  ];
}
