import type { RunDoc, StartMarkDoc } from '../../common/journeyRuns/docs';
import { rangeEnd, startMarkId, startMarkPrefix } from '../../common/journeyRuns/ids';
import type { PinnedStart } from './commands';
import { startCustomers, startDocs, startResult } from './commands';
import type { CouchDb, StoredDoc } from './couch';
import type { Log } from './workerOptions';
import type { MarkProgress } from './partitionMarks';
import { checkMark } from './partitionMarks';

/**
 * Start commands, second half (the first is `pinStartCommand`): every engine process starts the runs
 * of the partitions it holds. Their documents are made in the owner's memory and written by its
 * batches already started (trigger run, first send or wait), so a run's first write is its first
 * move, and nothing of a start burst goes through the runs feed. The command stays the durable
 * record until then: per (command, partition) a mark `t|<command>|<p>` is written once every run of
 * the partition is in, and a partition without its mark is started again by whoever holds it (after
 * a crash, or a handover half way). A run that was written before is a conflict on its first write,
 * read back and counted as already started; so a repeated command starts nobody twice. The command
 * is closed with the totals when every partition has its mark.
 */

interface OpenPart { ids: Set<string>; started: number; existing: number }

interface Pending extends MarkProgress {
  cmd: PinnedStart;
  /** Partitions whose runs this process made and is writing. */
  open: Map<number, OpenPart>;
}

/** Pending start commands of this process; see the module comment. */
export class Starts {
  private readonly pending = new Map<string, Pending>();
  /** Run id → its command, while the run's first write is outstanding. */
  private readonly waiting = new Map<string, string>();
  /** Partitions whose runs are all in and whose mark is to be written. */
  private readonly complete: { command: string; partition: number }[] = [];

  constructor(private readonly o: { runs: CouchDb; control: CouchDb; worker: string; partitions: number; now: () => number; log: Log }) {}

  /**
   * A pinned start command seen on the feed (or pinned here). Seen again (the 30 s look at open
   * commands), its marks are looked for again, so a command whose closing write was lost is closed.
   */
  request(cmd: PinnedStart): void {
    const known = this.pending.get(cmd._id);
    if (known) {
      known.cmd = cmd;
      known.checked.clear();
    } else this.pending.set(cmd._id, { cmd, done: new Set(), checked: new Set(), asking: new Set(), open: new Map() });
  }

  /** The command is closed (its `doneAt` was seen). */
  forget(id: string): void {
    const p = this.pending.get(id);
    if (!p) return;
    for (const part of p.open.values()) for (const runId of part.ids) this.waiting.delete(runId);
    this.pending.delete(id);
  }

  get size(): number {
    return this.pending.size;
  }

  /**
   * New runs of the held, read-in partitions whose mark is known to be missing, a partition's share
   * of a command at a time until there are `atLeast`. `known` says whether a run is in memory
   * already (read in with the partition: an earlier try wrote it). A partition whose mark was not
   * looked for yet is asked about in the background and taken on a later tick.
   */
  take(usable: (p: number) => boolean, known: (id: string) => boolean, atLeast: number): RunDoc[] {
    const out: RunDoc[] = [];
    for (const m of this.pending.values()) {
      let customers: ReturnType<typeof startCustomers>['customers'] | undefined;
      for (let p = 0; p < this.o.partitions; p++) {
        if (out.length >= atLeast) return out;
        if (m.done.has(p) || m.open.has(p) || !usable(p)) continue;
        if (!m.checked.has(p)) {
          void checkMark(m, p, () => this.o.runs.get<StoredDoc>(startMarkId(m.cmd._id, p)), () => this.closeWhenComplete(m.cmd._id), (error) =>
            this.o.log({ level: 'warn', msg: 'Start mark could not be read; trying again', command: m.cmd._id, partition: p, error: String(error) }));
          continue;
        }
        customers ??= startCustomers(m.cmd).customers;
        const part: OpenPart = { ids: new Set(), started: 0, existing: 0 };
        m.open.set(p, part);
        for (const doc of startDocs(m.cmd, customers, p, this.o.partitions, this.o.now())) {
          if (known(doc._id) || part.ids.has(doc._id)) {
            part.existing++;
            continue;
          }
          part.ids.add(doc._id);
          this.waiting.set(doc._id, m.cmd._id);
          out.push(doc);
        }
        if (part.ids.size === 0) this.complete.push({ command: m.cmd._id, partition: p });
      }
    }
    return out;
  }

  /** A run's write came back: written (`ok`), or a conflict (it was there already). */
  landed(runId: string, ok: boolean): void {
    const command = this.waiting.get(runId);
    if (command === undefined) return;
    this.waiting.delete(runId);
    const m = this.pending.get(command);
    const p = Number(runId.slice(2, 5));
    const part = m?.open.get(p);
    if (!part?.ids.delete(runId)) return;
    if (ok) part.started++;
    else part.existing++;
    if (part.ids.size === 0) this.complete.push({ command, partition: p });
  }

  /** A partition went to another process: its unfinished share goes with it (the new holder starts what is missing). */
  drop(p: number): void {
    for (const m of this.pending.values()) {
      m.checked.delete(p);
      const part = m.open.get(p);
      if (!part) continue;
      for (const runId of part.ids) this.waiting.delete(runId);
      m.open.delete(p);
    }
  }

  /** True when a mark waits to be written. */
  get due(): boolean {
    return this.complete.length > 0;
  }

  /** Writes the marks of partitions whose runs are all in, and closes each command that then has every mark. */
  async finish(holds: (p: number) => boolean): Promise<void> {
    const ready = this.complete.splice(0).filter(({ command, partition }) => holds(partition) && this.pending.get(command)?.open.has(partition));
    if (ready.length === 0) return;
    const now = this.o.now();
    const marks: StartMarkDoc[] = ready.map(({ command, partition }) => {
      const m = this.pending.get(command)!;
      const part = m.open.get(partition)!;
      return { _id: startMarkId(command, partition), type: 'startMark', command, journeyId: m.cmd.journeyId, partition, started: part.started, existing: part.existing, at: now, worker: this.o.worker };
    });
    let results;
    try {
      results = await this.o.runs.bulk(marks as unknown as StoredDoc[]);
    } catch (error) {
      this.complete.push(...ready);
      throw error;
    }
    const touched = new Set<string>();
    for (let i = 0; i < results.length; i++) {
      const { command, partition } = ready[i]!;
      const m = this.pending.get(command);
      if (!m) continue;
      // A conflict: the mark exists (an earlier try of this partition finished); done either way.
      if (results[i]!.ok || results[i]!.error === 'conflict') {
        m.done.add(partition);
        m.open.delete(partition);
        touched.add(command);
      } else this.complete.push(ready[i]!);
    }
    for (const id of touched) await this.closeWhenComplete(id);
  }

  /** Writes the command's outcome once every partition has its mark. */
  private async closeWhenComplete(id: string): Promise<void> {
    const m = this.pending.get(id);
    if (!m) return;
    const marks = await this.o.runs.all<StartMarkDoc>(startMarkPrefix(id), rangeEnd(startMarkPrefix(id)));
    if (marks.length < this.o.partitions) return;
    const result = startResult(m.cmd, marks.reduce((s, k) => s + k.started, 0), marks.reduce((s, k) => s + k.existing, 0));
    this.forget(id);
    // A conflict: another process closed it first; its result stands.
    const rev = await this.o.control.put({ ...m.cmd, doneAt: this.o.now(), result } as unknown as StoredDoc).catch(() => undefined);
    if (rev) this.o.log({ level: 'info', msg: 'Start command done', command: id, result });
  }
}
