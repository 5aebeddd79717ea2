import type { CommandDoc, JourneyControlDoc } from '../../common/journeyRuns/docs';
import { commandPrefix, controlCollection, runsCollection } from '../../common/journeyRuns/ids';
import { tenantDatabaseName } from '../../common/sync/names';
import type { EngineSettingsDoc } from '../../common/journeyRuns/panel';
import { engineSettingsId } from '../../common/journeyRuns/panel';
import type { PinnedStart } from './commands';
import { pinStartCommand } from './commands';
import { migrateRefusal } from '../../common/journeyRuns/migrate';
import { secureEngineDb } from './security';
import type { CouchServer, StoredDoc } from './couch';
import { CouchDb } from './couch';
import { JourneyDirectory } from './journeys';
import type { WorkerOptions } from './worker';
import { Worker } from './worker';
import { Schedules } from './schedules';

/**
 * One tenant's engine in this process: its databases, the journey directory, the lease round, the
 * two change feeds (runs: new runs and events for owned partitions; control: pause/kill and
 * commands) and the work loop. `stop()` ends every loop; with `release` the leases go back at once.
 */

/** Options of {@link startTenantEngine}: the worker's, less what the tenant engine opens itself. */
export type TenantEngineOptions = Omit<WorkerOptions, 'runs' | 'control' | 'directory'> & { server: CouchServer; tenant: string };

/** A running tenant engine. */
export interface TenantEngine {
  worker: Worker;
  runs: CouchDb;
  control: CouchDb;
  directory: JourneyDirectory;
  stop(release: boolean): Promise<void>;
}

/** The engine's databases of a tenant, created when missing (needs server-admin credentials). */
export async function engineDatabases(server: CouchServer, tenant: string): Promise<{ runs: CouchDb; control: CouchDb }> {
  const runs = new CouchDb(server, tenantDatabaseName(tenant, runsCollection));
  const control = new CouchDb(server, tenantDatabaseName(tenant, controlCollection));
  await runs.ensure();
  await control.ensure();
  await secureEngineDb(runs, tenant, 'runs');
  await secureEngineDb(control, tenant, 'control');
  return { runs, control };
}

/**
 * The settings the app needs to look runs up (the partition count is part of every run id). Written
 * only when missing or different, so restarts add no revisions.
 */
async function writeSettings(control: CouchDb, partitions: number): Promise<void> {
  const stored = await control.get<EngineSettingsDoc>(engineSettingsId);
  if (stored?.partitions === partitions) return;
  await control.put({ _id: engineSettingsId, ...(stored?._rev ? { _rev: stored._rev } : {}), type: 'settings', partitions });
}

