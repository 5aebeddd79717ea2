/**
 * Wakes waiting longpolls when a database changes. Every write goes through this server, so the
 * write paths call `notify` after PouchDB acknowledges; no polling of the storage is needed.
 */
export class Notifier {
  private readonly waiting = new Map<string, Set<() => void>>();

  /** Calls `wake` on the next change of `db`; returns the unsubscribe. */
  subscribe(db: string, wake: () => void): () => void {
    let set = this.waiting.get(db);
    if (!set) {
      set = new Set();
      this.waiting.set(db, set);
    }
    set.add(wake);
    return () => {
      set.delete(wake);
      if (set.size === 0 && this.waiting.get(db) === set) this.waiting.delete(db);
    };
  }

  /** Wakes everything waiting on `db`. */
  notify(db: string): void {
    const set = this.waiting.get(db);
    if (!set) return;
    for (const wake of [...set]) wake();
  }

  /** Wakes everything (shutdown: longpolls answer at once instead of being cut). */
  notifyAll(): void {
    for (const db of [...this.waiting.keys()]) this.notify(db);
  }
}
