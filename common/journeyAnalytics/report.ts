/**
 * The journey analytics report: JSON for machines (the command line's `--out report.json`) and the
 * tables a workbook or a PDF section prints, built from the same figures so every output agrees.
 */
import type { RejectedRow } from '../import/rows';
import type { JourneyComparison } from './compare';
import { englishText, type ExportText } from '../i18n/exportText';
import { durationBucketWords } from './durationBucketWords';
import type { DurationSummary, JourneyFigures, PathCount } from './types';

/** The JSON report. */
export interface JourneyReport {
  type: 'cx-studio.journey-report';
  version: 1;
  generatedAt: number;
  source: { file: string; shape: string; events: number; duplicates: number; rejected: number; rejectedRows: RejectedRow[] };
  /** `cards`: touchpoint cards with event rules, in the order of `figures.cards` (absent in older reports). */
  journey: { name: string; stages: { id: string; name: string; rules: number }[]; cards?: { id: string; stage: string; lane: string; text: string; rules: number }[] };
  figures: JourneyFigures;
  comparison?: { a: string; b: string; result: JourneyComparison };
}

/** A duration in words: "45 s", "12 min", "3.5 h", "2.1 d". */
export function formatDuration(ms: number | null): string {
  if (ms === null) return '–';
  const s = ms / 1000;
  if (s < 60) return `${Math.round(s)} s`;
  if (s < 3600) return `${Math.round(s / 60)} min`;
  if (s < 86400) return `${(s / 3600).toFixed(1)} h`;
  return `${(s / 86400).toFixed(1)} d`;
}

/** A rate as a percentage with one decimal, or "–". */
export function formatRate(r: number | null): string {
  return r === null ? '–' : `${(r * 100).toFixed(1)} %`;
}

/** A path in words, e.g. "Discover → Sign up → Discover …". */
export function pathText(path: Pick<PathCount, 'stages'>, stageNames: readonly string[]): string {
  return path.stages.map((s) => (s < 0 ? '…' : stageNames[s] ?? `#${s}`)).join(' → ');
}

/** A stage-to-stage move: on to the next stage, ahead past one or more, or back to an earlier one. */
export interface MoveRow {
  from: string;
  to: string;
  kind: 'next' | 'skip' | 'back';
  /** Distinct customers who made the move at least once. */
  customers: number;
  /** Moves in all (a loop gone round twice counts twice). */
  moves: number;
}

/** Every move of the figures, by stage names, in the kernel's order (by `from`, then `to`). */
export function moveRows(f: JourneyFigures): MoveRow[] {
  return f.transitions.map((m) => ({
    from: f.stages[m.from]?.name ?? `#${m.from}`, to: f.stages[m.to]?.name ?? `#${m.to}`,
    kind: m.to === m.from + 1 ? 'next' : m.to > m.from ? 'skip' : 'back', customers: m.customers, moves: m.moves,
  }));
}

/** Skips and loops only (moves on to the next stage are the funnel's), most customers first, as the map lists them. */
export function skipsAndLoops(rows: readonly MoveRow[]): MoveRow[] {
  return rows.filter((m) => m.kind !== 'next').sort((a, b) => b.customers - a.customers || b.moves - a.moves);
}

/** Header and rows of the stage table, headed in `text`'s language. */
export function stageTable(f: JourneyFigures, text: ExportText = englishText): { header: string[]; rows: (string | number | null)[][] } {
  const h = (d: DurationSummary | null, key: 'median' | 'p90') => (d && d[key] !== null ? Math.round(d[key]! / 1000) : null);
  const { t } = text;
  return {
    header: [t('report.aj.col.stage'), t('report.cli.journey.col.reachedStrict'), t('report.cli.journey.col.reachedAny'), t('report.cli.journey.col.conversion'),
      t('report.aj.col.dropOff'), t('report.cli.journey.col.dropOffRate'), t('report.cli.journey.col.timeInStage', { stat: 'median' }), t('report.cli.journey.col.timeInStage', { stat: 'p90' }),
      t('report.cli.journey.col.toNext', { stat: 'median' }), t('report.cli.journey.col.toNext', { stat: 'p90' }), t('report.cli.journey.col.inStageNow')],
    rows: f.stages.map((s) => [
      s.name, s.reachStrict, s.reachAny, s.conversionStrict, s.dropOff, s.dropOffRate,
      h(s.timeInStage, 'median'), h(s.timeInStage, 'p90'), h(s.timeToNext, 'median'), h(s.timeToNext, 'p90'), s.current,
    ]),
  };
}

/** Header and rows of the time distribution (customers per duration bucket, per stage), in `text`'s language. */
export function distributionTable(f: JourneyFigures, text: ExportText = englishText): { header: string[]; rows: (string | number)[][] } {
  const measure = (m: 'inStage' | 'toNext' | 'complete') => text.t('report.cli.journey.measure', { measure: m });
  return {
    header: [text.t('report.aj.col.stage'), text.t('report.cli.journey.col.measure'), ...durationBucketWords(text)],
    rows: [
      ...f.stages.flatMap((s) => [
        [s.name, measure('inStage'), ...s.timeInStage.buckets],
        ...(s.timeToNext ? [[s.name, measure('toNext'), ...s.timeToNext.buckets]] : []),
      ]),
      [text.t('report.cli.journey.wholeJourney'), measure('complete'), ...f.timeToComplete.buckets],
    ],
  };
}
