import * as v from 'valibot';
import { err, ok, type Result } from '../result';
import { journeySnapshotSchema, snapshotOf, type JourneyDoc, type JourneySnapshot } from './journey';
import { sameData } from './diff';
import { hasBlockingProblems, validateFlow, type FlowProblem } from './validateFlow';

/**
 * Publishing and restoring. A journey has one draft (its own document); publishing copies the draft
 * into an immutable, numbered `history` entry of kind `published` and makes the journey active.
 */

/** A published version as stored in the `history` collection (common/db/schemas/history.ts). */
export interface PublishedEntry {
  /** Deterministic id, so two laptops publishing the same number collide instead of both winning. */
  id: string;
  /** Always `published` for journey versions. */
  kind: 'published';
  /** Always `journey`. */
  entity: 'journey';
  /** The journey's id. */
  entityId: string;
  /** The public version number, 1, 2, … */
  number: number;
  /** Who published. */
  author: string;
  /** What changed, in the author's words. */
  summary: string;
  /** The journey's content as published. */
  snapshot: JourneySnapshot;
  /** When it was published. */
  createdAt: number;
}

/** The history id of a journey's published version `number`. */
export function publishedEntryId(journeyId: string, number: number): string {
  return `jv_${journeyId}_${number}`.slice(0, 64);
}

/** What publishing produced: the updated journey and the history entry to insert. */
export interface Published {
  /** The journey, now active at the new version. */
  journey: JourneyDoc;
  /** The immutable version to insert into `history`. */
  entry: PublishedEntry;
}

/** Publishing refused because the flow has blocking problems, which come with it. */
export interface PublishRefused { ok: false; code: 'invalid-document'; message: string; problems: FlowProblem[] }

/**
 * Publishes the draft as the next version. Refused while the flow has blocking problems: a published
 * version is what a future execution engine would run, so it must be a valid design. `latestNumber`
 * is the highest version number found in history: if a teammate published meanwhile, or an earlier
 * publish stored its version but not the journey, the number still moves past it instead of colliding.
 */
export function publishJourney(
  journey: JourneyDoc, input: { now: number; author: string; summary: string; latestNumber?: number },
): Result<Published> | PublishRefused {
  if (journey.status === 'archived') return err('invalid-argument', 'Restore the journey from the archive before publishing it.');
  const problems = validateFlow(journey.flow, { stageIds: new Set(journey.map.stages.map((s) => s.id)) });
  if (hasBlockingProblems(problems)) {
    const n = problems.filter((p) => p.severity === 'error').length;
    return { ok: false, code: 'invalid-document', message: `Fix ${n} problem${n === 1 ? '' : 's'} in the flow before publishing.`, problems };
  }
  const number = Math.max(journey.publishedVersion, input.latestNumber ?? 0) + 1;
  const entry: PublishedEntry = {
    id: publishedEntryId(journey.id, number),
    kind: 'published',
    entity: 'journey',
    entityId: journey.id,
    number,
    author: input.author.slice(0, 120),
    summary: input.summary.slice(0, 2000),
    snapshot: structuredClone(snapshotOf(journey)),
    createdAt: input.now,
  };
  return ok({ journey: { ...journey, status: 'active', publishedVersion: number, publishedAt: input.now, updatedAt: input.now }, entry });
}

/**
 * Reads a history document as a published journey version. History replicates from teammates who
 * may run a newer app, so the snapshot is checked rather than trusted.
 */
export function readPublishedEntry(doc: unknown): Result<PublishedEntry> {
  if (typeof doc !== 'object' || doc === null) return err('invalid-document', 'This version is not a document.');
  const d = doc as Record<string, unknown>;
  if (d.kind !== 'published' || d.entity !== 'journey') return err('invalid-document', 'This history entry is not a published journey version.');
  const snapshot = v.safeParse(journeySnapshotSchema, d.snapshot);
  if (!snapshot.success) {
    return err('newer-schema', `Version ${String(d.number)} cannot be read by this app (${v.getDotPath(snapshot.issues[0]) ?? 'snapshot'}: ${snapshot.issues[0].message}); update CX Studio.`);
  }
  if (typeof d.id !== 'string' || typeof d.entityId !== 'string' || typeof d.number !== 'number') {
    return err('invalid-document', 'This version is missing its id or number.');
  }
  return ok({
    id: d.id, kind: 'published', entity: 'journey', entityId: d.entityId, number: d.number,
    author: typeof d.author === 'string' ? d.author : '', summary: typeof d.summary === 'string' ? d.summary : '',
    snapshot: snapshot.output, createdAt: typeof d.createdAt === 'number' ? d.createdAt : 0,
  });
}