/** Starts a tenant's engine; see the module comment. */
export async function startTenantEngine(o: TenantEngineOptions): Promise<TenantEngine> {
  const now = o.now ?? Date.now;
  const { runs, control } = await engineDatabases(o.server, o.tenant);
  await writeSettings(control, o.partitions);
  const directory = new JourneyDirectory(new CouchDb(o.server, tenantDatabaseName(o.tenant, 'journeys')), new CouchDb(o.server, tenantDatabaseName(o.tenant, 'history')));
  await directory.refresh();
  const { server: _server, tenant: _tenant, ...workerOptions } = o;
  const worker = new Worker({ ...workerOptions, runs, control, directory });
  const abort = new AbortController();
  let stopped = false;
  // The abort listener goes when the pause ends: the loops pause thousands of times, and listeners
  // left behind piled up on the signal (a leak, and MaxListenersExceededWarning in the bench).
  const pause = (ms: number): Promise<void> => new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(t);
      abort.signal.removeEventListener('abort', done);
      resolve();
    };
    const t = setTimeout(done, ms);
    abort.signal.addEventListener('abort', done, { once: true });
  });
  const loops: Promise<void>[] = [];
  const every = (ms: number, what: string, fn: () => Promise<void>): void => {
    loops.push((async () => {
      while (!stopped) {
        try {
          await fn();
        } catch (error) {
          if (!stopped) o.log({ level: 'warn', msg: `${what} failed; trying again`, error: String(error) });
        }
        await pause(ms);
      }
    })());
  };

  // Control feed first, so journey controls are known before any run moves.
  let controlSeq: string | number = 0;
  const readControl = async (longpoll: boolean): Promise<void> => {
    const page = await control.changes(controlSeq, { includeDocs: true, longpoll, timeoutMs: 5000, signal: abort.signal });
    controlSeq = page.last_seq;
    for (const row of page.results) {
      const doc = row.doc;
      if (!doc || row.deleted) continue;
      if (doc.type === 'journeyControl') {
        directory.setControl(doc as unknown as JourneyControlDoc);
        worker.journeyChanged(String(doc.journeyId));
        o.log({ level: 'info', msg: 'Journey control', journey: doc.journeyId, state: doc.state });
      } else if (doc._id.startsWith(commandPrefix) && doc.type === 'command' && doc.doneAt === undefined) {
        onCommand(doc as unknown as CommandDoc);
      } else if (doc.type === 'command' && doc.command === 'migrate') {
        worker.migrations.forget(doc._id);
      } else if (doc.type === 'command' && doc.command === 'start') {
        worker.starts.forget(doc._id);
      }
    }
  };
  const onCommand = (cmd: CommandDoc): void => {
    if (cmd.command === 'retry' && typeof cmd.runId === 'string') {
      if (worker.ownsId(cmd.runId)) worker.requestRetry(cmd.runId, cmd as unknown as StoredDoc);
    } else if (cmd.command === 'migrate') {
      if (migrateRefusal(cmd as unknown as Record<string, unknown>) === null) {
        worker.migrations.request(cmd);
        worker.poke();
      }
    } else if (cmd.command === 'start') {
      const take = (pinned: PinnedStart | undefined): void => {
        if (!pinned) return;
        worker.starts.request(pinned);
        worker.poke();
      };
      if (cmd.pinned) take(cmd as PinnedStart);
      else void pinStartCommand(cmd, { control, directory, worker: o.worker, now, log: o.log }).then(take, (error: unknown) => o.log({ level: 'warn', msg: 'Start command failed; another try later', command: cmd._id, error: String(error) }));
    }
  };
  // Drain what is there before claiming any partition.
  for (;;) {
    const before = controlSeq;
    await readControl(false);
    if (String(before) === String(controlSeq)) break;
  }
  every(0, 'Control feed', () => readControl(true));

  // Runs feed: ids only; documents of owned partitions that are not our own writes are read.
  let runsSeq: string | number = await runs.updateSeq();
  every(0, 'Runs feed', async () => {
    const page = await runs.changes(runsSeq, { longpoll: true, timeoutMs: 5000, limit: 2000, signal: abort.signal });
    runsSeq = page.last_seq;
    const wanted = page.results.filter((r) => !r.deleted && (r.id.startsWith('r|') || r.id.startsWith('e|')) && worker.ownsId(r.id) && !worker.isOwnWrite(r.id, r.changes[0]?.rev)).map((r) => r.id);
    for (const doc of await runs.getMany<StoredDoc>([...new Set(wanted)])) {
      if (doc._id.startsWith('e|')) worker.acceptEvent(doc as never);
      else worker.accept(doc as never);
    }
    if (wanted.length) worker.poke();
  });

  every(Math.max(200, Math.floor(o.leaseTtlMs / 3)), 'Lease round', () => worker.leases.round());
  every(5000, 'Journey list', () => directory.refresh());
  every(2000, 'Parked runs', async () => worker.unpark());
  every(2000, 'Open-run census', async () => { await worker.writeCensus(); });
  // Open commands (a start whose claimer died) are looked at again every 30 s.
  every(30_000, 'Open commands', async () => {
    for (const cmd of await control.all<StoredDoc>(commandPrefix, `${commandPrefix}\ufff0`)) if (cmd.type === 'command' && cmd.doneAt === undefined) onCommand(cmd as unknown as CommandDoc);
  });
  const schedules = new Schedules({ runs, directory, worker, partitions: o.partitions, now, log: o.log });
  every(1000, 'Schedules', () => schedules.round());
  const main = worker.run();

  return {
    worker,
    runs,
    control,
    directory,
    stop: async (release) => {
      stopped = true;
      abort.abort();
      await worker.stop(release);
      await main;
      await Promise.allSettled(loops);
    },
  };
}
