/**
 * Analytics exports from the Analytics screen: gathers the datasets, personas and snapshots, runs the
 * export worker and saves through the platform. A PDF (either shell) and a web-mode workbook are built
 * whole in the worker and saved with `saveFile`; in Electron the workbook is streamed: main shows the
 * save dialog first, then receives tables and row chunks the worker hands out one at a time, and
 * writes them with ExcelJS's streaming writer into a temporary file it renames on finish.
 */
import type { DatasetHeaderDoc } from '../../../../common/analytics/format';
import { latestPerDay, type PersonaSnapshotDoc } from '../../../../common/analytics/snapshots';
import type { AnalyticsExportInput } from '../../../../common/export/analyticsReport';
import { journeyCardSources, type JourneyExportSource } from '../../../../common/export/journeySection';
import { readJourneyDoc } from '../../../../common/journey';
import { isEventDataset } from '../../../../common/journeyAnalytics/eventStore';
import { stageTexts } from '../../../../common/journeyAnalytics/stageSignals';
import { parseHeader } from '../data/storedForm';
import type { SaveOutcome } from '../../../../common/ipc/contract';
import { err, ok, type Result } from '../../../../common/result';
import type { Workspace } from '../../db/database';
import type { Platform } from '../../platform';
import { readChunks } from '../data/datasetStore';
import { engineInput, type AnalyticsPersona } from '../analytics/personaModel';
import { parseSnapshot } from '../analytics/snapshotStore';
import { startAnalyticsExport, type AnalyticsExportRun } from './analyticsExportClient';
import type { AnalyticsExportRequest, AnalyticsExportStep } from './analyticsExportProtocol';
import { safeFileName } from './fileNames';
import { exportText } from '../../../../common/i18n/exportText';
import { activeLocale } from '../../i18n';

/** What the screen shows when the export is asked for. */
export interface AnalyticsExportScope {
  headers: DatasetHeaderDoc[];
  personas: AnalyticsPersona[];
  /** Days as chosen (`YYYY-MM-DD` or empty) and the instants they cover in the workspace zone. */
  range: { from: string; to: string };
  from?: number;
  to?: number;
  timeZone: string;
}

type Body = Omit<Extract<AnalyticsExportRequest, { type: 'start' }>, 'type' | 'kind'>;

/** Reads everything an export needs from the workspace. */
export async function gatherAnalyticsExport(db: Workspace, scope: AnalyticsExportScope): Promise<Body> {
  const datasets = [];
  for (const header of scope.headers) datasets.push({ header, chunks: await readChunks(db, header) });
  const ids = new Set(scope.personas.map((p) => p.id));
  const byPersona = new Map<string, PersonaSnapshotDoc[]>();
  for (const doc of await db.snapshots.find({ selector: { entity: 'persona' } }).exec()) {
    const s = parseSnapshot(doc.toJSON());
    if (!s.ok || !ids.has(s.data.entityId)) continue;
    byPersona.set(s.data.entityId, [...(byPersona.get(s.data.entityId) ?? []), s.data]);
  }
  // The report speaks the app's language, its title and file name included.
  const locale = activeLocale();
  const input: AnalyticsExportInput = {
    title: exportText(locale).t('report.analytics.title'),
    datasets: scope.headers.map((h) => ({ id: h.datasetId, name: h.name })),
    range: { from: scope.range.from || null, to: scope.range.to || null },
    ...(scope.from !== undefined ? { from: scope.from } : {}), ...(scope.to !== undefined ? { to: scope.to } : {}),
    timeZone: scope.timeZone, generatedAt: Date.now(),
    personas: scope.personas.map((p) => ({ ...engineInput(p), accentColor: p.accentColor, targets: p.expectedMetrics, snapshots: latestPerDay(byPersona.get(p.id) ?? []) })),
  };
  return { datasets, input, locale, journeys: await gatherJourneys(db, scope.headers) };
}

/** Journeys sections exported at most; each carries its whole event log to the worker. */
export const maxExportedJourneys = 10;

/**
 * The journeys whose map has an event log chosen and at least one stage rule, with the log's
 * documents, most recently changed first. The joined survey is read from the exported datasets.
 */
