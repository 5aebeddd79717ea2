import type { Workspace } from '../../db/database';
import {
  randomId, readPublishedEntry, readTemplateDoc, type JourneyDoc, type PublishedEntry, type TemplateDoc,
} from '../../../../common/journey';
import type { Result } from '../../../../common/result';

/**
 * The journey feature's reads and writes. Components never call RxDB directly: every write goes
 * through here so documents are stripped to plain JSON (RxDB's validator refuses `undefined`).
 */

/** Who is editing; a settings screen can supply a real name later. */
export const currentAuthor = 'You';

/** Plain JSON copy without `undefined` fields. */
export function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Writes a journey (insert or replace). */
export async function saveJourney(db: Workspace, journey: JourneyDoc): Promise<void> {
  await db.journeys.upsert(plain({ ...journey, updatedBy: currentAuthor }));
}

/** Deletes a journey and returns what is needed to undo it. Its published versions stay in history. */
export async function deleteJourney(db: Workspace, id: string): Promise<JourneyDoc | null> {
  const doc = await db.journeys.findOne(id).exec();
  if (!doc) return null;
  const saved = doc.toJSON() as unknown as JourneyDoc;
  await doc.remove();
  return plain(saved);
}

/** Inserts an immutable history entry; fails with a conflict if that version number already exists. */
export async function insertPublished(db: Workspace, entry: PublishedEntry): Promise<void> {
  await db.history.insert(plain(entry));
}

/** Published versions of a journey, newest first; unreadable entries are skipped. */
export async function loadVersions(db: Workspace, journeyId: string): Promise<PublishedEntry[]> {
  const docs = await db.history.find({ selector: { entityId: journeyId, kind: 'published', entity: 'journey' } }).exec();
  const out: PublishedEntry[] = [];
  for (const d of docs) {
    const r = readPublishedEntry(d.toJSON());
    if (r.ok) out.push(r.data);
  }
  return out.sort((a, b) => b.number - a.number);
}

/** Saves a custom template. */
export async function saveTemplate(db: Workspace, doc: TemplateDoc): Promise<void> {
  await db.templates.insert(plain(doc));
}

/** Parser for the templates list (journey templates only). */
export function parseTemplate(doc: unknown) {
  return readTemplateDoc(doc);
}

/** The current time; kept here so components read the clock only in event handlers, through one place. */
export const now = (): number => Date.now();

/** A fresh journey id. */
export const newJourneyId = () => randomId('j');

/** Persona id and name, for links. */
export interface PersonaRef { id: string; name: string }

/** Parser for the persona picker: only id and name are needed, so any persona document with a name will do. */
export function parsePersonaRef(doc: unknown): Result<PersonaRef> {
  const d = doc as { id?: unknown; name?: unknown } | null;
  if (d && typeof d.id === 'string' && typeof d.name === 'string') return { ok: true, data: { id: d.id, name: d.name } };
  return { ok: false, code: 'invalid-document', message: 'A persona without a name.' };
}
