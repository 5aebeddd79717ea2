import type { CustomerEvent, EventLookup, SendOutcome, StepContext } from '../../common/flowEngine';
import type { EventDoc, RunDoc } from '../../common/journeyRuns/docs';
import { partitionEventPrefix, partitionRunPrefix, rangeEnd } from '../../common/journeyRuns/ids';
import type { Advanced } from './advance';
import { compressWait, handoverDoc, isOver, killDoc, note, recover, startDoc, stepDoc } from './advance';
import type { StoredDoc } from './couch';
import { TimerHeap } from './heap';
import { Leases } from './leases';
import { FrequencyCap, RateLimiter } from './policy';
import type { DeliveryDeps } from './delivery';
import { gate, settle } from './delivery';
import { sendMessage } from './senders';
import { Counters } from './tally';
import { BatchWriter } from './batchWrite';
import { Migrations } from './migrate';
import { Census } from './census';
import { Starts } from './starts';
import { emptyDelta } from './tally';
import type { WorkerOptions } from './workerOptions';

/**
 * One engine process's work loop for one tenant (engine/README.md, "How a worker runs"). It owns some
 * partitions through leases, keeps their open runs in memory with a timer heap, advances due runs
 * through the interpreter, writes each batch of changed runs with their counters in one `_bulk_docs`
 * (every write carries the `_rev` it read, so a worker that lost its lease cannot overwrite the new
 * owner's work), and only then performs the sends the batch stopped at.
 */

export type { Log, WorkerOptions } from './workerOptions';

const partitionOfId = (id: string): number => Number(id.slice(2, 5));
const generation = (rev: string | undefined): number => (rev ? Number.parseInt(rev, 10) : 0);

/** The work loop; see the module comment. */
export class Worker implements EventLookup {
  readonly leases: Leases;
  private readonly now: () => number;
  private readonly runs = new Map<string, RunDoc>();
  private readonly due = new TimerHeap();
  private readonly ready = new Map<string, number>();
  private readonly parked = new Set<string>();
  private readonly inFlight = new Set<string>();
  private readonly results = new Map<string, { key: string; outcome: SendOutcome }>();
  private readonly retries = new Map<string, StoredDoc>();
  private readonly events = new Map<string, EventDoc[]>();
  private readonly counters = new Counters();
  private readonly cap: FrequencyCap;
  private readonly rate: RateLimiter;
  private readonly ctx: StepContext;
  private readonly toSend = new Set<string>();
  private readonly delivery: DeliveryDeps;
  /** Partitions whose runs are read in after a claim (a migration or census of a half-read partition would be wrong). */
  private readonly loaded = new Set<number>();
  readonly migrations: Migrations;
  readonly starts: Starts;
  private readonly census: Census;
  private readonly writer: BatchWriter;
  private stopped = false;
  private wake: (() => void) | undefined;

  constructor(private readonly o: WorkerOptions) {
    this.now = o.now ?? Date.now;
    this.cap = new FrequencyCap(o.policy.frequencyCap);
    this.rate = new RateLimiter(o.policy.ratePerSecond, this.now);
    this.ctx = { journeys: o.directory, events: this };
    this.delivery = {
      policy: o.policy, cap: this.cap, rate: this.rate, directory: o.directory, ctx: this.ctx, worker: o.worker, log: o.log,
      later: (id, at) => {
        this.due.push(at, id);
        const doc = this.runs.get(id);
        if (doc) this.runs.set(id, { ...doc, wakeAt: at });
      },
      sendNow: (id) => this.toSend.add(id),
    };
    this.migrations = new Migrations({ runs: o.runs, control: o.control, directory: o.directory, worker: o.worker, partitions: o.partitions, log: o.log });
    this.starts = new Starts({ runs: o.runs, control: o.control, worker: o.worker, partitions: o.partitions, now: () => this.now(), log: o.log });
    this.census = new Census(o.runs);
    this.writer = new BatchWriter({
      o, runs: this.runs, counters: this.counters, retries: this.retries, now: () => this.now(), holds: (p) => this.leases.holds(p),
      schedule: (doc) => this.schedule(doc), touch: (id, since) => this.touch(id, since), accept: (doc) => this.accept(doc),
      landed: (id, ok) => this.starts.landed(id, ok),
    });
    this.leases = new Leases({
      control: o.control, worker: o.worker, partitions: o.partitions, ttlMs: o.leaseTtlMs, now: this.now,
      onGain: (p) => this.load(p),
      onLose: (p) => this.drop(p),
    });
  }

