/**
 * One journey worker shared by the journey screens (the map's analytics, the flow view's counts, the
 * poster export), so a log decoded for the map is not read and decoded again when the Flow tab opens:
 * at 10M events that second decode took about 5 s and a second copy of the log. The worker holds one
 * event log and one survey at a time; this client knows which (the worker answers in order), reads
 * and sends chunks only for a log it does not hold, and loads a log again if another screen replaced
 * it in the meantime. The worker ends a while after its last user lets go, to free the log's memory.
 */
import type { DatasetChunkDoc, DatasetHeaderDoc } from '../../../common/analytics/format';
import { err, type Result } from '../../../common/result';
import { createJourneyClient, type JourneyClient } from './journeyClient';
import type { LoadedLog } from './journeyProtocol';

/** What a loaded dataset is made of; read from the database only when the worker needs it. */
export type DatasetParts = { header: DatasetHeaderDoc; chunks: DatasetChunkDoc[] }[];

/** A journey client that loads a log or a survey only when the worker does not already hold it. */
export interface SharedJourneyClient extends JourneyClient {
  /** The log under `key`: `read` and the worker's decode run only if the worker does not hold it. */
  loadLog(key: string, read: () => Promise<DatasetParts>): Promise<Result<LoadedLog>>;
  /** The survey under `key`, the same way. */
  loadSurveyData(key: string, read: () => Promise<DatasetParts>): Promise<Result<{ key: string; rows: number }>>;
}

/** The key a log is held under: one per version of the dataset, the same on every screen. */
export function logKeyOf(header: Pick<DatasetHeaderDoc, 'datasetId' | 'chunkCount' | 'updatedAt'>): string {
  return `${header.datasetId}:${header.chunkCount}:${header.updatedAt}`;
}

/** How long the worker (and the log it holds) outlives its last user: long enough to switch tabs. */
export const idleMs = 60_000;
// Readers of recently loaded logs and surveys, so one replaced by another screen can be loaded again.
const readersKept = 4;

interface Held<T> { key: string; result: Promise<Result<T>> }

/** Wraps a journey client (one worker) with the knowledge of what it holds. */
export function sharingClient(base: JourneyClient): SharedJourneyClient {
  let log: Held<LoadedLog> | null = null;
  let survey: Held<{ key: string; rows: number }> | null = null;
  const logReaders = new Map<string, () => Promise<DatasetParts>>();
  const surveyReaders = new Map<string, () => Promise<DatasetParts>>();
  const remember = (readers: Map<string, () => Promise<DatasetParts>>, key: string, read: () => Promise<DatasetParts>) => {
    readers.delete(key);
    readers.set(key, read);
    if (readers.size > readersKept) readers.delete(readers.keys().next().value!);
  };
  const loadLog = (key: string, read: () => Promise<DatasetParts>) => {
    remember(logReaders, key, read);
    if (log?.key !== key) {
      const held: Held<LoadedLog> = { key, result: read().then((parts) => base.load(key, parts), readFailed('event log')) };
      log = held;
      // A failed load is not held: the next call tries again.
      void held.result.then((r) => { if (!r.ok && log === held) log = null; });
    }
    return log.result;
  };
  const loadSurveyData = (key: string, read: () => Promise<DatasetParts>) => {
    remember(surveyReaders, key, read);
    if (survey?.key !== key) {
      const held: Held<{ key: string; rows: number }> = { key, result: read().then((parts) => base.loadSurvey(key, parts), readFailed('survey')) };
      survey = held;
      void held.result.then((r) => { if (!r.ok && survey === held) survey = null; });
    }
    return survey.result;
  };
  /** Makes sure the worker holds `key` (loading it again if it was replaced) before asking. */
  async function withLog<T>(key: string, ask: () => Promise<Result<T>>, surveyKey?: string): Promise<Result<T>> {
    for (let attempt = 0; ; attempt++) {
      const read = logReaders.get(key);
      if (log?.key !== key && read) await loadLog(key, read);
      const surveyRead = surveyKey === undefined ? undefined : surveyReaders.get(surveyKey);
      if (surveyKey !== undefined && survey?.key !== surveyKey && surveyRead) await loadSurveyData(surveyKey, surveyRead);
      const answer = await ask();
      // not-found: another screen's load got in between; one more round loads ours again.
      if (answer.ok || answer.code !== 'not-found' || attempt > 0 || !read) return answer;
      if (log?.key === key) log = null;
      if (surveyKey !== undefined && survey?.key === surveyKey) survey = null;
    }
  }
  return {
    importEvents: (bytes, options, onProgress) => base.importEvents(bytes, options, onProgress),
    load: (key, datasets) => loadLog(key, () => Promise.resolve(datasets)),
    loadSurvey: (key, datasets) => loadSurveyData(key, () => Promise.resolve(datasets)),
    loadLog, loadSurveyData,
    analyse: (key, stages, options) => withLog(key, () => base.analyse(key, stages, options)),
    compare: (key, stages, a, b, options) => withLog(key, () => base.compare(key, stages, a, b, options)),
    personas: (key, surveyKey, input) => withLog(key, () => base.personas(key, surveyKey, input), surveyKey),
    dispose: () => base.dispose(),
  };
}

let shared: { client: SharedJourneyClient; users: number; timer: ReturnType<typeof setTimeout> | null } | null = null;

/**
 * Takes a share of the journey worker (started on first use); `release` gives it back. The worker
 * ends `idle` ms after the last release unless someone takes it again.
 */
export function acquireJourneyClient(create: () => JourneyClient = createJourneyClient, idle = idleMs): { client: SharedJourneyClient; release(): void } {
  if (!shared) shared = { client: sharingClient(create()), users: 0, timer: null };
  const entry = shared;
  if (entry.timer !== null) { clearTimeout(entry.timer); entry.timer = null; }
  entry.users++;
  let released = false;
  return {
    client: entry.client,
    release() {
      if (released) return;
      released = true;
      entry.users--;
      if (entry.users > 0) return;
      entry.timer = setTimeout(() => {
        if (shared === entry && entry.users === 0) { shared = null; entry.client.dispose(); }
      }, idle);
    },
  };
}

/** A database read that failed becomes an answer, so a screen shows it instead of waiting for ever. */
function readFailed(what: string) {
  return (e: unknown) => err('internal', `The ${what} could not be read from this device's database: ${e instanceof Error ? e.message : String(e)}`);
}
