import * as v from 'valibot';
import { err, ok, type Result } from '../result';
import type { JourneyBody } from './changes';
import { emptyFlow, flowSchema } from './flowModel';
import { emptyMap, idSchema, mapSchema } from './mapModel';

/** Lifecycle of a journey: a draft until first published, then active, archived when retired. */
export type JourneyStatus = 'draft' | 'active' | 'archived';

/**
 * A journey document as stored in the `journeys` collection (common/db/schemas/journeys.ts): the
 * current draft's map and flow with its status and persona links. Published versions live in `history`.
 */
export interface JourneyDoc extends JourneyBody {
  /** Primary key, URL-safe. */
  id: string;
  /** Display name. */
  name: string;
  /** What this journey is for. */
  description: string;
  /** Lifecycle status. */
  status: JourneyStatus;
  /** Free tags for filtering. */
  tags: string[];
  /** Personas this journey is mapped for (the brief's `cjm_links`). */
  personaIds: string[];
  /** Number of the latest published version, 0 when never published. */
  publishedVersion: number;
  /** When the latest version was published. */
  publishedAt?: number;
  /** The template this journey was created from, if any. */
  templateId?: string;
  /** Creation time, ms since the epoch. */
  createdAt: number;
  /** Last change, ms since the epoch (indexed: lists sort by it). */
  updatedAt: number;
  /** Who changed it last. */
  updatedBy?: string;
}

/** The parts of a journey a version captures and an export carries: everything but bookkeeping. */
export const journeySnapshotSchema = v.object({
  name: v.pipe(v.string(), v.maxLength(200)),
  description: v.pipe(v.string(), v.maxLength(5000)),
  tags: v.pipe(v.array(v.pipe(v.string(), v.maxLength(60))), v.maxLength(50)),
  personaIds: v.pipe(v.array(idSchema), v.maxLength(100)),
  map: mapSchema,
  flow: flowSchema,
});
/** A journey's content without bookkeeping. */
export type JourneySnapshot = v.InferOutput<typeof journeySnapshotSchema>;

/** Creates a new draft journey. */
export function createJourney(input: {
  id: string; name: string; now: number; description?: string; body?: JourneyBody; tags?: string[];
  personaIds?: string[]; templateId?: string; author?: string;
}): JourneyDoc {
  return {
    id: input.id,
    name: input.name,
    description: input.description ?? '',
    status: 'draft',
    tags: input.tags ?? [],
    personaIds: input.personaIds ?? [],
    map: input.body?.map ?? emptyMap(),
    flow: input.body?.flow ?? emptyFlow(),
    publishedVersion: 0,
    ...(input.templateId ? { templateId: input.templateId } : {}),
    createdAt: input.now,
    updatedAt: input.now,
    ...(input.author ? { updatedBy: input.author } : {}),
  };
}

/** The content of a journey (what versions and exports hold). */
export function snapshotOf(journey: JourneyDoc): JourneySnapshot {
  const { name, description, tags, personaIds, map, flow } = journey;
  return { name, description, tags, personaIds, map, flow };
}

/** A draft copy under a new id: versions are not copied, since the clone has published nothing. */
export function cloneJourney(journey: JourneyDoc, id: string, now: number): JourneyDoc {
  return createJourney({ ...snapshotOf(journey), id, name: `${journey.name} (copy)`.slice(0, 200), now, body: journey });
}

/** Archives a journey, or brings it back as active when it was published before, else as a draft. */
export function setArchived(journey: JourneyDoc, archived: boolean, now: number): JourneyDoc {
  const status: JourneyStatus = archived ? 'archived' : journey.publishedVersion > 0 ? 'active' : 'draft';
  return { ...journey, status, updatedAt: now };
}

/** Links or unlinks a persona; duplicates are never stored. */
export function setPersonaLink(journey: JourneyDoc, personaId: string, linked: boolean, now: number): JourneyDoc {
  const without = journey.personaIds.filter((p) => p !== personaId);
  return { ...journey, personaIds: linked ? [...without, personaId] : without, updatedAt: now };
}

/** Which flow nodes each stage holds, for the map's "in this stage" row. */
export function nodesByStage(body: JourneyBody): Map<string, JourneyBody['flow']['nodes']> {
  const out = new Map<string, JourneyBody['flow']['nodes']>();
  for (const n of body.flow.nodes) if (n.stageId !== undefined) out.set(n.stageId, [...(out.get(n.stageId) ?? []), n]);
  return out;
}

/** Case-insensitive search over name, description and tags, plus status, tag and persona filters. */
export function filterJourneys<T extends Pick<JourneyDoc, 'name' | 'description' | 'tags' | 'status' | 'personaIds'>>(
  journeys: readonly T[], filter: { text?: string; status?: JourneyStatus | 'all'; tag?: string; personaId?: string },
): T[] {
  const needle = filter.text?.trim().toLocaleLowerCase() ?? '';
  return journeys.filter((j) =>
    (!filter.status || filter.status === 'all' || j.status === filter.status) &&
    (!filter.tag || j.tags.includes(filter.tag)) &&
    (!filter.personaId || j.personaIds.includes(filter.personaId)) &&
    (!needle || [j.name, j.description, ...j.tags].some((s) => s.toLocaleLowerCase().includes(needle))));
}

const statuses: readonly JourneyStatus[] = ['draft', 'active', 'archived'];

/**
 * Reads a stored journey document. Journeys replicate from teammates who may run another app
 * version, so the map and flow are checked here and a document this app cannot read is refused
 * (and reported by the caller) rather than crashing a screen.
 */
export function readJourneyDoc(doc: unknown): Result<JourneyDoc> {
  if (typeof doc !== 'object' || doc === null) return err('invalid-document', 'Not a journey document.');
  const d = doc as Record<string, unknown>;
  if (typeof d.id !== 'string' || typeof d.name !== 'string') return err('invalid-document', 'A journey is missing its id or name.');
  const content = v.safeParse(journeySnapshotSchema, {
    name: d.name, description: d.description ?? '', tags: d.tags ?? [], personaIds: d.personaIds ?? [], map: d.map, flow: d.flow,
  });
  if (!content.success) {
    const where = v.getDotPath(content.issues[0]) ?? 'content';
    return err('newer-schema', `The journey "${d.name}" cannot be read by this app (${where}: ${content.issues[0].message}).`);
  }
  const num = (x: unknown, fallback: number) => (typeof x === 'number' && Number.isFinite(x) ? x : fallback);
  return ok({
    id: d.id,
    ...content.output,
    status: statuses.includes(d.status as JourneyStatus) ? (d.status as JourneyStatus) : 'draft',
    publishedVersion: num(d.publishedVersion, 0),
    ...(typeof d.publishedAt === 'number' ? { publishedAt: d.publishedAt } : {}),
    ...(typeof d.templateId === 'string' ? { templateId: d.templateId } : {}),
    createdAt: num(d.createdAt, 0),
    updatedAt: num(d.updatedAt, 0),
    ...(typeof d.updatedBy === 'string' ? { updatedBy: d.updatedBy } : {}),
  });
}
