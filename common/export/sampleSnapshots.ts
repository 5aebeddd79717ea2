import { emptyMetrics, summariseMetrics, type MetricAccumulator } from '../analytics/metrics';
import type { PersonaSnapshotDoc } from '../analytics/snapshots';

/** Answers of one response: satisfaction, trust and effort on a 1–5 scale, NPS 0–10. */
type Answer = [satisfaction: number, nps: number, trust: number, effort: number];

function sums(answers: readonly Answer[]): MetricAccumulator {
  const acc = emptyMetrics();
  for (const [sat, nps, trust, effort] of answers) {
    acc.responses += 1;
    acc.satisfaction.n += 1; acc.satisfaction.sum += sat;
    acc.trust.n += 1; acc.trust.sum += trust;
    acc.effort.n += 1; acc.effort.sum += effort;
    acc.nps.n += 1; acc.nps.sum += nps;
    if (nps >= 9) acc.nps.promoters += 1;
    else if (nps <= 6) acc.nps.detractors += 1;
    else acc.nps.passives += 1;
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
 * Two days of Maya's snapshots on survey scales. The latest day alone: satisfaction 3.7, trust 3.7,
 * effort 3.0, NPS −33.3. Both days merged (what the canvas shows): satisfaction 4.0, trust 3.8,
 * effort 2.6, NPS 0.0 over 5 responses, 2026-10-31 to 2026-11-01.
 */
export function sampleSnapshots(personaId = 'p-maya'): PersonaSnapshotDoc[] {
  return [
    sampleSnapshot(personaId, '2026-10-31', [[5, 10, 4, 2], [4, 7, 4, 2]]),
    // An older computation of the same day, superseded by the newer one below.
    sampleSnapshot(personaId, '2026-11-01', [[1, 0, 1, 5]], 1),
    sampleSnapshot(personaId, '2026-11-01', [[4, 9, 4, 3], [3, 3, 4, 2], [4, 5, 3, 4]], 2),
  ];
}
