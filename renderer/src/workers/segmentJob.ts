/**
 * The Segments tab's computing half, in the analytics worker: members of each segment (from its
 * effective rules), sizes, the overlap matrix, sizes over time, a Venn view of 2–3 segments, and the
 * member table of one segment for export.
 */
import type { DayIndex } from '../../../common/analytics/days';
import type { Rule } from '../../../common/analytics/rules';
import type { Table } from '../../../common/analytics/table';
import { countMembers, memberMask, memberTable, overlapMatrix, sizeOverTime, vennRegions, type MemberTable } from '../../../common/segments/membership';
import type { MatchLevel } from '../../../common/segments/segment';

/** A segment as the worker scores it. */
export interface SegmentInput { id: string; rules: Rule[]; datasetIds: string[]; match: MatchLevel }

/** What the Segments tab shows. */
export interface SegmentFigures {
  sizes: number[];
  overlap: number[][];
  /** Per segment, its size at the end of each day with responses. */
  growth: { day: string; size: number }[][];
  /** Regions of the Venn view of the chosen segments (their indexes in `segments`), or null. */
  venn: { of: number[]; regions: { sets: number; count: number }[] } | null;
}

export function computeSegments(table: Table, days: DayIndex, segments: readonly SegmentInput[], venn: readonly number[]): SegmentFigures {
  const masks = segments.map((s) => memberMask(table, s.rules, s.datasetIds, s.match));
  const chosen = venn.filter((i) => i >= 0 && i < masks.length);
  return {
    sizes: masks.map(countMembers),
    overlap: overlapMatrix(masks),
    growth: masks.map((m) => sizeOverTime(m, days)),
    venn: chosen.length >= 2 && chosen.length <= 3 ? { of: chosen, regions: vennRegions(chosen.map((i) => masks[i]!)) } : null,
  };
}

export function computeMembers(table: Table, segment: SegmentInput, keys: readonly string[], columns: readonly string[]): MemberTable {
  return memberTable(table, memberMask(table, segment.rules, segment.datasetIds, segment.match), keys, columns);
}
