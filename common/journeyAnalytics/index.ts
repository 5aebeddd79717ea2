/**
 * Journey analytics over imported event logs (issue 14): stage matching, funnel, time in stage,
 * paths, current stages and comparisons. Pure and columnar; runs in a Web Worker in the app and in
 * the command line. `reference.ts` is the plain implementation the kernels are tested against.
 */
export * from './types';
export { analyseJourney } from './kernels';
export { compareJourney } from './compare';
export type { JourneyComparison, RateDifference } from './compare';
export { stagesOfEvents } from './match';
export type { StageSpec } from './match';
export { EventLogBuilder, eventLogFromPlain, plainFromEventLog } from './eventLog';
export { proportionDifference, wilson } from './stats';
export { importEvents, maxEventsPerImport } from './eventImport';
export type { EventImportOptions, EventImportOutcome } from './eventImport';
export { decodeEvents, encodeEvents, eventColumns, isEventDataset, eventShapePrefix } from './eventStore';
export { recogniseEventColumns } from './eventShapes';
export type { EventColumns, EventShape } from './eventShapes';
export { groupFunnels } from './groupFunnels';
export type { GroupFunnel } from './groupFunnels';
export { personaJourneyTable, minStartersToRank } from './personaJourney';
export type { PersonaJourneyRow, PersonaJourneyTable, Difference } from './personaJourney';
export { personaReport, maxReportPersonas } from './personaReport';
export type { PersonaReport, PersonaReportInput } from './personaReport';
export { joinRespondents } from './respondentJoin';
export type { JoinCounts } from './respondentJoin';
export { stageSentiment, canvasMeetsStages, stageTexts } from './stageSignals';
export type { StageSentiment, CanvasItem } from './stageSignals';
export { flowEventCounts } from './flowCounts';
export type { FlowEdgeEventCount, FlowEventCounts, FlowNodeEventCount } from './flowCounts';
export { CardCounter, cardSpecsOf } from './cards';
export type { CardFigures, CardSpec } from './cards';
