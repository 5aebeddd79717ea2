/**
 * "Find personas in this data": k-prototypes for each k in a range (a few seeded restarts each, the
 * lowest cost kept), the silhouette of each as the evidence for choosing k, and the proposal: the k
 * with the highest silhouette (the smaller k on a tie within 0.005, since fewer personas are easier
 * to use). Async so a worker can report progress and stop between runs.
 */
import { buildFeatures, type FeatureProblem, type Features } from './features';
import { ClusteringStopped, defaultGamma, kPrototypes, type KPrototypesResult } from './kprototypes';
import { silhouette } from './quality';
import type { Table } from '../analytics/table';

export interface FindOptions {
  columns: string[];
  /** Candidate numbers of clusters; default 2..8. */
  kFrom?: number;
  kTo?: number;
  /** A fixed k instead of a range. */
  k?: number;
  seed?: number;
  restarts?: number;
  gamma?: number;
  onProgress?: (fraction: number) => void;
  shouldStop?: () => boolean;
}

/** The evidence for one k. */
export interface KEvidence { k: number; silhouette: number; cost: number }

export interface FindResult {
  features: Features;
  problems: FeatureProblem[];
  evidence: KEvidence[];
  /** The proposed k and its clustering. */
  proposed: KPrototypesResult;
  /** Every k's clustering, so the user can pick another without running again. */
  byK: Map<number, KPrototypesResult>;
  gamma: number;
}

/** Fewest rows worth clustering: below this, groups are anecdotes. */
export const minClusterRows = 30;
export const maxK = 12;

/** Runs the search; throws ClusteringStopped when stopped, RangeError on unusable input (message for the user). */
export async function findPersonas(table: Table, options: FindOptions): Promise<FindResult> {
  const { features, problems } = buildFeatures(table, options.columns);
  if (features.numeric.length + features.categorical.length === 0) throw new RangeError('None of the chosen columns can be used for grouping; pick number or choice columns.');
  if (features.rows < minClusterRows) throw new RangeError(`Finding personas needs at least ${minClusterRows} responses; this data has ${features.rows}.`);
  const from = options.k ?? options.kFrom ?? 2;
  const to = Math.min(options.k ?? options.kTo ?? 8, maxK, Math.floor(features.rows / 10));
  if (!(from >= 2 && from <= to)) throw new RangeError(`The number of personas must be between 2 and ${Math.min(maxK, Math.floor(features.rows / 10))} for ${features.rows} responses.`);
  const gamma = options.gamma ?? defaultGamma;
  const restarts = options.restarts ?? 3;
  const seed = options.seed ?? 1;
  const byK = new Map<number, KPrototypesResult>();
  const evidence: KEvidence[] = [];
  const steps = (to - from + 1) * restarts;
  let done = 0;
  for (let k = from; k <= to; k++) {
    let best: KPrototypesResult | null = null;
    for (let r = 0; r < restarts; r++) {
      if (options.shouldStop?.()) throw new ClusteringStopped();
      const run = kPrototypes(features, { k, seed: seed * 1000 + k * 10 + r, gamma, ...(options.shouldStop ? { shouldStop: options.shouldStop } : {}) });
      if (!best || run.cost < best.cost) best = run;
      options.onProgress?.(++done / steps);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    byK.set(k, best!);
    evidence.push({ k, cost: best!.cost, silhouette: silhouette(features, best!.assignments, k, gamma, { seed }) });
  }
  let chosen = evidence[0]!;
  for (const e of evidence) if (e.silhouette > chosen.silhouette + 0.005) chosen = e;
  return { features, problems, evidence, proposed: byK.get(chosen.k)!, byK, gamma };
}
