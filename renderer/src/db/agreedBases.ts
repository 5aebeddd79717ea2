import { canonicalJson } from '../../../common/sync/merge';

/**
 * Merge bases the push found to be newer than RxDB's assumed master (a write of this laptop whose
 * answer was lost, with a teammate's edit on top): the push records them, the conflict handler
 * that RxDB calls right after takes them. Keyed by document id and the exact server copy, so a
 * base is only ever used for the conflict it was found for.
 */
export class AgreedBases {
  private readonly byId = new Map<string, { remote: string; base: Record<string, unknown> }>();

  set(id: string, remote: Record<string, unknown>, base: Record<string, unknown>): void {
    // Bounded: entries are taken within the same push; a stale one is simply replaced.
    if (this.byId.size > 1000) this.byId.clear();
    this.byId.set(id, { remote: key(remote), base });
  }

  /** The recorded base for this conflict, once. */
  take(id: string, remote: Record<string, unknown>): Record<string, unknown> | undefined {
    const entry = this.byId.get(id);
    if (!entry || entry.remote !== key(remote)) return undefined;
    this.byId.delete(id);
    return entry.base;
  }
}

function key({ _meta: _m, _rev: _r, _attachments: _a, ...rest }: Record<string, unknown>): string {
  return canonicalJson(rest);
}

const registry = new WeakMap<object, Map<string, AgreedBases>>();

/** Registers a database's per-collection bases (done by createDatabase). */
export function registerAgreedBases(db: object, bases: Map<string, AgreedBases>): void {
  registry.set(db, bases);
}

/** The bases of one collection of a database, when its conflict handler merges. */
export function agreedBasesOf(db: object, collection: string): AgreedBases | undefined {
  return registry.get(db)?.get(collection);
}
