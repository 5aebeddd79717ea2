/**
 * The journey sheets of the analytics workbook (issue 14 item 6): one table per kind across every
 * exported journey (a Journey column first), so sheet names stay fixed whatever the journeys are
 * called. Durations are in hours, rates in percent. The moves sheet (every stage-to-stage move, with
 * skips and loops) included; every sheet is named and labelled in the export's language (issue 18).
 */
import { englishText, type ExportText } from '../i18n/exportText';
import type { SheetColumn, XlsxCell } from './analyticsSheets';
import type { JourneyReportSection } from './journeySection';

/** The English sheet names, in order; written only when the report has journeys (the moves sheet, after the paths, is named in the export's language). */
export const journeySheets = ['Journey stages', 'Journey paths', 'Journey personas'] as const;

type Op = { op: 'table'; name: string; columns: SheetColumn[] } | { op: 'rows'; rows: XlsxCell[][] };
const col = (header: string, format?: SheetColumn['format'], width?: number): SheetColumn => ({ header, ...(format ? { format } : {}), ...(width ? { width } : {}) });
const hours = (ms: number | null) => (ms === null ? null : Math.round((ms / 3_600_000) * 100) / 100);
const pct = (r: number | null) => (r === null ? null : r * 100);

/** The operations writing the journey sheets (none when there are no journeys), named and labelled in `text`'s language. */
export function* journeySheetOps(journeys: readonly JourneyReportSection[], text: ExportText = englishText): Generator<Op, void, undefined> {
  if (journeys.length === 0) return;
  const { t } = text;
  const journey = col(t('report.aj.col.journey'), undefined, 24);
  const yes = t('report.aj.yesNo', { value: 'yes' }), no = t('report.aj.yesNo', { value: 'no' });
  const points = (v: number) => text.fmt.number(Math.round(v * 1000) / 10, 1);
  yield { op: 'table', name: t('report.aj.sheet.stages'), columns: [
    journey, col(t('report.aj.col.log'), undefined, 20), col(t('report.aj.col.stage'), undefined, 18), col(t('report.aj.col.reachedInOrder'), 'integer'), col(t('report.aj.col.ofPreviousPct'), 'percent'),
    col(t('report.aj.col.dropOff'), 'integer'), col(t('report.aj.col.dropOffPct'), 'percent'), col(t('report.aj.col.medianInStage')), col(t('report.aj.col.p90InStage')), col(t('report.aj.col.medianToNext')),
    col(t('report.aj.col.question'), undefined, 18), col(t('report.aj.col.sentimentMean')), col(t('report.aj.col.top2'), 'percent'), col(t('report.aj.col.sentimentN'), 'integer'),
  ] };
  yield { op: 'rows', rows: journeys.flatMap((j) => j.stages.map((s): XlsxCell[] => [
    j.name, j.logName, s.name, s.reach, pct(s.conversion), s.dropOff, pct(s.dropOffRate),
    hours(s.medianTimeInStage), hours(s.p90TimeInStage), hours(s.medianTimeToNext),
    s.sentiment?.question ?? null, s.sentiment?.mean ?? null, pct(s.sentiment?.top2 ?? null), s.sentiment?.n ?? null,
  ])) };
  yield { op: 'table', name: t('report.aj.sheet.paths'), columns: [
    journey, col(t('report.aj.col.path'), undefined, 60), col(t('report.aj.customers'), 'integer'), col(t('report.aj.col.loops')), col(t('report.aj.col.skips')), col(t('report.aj.col.completes')),
  ] };
  yield { op: 'rows', rows: journeys.flatMap((j) => j.paths.map((p): XlsxCell[] => [j.name, p.path, p.customers, p.loops ? yes : no, p.skips ? yes : no, p.completes ? yes : no])) };
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
  yield { op: 'table', name: t('report.aj.sheet.personas'), columns: [
    journey, col(t('report.aj.col.survey'), undefined, 18), col(t('report.col.persona'), undefined, 20), col(t('report.aj.customers'), 'integer'), col(t('report.aj.started'), 'integer'),
    col(t('report.aj.completed'), 'integer'), col(t('report.aj.col.completionPct'), 'percent'), col(t('report.aj.col.mostStop'), undefined, 16), col(t('report.aj.col.medianComplete')),
    col(t('report.aj.col.worseAt'), undefined, 40), col(t('report.aj.col.rank')),
  ] };
  yield { op: 'rows', rows: journeys.flatMap((j) => (j.personas?.rows ?? []).map((r): XlsxCell[] => [
    j.name, j.personas!.surveyName, r.name, r.customers, r.reach[0] ?? 0, r.completed, pct(r.completionRate), r.dropOffStage, hours(r.medianTimeToComplete),
    r.below.map((b) => t('report.aj.belowSheet', { stage: b.stage, difference: points(b.difference), low: points(b.low), high: points(b.high) })).join('; ') || null,
    r.best ? t('report.aj.bestWorst', { rank: 'best' }) : r.worst ? t('report.aj.bestWorst', { rank: 'worst' }) : null,
  ])) };
}
