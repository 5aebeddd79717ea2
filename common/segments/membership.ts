/**
 * Who is in a segment, computed from the loaded table: one byte per row (1 = member), then the
 * figures the Segments tab shows. Sizes over time count members by the day they responded
 * (cumulative), the same day assignment the daily snapshots use, so a segment made from a persona
 * grows exactly as that persona's strong (or covered) counts in its snapshots add up.
 */
import { analyse } from '../analytics/analyse';
import type { DayIndex } from '../analytics/days';
import { dayName } from '../analytics/days';
import { codesAtLeast } from '../analytics/kernels';
import { cellValue, type Table } from '../analytics/table';
import { matchPercent, type EffectiveSegment, type MatchLevel } from './segment';

/** Per row, 1 when the row is in scope and scores at least the match level. */
export function memberMask(table: Table, rules: EffectiveSegment['rules'], datasetIds: readonly string[], match: MatchLevel): Uint8Array {
  const persona = analyse(table, [{ id: 'segment', name: 'segment', rules: [...rules], datasetIds: [...datasetIds] }]).personas[0]!;
  const ok = codesAtLeast(persona.scores, matchPercent[match]);
  const out = new Uint8Array(table.rowCount);
  for (let i = 0; i < table.rowCount; i++) out[i] = persona.inScope[i] === 1 && ok[persona.scores.codes[i]!] === 1 ? 1 : 0;
  return out;
}

/** Members of one mask. */
export function countMembers(mask: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < mask.length; i++) n += mask[i]!;
  return n;
}

/** overlap[a][b]: respondents in both a and b (the diagonal is each segment's size). */
export function overlapMatrix(masks: readonly Uint8Array[]): number[][] {
  const k = masks.length;
  const out = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const n = masks[0]?.length ?? 0;
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < k; a++) {
      if (masks[a]![i] !== 1) continue;
      for (let b = a; b < k; b++) if (masks[b]![i] === 1) out[a]![b]!++;
    }
  }
  for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) out[a]![b] = out[b]![a]!;
  return out;
}

/**
 * The regions of a Venn diagram of 2 or 3 segments: for each non-empty combination of segments
 * (a bit mask over their order), the respondents in exactly those segments and no other of them.
 */
export function vennRegions(masks: readonly Uint8Array[]): { sets: number; count: number }[] {
  if (masks.length < 2 || masks.length > 3) throw new Error('A Venn view shows 2 or 3 segments.');
  const counts = new Array<number>(1 << masks.length).fill(0);
  const n = masks[0]!.length;
  for (let i = 0; i < n; i++) {
    let bits = 0;
    masks.forEach((m, j) => { if (m[i] === 1) bits |= 1 << j; });
    counts[bits]!++;
  }
  return counts.map((count, sets) => ({ sets, count })).filter((r) => r.sets !== 0);
}

/** A segment's size at the end of each day: members who had responded by then (undated rows are left out). */
export function sizeOverTime(mask: Uint8Array, days: DayIndex): { day: string; size: number }[] {
  const perDay = new Array<number>(days.dayCount).fill(0);
  for (let i = 0; i < mask.length; i++) {
    const d = days.dayOfRow[i]!;
    if (mask[i] === 1 && d >= 0) perDay[d]!++;
  }
  let total = 0;
  return perDay.map((n, d) => ({ day: dayName(days.firstDay + d), size: (total += n) }));
}

/** Members as rows for an export: the respondent key, then the chosen columns' values as text. */
export interface MemberTable { header: string[]; rows: string[][] }

/** The members of a mask with their respondent key and the chosen columns (multi answers joined by "; "). */
export function memberTable(table: Table, mask: Uint8Array, keys: readonly string[], columns: readonly string[]): MemberTable {
  const cols = columns.map((c) => table.columns.get(c));
  const rows: string[][] = [];
  for (let i = 0; i < mask.length; i++) {
    if (mask[i] !== 1) continue;
    const row = [keys[i] ?? `row ${i + 1}`];
    cols.forEach((col) => {
      const v = cellValue(col, i);
      row.push(v === null ? '' : Array.isArray(v) ? v.join('; ') : col?.type === 'date' && typeof v === 'number' ? new Date(v).toISOString() : String(v));
    });
    rows.push(row);
  }
  return { header: ['respondent', ...columns], rows };
}
