/**
 * A promise-shaped client for the analytics worker, owned by the Analytics screen (terminated with
 * it). Requests run in order in the worker; each can report progress and be cancelled.
 */
import type { PersonaInput } from '../../../common/analytics/analyse';
import type { DatasetChunkDoc, DatasetHeaderDoc } from '../../../common/analytics/format';
import { err, type Result } from '../../../common/result';
import type { AnalyticsAnswer, AnalyticsRequest, AnalyticsResponse } from './analyticsProtocol';
import type { DriftRule } from '../../../common/analytics/drift';
import type { MemberTable } from '../../../common/segments/membership';
import type { Dashboard } from './dashboard';
import type { FollowPersona, FollowResult } from './followJob';
import type { SegmentFigures, SegmentInput } from './segmentJob';
import type { SnapshotPersona, SnapshotRun } from './snapshotJob';

/** A request in flight. */
export interface Pending<T> { result: Promise<Result<T>>; cancel(): void }

/** Talks to one analytics worker. */
export interface AnalyticsClient {
  load(datasets: { header: DatasetHeaderDoc; chunks: DatasetChunkDoc[] }[]): Pending<number>;
  dashboard(args: { personas: PersonaInput[]; timeZone: string; from?: number; to?: number; detail: string | null }, onProgress?: (f: number) => void): Pending<Dashboard>;
  snapshots(args: { personas: SnapshotPersona[]; timeZone: string; today: string; now: number; backfill: boolean }): Pending<SnapshotRun>;
  /** Accepts the current best-persona assignment as the one later rule changes are compared with. */
  classify(): Pending<number>;
  /** Followed sections' values and each persona's drift on its newest day. */
  follow(args: { personas: FollowPersona[]; timeZone: string; rule: DriftRule }): Pending<FollowResult[]>;
  segments(args: { segments: SegmentInput[]; timeZone: string; venn: number[] }): Pending<SegmentFigures>;
  members(args: { segment: SegmentInput; columns: string[] }): Pending<MemberTable>;
  dispose(): void;
}

type Body<K> = K extends AnalyticsRequest['type'] ? Omit<Extract<AnalyticsRequest, { type: K }>, 'id' | 'type'> : never;

/** Starts an analytics worker. */
export function createAnalyticsClient(): AnalyticsClient {
  const worker = new Worker(new URL('./analyticsWorker.ts', import.meta.url), { type: 'module' });
  let nextId = 1;
  const waiting = new Map<number, { resolve: (r: Result<AnalyticsAnswer>) => void; progress?: (f: number) => void }>();
  worker.onmessage = (event: MessageEvent<AnalyticsResponse>) => {
    const msg = event.data;
    const entry = waiting.get(msg.id);
    if (!entry) return;
    if (msg.type === 'progress') entry.progress?.(msg.fraction);
    else {
      waiting.delete(msg.id);
      entry.resolve(msg.result);
    }
  };
  function request<T, K extends Exclude<AnalyticsRequest['type'], 'cancel'>>(
    type: K, body: Body<K>, pick: (a: AnalyticsAnswer) => T | undefined, progress?: (f: number) => void,
  ): Pending<T> {
    const id = nextId++;
    const result = new Promise<Result<T>>((resolve) => {
      waiting.set(id, {
        resolve: (r) => {
          if (!r.ok) return resolve(r);
          const data = pick(r.data);
          resolve(data === undefined ? err('internal', 'The analytics worker gave an unexpected answer.') : { ok: true, data });
        },
        ...(progress ? { progress } : {}),
      });
      worker.postMessage({ type, id, ...body } as AnalyticsRequest);
    });
    return { result, cancel: () => worker.postMessage({ type: 'cancel', id } satisfies AnalyticsRequest) };
  }
  return {
    load: (datasets) => request('load', { datasets }, (a) => (a.type === 'load' ? a.rowCount : undefined)),
    dashboard: (args, onProgress) => request('dashboard', args, (a) => (a.type === 'dashboard' ? a.dashboard : undefined), onProgress),
    snapshots: (args) => request('snapshots', args, (a) => (a.type === 'snapshots' ? a.run : undefined)),
    classify: () => request('classify', {}, (a) => (a.type === 'classify' ? a.at : undefined)),
    follow: (args) => request('follow', args, (a) => (a.type === 'follow' ? a.results : undefined)),
    segments: (args) => request('segments', args, (a) => (a.type === 'segments' ? a.figures : undefined)),
    members: (args) => request('members', args, (a) => (a.type === 'members' ? a.table : undefined)),
    dispose() {
      worker.terminate();
      for (const entry of waiting.values()) entry.resolve(err('cancelled', 'The analytics screen was closed.'));
      waiting.clear();
    },
  };
}
