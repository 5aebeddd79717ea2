/**
 * Messages between the Experiments screen and its worker. The log is decoded once per wave and kept
 * in the worker; an analysis sends only the experiment, so saving a form never re-sends the chunks.
 */
import type { DatasetChunkDoc, DatasetHeaderDoc } from '../../../common/analytics/format';
import type { Results } from '../../../common/experiments/analyse';
import type { Experiment } from '../../../common/experiments/model';
import type { Plan, PlanProblem } from '../../../common/experiments/plan';
import type { Result } from '../../../common/result';

/** What the form needs from a loaded log: its event names and property columns. */
export interface LogSummary { key: string; length: number; events: string[]; properties: string[] }

export interface ExperimentFigures {
  plan: { ok: true; plan: Plan } | PlanProblem;
  results: Results;
}

export type ExperimentRequest =
  | { type: 'load'; id: number; key: string; header: DatasetHeaderDoc; chunks: DatasetChunkDoc[] }
  | { type: 'analyse'; id: number; key: string; experiment: Experiment; now: number };

export type ExperimentResponse =
  | { type: 'load'; id: number; result: Result<LogSummary> }
  | { type: 'analyse'; id: number; result: Result<ExperimentFigures> };
