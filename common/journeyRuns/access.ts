import { commandPrefix, journeyControlId } from './ids';
import { migrateRefusal } from './migrate';

/**
 * What a tenant member (editor or tenant admin) may write to `engine_control`: the documents of the
 * actions the Runs panel offers, nothing the engine owns. A journey control (`journey|<id>`: pause,
 * resume, kill) and a new retry or migrate command (`cmd|…`, no `_rev`, not yet done). Leases, heartbeats,
 * settings, intake summaries, start commands and deletions are the engine's or an operator's.
 * Our sync server applies this per document (sync-server/src/routes/access.ts); engine/src/security.ts
 * gives Apache CouchDB the same rule as a validation function.
 */

/** Why a member may not write this document to `engine_control`, or null when they may. */
export function memberControlRefusal(doc: unknown): string | null {
  if (!doc || typeof doc !== 'object') return 'A document must be a JSON object.';
  const d = doc as Record<string, unknown>;
  const id = d._id;
  if (typeof id !== 'string') return 'A control document needs an id.';
  if (id.startsWith('_local/')) return null;
  if (d._deleted === true) return 'Journey controls and commands are not deleted: resume a journey instead of deleting its control.';
  if (id.startsWith('journey|')) {
    const okState = d.state === 'running' || d.state === 'paused' || d.state === 'killed';
    if (d.type !== 'journeyControl' || typeof d.journeyId !== 'string' || journeyControlId(d.journeyId) !== id || !okState) {
      return 'A journey control is {type: "journeyControl", journeyId, state: running, paused or killed} under journey|<journeyId>.';
    }
    return null;
  }
  if (id.startsWith(commandPrefix)) {
    if (d.type === 'command' && d.command === 'migrate') {
      const bad = migrateRefusal(d);
      if (bad) return bad;
    } else if (d.type !== 'command' || d.command !== 'retry' || typeof d.runId !== 'string' || !d.runId.startsWith('r|')) {
      return 'Members may write retry and migrate commands only ({type: "command", command: "retry", runId} or {command: "migrate", journeyId, from, to}); other commands are the engine operator\'s.';
    }
    if (d._rev !== undefined || d.doneAt !== undefined || d.result !== undefined || d.claimedBy !== undefined) {
      return 'A command is written once, new; the engine records its outcome.';
    }
    return null;
  }
  return 'Only the journey engine writes leases, heartbeats, settings and intake summaries. Members write journey controls and retry commands.';
}
