import type { CouchDb, StoredDoc } from './couch';
import { leaseId } from '../../common/journeyRuns/ids';

/**
 * Partition leases. A tenant's runs are spread over P partitions; each engine process owns some of
 * them through a lease document in the control database. A claim is a write with the `_rev` it read
 * (or without one for a lease never written): a 409 means another worker wrote first and keeps it.
 * A lease names an expiry; a worker renews its leases every third of the lease time and a killed
 * worker's leases simply run out, so the partitions are claimed by the others. Every process also
 * writes a heartbeat, so each can aim at its fair share (P / live workers) and hand back the rest.
 * There is no coordinator: CouchDB's revision check is the only arbiter.
 */

interface LeaseDoc extends StoredDoc { type: 'lease'; partition: number; owner: string; expiresAt: number }
interface HeartbeatDoc extends StoredDoc { type: 'worker'; worker: string; expiresAt: number }

/** Options of {@link Leases}. */
export interface LeaseOptions {
  control: CouchDb;
  worker: string;
  partitions: number;
  /** How long a lease lasts without renewal. */
  ttlMs: number;
  now: () => number;
  /** Told when a partition is won (load its runs) or lost (drop them). */
  onGain: (partition: number) => Promise<void>;
  onLose: (partition: number) => void;
}

/** The leases one worker holds. */
export class Leases {
  private readonly held = new Map<number, LeaseDoc>();
  constructor(private readonly o: LeaseOptions) {}

  /** Partitions owned now. */
  owned(): number[] {
    return [...this.held.keys()];
  }

  /** True while this worker holds the partition's lease, even if a renewal is late (feeds keep collecting its documents). */
  holds(partition: number): boolean {
    return this.held.has(partition);
  }

  /** True while this worker owns the partition and its lease has not run out. */
  owns(partition: number): boolean {
    const lease = this.held.get(partition);
    return lease !== undefined && lease.expiresAt > this.o.now();
  }

  /** One round: heartbeat, renew, give back extras, claim free or expired partitions up to the fair share. */
  async round(): Promise<void> {
    const now = this.o.now();
    const { control, worker, partitions, ttlMs } = this.o;
    await this.heartbeat(now);
    const live = (await control.all<HeartbeatDoc>('worker|', 'worker|\ufff0')).filter((h) => h.expiresAt > now).length;
    const share = Math.ceil(partitions / Math.max(1, live));
    const leases = new Map((await control.all<LeaseDoc>('lease|', 'lease|\ufff0')).map((l) => [l.partition, l]));
    // Renew ours in one request; a lease someone else now holds is lost.
    const renew: LeaseDoc[] = [];
    for (const [p, mine] of this.held) {
      const stored = leases.get(p);
      if (!stored || stored.owner !== worker || stored._rev !== mine._rev) this.lose(p);
      else renew.push({ ...stored, expiresAt: now + ttlMs });
    }
    const renewed = await control.bulk(renew);
    renewed.forEach((r, i) => {
      const lease = renew[i]!;
      if (r.ok && r.rev) this.held.set(lease.partition, { ...lease, _rev: r.rev });
      else this.lose(lease.partition);
    });
    // Hand back partitions above the fair share so a newly started worker gets some.
    const extra = this.held.size - share;
    if (extra > 0) {
      for (const p of [...this.held.keys()].slice(-extra)) {
        const mine = this.held.get(p)!;
        this.lose(p);
        await control.put({ ...mine, expiresAt: 0 });
      }
    }
    for (let p = 0; p < partitions && this.held.size < share; p++) {
      if (this.held.has(p)) continue;
      const stored = leases.get(p);
      if (stored && stored.owner !== worker && stored.expiresAt > now) continue;
      const claim: LeaseDoc = { _id: leaseId(p), ...(stored?._rev ? { _rev: stored._rev } : {}), type: 'lease', partition: p, owner: worker, expiresAt: now + ttlMs };
      const rev = await control.put(claim);
      if (!rev) continue; // 409: another worker claimed it first.
      this.held.set(p, { ...claim, _rev: rev });
      try {
        await this.o.onGain(p);
      } catch (error) {
        this.lose(p);
        throw error;
      }
    }
  }

  /** Gives every lease back (graceful stop), so others need not wait for expiry. */
  async releaseAll(): Promise<void> {
    for (const [p, mine] of [...this.held]) {
      this.lose(p);
      await this.o.control.put({ ...mine, expiresAt: 0 }).catch(() => undefined);
    }
    const hb = await this.o.control.get<HeartbeatDoc>(`worker|${this.o.worker}`);
    if (hb) await this.o.control.put({ ...hb, expiresAt: 0 }).catch(() => undefined);
  }

  private lose(p: number): void {
    if (!this.held.delete(p)) return;
    this.o.onLose(p);
  }

  private async heartbeat(now: number): Promise<void> {
    const id = `worker|${this.o.worker}`;
    const existing = await this.o.control.get<HeartbeatDoc>(id);
    await this.o.control.put({ _id: id, ...(existing?._rev ? { _rev: existing._rev } : {}), type: 'worker', worker: this.o.worker, expiresAt: now + this.o.ttlMs });
  }
}