/**
 * Makes an old version (or a kept draft) the new draft. The version itself is untouched and the journey keeps its
 * status and version number: the restored draft is published like any other edit.
 */
export function restoreVersion(journey: JourneyDoc, entry: Pick<PublishedEntry, 'entityId' | 'snapshot'>, now: number): Result<JourneyDoc> {
  if (entry.entityId !== journey.id) return err('invalid-argument', 'This version belongs to another journey.');
  return ok({ ...journey, ...structuredClone(entry.snapshot), updatedAt: now });
}

/** Sorts published versions newest first, dropping duplicates of a number (a sync conflict keeps the first seen). */
export function sortVersions(entries: readonly PublishedEntry[]): PublishedEntry[] {
  const seen = new Set<number>();
  return [...entries].sort((a, b) => b.number - a.number).filter((e) => !seen.has(e.number) && seen.add(e.number));
}

/**
 * Whether the draft differs from the version it was published as (`active`, the history entry of
 * `journey.publishedVersion`): the journey list says "unpublished changes" then. False for a journey
 * never published, or while its version has not synced in yet.
 */
export function hasUnpublishedChanges(journey: JourneyDoc, active: Pick<PublishedEntry, 'snapshot'> | null): boolean {
  return journey.publishedVersion > 0 && active !== null && !sameData(snapshotOf(journey), active.snapshot);
}

/**
 * A draft kept in history before something replaced it (restoring a version): restoring is undoable
 * in the editor, but undo does not survive a reload, and no draft may be lost for good.
 */
export interface KeptDraftEntry {
  /** Unique id. */
  id: string;
  /** `version`: an unpublished state, as persona versions are. */
  kind: 'version';
  /** Always `journey`. */
  entity: 'journey';
  /** The journey's id. */
  entityId: string;
  /** The published version the draft was based on (0 before the first publish); not a public number. */
  number: number;
  /** Who replaced the draft. */
  author: string;
  /** Why it was kept, e.g. "Draft before restoring version 2". */
  summary: string;
  /** The draft's content. */
  snapshot: JourneySnapshot;
  /** When it was kept. */
  createdAt: number;
}

/** The history entry keeping `journey`'s current draft, with `summary` saying why. */
export function keepDraftEntry(journey: JourneyDoc, input: { id: string; now: number; author: string; summary: string }): KeptDraftEntry {
  return {
    id: input.id, kind: 'version', entity: 'journey', entityId: journey.id, number: journey.publishedVersion,
    author: input.author.slice(0, 120), summary: input.summary.slice(0, 2000), snapshot: structuredClone(snapshotOf(journey)), createdAt: input.now,
  };
}

/** Reads a history document as a kept journey draft, checking its snapshot like a published version's. */
export function readKeptDraft(doc: unknown): Result<KeptDraftEntry> {
  if (typeof doc !== 'object' || doc === null) return err('invalid-document', 'This entry is not a document.');
  const d = doc as Record<string, unknown>;
  if (d.kind !== 'version' || d.entity !== 'journey') return err('invalid-document', 'This history entry is not a kept journey draft.');
  const snapshot = v.safeParse(journeySnapshotSchema, d.snapshot);
  if (!snapshot.success) return err('newer-schema', 'This kept draft cannot be read by this app; update CX Studio.');
  if (typeof d.id !== 'string' || typeof d.entityId !== 'string') return err('invalid-document', 'This kept draft is missing its id.');
  return ok({
    id: d.id, kind: 'version', entity: 'journey', entityId: d.entityId, number: typeof d.number === 'number' ? d.number : 0,
    author: typeof d.author === 'string' ? d.author : '', summary: typeof d.summary === 'string' ? d.summary : '',
    snapshot: snapshot.output, createdAt: typeof d.createdAt === 'number' ? d.createdAt : 0,
  });
}
