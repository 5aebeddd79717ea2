import type { CommandDoc, RunDoc } from '../../common/journeyRuns/docs';
import type { MigrateFields, MigrationResultDoc } from '../../common/journeyRuns/migrate';
import { maxListedStayed, migrationResultId, migrationResultPrefix, stepMoves, stepOfRun, stepsById } from '../../common/journeyRuns/migrate';
import { rangeEnd } from '../../common/journeyRuns/ids';
import type { Advanced } from './advance';
import { isOver, note } from './advance';
import { emptyDelta } from './tally';
import type { CouchDb, StoredDoc } from './couch';
import type { JourneyDirectory } from './journeys';
import type { Log } from './worker';
import type { MarkProgress } from './partitionMarks';
import { checkMark } from './partitionMarks';

/**
 * Carrying out migrate commands (engine/README.md, "Versions"): every engine process moves the open
 * runs of the partitions it holds. Per (command, partition) a result document `m|<command>|<p>` is
 * the "done" mark, written after the runs: a partition whose mark exists is never looked at again,
 * and a run already on the new version is never moved again, so a repeated command, a retry after a
 * crash, or a partition changing owners moves nobody twice. A move keeps the run's step (same node
 * id), state, wait and due time; only the version changes, with a note in the run's log.
 */

/** A migrate command as the feed delivers it. */
export type MigrateCommand = Extract<CommandDoc, MigrateFields>;

/** What one partition's plan moves and what it reports. */
export interface PartitionPlan {
  command: MigrateCommand;
  partition: number;
  moves: Advanced[];
  /** Run ids moved by this command before (an earlier try that died before its mark). */
  movedBefore: number;
  stayed: Record<string, number>;
  stayedCustomers: string[];
}

/** Moves one run to the command's version at the same step. */
export function moveDoc(doc: RunDoc, cmd: MigrateCommand, now: number, worker: string): Advanced {
  const next: RunDoc = { ...doc, notes: [...doc.notes], version: cmd.to, migrated: { command: cmd._id, from: cmd.from, at: now }, updatedAt: Math.max(doc.updatedAt, now) };
  if (doc.state) next.state = { ...doc.state, journeyVersion: cmd.to };
  const waits = doc.wakeAt !== undefined ? ' Its timer keeps its due time.' : '';
  note(next, { at: now, nodeId: stepOfRun(doc), kind: 'migrated', message: `Moved from version ${cmd.from} to version ${cmd.to} at the same step.${waits}`, worker });
  return { doc: next, delta: emptyDelta(doc.journeyId), steps: 0, handovers: [] };
}

interface Pending extends MarkProgress { cmd: MigrateCommand; refreshed: boolean }

