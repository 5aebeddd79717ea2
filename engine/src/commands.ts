import { triggerMatches } from '../../common/flowEngine';
import type { CommandDoc, RunDoc, StartCustomer, StartPin } from '../../common/journeyRuns/docs';
import { maxStartCustomers } from '../../common/journeyRuns/docs';
import { isValidCustomerId, partitionOf, runId } from '../../common/journeyRuns/ids';
import type { CouchDb } from './couch';
import type { JourneyDirectory } from './journeys';
import type { Log } from './worker';

/** A start command as the feed delivers it. */
export type StartCommand = CommandDoc & { command: 'start' };

/** A start command whose version and trigger are fixed: every process starts its partitions' runs from it. */
export type PinnedStart = StartCommand & { pinned: StartPin };

/**
 * Manual start for a list of customer ids, first half (the second is engine/src/starts.ts). The
 * command document is the runs' inbox: each engine process writes the runs of the partitions it
 * holds, already started, in its own batches, so no run document is written only to be read back
 * through the runs feed by its owner (at 100k runs that start burst cost more than the steps).
 * Here the first reader checks the command and fixes the version and trigger with a `_rev` write;
 * a refused command is closed at once with its reason. Returns the pinned command, or undefined when
 * it was refused or another process pinned it first (the feed brings that revision).
 */
export async function pinStartCommand(cmd: StartCommand, deps: { control: CouchDb; directory: JourneyDirectory; worker: string; now: () => number; log: Log }): Promise<PinnedStart | undefined> {
  const now = deps.now();
  const refuse = async (result: string): Promise<undefined> => {
    const rev = await deps.control.put({ ...cmd, doneAt: deps.now(), result } as never);
    if (rev) deps.log({ level: 'info', msg: 'Start command done', command: cmd._id, result });
    return undefined;
  };
  let ref = deps.directory.published(cmd.journeyId);
  if (!ref) {
    await deps.directory.refresh();
    ref = deps.directory.published(cmd.journeyId);
  }
  if (!ref) return refuse(`Journey "${cmd.journeyId}" is unknown or has never been published; nothing was started.`);
  // A paused journey takes new runs (they wait for Resume); a killed one takes none.
  if (deps.directory.controlState(ref.journeyId) === 'killed') return refuse(`Journey "${cmd.journeyId}" is stopped by its kill switch; nothing was started.`);
  if (!(await deps.directory.load(ref.journeyId, ref.version, now))) return refuse(`Version ${ref.version} of journey "${cmd.journeyId}" cannot be read; nothing was started.`);
  const program = deps.directory.program(ref.journeyId, ref.version)!;
  const trigger = triggerMatches(program, { type: 'manual' })[0];
  if (!trigger) return refuse(`Journey "${cmd.journeyId}" v${ref.version} has no manual trigger; nothing was started.`);
  const pinned: PinnedStart = { ...cmd, journeyId: ref.journeyId, pinned: { version: ref.version, triggerNodeId: trigger }, claimedBy: deps.worker };
  const rev = await deps.control.put(pinned as never);
  return rev ? { ...pinned, _rev: rev } : undefined;
}

/** The customers of a start command the engine takes (the first {@link maxStartCustomers} valid ids), and how many it refuses. */
export function startCustomers(cmd: StartCommand): { customers: StartCustomer[]; refused: number } {
  const listed = Array.isArray(cmd.customers) ? cmd.customers.slice(0, maxStartCustomers) : [];
  const customers = listed.filter((c) => isValidCustomerId(c?.id));
  return { customers, refused: listed.length - customers.length + Math.max(0, (cmd.customers?.length ?? 0) - maxStartCustomers) };
}

/** New run documents (not started) of a pinned command's customers in one partition. */
export function startDocs(cmd: PinnedStart, customers: readonly StartCustomer[], partition: number, partitions: number, now: number): RunDoc[] {
  const out: RunDoc[] = [];
  for (const c of customers) {
    if (partitionOf(c.id, partitions) !== partition) continue;
    out.push({
      _id: runId(c.id, cmd.journeyId, cmd._id, partitions), type: 'run', journeyId: cmd.journeyId, version: cmd.pinned.version,
      partition, customerId: c.id, ...(typeof c.timeZone === 'string' ? { timeZone: c.timeZone.slice(0, 64) } : {}),
      state: null, log: [], notes: [], start: { triggerNodeId: cmd.pinned.triggerNodeId, at: now, attributes: cleanAttributes(c.attributes) }, createdAt: now, updatedAt: now,
    });
  }
  return out;
}

/** The sentence a finished start command records. */
export function startResult(cmd: PinnedStart, started: number, existing: number): string {
  const { refused } = startCustomers(cmd);
  const parts = [`Started ${started} run${started === 1 ? '' : 's'} on v${cmd.pinned.version}`];
  if (existing) parts.push(`${existing} already started by this command`);
  if (refused) parts.push(`${refused} refused (empty, over 200 characters, control characters, or past ${maxStartCustomers} ids)`);
  return `${parts.join('; ')}.`;
}

/** Attributes as the interpreter takes them: strings, numbers and booleans only, at most 200, bounded text. */
export function cleanAttributes(input: unknown): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  if (!input || typeof input !== 'object') return out;
  for (const [k, v] of Object.entries(input as Record<string, unknown>).slice(0, 200)) {
    if (k.length > 200 || k === '__proto__') continue;
    if (typeof v === 'string') out[k] = v.slice(0, 2000);
    else if ((typeof v === 'number' && Number.isFinite(v)) || typeof v === 'boolean') out[k] = v;
  }
  return out;
}
