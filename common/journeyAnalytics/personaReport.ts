/**
 * Persona–journey correlation end to end (issue 14 item 5): score the survey against the personas,
 * give each respondent its best persona, join respondents to the log's customers by id, and compute
 * the persona table, where each persona's goals and frustrations meet the stages, and each stage's
 * sentiment. What the journey worker, the exports and the command line all call.
 *
 * Why the best persona per respondent rather than strong matches: a respondent can be a strong match
 * for two personas at once, and then "the persona versus the rest" would count the same customer on
 * both sides. The assignment (common/analytics/assignment.ts) gives each respondent at most one
 * persona, the one scoring highest with at least 50, so the groups are disjoint.
 */
import { analyse, type PersonaInput } from '../analytics/analyse';
import { assignRows } from '../analytics/assignment';
import type { Table } from '../analytics/table';
import { err, ok, type Result } from '../result';
import { groupFunnels } from './groupFunnels';
import type { StageSpec } from './match';
import { personaJourneyTable, type PersonaJourneyTable } from './personaJourney';
import { joinRespondents, type JoinCounts } from './respondentJoin';
import { canvasMeetsStages, stageSentiment, type CanvasItem, type StageSentiment } from './stageSignals';
import type { EventLog } from './types';

/** What the report needs besides the log and the survey. */
export interface PersonaReportInput {
  stages: StageSpec[];
  /** Survey column holding the customer id. */
  idColumn: string;
  personas: PersonaInput[];
  /** Per persona (same order), its goals and frustrations. */
  canvas: CanvasItem[][];
  /** Per stage, its words: name, description, cards in its column, event names of its rules. */
  stageTexts: string[];
  /** Per stage, the survey question read as its sentiment (null: none). */
  stageQuestions: (string | null)[];
}

/** The persona–journey report. */
export interface PersonaReport {
  join: JoinCounts;
  table: PersonaJourneyTable;
  /** [persona][stage]: canvas items sharing words with the stage. */
  canvasMeets: { item: number; words: string[] }[][][];
  /** Per stage: sentiment of its question over all respondents who answered it (null: no question). */
  sentiment: (StageSentiment | null)[];
  /** Questions that are not number columns of the survey, by stage index. */
  unreadableQuestions: number[];
}

/** Most personas one report compares. */
export const maxReportPersonas = 50;

/** Builds the report; a missing id column or too many personas are expected failures. */
export function personaReport(log: EventLog, survey: Table, input: PersonaReportInput): Result<PersonaReport> {
  const idColumn = survey.columns.get(input.idColumn);
  if (!idColumn) return err('not-found', `The survey has no column "${input.idColumn}" any more; choose its id column again.`);
  if (idColumn.type === 'multi' || idColumn.type === 'date') return err('unsupported-type', `"${input.idColumn}" holds ${idColumn.type === 'multi' ? 'several choices' : 'dates'} per respondent, not an id.`);
  if (input.personas.length > maxReportPersonas) return err('too-large', `At most ${maxReportPersonas} personas are compared; this workspace has ${input.personas.length}.`);
  if (input.stageQuestions.length !== input.stages.length || input.stageTexts.length !== input.stages.length) throw new Error('one question and one text per stage');
  const best = assignRows(analyse(survey, input.personas)).best;
  const { group, counts } = joinRespondents(idColumn, survey.rowCount, best, log.customers);
  const funnels = groupFunnels(log, input.stages, group, input.personas.length);
  const table = personaJourneyTable(funnels, input.personas);
  const unreadableQuestions: number[] = [];
  const sentiment = input.stageQuestions.map((q, s) => {
    if (q === null) return null;
    const result = stageSentiment(survey.columns.get(q), survey.rowCount);
    if (result === null) unreadableQuestions.push(s);
    return result;
  });
  return ok({
    join: counts, table, sentiment, unreadableQuestions,
    canvasMeets: input.canvas.map((items) => canvasMeetsStages(items, input.stageTexts)),
  });
}