/** Pending migrate commands of this process and the partitions it has finished for each. */
export class Migrations {
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly o: { runs: CouchDb; control: CouchDb; directory: JourneyDirectory; worker: string; partitions: number; log: Log }) {}

  /** A migrate command seen on the feed (again: nothing changes). */
  request(cmd: MigrateCommand): void {
    const known = this.pending.get(cmd._id);
    if (known) known.cmd = cmd;
    else this.pending.set(cmd._id, { cmd, done: new Set(), checked: new Set(), asking: new Set(), refreshed: false });
  }

  /** The command is finished (its `doneAt` was seen). */
  forget(id: string): void {
    this.pending.delete(id);
  }

  get size(): number {
    return this.pending.size;
  }

  /**
   * Plans the held partitions not done yet. A partition is skipped this round when its mark's
   * existence is not known yet (read in the background), a program is not loaded yet, or one of its
   * movers has a send in flight (the run is settled first, then moved on a later round).
   */
  plan(runs: Iterable<RunDoc>, holds: (p: number) => boolean, busy: (id: string) => boolean, now: number): PartitionPlan[] {
    const out: PartitionPlan[] = [];
    const all = [...runs];
    for (const m of this.pending.values()) {
      const { cmd } = m;
      const d = this.o.directory;
      const latest = d.published(cmd.journeyId)?.version ?? 0;
      if (latest < cmd.to) {
        // The journey list is read every 5 s: read it once more before saying the version does not exist.
        if (m.refreshed) void this.close(cmd, `Version ${cmd.to} of journey "${cmd.journeyId}" is not published; no run moved.`);
        else void d.refresh().then(() => { m.refreshed = true; }, () => undefined);
        continue;
      }
      const from = d.program(cmd.journeyId, cmd.from);
      const to = d.program(cmd.journeyId, cmd.to);
      if (!from || !to) {
        void d.load(cmd.journeyId, cmd.from, now);
        void d.load(cmd.journeyId, cmd.to, now);
        continue;
      }
      const a = stepsById([...from.nodes.values()]);
      const b = stepsById([...to.nodes.values()]);
      for (let p = 0; p < this.o.partitions; p++) {
        if (m.done.has(p) || !holds(p)) continue;
        if (!m.checked.has(p)) {
          void checkMark(m, p, () => this.o.runs.get<StoredDoc>(migrationResultId(m.cmd._id, p)), () => this.closeWhenComplete(m.cmd), (error) =>
            this.o.log({ level: 'warn', msg: 'Migration mark could not be read; trying again', command: m.cmd._id, partition: p, error: String(error) }));
          continue;
        }
        const plan: PartitionPlan = { command: cmd, partition: p, moves: [], movedBefore: 0, stayed: {}, stayedCustomers: [] };
        let wait = false;
        for (const doc of all) {
          if (doc.partition !== p || doc.journeyId !== cmd.journeyId) continue;
          if (doc.migrated?.command === cmd._id && doc.version === cmd.to) plan.movedBefore++;
          if (doc.version !== cmd.from || isOver(doc)) continue;
          const step = stepOfRun(doc);
          if (!stepMoves(step, a, b)) {
            plan.stayed[step] = (plan.stayed[step] ?? 0) + 1;
            if (plan.stayedCustomers.length < maxListedStayed) plan.stayedCustomers.push(doc.customerId);
          } else if (busy(doc._id)) {
            wait = true;
            break;
          } else plan.moves.push(moveDoc(doc, cmd, now, this.o.worker));
        }
        if (!wait) out.push(plan);
      }
    }
    return out;
  }

  /**
   * After the plan's runs were written: marks each partition whose moves all landed (`current` gives
   * the run as this process now holds it), and closes the command once every partition has its mark.
   */
  async finish(plans: readonly PartitionPlan[], current: (id: string) => RunDoc | undefined, now: number): Promise<void> {
    const marks: MigrationResultDoc[] = [];
    for (const plan of plans) {
      const { command: cmd, partition: p } = plan;
      const landed = (id: string): boolean => current(id)?.version === cmd.to && current(id)?.migrated?.command === cmd._id;
      if (!plan.moves.every((a) => landed(a.doc._id))) continue; // a conflict: planned again next round
      marks.push({
        _id: migrationResultId(cmd._id, p), type: 'migration', command: cmd._id, journeyId: cmd.journeyId, from: cmd.from, to: cmd.to, partition: p,
        moved: plan.moves.length + plan.movedBefore, stayed: plan.stayed, stayedCustomers: plan.stayedCustomers, at: now, worker: this.o.worker,
      });
    }
    if (marks.length === 0) return;
    const results = await this.o.runs.bulk(marks as unknown as StoredDoc[]);
    const touched = new Set<string>();
    for (let i = 0; i < results.length; i++) {
      const mark = marks[i]!;
      const entry = this.pending.get(mark.command);
      // A conflict means the mark exists already: that partition is finished either way.
      if (entry && (results[i]!.ok || results[i]!.error === 'conflict')) entry.done.add(mark.partition);
      if (results[i]!.ok) this.o.log({ level: 'info', msg: 'Runs moved to another version', command: mark.command, partition: mark.partition, moved: mark.moved, stayed: Object.values(mark.stayed).reduce((s, n) => s + n, 0) });
      touched.add(mark.command);
    }
    for (const id of touched) {
      const entry = this.pending.get(id);
      if (entry) await this.closeWhenComplete(entry.cmd);
    }
  }

  /** Writes the command's outcome once every partition has its mark. */
  private async closeWhenComplete(cmd: MigrateCommand): Promise<void> {
    if (!this.pending.has(cmd._id)) return;
    const marks = await this.o.runs.all<MigrationResultDoc>(migrationResultPrefix(cmd._id), rangeEnd(migrationResultPrefix(cmd._id)));
    if (marks.length < this.o.partitions) return;
    const moved = marks.reduce((s, r) => s + r.moved, 0);
    const stayed = marks.reduce((s, r) => s + Object.values(r.stayed).reduce((t, n) => t + n, 0), 0);
    await this.close(cmd, `Moved ${moved} run${moved === 1 ? '' : 's'} from version ${cmd.from} to version ${cmd.to}; ${stayed} stayed on version ${cmd.from} because their step is not in version ${cmd.to}.`);
  }

  private async close(cmd: MigrateCommand, result: string): Promise<void> {
    this.pending.delete(cmd._id);
    // A conflict: another process closed it first (or the feed's copy is stale); its result stands.
    const rev = await this.o.control.put({ ...cmd, doneAt: Date.now(), result } as unknown as StoredDoc).catch(() => undefined);
    if (rev) this.o.log({ level: 'info', msg: 'Migrate command done', command: cmd._id, result });
  }
}
