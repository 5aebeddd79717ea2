import type { CommandDoc, CounterDoc, JourneyControlDoc, RunDoc } from '../../../../../common/journeyRuns/docs';
import { commandPrefix, controlCollection, customerRunPrefix, journeyControlId, journeyCounterPrefix, rangeEnd, runsCollection } from '../../../../../common/journeyRuns/ids';
import type { EngineSettingsDoc, FailureDoc, HeartbeatDoc } from '../../../../../common/journeyRuns/panel';
import { engineSettingsId, journeyFailurePrefix, liveWorkers } from '../../../../../common/journeyRuns/panel';
import { tenantDatabaseName } from '../../../../../common/sync/names';
import type { MigrationResultDoc, MigrationSummary, OpenRunsDoc } from '../../../../../common/journeyRuns/migrate';
import { migrationResultPrefix, migrationSummary, openRunsPrefix } from '../../../../../common/journeyRuns/migrate';

/**
 * The Runs panel's reads and writes, straight to the team server over the CouchDB protocol (the
 * engine's databases are never replicated to the laptop: engine/README.md, "Data"). Reads are key
 * ranges of `_all_docs`; the only writes are a journey's control document and retry commands, which
 * the engine acts on. Every failure comes back as a problem the panel words, never an exception.
 */

/** Where to reach the team server and how to sign requests. */
export interface RunsTarget {
  serverUrl: string;
  tenant: string;
  user: string;
  /** The Authorization header, or undefined when the session cookie signs requests (web mode). */
  authorization: string | undefined;
}

/** Why a read or write did not happen. */
export type RunsProblem =
  | { kind: 'unreachable' }
  | { kind: 'signIn' }
  | { kind: 'forbidden' }
  | { kind: 'noEngine' }
  | { kind: 'conflict' }
  | { kind: 'server'; status: number; reason: string };

/** A value or the problem that prevented it. */
export type RunsResult<T> = { ok: true; data: T } | { ok: false; problem: RunsProblem };

/** Counter documents read for one journey at most (16 partitions × 365 days × 3 years). */
export const maxCounterDocs = 20_000;
/** Failures listed at most; the panel says when there are more. */
export const maxListedFailures = 100;
/** A customer's runs shown at most (newest journeys first is not knowable from ids: the first 50). */
export const maxCustomerRuns = 50;

const db = (t: RunsTarget, collection: string): string => tenantDatabaseName(t.tenant, collection);

