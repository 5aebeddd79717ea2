import type { FlowProgram } from '../../common/flowEngine';
import type { ScheduleConfig } from '../../common/flowEngine/schedule';
import { lastSlot, lateGraceMs, slotsBetween } from '../../common/flowEngine/schedule';
import type { Attributes } from '../../common/flowEngine/ports';
import type { EventDoc, RunDoc } from '../../common/journeyRuns/docs';
import { isValidCustomerId, partitionOf, runId, scheduleSlotId } from '../../common/journeyRuns/ids';
import type { CouchDb } from './couch';
import type { JourneyDirectory } from './journeys';
import type { Log, Worker } from './worker';

/**
 * Schedule triggers (engine/README.md, "Schedules"). Each partition's owner fires a slot for the
 * audience members in its partition, so a lease decides who fires and nothing else coordinates.
 * Per (journey, trigger, partition) a slot document in `engine_runs` says which slot fired last and
 * which one is being fired: it is written (with its `_rev`) before the runs, the runs have ids made
 * of (customer, journey, trigger, slot), and it is marked done after them. A process that dies half
 * way leaves `firing` set; the next owner finishes that slot, and the runs already written answer
 * 409, so a slot never starts a customer twice and a slot begun is never dropped.
 *
 * Missed slots (no engine ran, the journey was paused, the partition was between owners): only the
 * latest slot fires, late, and only if it is at most {@link lateGraceMs} late (half the gap to the
 * next slot, at most 6 hours): a daily 09:00 mail goes out at 10:30 after a short outage, but not at
 * 20:00. Older missed slots are skipped, counted in the slot document and logged. No slot before
 * the version's publication fires.
 */

/** The slot document of one journey's schedule trigger in one partition. */
export interface SlotDoc {
  _id: string;
  _rev?: string;
  type: 'scheduleSlot';
  journeyId: string;
  nodeId: string;
  partition: number;
  /** The last slot fired (or skipped), epoch ms. */
  lastSlot: number;
  /** A slot being fired: set before its runs are written, cleared after. */
  firing?: number;
  /** Slots skipped so far because they were found too late. */
  skipped: number;
  /** Runs the last fired slot started in this partition. */
  started: number;
  updatedAt: number;
}

/** What {@link Schedules} needs. */
export interface ScheduleDeps {
  runs: CouchDb;
  directory: JourneyDirectory;
  worker: Worker;
  partitions: number;
  now: () => number;
  log: Log;
}

const chunk = 500;

/** Fires due schedule slots of the partitions this process holds; call {@link round} every second or so. */
export class Schedules {
  private readonly slots = new Map<string, SlotDoc | null>();
  private readonly warned = new Set<string>();

  constructor(private readonly d: ScheduleDeps) {}

  /** One look at every published journey's schedule triggers. */
  async round(): Promise<void> {
    const { directory, worker } = this.d;
    const owned = worker.leases.owned();
    // Forget slot documents of partitions no longer held: the next owner may have moved them on.
    for (const key of this.slots.keys()) if (!owned.includes(Number(key.slice(-3)))) this.slots.delete(key);
    if (owned.length === 0) return;
    for (const journeyId of directory.journeyIds()) {
      const ref = directory.published(journeyId);
      if (!ref?.acceptsRuns) continue;
      if (!(await directory.load(journeyId, ref.version, this.d.now()))) continue;
      const program = directory.program(journeyId, ref.version)!;
      for (const n of program.nodes.values()) {
        if (n.kind !== 'trigger' || n.config.type !== 'schedule') continue;
        for (const p of owned) await this.fire(program, n.id, n.config, p);
      }
    }
  }

  private async slotDoc(journeyId: string, nodeId: string, p: number): Promise<SlotDoc | null> {
    const id = scheduleSlotId(journeyId, nodeId, p);
    if (!this.slots.has(id)) this.slots.set(id, (await this.d.runs.get<SlotDoc>(id)) ?? null);
    return this.slots.get(id)!;
  }

