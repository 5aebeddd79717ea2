/**
 * "Find personas in this data": k-prototypes for each k in a range (a few seeded restarts each, the
 * lowest cost kept), the silhouette of each as the evidence for choosing k, and the proposal: the k
 * with the highest silhouette (the smaller k on a tie within 0.005, since fewer personas are easier
 * to use). Async so a worker can report progress and stop between runs.
 */
import { buildFeatures, maxClusterColumns, subsetFeatures, type FeatureProblem, type Features } from './features';
import { ClusteringStopped, defaultGamma, kPrototypes, refine, type KPrototypesResult } from './kprototypes';
import { sampleIndexes, seededRandom } from '../random';
import { silhouetteOf, silhouetteSample } from './quality';
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
/** Rows the restarts compete on. */
const restartSample = 20_000;
/** Share of rows allowed to move when an iteration counts as settled. */
const tolerance = 0.001;

/** Runs the search; throws ClusteringStopped when stopped, RangeError on unusable input (message for the user). */
export async function findPersonas(table: Table, options: FindOptions): Promise<FindResult> {
  if (options.columns.length > maxClusterColumns) throw new RangeError(`Group by at most ${maxClusterColumns} columns; ${options.columns.length} are chosen.`);
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
  // Restarts compete on a sample (their costs rank the same way as on all rows); only the winner
  // is refined on every row. Iterations stop once at most 0.1 % of rows move.
  const sampleRows = features.rows > restartSample ? sampleIndexes(features.rows, restartSample, seededRandom(seed)) : null;
  const sampled = sampleRows ? subsetFeatures(features, sampleRows) : features;
  const shouldStop = options.shouldStop ? { shouldStop: options.shouldStop } : {};
  const silhouetteRows = silhouetteSample(features, gamma, { seed });
  const steps = (to - from + 1) * (restarts + 1);
  let done = 0;
  const tick = async () => {
    options.onProgress?.(++done / steps);
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  for (let k = from; k <= to; k++) {
    let best: KPrototypesResult | null = null;
    for (let r = 0; r < restarts; r++) {
      if (options.shouldStop?.()) throw new ClusteringStopped();
      const run = kPrototypes(sampled, { k, seed: seed * 1000 + k * 10 + r, gamma, tolerance, ...shouldStop });
      if (!best || run.cost < best.cost) best = run;
      await tick();
    }
    const final = sampleRows ? refine(features, k, best!.means, best!.modes, { gamma, maxIterations: 50, tolerance, ...shouldStop }) : best!;
    await tick();
    byK.set(k, final);
    evidence.push({ k, cost: final.cost, silhouette: silhouetteOf(silhouetteRows, final.assignments, k) });
  }
  let chosen = evidence[0]!;
  for (const e of evidence) if (e.silhouette > chosen.silhouette + 0.005) chosen = e;
  return { features, problems, evidence, proposed: byK.get(chosen.k)!, byK, gamma };
}