async function gatherJourneys(db: Workspace, surveys: DatasetHeaderDoc[]): Promise<Body['journeys']> {
  const out: NonNullable<Body['journeys']> = [];
  const docs = await db.journeys.find({ selector: {}, sort: [{ updatedAt: 'desc' }] }).exec();
  for (const doc of docs) {
    if (out.length >= maxExportedJourneys) break;
    const read = readJourneyDoc(doc.toJSON());
    if (!read.ok) continue;
    const { map, name } = read.data;
    const settings = map.analytics;
    if (!settings?.eventDatasetId || !map.stages.some((s) => (s.events ?? []).length > 0)) continue;
    const headerDoc = await db.datasets.findOne(settings.eventDatasetId).exec();
    const parsed = headerDoc ? parseHeader(headerDoc.toJSON()) : null;
    if (!parsed?.ok || !isEventDataset(parsed.data)) continue;
    const header = parsed.data;
    const surveyHeader = surveys.find((s) => s.datasetId === settings.surveyDatasetId);
    const source: JourneyExportSource = {
      name, eventDatasetId: header.datasetId, logName: header.name,
      stages: map.stages.map((s) => ({ id: s.id, name: s.name, ...(s.events ? { events: s.events } : {}) })),
      cards: journeyCardSources(map),
      ...(surveyHeader && settings.surveyIdColumn ? { survey: {
        datasetId: surveyHeader.datasetId, name: surveyHeader.name, idColumn: settings.surveyIdColumn,
        stageQuestions: map.stages.map((s) => settings.stageQuestions?.[s.id] ?? null), stageTexts: stageTexts(map),
      } } : {}),
    };
    out.push({ source, events: { header, chunks: await readChunks(db, header) } });
  }
  return out;
}

/** A file name from the report's range: `Persona analytics 2025-03-01 to 2025-04-30.pdf`. */
export function analyticsFileName(input: AnalyticsExportInput, extension: string): string {
  const { from, to } = input.range;
  const span = from || to ? ` ${from ?? 'start'} to ${to ?? 'today'}` : '';
  return safeFileName(`${input.title}${span}`, extension);
}

/** An export under way. */
export interface RunningAnalyticsExport {
  result: Promise<Result<SaveOutcome>>;
  cancel(): void;
}

/** Builds and saves the PDF report or the workbook; `onProgress` gets the step (a code the screen words) and a fraction 0–1. */
export function runAnalyticsExport(
  format: 'pdf' | 'xlsx', platform: Pick<Platform, 'saveFile' | 'workbookStream'>, body: Body, onProgress: (step: AnalyticsExportStep, fraction: number) => void,
  start: typeof startAnalyticsExport = startAnalyticsExport,
): RunningAnalyticsExport {
  let run: AnalyticsExportRun | null = null;
  let cancelled = false;
  let streamId: string | null = null;
  const stream = format === 'xlsx' ? platform.workbookStream : undefined;
  const result = (async (): Promise<Result<SaveOutcome>> => {
    try {
      if (!stream) {
        run = start(format, body, onProgress);
        const bytes = await run.bytes();
        if (cancelled) return err('cancelled', 'Export cancelled.');
        return await platform.saveFile({ suggestedName: analyticsFileName(body.input, format), kind: format, bytes });
      }
      // Electron: ask where to save before scoring, so a cancelled dialog costs nothing.
      const begun = await stream.begin(analyticsFileName(body.input, 'xlsx'));
      if (!begun.ok || !begun.data.started) return begun.ok ? ok({ saved: false }) : begun;
      const id = (streamId = begun.data.streamId);
      if (cancelled) throw new Error('Export cancelled.');
      run = start('stream', body, onProgress);
      const total = Math.max(1, await run.ready());
      let sent = 0;
      let pending = run.pull();
      for (let op = await pending; op; op = await pending) {
        if (cancelled) throw new Error('Export cancelled.');
        // The worker builds the next chunk while main writes this one.
        pending = run.pull();
        pending.catch(() => {});
        const r = op.op === 'table' ? await stream.table(id, op.name, op.columns) : await stream.rows(id, op.rows);
        if (!r.ok) return r;
        if (op.op === 'rows') onProgress('writing', Math.min(1, (sent += op.rows.length) / total));
      }
      const done = await stream.finish(id);
      streamId = null;
      return done;
    } catch (e) {
      if (cancelled) return err('cancelled', 'Export cancelled.');
      return err('internal', e instanceof Error ? e.message : String(e));
    } finally {
      // Anything but a finished stream leaves main's temporary file: delete it, and stop the worker.
      if (stream && streamId) {
        run?.cancel();
        void stream.abort(streamId);
      }
    }
  })();
  return {
    result,
    cancel() {
      cancelled = true;
      run?.cancel();
    },
  };
}