  private async fire(program: FlowProgram, nodeId: string, config: ScheduleConfig, p: number): Promise<void> {
    const { journeyId, version } = program;
    const now = this.d.now();
    const stored = await this.slotDoc(journeyId, nodeId, p);
    const due = stored?.firing ?? lastSlot(config, now);
    if (due === null || (stored && stored.firing === undefined && due <= stored.lastSlot)) return;
    if (due < this.d.directory.versionPublishedAt(journeyId, version) && stored?.firing === undefined) return;
    const id = scheduleSlotId(journeyId, nodeId, p);
    const base: SlotDoc = stored ? { ...stored } : { _id: id, type: 'scheduleSlot', journeyId, nodeId, partition: p, lastSlot: 0, skipped: 0, started: 0, updatedAt: now };
    const late = now - due;
    if (stored?.firing === undefined && late > lateGraceMs(config, due)) {
      // Found too late: skip it (and any older missed slot) so a daily message does not go out at night.
      const missed = stored ? slotsBetween(config, stored.lastSlot + 1, due, 10_000).length : 0;
      await this.save({ ...base, lastSlot: due, skipped: base.skipped + missed + 1, updatedAt: now });
      this.d.log({ level: 'warn', msg: 'Schedule slot missed; skipped', journey: journeyId, node: nodeId, partition: p, slot: new Date(due).toISOString(), lateMs: late });
      return;
    }
    // Slots between the last fired one and this one were missed while nobody fired them: skipped.
    const missed = stored && stored.firing === undefined ? slotsBetween(config, stored.lastSlot + 1, due, 10_000).length : 0;
    if (missed) this.d.log({ level: 'warn', msg: 'Schedule slots missed; skipped', journey: journeyId, node: nodeId, partition: p, missed });
    base.skipped += missed;
    const audience = this.audience(journeyId, nodeId, config, p, due);
    if (!audience) return;
    const firing = await this.save({ ...base, firing: due, updatedAt: now });
    if (!firing) return;
    let started = 0;
    const docs: RunDoc[] = audience.map((c) => ({
      _id: runId(c.customerId, journeyId, `sched|${nodeId}|${due}`, this.d.partitions), type: 'run', journeyId, version, partition: p,
      customerId: c.customerId, state: null, log: [], notes: [], start: { triggerNodeId: nodeId, at: due, attributes: c.attributes }, createdAt: now, updatedAt: now,
    }));
    for (let i = 0; i < docs.length; i += chunk) {
      const part = docs.slice(i, i + chunk);
      const results = await this.d.runs.bulk(part);
      results.forEach((r, k) => {
        if (!r.ok || !r.rev) return; // already started by an earlier try of this slot
        started++;
        this.d.worker.accept({ ...part[k]!, _rev: r.rev });
      });
    }
    const { firing: _done, ...rest } = firing;
    await this.save({ ...rest, lastSlot: due, started, updatedAt: this.d.now() });
    this.d.worker.poke();
    this.d.log({ level: 'info', msg: 'Schedule slot fired', journey: journeyId, node: nodeId, partition: p, slot: new Date(due).toISOString(), started, audience: docs.length });
  }

  /** Writes a slot document with its `_rev`; undefined (and forgotten) when another process wrote it first. */
  private async save(doc: SlotDoc): Promise<SlotDoc | undefined> {
    const rev = await this.d.runs.put(doc);
    if (!rev) {
      this.slots.delete(doc._id);
      return undefined;
    }
    const saved = { ...doc, _rev: rev };
    this.slots.set(doc._id, saved);
    return saved;
  }

  /** The customers of one partition a slot starts; null (with one log line) when the trigger names no audience. */
  private audience(journeyId: string, nodeId: string, config: ScheduleConfig, p: number, slot: number): Array<{ customerId: string; attributes: Attributes }> | null {
    const a = config.audience;
    if (!a || (a.kind === 'customers' && a.ids.length === 0)) {
      const key = `${journeyId}|${nodeId}`;
      if (!this.warned.has(key)) this.d.log({ level: 'warn', msg: 'Schedule trigger has no audience; it starts nobody', journey: journeyId, node: nodeId });
      this.warned.add(key);
      return null;
    }
    if (a.kind === 'customers') {
      const ids = [...new Set(a.ids)].filter((id) => isValidCustomerId(id) && partitionOf(id, this.d.partitions) === p);
      return ids.map((customerId) => ({ customerId, attributes: {} }));
    }
    return eventAudience(this.d.worker.heldEvents, (id) => partitionOf(id, this.d.partitions) === p, a.eventName, slot - a.withinDays * 86_400_000, slot);
  }
}

/**
 * Customers with an event of this name in `[since, until]`, each with the properties of their
 * events (oldest first, so the latest value wins) as attributes.
 */
export function eventAudience(events: ReadonlyMap<string, readonly EventDoc[]>, inPartition: (customerId: string) => boolean, name: string, since: number, until: number): Array<{ customerId: string; attributes: Attributes }> {
  const out: Array<{ customerId: string; attributes: Attributes }> = [];
  for (const [customerId, list] of events) {
    if (!inPartition(customerId) || !list.some((e) => e.name === name && e.at >= since && e.at <= until)) continue;
    out.push({ customerId, attributes: Object.assign({}, ...list.map((e) => e.properties)) as Attributes });
  }
  return out;
}
