/**
 * Messages between the Analytics screen and its worker. The worker holds the decoded table between
 * requests, so a date-range change or a rules edit rescoring 100k rows never re-decodes chunks.
 */
import type { PersonaInput } from '../../../common/analytics/analyse';
import type { DatasetChunkDoc, DatasetHeaderDoc } from '../../../common/analytics/format';
import type { Result } from '../../../common/result';
import type { DriftRule } from '../../../common/analytics/drift';
import type { MemberTable } from '../../../common/segments/membership';
import type { Dashboard } from './dashboard';
import type { FollowPersona, FollowResult } from './followJob';
import type { SegmentFigures, SegmentInput } from './segmentJob';
import type { SnapshotPersona, SnapshotRun } from './snapshotJob';

/** A request; `id` pairs it with its answers. */
export type AnalyticsRequest =
  | { type: 'load'; id: number; datasets: { header: DatasetHeaderDoc; chunks: DatasetChunkDoc[] }[] }
  | { type: 'dashboard'; id: number; personas: PersonaInput[]; timeZone: string; from?: number; to?: number; detail: string | null }
  | { type: 'snapshots'; id: number; personas: SnapshotPersona[]; timeZone: string; today: string; now: number; backfill: boolean }
  | { type: 'classify'; id: number }
  | { type: 'follow'; id: number; personas: FollowPersona[]; timeZone: string; rule: DriftRule }
  | { type: 'segments'; id: number; segments: SegmentInput[]; timeZone: string; venn: number[] }
  | { type: 'members'; id: number; segment: SegmentInput; columns: string[] }
  | { type: 'cancel'; id: number };

/** What the worker answers with. */
export type AnalyticsAnswer =
  | { type: 'load'; rowCount: number }
  | { type: 'dashboard'; dashboard: Dashboard }
  | { type: 'snapshots'; run: SnapshotRun }
  | { type: 'classify'; at: number }
  | { type: 'follow'; results: FollowResult[] }
  | { type: 'segments'; figures: SegmentFigures }
  | { type: 'members'; table: MemberTable };

/** A message from the worker. */
export type AnalyticsResponse =
  | { type: 'progress'; id: number; fraction: number }
  | { type: 'result'; id: number; result: Result<AnalyticsAnswer> };