async function call<T>(t: RunsTarget, method: string, path: string, body?: unknown): Promise<RunsResult<{ status: number; json: T }>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (t.authorization) headers.authorization = t.authorization;
  let response: Response;
  try {
    response = await fetch(`${t.serverUrl.replace(/\/+$/, '')}/${path}`, { method, headers, credentials: 'include', cache: 'no-store', ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  } catch {
    return { ok: false, problem: { kind: 'unreachable' } };
  }
  const json = (await response.json().catch(() => ({}))) as T & { reason?: unknown; error?: unknown };
  if (response.ok || (response.status === 404 && json.error === 'not_found' && json.reason !== 'Database does not exist.')) return { ok: true, data: { status: response.status, json } };
  if (response.status === 401) return { ok: false, problem: { kind: 'signIn' } };
  if (response.status === 403) return { ok: false, problem: { kind: 'forbidden' } };
  if (response.status === 404) return { ok: false, problem: { kind: 'noEngine' } };
  if (response.status === 409) return { ok: false, problem: { kind: 'conflict' } };
  return { ok: false, problem: { kind: 'server', status: response.status, reason: typeof json.reason === 'string' ? json.reason.slice(0, 300) : '' } };
}

async function getDoc<T>(t: RunsTarget, collection: string, id: string): Promise<RunsResult<T | undefined>> {
  const r = await call<T>(t, 'GET', `${db(t, collection)}/${encodeURIComponent(id)}`);
  if (!r.ok) return r;
  return { ok: true, data: r.data.status === 404 ? undefined : r.data.json };
}

/** Documents of a key range, page by page, at most `max`; `more` when the range holds more. */
async function range<T>(t: RunsTarget, collection: string, prefix: string, max: number, end = rangeEnd(prefix)): Promise<RunsResult<{ docs: T[]; more: boolean }>> {
  const docs: T[] = [];
  let start = prefix;
  let skip = 0;
  while (docs.length < max) {
    const limit = Math.min(1000, max - docs.length + 1);
    const q = `startkey=${encodeURIComponent(JSON.stringify(start))}&endkey=${encodeURIComponent(JSON.stringify(end))}&include_docs=true&limit=${limit}&skip=${skip}`;
    const r = await call<{ rows?: { id: string; doc?: T }[] }>(t, 'GET', `${db(t, collection)}/_all_docs?${q}`);
    if (!r.ok) return r;
    const rows = r.data.json.rows ?? [];
    for (const row of rows) if (row.doc && docs.length <= max) docs.push(row.doc);
    if (rows.length < limit) break;
    start = rows[rows.length - 1]!.id;
    skip = 1;
  }
  return { ok: true, data: { docs: docs.slice(0, max), more: docs.length > max } };
}

/** What the panel shows for a journey. */
export interface RunsOverview {
  /** Engine processes with a live heartbeat (none: the engine is not running). */
  workers: string[];
  control: JourneyControlDoc | undefined;
  counters: CounterDoc[];
  failures: FailureDoc[];
  moreFailures: boolean;
  /** Open runs by version and step, one document per partition (the engine counts every 2 s). */
  census: OpenRunsDoc[];
}

/** Reads a journey's counters, controls, failures and the engine's liveness. */
export async function readOverview(t: RunsTarget, journeyId: string, now = Date.now()): Promise<RunsResult<RunsOverview>> {
  const settings = await getDoc<EngineSettingsDoc>(t, controlCollection, engineSettingsId);
  if (!settings.ok) return settings;
  if (!settings.data) return { ok: false, problem: { kind: 'noEngine' } };
  const [beats, control, counters, failures, census] = await Promise.all([
    range<HeartbeatDoc>(t, controlCollection, 'worker|', 1000),
    getDoc<JourneyControlDoc>(t, controlCollection, journeyControlId(journeyId)),
    range<CounterDoc>(t, runsCollection, journeyCounterPrefix(journeyId), maxCounterDocs),
    range<FailureDoc>(t, runsCollection, journeyFailurePrefix(journeyId), maxListedFailures),
    range<OpenRunsDoc>(t, runsCollection, openRunsPrefix(journeyId), 1000),
  ]);
  for (const r of [beats, control, counters, failures, census]) if (!r.ok) return r;
  if (!beats.ok || !control.ok || !counters.ok || !failures.ok || !census.ok) return { ok: false, problem: { kind: 'noEngine' } };
  const failed = failures.data.docs.filter((f) => f.type === 'failure').sort((a, b) => b.at - a.at);
  return { ok: true, data: { workers: liveWorkers(beats.data.docs, now), control: control.data, counters: counters.data.docs.filter((c) => c.type === 'counter'), failures: failed, moreFailures: failures.data.more, census: census.data.docs.filter((c) => c.type === 'openRuns') } };
}

/** A customer's runs (every journey), by the partition the engine put them in. */
export async function lookupCustomer(t: RunsTarget, customerId: string): Promise<RunsResult<{ runs: RunDoc[]; more: boolean }>> {
  const settings = await getDoc<EngineSettingsDoc>(t, controlCollection, engineSettingsId);
  if (!settings.ok) return settings;
  const partitions = settings.data?.partitions;
  if (!Number.isInteger(partitions) || partitions! < 1) return { ok: false, problem: { kind: 'noEngine' } };
  const r = await range<RunDoc>(t, runsCollection, customerRunPrefix(customerId, partitions!), maxCustomerRuns);
  if (!r.ok) return r;
  return { ok: true, data: { runs: r.data.docs.filter((d) => d.type === 'run'), more: r.data.more } };
}

/** Sets a journey to running, paused or killed (the engine acts on the change). */
export async function setJourneyState(t: RunsTarget, journeyId: string, state: JourneyControlDoc['state'], now = Date.now()): Promise<RunsResult<JourneyControlDoc>> {
  const id = journeyControlId(journeyId);
  const existing = await getDoc<JourneyControlDoc>(t, controlCollection, id);
  if (!existing.ok) return existing;
  const doc: JourneyControlDoc = { _id: id, ...(existing.data?._rev ? { _rev: existing.data._rev } : {}), type: 'journeyControl', journeyId, state, updatedAt: now, updatedBy: t.user };
  const r = await call<{ rev?: string }>(t, 'PUT', `${db(t, controlCollection)}/${encodeURIComponent(id)}`, doc);
  if (!r.ok) return r;
  return { ok: true, data: { ...doc, ...(r.data.json.rev ? { _rev: r.data.json.rev } : {}) } };
}

/** Why a retry was not asked for, besides the server's problems. */
export type RetryRefusal = 'notFailed' | 'gone';

/** Asks the engine to retry a failed run: checks the run is still failed, then writes a retry command. */
export async function retryRun(t: RunsTarget, runId: string, now = Date.now()): Promise<RunsResult<{ command: string } | { refused: RetryRefusal }>> {
  const run = await getDoc<RunDoc>(t, runsCollection, runId);
  if (!run.ok) return run;
  if (!run.data) return { ok: true, data: { refused: 'gone' } };
  if (run.data.killed || run.data.state?.status !== 'failed') return { ok: true, data: { refused: 'notFailed' } };
  const id = `${commandPrefix}retry-${now}-${Math.random().toString(36).slice(2, 10)}`;
  const cmd: CommandDoc = { _id: id, type: 'command', command: 'retry', runId, createdAt: now, createdBy: t.user };
  const r = await call(t, 'PUT', `${db(t, controlCollection)}/${encodeURIComponent(id)}`, cmd);
  if (!r.ok) return r;
  return { ok: true, data: { command: id } };
}

/** Asks the engine to move the open runs of version `from` to version `to` (the engine moves those whose step `to` has). */
export async function startMigration(t: RunsTarget, journeyId: string, from: number, to: number, now = Date.now()): Promise<RunsResult<{ command: string }>> {
  const id = `${commandPrefix}migrate-${now}-${Math.random().toString(36).slice(2, 10)}`;
  const cmd: CommandDoc = { _id: id, type: 'command', command: 'migrate', journeyId, from, to, createdAt: now, createdBy: t.user };
  const r = await call(t, 'PUT', `${db(t, controlCollection)}/${encodeURIComponent(id)}`, cmd);
  if (!r.ok) return r;
  return { ok: true, data: { command: id } };
}

/** How far a migrate command got: the partitions' results so far, and whether the engine closed it (refused: no run moved). */
export interface MigrationProgress {
  summary: MigrationSummary;
  partitions: number;
  done: boolean;
  /** True when the engine closed the command without moving anything (the version is not published). */
  refused: boolean;
}

/** Reads a migrate command's progress. */
export async function readMigration(t: RunsTarget, command: string): Promise<RunsResult<MigrationProgress>> {
  const [settings, cmd, marks] = await Promise.all([
    getDoc<EngineSettingsDoc>(t, controlCollection, engineSettingsId),
    getDoc<CommandDoc>(t, controlCollection, command),
    range<MigrationResultDoc>(t, runsCollection, migrationResultPrefix(command), 1000),
  ]);
  if (!settings.ok) return settings;
  if (!cmd.ok) return cmd;
  if (!marks.ok) return marks;
  const summary = migrationSummary(marks.data.docs);
  const done = cmd.data?.doneAt !== undefined;
  return { ok: true, data: { summary, partitions: settings.data?.partitions ?? 0, done, refused: done && summary.partitionsDone === 0 } };
}
