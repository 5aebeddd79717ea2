/**
 * What an analytics export shows, computed once from the decoded table by the analytics engine and
 * reduced to plain data: the PDF report draws it, the workbook's small sheets list it, and the
 * scored-responses sheet reads rows from the kept analysis (see analyticsRows.ts).
 */
import { analyse, isCovered, type Analysis, type PersonaInput } from '../analytics/analyse';
import { matchedMetrics } from '../analytics/daily';
import { explainRow } from '../analytics/explain';
import { bucketOf, percentOf, type Bucket } from '../analytics/fraction';
import type { LiveTargets } from '../analytics/liveFigures';
import { summariseMetrics, type LiveMetrics } from '../analytics/metrics';
import type { PersonaSnapshotDoc } from '../analytics/snapshots';
import type { Table } from '../analytics/table';
import type { PreparedRule } from '../analytics/kernels';
import { englishText, type ExportText } from '../i18n/exportText';
import { analyticsWords } from './analyticsText';
import type { JourneyReportSection } from './journeySection';

/** A persona to report on. */
export interface ReportPersonaInput extends PersonaInput {
  /** `#rrggbb` accent for charts. */
  accentColor?: string;
  /** Its current snapshot per day (see `latestPerDay`), any order. */
  snapshots?: readonly PersonaSnapshotDoc[];
  /** The persona's metric targets, printed beside the live figures in the same unit. */
  targets?: LiveTargets;
}

/** What to export. */
export interface AnalyticsExportInput {
  title: string;
  /** Names of the datasets by id (rows show the name). */
  datasets: { id: string; name: string }[];
  /** The date range as chosen, `YYYY-MM-DD` days (null: open) … */
  range: { from: string | null; to: string | null };
  /** … and as instants the engine filters on (epoch ms, inclusive). */
  from?: number;
  to?: number;
  timeZone: string;
  generatedAt: number;
  personas: ReportPersonaInput[];
  /** Top matches listed per persona; default 10. */
  topN?: number;
}

/** A top match, explained. */
export interface ReportMatch {
  respondentId: string | null;
  percent: number;
  bucket: Bucket;
  /** Descriptions of the rules it matched. */
  matched: string[];
}

/** One day of a persona's evolution, from its snapshot. */
export interface ReportDay {
  day: string;
  responses: number;
  averagePercent: number | null;
  distribution: { strong: number; moderate: number; weak: number };
  live: LiveMetrics;
}

/** One persona's figures. */
export interface ReportPersona {
  id: string;
  name: string;
  accentColor: string;
  rules: { id: string; description: string; weight: number; problem: string | null }[];
  scored: number;
  averagePercent: number;
  bestPercent: number | null;
  distribution: { strong: number; moderate: number; weak: number };
  coverage: { covered: number; total: number; percent: number };
  /** Responses whose best persona this is, counting only scores ≥ 50 (see {@link bestCoveredPersona}). */
  bestCount: number;
  /** Live metrics of its matched (≥ 50) responses. */
  live: LiveMetrics;
  /** Its metric targets (CSAT %, NPS, trust %, CES); empty when none are set. */
  targets: LiveTargets;
  top: ReportMatch[];
  evolution: ReportDay[];
}

/** The report: plain data, cloneable to a worker or across IPC. */
export interface AnalyticsReport {
  title: string;
  datasets: string[];
  range: { from: string | null; to: string | null };
  timeZone: string;
  generatedAt: number;
  rowCount: number;
  rowsInRange: number;
  covered: number;
  uncovered: number;
  uncoveredPercent: number;
  personas: ReportPersona[];
  /** overlap[a][b]: responses covered (≥ 50) by both personas a and b. */
  overlap: number[][];
  /** Journeys with an event log chosen on their map: funnel, stages, paths, persona table (issue 14). */
  journeys?: JourneyReportSection[];
}

/** A report with the analysis and rows it came from, for the scored-responses sheet. */
export interface PreparedAnalytics {
  report: AnalyticsReport;
  table: Table;
  analysis: Analysis;
  /** Rows in the date range, in table order: the scored-responses sheet lists exactly these. */
  rows: Uint32Array;
  /** Dataset name per table dataset index. */
  datasetNames: string[];
}

/** Why a rule never matches, in `text`'s language (the engine's English sentence when it gave no reason as data). */
function ruleProblem(r: PreparedRule, text: ExportText): string | null {
  const m = r.mismatch;
  if (!m) return r.problem ?? null;
  return text.t('report.analytics.ruleProblem', { code: m.code, column: m.column, type: m.code === 'noColumn' ? '' : m.type, kind: m.code === 'wrongType' ? m.kind : '' });
}

