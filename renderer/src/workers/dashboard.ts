/**
 * What the analytics dashboard shows, computed from a decoded table by the engine in
 * common/analytics and reduced to plain, cloneable data (no typed arrays per row cross back to the
 * UI thread). Runs inside the analytics worker; the bench calls it directly.
 */
import { analyseAsync, type PersonaAnalysis, type PersonaInput } from '../../../common/analytics/analyse';
import { dailyFigures, matchedMetrics, tableDays } from '../../../common/analytics/daily';
import { dayName, type DayIndex } from '../../../common/analytics/days';
import { explainRow, type Explanation } from '../../../common/analytics/explain';
import { percentOf } from '../../../common/analytics/fraction';
import { summariseMetrics, type LiveMetrics } from '../../../common/analytics/metrics';
import type { Table } from '../../../common/analytics/table';
import { assignmentView, type AssignmentView, type Classification, type LatestWave } from './assignmentView';

/** One persona's card, charts and top matches. */
export interface PersonaDashboard {
  personaId: string;
  name: string;
  rules: number;
  scored: number;
  averagePercent: number;
  bestPercent: number | null;
  distribution: { strong: number; moderate: number; weak: number };
  coverage: { covered: number; total: number; percent: number };
  /** Responses whose best persona this is. */
  bestCount: number;
  /** Live metrics of the matched (≥ 50) responses in range. */
  live: LiveMetrics;
  /** Explained top matches (the detail persona only). */
  top: Explanation[];
  problems: PersonaAnalysis['problems'];
  /** Per day in range: scored responses by bucket (the detail persona only). */
  daily: { day: string; responses: number; strong: number; moderate: number; weak: number }[];
}

/** The whole dashboard. */
export interface Dashboard {
  rowCount: number;
  rowsInRange: number;
  uncovered: number;
  uncoveredPercent: number;
  personas: PersonaDashboard[];
  overlap: number[][];
  /** Responses per day in range (all rows, whatever persona). */
  volume: { day: string; responses: number }[];
  /** Best persona per respondent with confidence; absent when not asked for. */
  assignment?: AssignmentView;
}

/** What to compute. */
export interface DashboardOptions {
  timeZone: string;
  from?: number;
  to?: number;
  topN?: number;
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
  /** A day index of this table in this zone, reused between recalculations. */
  days?: DayIndex;
  /**
   * The persona on screen: only it gets per-day figures and explained top matches (the overview
   * needs neither), which keeps a recompute to one extra pass over the rows instead of one per persona.
   */
  detail?: string | null;
  /** Respondent keys, the newest wave and the accepted classification, to compute the assignment panel. */
  assign?: { keys: string[]; latest: LatestWave | null; accepted: Classification | null; now: number; onCurrent: (c: Classification) => void };
}

/** Scores every persona and reduces the analysis to what the dashboard draws. */
export async function computeDashboard(table: Table, personas: readonly PersonaInput[], options: DashboardOptions): Promise<Dashboard> {
  const analysis = await analyseAsync(table, personas, {
    ...(options.from !== undefined ? { from: options.from } : {}),
    ...(options.to !== undefined ? { to: options.to } : {}),
    topN: options.topN ?? 10,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  const days = options.days ?? tableDays(table, { timeZone: options.timeZone });
  const inRange = rangeFilter(table, options);
  let assignment: AssignmentView | undefined;
  if (options.assign) {
    const { view, current } = assignmentView(analysis, table, options.assign.keys, options.assign.latest, options.assign.accepted, options.assign.now);
    options.assign.onCurrent(current);
    assignment = view;
  }
  return {
    ...(assignment ? { assignment } : {}),
    rowCount: analysis.rowCount,
    rowsInRange: analysis.rowsInRange,
    uncovered: analysis.uncovered,
    uncoveredPercent: analysis.uncoveredPercent,
    overlap: analysis.overlap,
    personas: analysis.personas.map((p, i) => personaDashboard(table, p, days, analysis.bestCounts[i] ?? 0, p.personaId === options.detail)),
    volume: volumeByDay(days, inRange),
  };
}

function personaDashboard(table: Table, p: PersonaAnalysis, days: DayIndex, bestCount: number, detail: boolean): PersonaDashboard {
  return {
    personaId: p.personaId, name: p.name, rules: p.scores.rules.length, scored: p.scored, averagePercent: p.averagePercent,
    bestPercent: p.best ? percentOf(p.best.numerator, p.best.denominator) : null,
    distribution: p.distribution, coverage: p.coverage, bestCount, live: summariseMetrics(matchedMetrics(table, p)),
    top: detail ? p.top.map((t) => explainRow(table, p.scores, t.row)) : [],
    problems: p.problems,
    daily: detail ? dailyFigures(table, p, days).map((d) => ({ day: d.day, responses: d.responses, ...d.distribution })) : [],
  };
}

function rangeFilter(table: Table, options: DashboardOptions): (row: number) => boolean {
  if (options.from === undefined && options.to === undefined) return () => true;
  const col = table.columns.get('submittedAt');
  if (!col || col.type !== 'date') return () => false;
  const from = options.from ?? -Infinity, to = options.to ?? Infinity;
  return (row) => {
    const v = col.values[row]!;
    return v >= from && v <= to;
  };
}

function volumeByDay(days: DayIndex, inRange: (row: number) => boolean): Dashboard['volume'] {
  const counts = new Uint32Array(days.dayCount);
  for (let i = 0; i < days.dayOfRow.length; i++) {
    const d = days.dayOfRow[i]!;
    if (d >= 0 && inRange(i)) counts[d]! += 1;
  }
  const out: Dashboard['volume'] = [];
  counts.forEach((n, d) => { if (n > 0) out.push({ day: dayName(days.firstDay + d), responses: n }); });
  return out;
}
