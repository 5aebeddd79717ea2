/**
 * The Analytics overview's assignment panel: counts per persona by confidence, the latest wave's
 * respondents as they arrived, and what a rules change would move against the last classification
 * the user accepted (kept in the worker, keyed by respondent id, so waves in between do not count as
 * moves).
 */
import type { Analysis } from '../../../common/analytics/analyse';
import { assignRows, compareAssignments, countAssignments, type AssignmentChange, type AssignmentCounts } from '../../../common/analytics/assignment';
import type { Table } from '../../../common/analytics/table';

/** The newest import among the loaded datasets, by its index in `table.waveIds`. */
export interface LatestWave { index: number; label: string; importedAt: number }

/** An accepted classification. */
export interface Classification { keys: string[]; personaIds: string[]; best: Int16Array; at: number }

export interface ArrivalRow { id: string; persona: number; percent: number; margin: number }

export interface AssignmentView {
  counts: AssignmentCounts;
  latest: { label: string; importedAt: number; total: number; counts: AssignmentCounts; rows: ArrivalRow[] } | null;
  /** Against the accepted classification (this one, when none was accepted before). */
  change: AssignmentChange;
  classifiedAt: number;
}

/** Rows of the latest wave listed on screen; the counts cover all of them. */
const arrivalRows = 200;

/** Respondent keys: the first id column's values, the row number where a row has none. */
export function respondentKeys(table: Table): string[] {
  const idColumn = [...table.columns.values()].find((c) => c.type === 'id');
  return Array.from({ length: table.rowCount }, (_, i) => (idColumn?.type === 'id' ? idColumn.values[i] : null) ?? `row ${i + 1}`);
}

export function assignmentView(analysis: Analysis, table: Table, keys: string[], latest: LatestWave | null, accepted: Classification | null, now: number): { view: AssignmentView; current: Classification } {
  const a = assignRows(analysis);
  const personaIds = analysis.personas.map((p) => p.personaId);
  // Only scored rows take part: a date range that leaves a row out does not move it to "no persona".
  const scoredKeys: string[] = [];
  const scoredBest: number[] = [];
  for (let i = 0; i < table.rowCount; i++) if (a.scored[i]) { scoredKeys.push(keys[i]!); scoredBest.push(a.best[i]!); }
  const current: Classification = { keys: scoredKeys, personaIds, best: Int16Array.from(scoredBest), at: now };
  let latestView: AssignmentView['latest'] = null;
  if (latest) {
    const inWave = (i: number) => table.waveOfRow[i] === latest.index && a.scored[i] === 1;
    const rows: ArrivalRow[] = [];
    let total = 0;
    for (let i = 0; i < table.rowCount; i++) {
      if (!inWave(i)) continue;
      total++;
      if (rows.length < arrivalRows) rows.push({ id: keys[i]!, persona: a.best[i]!, percent: a.percent[i]!, margin: a.margin[i]! });
    }
    latestView = { label: latest.label, importedAt: latest.importedAt, total, counts: countAssignments(a, personaIds.length, inWave), rows };
  }
  // The first classification the screen sees is the baseline: the panel (and its "Re-classify all")
  // shows from the first dashboard on, "matching" it, instead of only from the second one, which a
  // user who opened the screen once never saw.
  const base = accepted ?? current;
  return {
    view: {
      counts: countAssignments(a, personaIds.length),
      latest: latestView,
      change: compareAssignments(base, current),
      classifiedAt: base.at,
    },
    current,
  };
}