  /** Events of a customer since a time (wait-until looks back at them). */
  eventsSince(customerId: string, since: number): readonly CustomerEvent[] {
    return (this.events.get(customerId) ?? []).filter((e) => e.at >= since).map((e) => ({ name: e.name, at: e.at, properties: e.properties }));
  }

  /** Runs held in memory (owned partitions). */
  get size(): number {
    return this.runs.size;
  }

  /** Asks the loop to run now (new work arrived). */
  poke(): void {
    this.wake?.();
  }

  /** Stops the loop; with `release`, hands the leases back so others take over at once. */
  async stop(release: boolean): Promise<void> {
    this.stopped = true;
    this.poke();
    if (release) await this.leases.releaseAll();
  }

  /** The main loop: advance due runs until stopped. */
  async run(): Promise<void> {
    while (!this.stopped) {
      let did: boolean;
      try {
        did = await this.tick();
      } catch (error) {
        this.o.log({ level: 'error', msg: 'Engine step failed; retrying in 1 s', error: String(error) });
        await this.sleep(1000);
        continue;
      }
      if (!did) await this.sleep(Math.max(5, Math.min(200, (this.due.peek() ?? Infinity) - this.now())));
      // Let I/O callbacks (finished sends, feeds) run between ticks even when every tick finds work.
      else await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(() => this.wake?.(), ms);
      this.wake = () => { clearTimeout(t); this.wake = undefined; resolve(); };
    });
  }

  /** Marks a run to be looked at on the next tick. */
  private touch(id: string, since = this.now()): void {
    if (!this.ready.has(id)) this.ready.set(id, since);
  }

  /** Puts a run where its next move will find it: the ready set, the timer heap, or nowhere (it waits for an event or a user). */
  schedule(doc: RunDoc): void {
    if (isOver(doc) || doc.state?.status === 'failed') return;
    if (doc.state === null) return this.touch(doc._id);
    if (doc.wakeAt !== undefined) this.due.push(doc.wakeAt, doc._id);
    else if (doc.state.status === 'sending') this.touch(doc._id);
  }

  /** One round of work; true when anything moved. */
  async tick(): Promise<boolean> {
    const now = this.now();
    const size = this.o.batchSize ?? 500;
    // Marks of start commands whose runs the last writes finished (before a batch is taken: a failed
    // mark write is only logged and tried again, it must not leave a taken batch behind).
    if (this.starts.due) {
      await this.starts.finish((p) => this.leases.holds(p)).catch((error: unknown) => this.o.log({ level: 'warn', msg: 'Start marks not written; trying again', error: String(error) }));
    }
    // New runs of start commands, for the held partitions: made here, written by the batches below.
    // Taken while fewer than a batch of runs are ready, so runs under way (a send answered) go first
    // and a burst of 100k starts does not queue every other step behind it (the bench's p99 was 71 s).
    if (this.starts.size && this.ready.size < size) {
      for (const doc of this.starts.take((p) => this.loaded.has(p) && this.leases.holds(p), (id) => this.runs.has(id), size - this.ready.size)) {
        this.runs.set(doc._id, doc);
        this.touch(doc._id, now);
      }
    }
    const batch = new Map<string, number>();
    // Due timers get up to half of the batch before the ready set: during a start burst tens of
    // thousands of runs are ready at once, and with timers only filling what was left no run under
    // way moved (nor exited) until the burst was through (engine10's 100k try: minutes of p99).
    this.takeDue(batch, Math.ceil(size / 2), now);
    for (const [id, since] of this.ready) {
      if (batch.size >= size) break;
      this.ready.delete(id);
      batch.set(id, since);
    }
    this.takeDue(batch, size, now);
    const plans = this.migrations.size ? this.migrations.plan(this.runs.values(), (p) => this.loaded.has(p) && this.leases.holds(p), (id) => this.inFlight.has(id), now) : [];
    if (batch.size === 0 && plans.length === 0) return false;
    const changed = new Map<string, { a: Advanced; since: number }>();
    for (const plan of plans) for (const a of plan.moves) changed.set(a.doc._id, { a, since: now });
    for (const [id, since] of batch) {
      if (changed.has(id)) {
        this.touch(id, since); // moved this round; it moves on the next
        continue;
      }
      const before = this.runs.get(id)?.log.length ?? 0;
      const a = this.process(id, now);
      if (!a) continue;
      if (a.doc.log.length !== before) compressWait(a.doc, this.o.waitScale ?? 1);
      changed.set(id, { a, since });
      for (const h of a.handovers) {
        const child = h.kind === 'startRun' ? handoverDoc(a.doc, h, now, this.o.partitions) : undefined;
        if (child && !this.runs.has(child.doc._id)) changed.set(child.doc._id, { a: child, since: now });
      }
    }
    await this.writer.write(changed, now);
    if (plans.length) await this.migrations.finish(plans, (id) => this.runs.get(id), this.now());
    this.fireSends();
    return true;
  }

  /** Adds due timers to the batch until it holds `upTo` runs (stale heap entries are skipped). */
  private takeDue(batch: Map<string, number>, upTo: number, now: number): void {
    while (batch.size < upTo && (this.due.peek() ?? Infinity) <= now) {
      const t = this.due.pop()!;
      const doc = this.runs.get(t.id);
      if (doc && doc.wakeAt === t.at && !batch.has(t.id)) batch.set(t.id, t.at);
    }
  }

  /** Decides one run's next move; undefined when nothing is to be written. */
  private process(id: string, now: number): Advanced | undefined {
    const doc = this.runs.get(id);
    if (!doc || isOver(doc) || this.inFlight.has(id)) return undefined;
    // A held lease whose renewal is late still counts (a busy database delays the renewal): if another
    // worker has claimed it meanwhile, our writes meet its `_rev` and conflict, and the next lease
    // round drops the partition.
    if (!this.leases.holds(doc.partition)) return undefined;
    const d = this.o.directory;
    const control = d.controlState(doc.journeyId);
    if (control === 'killed') return killDoc(doc, now, this.o.worker);
    const retry = this.retries.has(id);
    if (control === 'paused') {
      this.parked.add(id);
      // A new run of a start command is written as it is (not started), so the command is done and the run waits for Resume.
      return doc._rev === undefined ? { doc: { ...doc }, delta: emptyDelta(doc.journeyId), steps: 0, handovers: [] } : undefined;
    }
    const program = d.program(doc.journeyId, doc.version);
    if (!program) {
      this.parked.add(id);
      void d.load(doc.journeyId, doc.version, now).then((ok) => {
        if (!ok) this.o.log({ level: 'warn', msg: 'A run follows a journey version that cannot be read; it waits', run: id, journey: doc.journeyId, version: doc.version });
      });
      return undefined;
    }
    if (doc.state === null) return startDoc(doc, program, this.ctx, now);
    const state = doc.state;
    if (retry) {
      if (state.status !== 'failed') return undefined;
      const a = stepDoc(doc, program, { type: 'retry', at: now }, this.ctx);
      note(a.doc, { at: now, nodeId: state.nodeId, kind: 'userRetry', message: 'Retried by a user.', worker: this.o.worker });
      return a;
    }
    const result = this.results.get(id);
    // Only the outcome of this very send settles it: one from before the partition went away and came
    // back belongs to an earlier step, and taking it marked the next send sent unsent (seen in the bench).
    if (result) this.results.delete(id);
    if (result && doc.outbox && result.key === doc.outbox.effect.idempotencyKey) return settle(this.delivery, doc, result.outcome, now);
    const fresh = (this.events.get(doc.customerId) ?? []).find((e) => e.receivedAt >= doc.createdAt && !(doc.events ?? []).includes(e.eventId));
    if (fresh && state.status !== 'sending') {
      const a = stepDoc(doc, program, { type: 'event', at: Math.max(now, fresh.at), event: { name: fresh.name, at: fresh.at, properties: fresh.properties } }, this.ctx);
      a.doc.events = [...(doc.events ?? []), fresh.eventId].slice(-100);
      this.touch(id); // more events may wait
      return a;
    }
    if (state.status === 'waiting' && doc.wakeAt !== undefined && doc.wakeAt <= now) return stepDoc(doc, program, { type: 'timer', at: now }, this.ctx);
    if (state.status === 'sending' && doc.outbox && (doc.wakeAt === undefined || doc.wakeAt <= now)) return gate(this.delivery, doc, now);
    return undefined;
  }

  /** Starts the sends the last write made safe to perform. */
  private fireSends(): void {
    const limit = this.o.sendConcurrency ?? 64;
    for (const id of this.toSend) {
      if (this.inFlight.size >= limit) break;
      this.toSend.delete(id);
      const doc = this.runs.get(id);
      if (!doc?.outbox || doc.state?.status !== 'sending' || this.inFlight.has(id)) continue;
      const box = doc.outbox;
      box.attempts += 1;
      this.inFlight.add(id);
      const to = { ...doc.state.attributes, customerId: doc.customerId };
      void sendMessage(this.o.senders, box.effect.message, to, box.effect.idempotencyKey)
        .catch((error: unknown): SendOutcome => ({ ok: false, retryable: true, reason: String(error) }))
        .then((outcome) => {
          this.inFlight.delete(id);
          this.results.set(id, { key: box.effect.idempotencyKey, outcome });
          this.touch(id);
          this.fireSends();
          this.poke();
        });
    }
  } // The rest stay queued: each finished send starts the next one.

  /** True when `rev` of a run is one this worker wrote or has already seen. */
  isOwnWrite(id: string, rev: string | undefined): boolean {
    const mine = this.runs.get(id);
    return mine !== undefined && generation(mine._rev) >= generation(rev);
  }

  /** Takes a run document read from the database (claim, feed, conflict). */
  accept(doc: RunDoc): void {
    const mine = this.runs.get(doc._id);
    if (mine && generation(mine._rev) >= generation(doc._rev)) return;
    this.runs.set(doc._id, doc);
    this.schedule(doc);
  }

  /** Takes an event for a customer of an owned partition and wakes their runs. */
  acceptEvent(ev: EventDoc): void {
    const list = this.events.get(ev.customerId) ?? [];
    if (list.some((e) => e.eventId === ev.eventId)) return;
    list.push(ev);
    list.sort((a, b) => a.at - b.at);
    this.events.set(ev.customerId, list.slice(-100));
    for (const doc of this.runs.values()) if (doc.customerId === ev.customerId && !isOver(doc)) this.touch(doc._id);
  }

  /** Stored events of the held partitions' customers, by customer (a schedule's event audience reads them). */
  get heldEvents(): ReadonlyMap<string, readonly EventDoc[]> { return this.events; }

  /** A user asked to retry a failed run. */
  requestRetry(runId: string, command: StoredDoc): void {
    this.retries.set(runId, command);
    this.touch(runId);
    this.poke();
  }

  /** A journey's control changed: look at its runs again (resume, kill). */
  journeyChanged(journeyId: string): void {
    for (const doc of this.runs.values()) if (doc.journeyId === journeyId && !isOver(doc)) this.touch(doc._id);
    this.poke();
  }

  /** Every 2 s: parked runs (paused journey, unread version, late lease renewal) get another look. */
  unpark(): void {
    for (const id of this.parked) this.touch(id);
    this.parked.clear();
  }

  /** Whether this worker holds the partition of a run or event id. */
  ownsId(id: string): boolean {
    return this.leases.holds(partitionOfId(id));
  }

  private async load(p: number): Promise<void> {
    // Leftovers of a load cut short by a lost lease would keep their generation, so the runs read now
    // would be taken as known and never scheduled: a run stranded in memory (seen in the bench).
    this.forget(p);
    const now = this.now();
    let n = 0;
    for await (const page of this.o.runs.range<RunDoc>(partitionRunPrefix(p), rangeEnd(partitionRunPrefix(p)))) {
      if (!this.leases.holds(p)) return this.forget(p);
      for (const doc of page) {
        n++;
        for (const line of doc.log) if ((line.outcome === 'sent' || line.outcome === 'possibleDuplicate') && line.at > now - 86_400_000) this.cap.record(doc.customerId, line.at);
        if (!isOver(doc)) this.accept(recover(doc, now, this.o.worker));
      }
    }
    for await (const page of this.o.runs.range<EventDoc>(partitionEventPrefix(p), rangeEnd(partitionEventPrefix(p)))) for (const ev of page) this.acceptEvent(ev);
    if (this.leases.holds(p)) this.loaded.add(p);
    this.o.log({ level: 'info', msg: 'Partition claimed', partition: p, runs: n });
    this.poke();
  }

  /** Writes the open-run census of the read-in partitions (the service calls it every 2 s). */
  writeCensus(): Promise<number> {
    return this.census.write(this.runs.values(), [...this.loaded].filter((p) => this.leases.holds(p)), this.now());
  }

  private forget(p: number): void {
    this.loaded.delete(p);
    this.starts.drop(p);
    for (const [id, doc] of this.runs) {
      if (doc.partition !== p) continue;
      this.runs.delete(id);
      this.ready.delete(id);
      this.parked.delete(id);
      this.cap.forget(doc.customerId);
      this.events.delete(doc.customerId);
    }
  }

  private drop(p: number): void {
    this.forget(p);
    this.counters.drop(p);
    this.o.log({ level: 'info', msg: 'Partition released', partition: p });
  }
}
