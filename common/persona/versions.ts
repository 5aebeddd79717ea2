import type { PersonaDoc } from './document';
import { diffPersonas } from './diff';
import type { IdSource } from './ids';
import type { Checked } from './problems';
import { restorePersona } from './restore';
import { summarizeDiff } from './summary';

/** A persona version as stored in the `history` collection: immutable, written once. */
export interface PersonaVersion {
  id: string;
  kind: 'version';
  entity: 'persona';
  entityId: string;
  /** 1, 2, … per persona. */
  number: number;
  author: string;
  /** Generated from the diff with the previous version. */
  summary: string;
  /** The whole persona as it was (photos are referenced by asset id, never copied). */
  snapshot: PersonaDoc;
  createdAt: number;
}

/**
 * The history entry recording `doc` as the version after `previous` (null for the first one), with a
 * summary generated from their diff, or `note` when given (e.g. "Created from template E-commerce").
 */
export function createVersionEntry(
  doc: PersonaDoc, previous: PersonaVersion | null, v: { ids: IdSource; now: number; author: string; note?: string },
): PersonaVersion {
  const summary = v.note ?? (previous ? summarizeDiff(diffPersonas(previous.snapshot, doc)) : 'First version');
  return {
    id: v.ids(), kind: 'version', entity: 'persona', entityId: doc.id, number: (previous?.number ?? 0) + 1,
    author: v.author, summary, snapshot: structuredClone(doc), createdAt: v.now,
  };
}

/**
 * The document that restoring `version` produces: its content under the current persona's identity,
 * stamped now. History is never rewritten; the caller writes this and records it as a new version.
 * Old snapshots go through the tolerant restore, since they may predate today's shape.
 */
export function restoreFromVersion(current: PersonaDoc, version: Pick<PersonaVersion, 'snapshot'>, v: { ids: IdSource; now: number; author: string }): Checked<PersonaDoc> {
  const restored = restorePersona(version.snapshot, v.ids, v.now, 'snapshot');
  if (!restored.persona) return { ok: false, problems: restored.problems };
  const doc: PersonaDoc = {
    ...restored.persona,
    id: current.id,
    createdAt: current.createdAt,
    updatedAt: v.now,
    updatedBy: v.author,
    // Links made by other features since the version stay: restoring content must not break a journey.
    journeyIds: current.journeyIds,
  };
  return { ok: true, value: doc };
}
