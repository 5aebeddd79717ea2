/**
 * Messages between the "Find personas" screen and the clustering worker. The worker decodes the
 * dataset once and keeps the last search, so looking at another number of groups sends only k.
 */
import type { DatasetChunkDoc, DatasetHeaderDoc } from '../../../common/analytics/format';
import type { Rule } from '../../../common/analytics/rules';
import type { FeatureProblem } from '../../../common/clustering/features';
import type { KEvidence } from '../../../common/clustering/findPersonas';
import type { ClusterProfile } from '../../../common/clustering/profile';
import type { Result } from '../../../common/result';

/** What the user asked for. */
export interface FindRequest {
  columns: string[];
  textColumns: string[];
  /** A fixed number of groups, or null to compare 2..8 and propose one. */
  k: number | null;
  seed: number;
}

/** One representative respondent: its id and its answers in the chosen columns. */
export interface Representative { id: string | null; answers: { column: string; value: string }[] }

/** The groups for one k, ready to show and to turn into drafts. */
export interface ClusterView {
  k: number;
  rows: number;
  profiles: ClusterProfile[];
  rules: Rule[][];
  /** Per group: share of it scoring strong against its own rules, and of everyone else. */
  recovery: { strongInCluster: number; strongElsewhere: number }[];
  representatives: Representative[][];
}

/** The evidence for every k tried and the proposed grouping. */
export interface FindOutcome {
  evidence: KEvidence[];
  proposedK: number;
  problems: FeatureProblem[];
  view: ClusterView;
}

export type ClusterRequest =
  | { type: 'find'; id: number; datasets: { header: DatasetHeaderDoc; chunks: DatasetChunkDoc[] }[]; request: FindRequest }
  | { type: 'view'; id: number; k: number };

export type ClusterResponse =
  | { type: 'progress'; id: number; fraction: number }
  | { type: 'find'; id: number; result: Result<FindOutcome> }
  | { type: 'view'; id: number; result: Result<ClusterView> };