/** Scores the table and builds the report; rule descriptions and problems are written in `text`'s language. */
export function prepareAnalytics(table: Table, input: AnalyticsExportInput, text: ExportText = englishText): PreparedAnalytics {
  const words = analyticsWords(text);
  const range = { ...(input.from !== undefined ? { from: input.from } : {}), ...(input.to !== undefined ? { to: input.to } : {}) };
  const analysis = analyse(table, input.personas, { ...range, topN: input.topN ?? 10 });
  const names = new Map(input.datasets.map((d) => [d.id, d.name]));
  const datasetNames = table.datasetIds.map((id) => names.get(id) ?? id);
  const bestCounts = coveredBestCounts(analysis);
  const personas = analysis.personas.map((p, i): ReportPersona => {
    const source = input.personas[i]!;
    // Explanations list the rules in the persona's order, so a matched item's index names its rule.
    const described = p.scores.rules.map((r) => words.rule(r.rule));
    return {
      id: p.personaId, name: p.name, accentColor: source.accentColor ?? '#4f46e5',
      rules: p.scores.rules.map((r, k) => ({ id: r.rule.id, description: described[k]!, weight: r.rule.weight ?? 1, problem: ruleProblem(r, text) })),
      scored: p.scored, averagePercent: p.averagePercent,
      bestPercent: p.best ? percentOf(p.best.numerator, p.best.denominator) : null,
      distribution: p.distribution, coverage: p.coverage, bestCount: bestCounts[i] ?? 0,
      live: summariseMetrics(matchedMetrics(table, p)),
      targets: { ...source.targets },
      top: p.top.map((t) => {
        const e = explainRow(table, p.scores, t.row);
        return { respondentId: e.respondentId, percent: e.percent, bucket: bucketOf(e.numerator, e.denominator), matched: e.items.flatMap((x, k) => (x.outcome === 'matched' ? [described[k] ?? x.description] : [])) };
      }),
      evolution: evolutionDays(source.snapshots ?? [], input.range),
    };
  });
  return {
    table, analysis, datasetNames, rows: rowsInRange(table, input.from, input.to),
    report: {
      title: input.title, datasets: input.datasets.map((d) => d.name), range: input.range, timeZone: input.timeZone, generatedAt: input.generatedAt,
      rowCount: analysis.rowCount, rowsInRange: analysis.rowsInRange, covered: analysis.rowsInRange - analysis.uncovered,
      uncovered: analysis.uncovered, uncoveredPercent: analysis.uncoveredPercent, personas, overlap: analysis.overlap,
    },
  };
}

/**
 * The persona a response is best for, or -1: its best-scoring persona, and only when that score
 * reaches the coverage line (≥ 50, `coveredPercent`, as "covered" and "No persona covers" use), so
 * a response no persona covers is nobody's best and "Best for" sums to the covered responses.
 */
export function bestCoveredPersona(analysis: Analysis, row: number): number {
  const p = analysis.bestPersona[row] ?? -1;
  return p >= 0 && isCovered(analysis.personas[p]!, row) ? p : -1;
}

function coveredBestCounts(analysis: Analysis): number[] {
  const counts = analysis.personas.map(() => 0);
  for (let row = 0; row < analysis.bestPersona.length; row++) {
    const p = bestCoveredPersona(analysis, row);
    if (p >= 0) counts[p]! += 1;
  }
  return counts;
}

/**
 * The rows the engine counts as in range: all rows without a range; with one, rows whose
 * `submittedAt` lies in it (undated rows left out), as `analyse` filters.
 */
export function rowsInRange(table: Table, from?: number, to?: number): Uint32Array {
  const n = table.rowCount;
  if (from === undefined && to === undefined) return Uint32Array.from({ length: n }, (_, i) => i);
  const col = table.columns.get('submittedAt');
  if (!col || col.type !== 'date') return new Uint32Array(0);
  const lo = from ?? -Infinity, hi = to ?? Infinity;
  const out = new Uint32Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const v = col.values[i]!;
    if (v >= lo && v <= hi) out[k++] = i;
  }
  return out.slice(0, k);
}

function evolutionDays(snapshots: readonly PersonaSnapshotDoc[], range: AnalyticsExportInput['range']): ReportDay[] {
  return snapshots
    .filter((s) => (range.from === null || s.day >= range.from) && (range.to === null || s.day <= range.to))
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0))
    .map((s) => {
      const m = s.metrics;
      return { day: s.day, responses: m.responses, averagePercent: m.responses > 0 ? m.scorePercentSum / m.responses : null, distribution: m.distribution, live: m.live };
    });
}
