/**
 * The journey sheets of the analytics workbook (issue 14 item 6): one table per kind across every
 * exported journey (a Journey column first), so sheet names stay fixed whatever the journeys are
 * called. Durations are in hours, rates in percent. The moves sheet (every stage-to-stage move, with
 * skips and loops) is labelled through the report catalogue; the other sheets are still English.
 */
import { englishText, type ExportText } from '../i18n/exportText';
import type { SheetColumn, XlsxCell } from './analyticsSheets';
import type { JourneyReportSection } from './journeySection';

/** Sheet names, in order; written only when the report has journeys (the moves sheet, after the paths, is named in the export's language). */
export const journeySheets = ['Journey stages', 'Journey paths', 'Journey personas'] as const;

type Op = { op: 'table'; name: string; columns: SheetColumn[] } | { op: 'rows'; rows: XlsxCell[][] };
const col = (header: string, format?: SheetColumn['format'], width?: number): SheetColumn => ({ header, ...(format ? { format } : {}), ...(width ? { width } : {}) });
const hours = (ms: number | null) => (ms === null ? null : Math.round((ms / 3_600_000) * 100) / 100);
const pct = (r: number | null) => (r === null ? null : r * 100);

/** The operations writing the journey sheets (none when there are no journeys). */
export function* journeySheetOps(journeys: readonly JourneyReportSection[], text: ExportText = englishText): Generator<Op, void, undefined> {
  if (journeys.length === 0) return;
  yield { op: 'table', name: journeySheets[0], columns: [
    col('Journey', undefined, 24), col('Event log', undefined, 20), col('Stage', undefined, 18), col('Reached in order', 'integer'), col('Of previous %', 'percent'),
    col('Drop-off', 'integer'), col('Drop-off %', 'percent'), col('Median time in stage (h)'), col('p90 time in stage (h)'), col('Median time to next (h)'),
    col('Sentiment question', undefined, 18), col('Sentiment mean'), col('Top-2 %', 'percent'), col('Sentiment answers', 'integer'),
  ] };
  yield { op: 'rows', rows: journeys.flatMap((j) => j.stages.map((s): XlsxCell[] => [
    j.name, j.logName, s.name, s.reach, pct(s.conversion), s.dropOff, pct(s.dropOffRate),
    hours(s.medianTimeInStage), hours(s.p90TimeInStage), hours(s.medianTimeToNext),
    s.sentiment?.question ?? null, s.sentiment?.mean ?? null, pct(s.sentiment?.top2 ?? null), s.sentiment?.n ?? null,
  ])) };
  yield { op: 'table', name: journeySheets[1], columns: [
    col('Journey', undefined, 24), col('Path', undefined, 60), col('Customers', 'integer'), col('Loops'), col('Skips a stage'), col('Completes'),
  ] };
  yield { op: 'rows', rows: journeys.flatMap((j) => j.paths.map((p): XlsxCell[] => [j.name, p.path, p.customers, p.loops ? 'yes' : 'no', p.skips ? 'yes' : 'no', p.completes ? 'yes' : 'no'])) };
  const m = (key: 'journey' | 'from' | 'to' | 'kind' | 'customers' | 'moves') => text.t(`report.journey.moves.col.${key}`);
  yield { op: 'table', name: text.t('report.journey.moves.sheet'), columns: [
    col(m('journey'), undefined, 24), col(m('from'), undefined, 18), col(m('to'), undefined, 18), col(m('kind'), undefined, 20), col(m('customers'), 'integer'), col(m('moves'), 'integer'),
  ] };
  yield { op: 'rows', rows: journeys.flatMap((j) => j.moves.map((v): XlsxCell[] => [j.name, v.from, v.to, text.t(`report.journey.moves.${v.kind}`), v.customers, v.moves])) };
  // Touchpoint cards only when some card has event rules, so workbooks without them keep their sheets.
  if (journeys.some((j) => j.cards.length > 0)) {
    const c = (key: 'journey' | 'stage' | 'card' | 'reached' | 'share' | 'customers' | 'events') => text.t(`report.journey.cards.col.${key}`);
    yield { op: 'table', name: text.t('report.journey.cards.sheet'), columns: [
      col(c('journey'), undefined, 24), col(c('stage'), undefined, 18), col(c('card'), undefined, 36), col(c('reached'), 'integer'), col(c('share'), 'percent'),
      col(c('customers'), 'integer'), col(c('events'), 'integer'),
    ] };
    yield { op: 'rows', rows: journeys.flatMap((j) => j.cards.map((k): XlsxCell[] => [j.name, k.stage, `${k.lane}: ${k.text}`, k.reached, pct(k.share), k.customers, k.events])) };
  }
  yield { op: 'table', name: journeySheets[2], columns: [
    col('Journey', undefined, 24), col('Survey joined', undefined, 18), col('Persona', undefined, 20), col('Customers', 'integer'), col('Started', 'integer'),
    col('Completed', 'integer'), col('Completion %', 'percent'), col('Most stop at', undefined, 16), col('Median time to complete (h)'),
    col('Converts worse than the rest at (95 %)', undefined, 40), col('Rank'),
  ] };
  yield { op: 'rows', rows: journeys.flatMap((j) => (j.personas?.rows ?? []).map((r): XlsxCell[] => [
    j.name, j.personas!.surveyName, r.name, r.customers, r.reach[0] ?? 0, r.completed, pct(r.completionRate), r.dropOffStage, hours(r.medianTimeToComplete),
    r.below.map((b) => `${b.stage} (${(b.difference * 100).toFixed(1)} pts, ${(b.low * 100).toFixed(1)} to ${(b.high * 100).toFixed(1)})`).join('; ') || null,
    r.best ? 'best' : r.worst ? 'worst' : null,
  ])) };
}
