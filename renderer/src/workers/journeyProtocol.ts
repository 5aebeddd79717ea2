/**
 * Messages between the screens and the journey analytics worker. An event log is decoded once per
 * load and kept in the worker under its key; analyses refer to it by key, so editing a stage rule
 * sends only the stages, never the chunks again.
 */
import type { DatasetChunkDoc, DatasetHeaderDoc } from '../../../common/analytics/format';
import type { AnalyseOptions, CustomerFilter, EventImportOptions, EventImportOutcome, JourneyComparison, JourneyFigures, PersonaReport, PersonaReportInput, StageSpec } from '../../../common/journeyAnalytics';
import type { Result } from '../../../common/result';

/** What the screen learns about a loaded log. */
export interface LoadedLog {
  key: string;
  events: number;
  customers: number;
  /** Event names by count, most frequent first (first 500). */
  eventNames: { name: string; count: number }[];
  properties: string[];
  /** Values of each property, most frequent first (first 50), for segment choices. */
  propertyValues: Record<string, string[]>;
  /** First and last event time. */
  from: number;
  to: number;
}

/** Import options that can cross the worker boundary; `append` carries the dataset's documents. */
export type WorkerEventImportOptions = Omit<EventImportOptions, 'signal' | 'onProgress' | 'append'> & {
  append?: { header: DatasetHeaderDoc; chunks: DatasetChunkDoc[] };
};

/** A request; `id` pairs it with its answer. */
export type JourneyRequest =
  | { type: 'import'; id: number; bytes: ArrayBuffer; options: WorkerEventImportOptions }
  | { type: 'load'; id: number; key: string; datasets: { header: DatasetHeaderDoc; chunks: DatasetChunkDoc[] }[] }
  | { type: 'analyse'; id: number; key: string; stages: StageSpec[]; options: AnalyseOptions }
  | { type: 'compare'; id: number; key: string; stages: StageSpec[]; a: CustomerFilter; b: CustomerFilter; options: AnalyseOptions }
  | { type: 'loadSurvey'; id: number; key: string; datasets: { header: DatasetHeaderDoc; chunks: DatasetChunkDoc[] }[] }
  | { type: 'personas'; id: number; key: string; surveyKey: string; input: PersonaReportInput }
  | { type: 'cancel'; id: number };

/** An answer. */
export type JourneyResponse =
  | { type: 'progress'; id: number; fraction: number }
  | { type: 'import'; id: number; result: Result<EventImportOutcome> }
  | { type: 'load'; id: number; result: Result<LoadedLog> }
  | { type: 'analyse'; id: number; result: Result<JourneyFigures> }
  | { type: 'compare'; id: number; result: Result<JourneyComparison> }
  | { type: 'loadSurvey'; id: number; result: Result<{ key: string; rows: number }> }
  | { type: 'personas'; id: number; result: Result<PersonaReport> };
