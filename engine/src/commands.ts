import { triggerMatches } from '../../common/flowEngine';
import type { CommandDoc, RunDoc } from '../../common/journeyRuns/docs';
import { maxStartCustomers } from '../../common/journeyRuns/docs';
import { isValidCustomerId, partitionOf, runId } from '../../common/journeyRuns/ids';
import type { CouchDb } from './couch';
import type { JourneyDirectory } from './journeys';
import type { Log } from './worker';

/**
 * Manual start for a list of customer ids. Any engine process may carry out a start command: it
 * claims the command document with a `_rev` write (a lease of one minute), writes one run document
 * per customer, and marks the command done with what happened. Run ids come from (customer, journey,
 * command id), so a command carried out twice (the first worker died half way) writes no run twice.
 */
export async function runStartCommand(cmd: CommandDoc & { command: 'start' }, deps: {
  runs: CouchDb; control: CouchDb; directory: JourneyDirectory; worker: string; partitions: number; now: () => number; log: Log;
}): Promise<void> {
  const now = deps.now();
  const claim = { ...cmd, claimedBy: deps.worker, claimedUntil: now + 60_000 };
  const rev = await deps.control.put(claim as never);
  if (!rev) return; // another worker claimed it
  const finish = async (result: string): Promise<void> => {
    await deps.control.put({ ...claim, _rev: rev, doneAt: deps.now(), result } as never);
    deps.log({ level: 'info', msg: 'Start command done', command: cmd._id, result });
  };
  let ref = deps.directory.published(cmd.journeyId);
  if (!ref) {
    await deps.directory.refresh();
    ref = deps.directory.published(cmd.journeyId);
  }
  if (!ref) return finish(`Journey "${cmd.journeyId}" is unknown or has never been published; nothing was started.`);
  // A paused journey takes new runs (they wait for Resume); a killed one takes none.
  if (deps.directory.controlState(ref.journeyId) === 'killed') return finish(`Journey "${cmd.journeyId}" is stopped by its kill switch; nothing was started.`);
  if (!(await deps.directory.load(ref.journeyId, ref.version, now))) return finish(`Version ${ref.version} of journey "${cmd.journeyId}" cannot be read; nothing was started.`);
  const program = deps.directory.program(ref.journeyId, ref.version)!;
  const trigger = triggerMatches(program, { type: 'manual' })[0];
  if (!trigger) return finish(`Journey "${cmd.journeyId}" v${ref.version} has no manual trigger; nothing was started.`);
  const customers = Array.isArray(cmd.customers) ? cmd.customers.slice(0, maxStartCustomers) : [];
  const bad = customers.filter((c) => !isValidCustomerId(c?.id)).length + Math.max(0, (cmd.customers?.length ?? 0) - maxStartCustomers);
  const docs: RunDoc[] = customers.filter((c) => isValidCustomerId(c?.id)).map((c) => ({
    _id: runId(c.id, ref.journeyId, cmd._id, deps.partitions), type: 'run', journeyId: ref.journeyId, version: ref.version,
    partition: partitionOf(c.id, deps.partitions), customerId: c.id, ...(typeof c.timeZone === 'string' ? { timeZone: c.timeZone.slice(0, 64) } : {}),
    state: null, log: [], notes: [], start: { triggerNodeId: trigger, at: now, attributes: cleanAttributes(c.attributes) }, createdAt: now, updatedAt: now,
  }));
  let started = 0;
  let existing = 0;
  for (let i = 0; i < docs.length; i += 500) {
    for (const r of await deps.runs.bulk(docs.slice(i, i + 500) as never)) {
      if (r.ok) started++;
      else existing++;
    }
  }
  const parts = [`Started ${started} run${started === 1 ? '' : 's'} on v${ref.version}`];
  if (existing) parts.push(`${existing} already started by this command`);
  if (bad) parts.push(`${bad} refused (empty, over 200 characters, control characters, or past ${maxStartCustomers} ids)`);
  return finish(`${parts.join('; ')}.`);
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
