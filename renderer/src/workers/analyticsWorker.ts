/**
 * Scores survey responses off the UI thread: decodes dataset chunks once into typed arrays, then
 * answers dashboard and snapshot requests from that table. Cancelling a dashboard request aborts
 * the engine between personas.
 */
import type { DayIndex } from '../../../common/analytics/days';
import type { DatasetHeaderDoc } from '../../../common/analytics/format';
import { tableDays } from '../../../common/analytics/daily';
import { decodeDatasets, type Table } from '../../../common/analytics/table';
import { err, ok, type Result } from '../../../common/result';
import type { AnalyticsAnswer, AnalyticsRequest, AnalyticsResponse } from './analyticsProtocol';
import { respondentKeys, type Classification, type LatestWave } from './assignmentView';
import { computeDashboard } from './dashboard';
import { computeFollow } from './followJob';
import { computeMembers, computeSegments } from './segmentJob';
import { computeSnapshots } from './snapshotJob';

// The renderer's tsconfig types `self` as a Window; a worker only needs these two members.
const scope = self as unknown as {
  postMessage(message: AnalyticsResponse): void;
  onmessage: ((event: MessageEvent<AnalyticsRequest>) => void) | null;
};

let table: Table = decodeDatasets([]);
// The day index depends on the table and the zone; kept until either changes.
let days: { zone: string; index: DayIndex } | null = null;
// Assignment: respondent keys of the loaded table, its newest wave, the classification of the last
// dashboard and the one the user accepted (it survives reloads: compared by respondent key).
let keys: string[] | null = null;
let latest: LatestWave | null = null;
let current: Classification | null = null;
let accepted: Classification | null = null;
const running = new Map<number, AbortController>();
const cancelledEarly = new Set<number>();

function dayIndex(zone: string): DayIndex {
  if (days?.zone !== zone) days = { zone, index: tableDays(table, { timeZone: zone }) };
  return days.index;
}

async function handle(request: Exclude<AnalyticsRequest, { type: 'cancel' }>, signal: AbortSignal): Promise<Result<AnalyticsAnswer>> {
  const progress = (fraction: number) => scope.postMessage({ type: 'progress', id: request.id, fraction });
  switch (request.type) {
    case 'load':
      table = decodeDatasets(request.datasets);
      days = null;
      keys = null;
      latest = newestWave(request.datasets.map((d) => d.header), table);
      return ok({ type: 'load', rowCount: table.rowCount });
    case 'dashboard': {
      const dashboard = await computeDashboard(table, request.personas, {
        timeZone: request.timeZone, days: dayIndex(request.timeZone), detail: request.detail, signal, onProgress: progress,
        // The assignment panel is on the overview only: a persona's dashboard skips the extra passes.
        ...(request.detail === null ? { assign: { keys: keys ??= respondentKeys(table), latest, accepted, now: Date.now(), onCurrent: (c: Classification) => { current = c; accepted ??= c; } } } : {}),
        ...(request.from !== undefined ? { from: request.from } : {}), ...(request.to !== undefined ? { to: request.to } : {}),
      });
      return ok({ type: 'dashboard', dashboard });
    }
    case 'snapshots':
      return ok({ type: 'snapshots', run: computeSnapshots(table, request.personas, request) });
    case 'follow':
      return ok({ type: 'follow', results: computeFollow(table, dayIndex(request.timeZone), request.personas, request.rule) });
    case 'segments':
      return ok({ type: 'segments', figures: computeSegments(table, dayIndex(request.timeZone), request.segments, request.venn) });
    case 'members':
      return ok({ type: 'members', table: computeMembers(table, request.segment, keys ??= respondentKeys(table), request.columns) });
    case 'classify':
      if (!current) return err('not-found', 'Nothing is scored yet; wait for the scores, then re-classify.');
      accepted = { ...current, at: Date.now() };
      return ok({ type: 'classify', at: accepted.at });
  }
}

function newestWave(headers: DatasetHeaderDoc[], t: Table): LatestWave | null {
  let found: LatestWave | null = null;
  for (const h of headers) {
    for (const w of h.waves) {
      const index = t.waveIds.indexOf(w.id);
      if (index >= 0 && (!found || w.importedAt > found.importedAt)) found = { index, label: `${h.name}: ${w.sourceFile}`, importedAt: w.importedAt };
    }
  }
  return found;
}

scope.onmessage = (event) => {
  const request = event.data;
  if (request.type === 'cancel') {
    const controller = running.get(request.id);
    if (controller) controller.abort();
    else cancelledEarly.add(request.id);
    return;
  }
  const controller = new AbortController();
  if (cancelledEarly.delete(request.id)) controller.abort();
  running.set(request.id, controller);
  void handle(request, controller.signal)
    .catch((e: unknown): Result<AnalyticsAnswer> => {
      if (e instanceof DOMException && e.name === 'AbortError') return err('cancelled', 'Recalculation cancelled.');
      return err('internal', e instanceof Error ? e.message : String(e));
    })
    .then((result) => {
      running.delete(request.id);
      scope.postMessage({ type: 'result', id: request.id, result });
    });
};
