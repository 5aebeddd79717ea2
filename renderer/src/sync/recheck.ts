import type { RxStorageInstance } from 'rxdb/plugins/core';
import { fromCouch } from './couchHandlers';
import type { CouchTarget, Doc } from './couchHandlers';
import { sameContent } from './couchPush';

/**
 * A laptop that stayed on an older copy of a document for good (the "stale shared journey" of the
 * sync chaos runs, seed 62 of session 6):
 * 1. the push finds a teammate's copy M1 on the server and answers RxDB with a conflict carrying M1;
 * 2. before RxDB resolves it, the teammate writes M2, and this laptop's pull reads M2. RxDB's
 *    downstream does not apply a pulled document while the laptop has an unsent edit of it (the
 *    upstream's conflict is supposed to bring the server's state), but its checkpoint moves past M2;
 * 3. RxDB resolves the conflict against M1. When M1 simply wins (the laptop's edit is older), the
 *    laptop holds M1 and takes M1 as the server's state: nothing to push, nothing left to pull.
 * The server's copy in a conflict answer can always be old by the time RxDB uses it, so after each
 * conflict the laptop compares its copy with the server's once RxDB has written the resolution,
 * and hands the pull the server's current copy while they differ, a few times at most (an edit
 * still on its way differs too; its own push sorts it out). A pull of a document the server holds
 * is always a valid pull, so this never overrides anything a normal pull would not.
 */

/** Pulls that re-deliver a document after a conflict before giving up on it. */
const attempts = 6;
/** How long after a conflict (or a re-delivery) the next pull is asked for. */
export const recheckDelayMs = 700;

/** Documents to compare with the server after conflicts, for one collection. */
export class Rechecks {
  private readonly pending = new Map<string, number>();

  constructor(
    private readonly target: CouchTarget,
    private readonly storage: () => Pick<RxStorageInstance<{ id: string }, unknown, unknown>, 'findDocumentsById'>,
  ) {}

  /** The push answered these documents with conflicts. */
  add(ids: string[]): void {
    for (const id of ids) this.pending.set(id, attempts);
  }

  /** True while documents wait to be compared (the engine asks for another pull). */
  get waiting(): boolean {
    return this.pending.size > 0;
  }

  /**
   * The server's current copies of the waiting documents this laptop holds differently; the ones
   * it holds the same are done. Network errors propagate (the pull retries and so does this).
   */
  async take(): Promise<Doc[]> {
    if (this.pending.size === 0) return [];
    const ids = [...this.pending.keys()].slice(0, 100);
    const server = await this.serverCopies(ids);
    const local = new Map((await this.storage().findDocumentsById(ids, true)).map((d) => [String((d as { id: string }).id), d as unknown as Doc]));
    const out: Doc[] = [];
    for (const id of ids) {
      const copy = server.get(id);
      const mine = local.get(id);
      const left = (this.pending.get(id) ?? 1) - 1;
      if (!copy || (mine && sameContent(mine, copy)) || left <= 0) this.pending.delete(id);
      else this.pending.set(id, left);
      if (copy && !(mine && sameContent(mine, copy))) out.push(copy);
    }
    return out;
  }

  /** The winners on the server now (a deleted one with its body, which pulls need), by id. */
  private async serverCopies(ids: string[]): Promise<Map<string, Doc>> {
    const { target } = this;
    const response = await target.fetch(`${target.url}_all_docs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ keys: ids, include_docs: true }) });
    const rows = ((await response.json()) as { rows?: { key: string; value?: { rev: string; deleted?: boolean }; doc?: Record<string, unknown> | null }[] }).rows ?? [];
    const out = new Map<string, Doc>();
    for (const row of rows) {
      let body = row.doc ?? null;
      if (!body && row.value?.deleted) {
        const tombstone = await target.fetch(`${target.url}${encodeURIComponent(row.key)}?rev=${encodeURIComponent(row.value.rev)}`).catch(() => null);
        body = tombstone ? ((await tombstone.json()) as Record<string, unknown>) : null;
      }
      const doc = body ? fromCouch(target, body) : null;
      if (doc) out.set(row.key, doc);
    }
    return out;
  }
}
