/**
 * The journey analytics section of the analytics exports (issue 14 item 6): per journey with an event
 * log chosen, its funnel and stage table, its top paths and, when a survey is joined, the persona
 * table and each stage's sentiment. Plain data computed with the same kernels as the journey map, so
 * the PDF and the workbook print what the screen shows.
 */
import type { PersonaInput } from '../analytics/analyse';
import type { Table } from '../analytics/table';
import type { JourneyMap } from '../journey/mapModel';
import { cardSpecsOf, type CardSpec } from '../journeyAnalytics/cards';
import { analyseJourney } from '../journeyAnalytics/kernels';
import type { StageSpec } from '../journeyAnalytics/match';
import { maxReportPersonas, personaReport } from '../journeyAnalytics/personaReport';
import type { ExportText } from '../i18n/exportText';
import { moveRows, pathText, type MoveRow } from '../journeyAnalytics/report';
import type { EventLog } from '../journeyAnalytics/types';

/** A journey to report on, as the screen gathers it. */
export interface JourneyExportSource {
  name: string;
  stages: StageSpec[];
  /** The event log's dataset id and name. */
  eventDatasetId: string;
  logName: string;
  /** Touchpoint cards with event rules (cardSpecsOf), with the words that name them in the exports. */
  cards?: { spec: CardSpec; lane: string; text: string }[];
  /** The joined survey, when the journey has one with an id column. */
  survey?: { datasetId: string; name: string; idColumn: string; stageQuestions: (string | null)[]; stageTexts: string[] };
}

/** One stage's row. */
export interface JourneyStageRow {
  name: string;
  reach: number;
  /** Share of the previous stage (1 for the first). */
  conversion: number | null;
  dropOff: number;
  dropOffRate: number | null;
  medianTimeInStage: number | null;
  p90TimeInStage: number | null;
  medianTimeToNext: number | null;
  /** Sentiment of the stage's question (null: none). */
  sentiment: { question: string; n: number; mean: number | null; top2: number | null; scaleTop: number | null } | null;
}

/** One touchpoint card's row: the figures the map shows on the card. */
export interface JourneyCardRow {
  stage: string;
  lane: string;
  text: string;
  /** Customers who reached the stage (any order) and met the card. */
  reached: number;
  /** reached / the stage's reach in any order. */
  share: number | null;
  /** Everyone who met the card. */
  customers: number;
  events: number;
}

/** One persona's row in the section. */
export interface JourneyPersonaRow {
  name: string;
  customers: number;
  reach: number[];
  completed: number;
  completionRate: number | null;
  dropOffStage: string | null;
  medianTimeToComplete: number | null;
  /** Names of the stages where it converts significantly worse than the rest, with the difference. */
  below: { stage: string; difference: number; low: number; high: number }[];
  best: boolean;
  worst: boolean;
}

/** The section of one journey. */
export interface JourneyReportSection {
  name: string;
  logName: string;
  customers: number;
  completed: number;
  completionRate: number | null;
  medianTimeToComplete: number | null;
  p90TimeToComplete: number | null;
  stages: JourneyStageRow[];
  paths: { path: string; customers: number; loops: boolean; skips: boolean; completes: boolean }[];
  /** Every stage-to-stage move (on, skipping ahead, going back), as the kernel counts it. */
  moves: MoveRow[];
  /** Touchpoint cards with rules, in the map's reading order (empty when none has rules). */
  cards: JourneyCardRow[];
  /** Null when no survey is joined. */
  personas: { surveyName: string; joined: number; surveyOnly: number; logOnly: number; rows: JourneyPersonaRow[] } | null;
  /** Why the persona part is missing though a survey was chosen (a vanished column), as data the exports word. */
  personaProblem: JourneyPersonaProblem | null;
}

/** Why a journey section has no persona table though a survey was chosen. */
export type JourneyPersonaProblem =
  | { code: 'noIdColumn'; column: string }
  | { code: 'idType'; column: string; type: 'multi' | 'date' }
  | { code: 'tooMany'; max: number; count: number }
  | { code: 'surveyMissing'; survey: string };

/** The persona problem in `text`'s language. */
export function personaProblemText(p: JourneyPersonaProblem, text: ExportText): string {
  return text.t('report.aj.personaProblem', {
    code: p.code, column: 'column' in p ? p.column : '', type: p.code === 'idType' ? p.type : '',
    max: p.code === 'tooMany' ? p.max : 0, count: p.code === 'tooMany' ? p.count : 0, survey: p.code === 'surveyMissing' ? p.survey : '',
  });
}

