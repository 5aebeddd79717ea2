/**
 * Messages between the Analytics screen and its export worker. One worker per export: it decodes
 * the datasets, scores them and builds the file (or, in Electron, hands out the workbook a chunk at
 * a time for main to write); cancelling terminates it.
 */
import type { AnalyticsExportInput } from '../../../../common/export/analyticsReport';
import type { WorkbookOp } from '../../../../common/export/analyticsXlsx';
import type { JourneyExportSource } from '../../../../common/export/journeySection';
import type { DatasetChunkDoc, DatasetHeaderDoc } from '../../../../common/analytics/format';

/** What to build: a PDF, a whole workbook in memory, or a workbook streamed op by op. */
export type AnalyticsExportKind = 'pdf' | 'xlsx' | 'stream';

/** The worker's inputs. */
export type AnalyticsExportRequest =
  | {
    type: 'start'; kind: AnalyticsExportKind; datasets: { header: DatasetHeaderDoc; chunks: DatasetChunkDoc[] }[]; input: AnalyticsExportInput;
    /** The app's language: the report's labels, numbers and dates follow it (English when absent). */
    locale?: string;
    /** Journeys with an event log chosen, with the log's documents (the section is left out without). */
    journeys?: { source: JourneyExportSource; events: { header: DatasetHeaderDoc; chunks: DatasetChunkDoc[] } }[];
  }
  /** Stream mode: send the next operation. */
  | { type: 'pull' };

/**
 * What the export is doing, as a code: the screen words it in the app's language (the worker has no
 * catalogue of the screens).
 */
export type AnalyticsExportStep = 'reading' | 'scoring' | 'events' | 'writing';

/** The worker's answers. */
export type AnalyticsExportMessage =
  | { type: 'progress'; step: AnalyticsExportStep; fraction: number }
  /** Stream mode: the prepared data's response row count, before the first op. */
  | { type: 'ready'; rows: number }
  | { type: 'op'; op: WorkbookOp | null }
  | { type: 'bytes'; bytes: Uint8Array }
  | { type: 'error'; message: string };