function personaProblemOf(source: JourneyExportSource, survey: Table | null, personas: number, failed: string | null): JourneyPersonaProblem | null {
  if (!source.survey) return null;
  const column = source.survey.idColumn;
  if (!survey) return { code: 'surveyMissing', survey: source.survey.name };
  if (failed === null) return null;
  if (failed === 'too-large') return { code: 'tooMany', max: maxReportPersonas, count: personas };
  const type = survey.columns.get(column)?.type;
  return type === 'multi' || type === 'date' ? { code: 'idType', column, type } : { code: 'noIdColumn', column };
}

/** A map's touchpoint cards with rules, named by lane and card text (an image card without a caption by its lane only). */
export function journeyCardSources(map: Pick<JourneyMap, 'stages' | 'lanes' | 'cells'>): NonNullable<JourneyExportSource['cards']> {
  const where = new Map<string, { lane: string; text: string }>();
  for (const lane of map.lanes) {
    for (const cards of Object.values(map.cells[lane.id] ?? {})) for (const card of cards) where.set(card.id, { lane: lane.name, text: card.text.split('\n')[0]!.slice(0, 120) });
  }
  return cardSpecsOf(map).map((spec) => ({ spec, ...(where.get(spec.id) ?? { lane: '', text: '' }) }));
}

/** Computes one journey's section from its decoded log and, when joined, its decoded survey. */
export function journeySection(source: JourneyExportSource, log: EventLog, survey: Table | null, personas: readonly PersonaInput[]): JourneyReportSection {
  const cards = source.cards ?? [];
  const f = analyseJourney(log, source.stages, { topPaths: 10, cards: cards.map((c) => c.spec) });
  const names = source.stages.map((s) => s.name);
  const report = source.survey && survey
    ? personaReport(log, survey, {
      stages: source.stages, idColumn: source.survey.idColumn, personas: [...personas], canvas: personas.map(() => []),
      stageTexts: source.survey.stageTexts, stageQuestions: source.survey.stageQuestions,
    })
    : null;
  const data = report?.ok ? report.data : null;
  return {
    name: source.name, logName: source.logName, customers: f.customers, completed: f.completed, completionRate: f.completionRate,
    medianTimeToComplete: f.timeToComplete.median, p90TimeToComplete: f.timeToComplete.p90,
    stages: f.stages.map((s, i) => {
      const q = source.survey?.stageQuestions[i] ?? null;
      const sent = data?.sentiment[i] ?? null;
      return {
        name: s.name, reach: s.reachStrict, conversion: s.conversionStrict, dropOff: s.dropOff, dropOffRate: s.dropOffRate,
        medianTimeInStage: s.timeInStage.median, p90TimeInStage: s.timeInStage.p90, medianTimeToNext: s.timeToNext?.median ?? null,
        sentiment: q && sent ? { question: q, ...sent } : null,
      };
    }),
    paths: f.topPaths.map((p) => ({ path: pathText(p, names), customers: p.customers, loops: p.loops, skips: p.skips, completes: p.completes })),
    moves: moveRows(f),
    cards: (f.cards ?? []).map((c, i) => ({
      stage: names[cards[i]!.spec.stage] ?? '', lane: cards[i]!.lane, text: cards[i]!.text,
      reached: c.reached, share: c.share, customers: c.customers, events: c.events,
    })),
    personas: data && source.survey ? {
      surveyName: source.survey.name, joined: data.join.matched, surveyOnly: data.join.surveyOnly, logOnly: data.join.logOnly,
      rows: data.table.rows.filter((r) => r.customers > 0).map((r) => ({
        name: r.name, customers: r.customers, reach: r.reach, completed: r.completed, completionRate: r.completionRate,
        dropOffStage: r.dropOffStage === null ? null : names[r.dropOffStage] ?? null, medianTimeToComplete: r.timeToComplete.median,
        below: r.belowStages.map((s) => ({ stage: names[s]!, ...r.conversionVsRest[s]! })),
        best: data.table.best === r.personaId, worst: data.table.worst === r.personaId,
      })),
    } : null,
    personaProblem: personaProblemOf(source, survey, personas.length, report && !report.ok ? report.code : null),
  };
}
