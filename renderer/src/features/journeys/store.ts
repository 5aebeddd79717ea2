import type { Workspace } from '../../db/database';
import { authorName } from '../../app/authorName';
import { writeMerged } from '../../db/mergeWrite';
import {
  randomId, readJourneyDoc, readPublishedEntry, readTemplateDoc, type JourneyDoc, type KeptDraftEntry, type PublishedEntry, type TemplateDoc,
} from '../../../../common/journey';
import type { Result } from '../../../../common/result';

/**
 * The journey feature's reads and writes. Components never call RxDB directly: every write goes
 * through here so documents are stripped to plain JSON (RxDB's validator refuses `undefined`).
 */

/** Who is editing: the name chosen in Sync → Your name, else the signed-in user, else "This computer". */
export const currentAuthor = (): string => authorName();

/** Plain JSON copy without `undefined` fields. */
export function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Writes a journey (insert or replace). */
export async function saveJourney(db: Workspace, journey: JourneyDoc): Promise<void> {
  await db.journeys.upsert(plain({ ...journey, updatedBy: currentAuthor() }));
}

/**
 * The editor's save: writes `journey` merged against what the database holds now (see
 * `writeMerged`), so a teammate's edit that arrived since `base` (the version the editor last saw
 * from the database) is kept; a value both changed goes to the later stamp and the other version
 * is kept in history. Returns what was written and whether it holds changes the editor lacks.
 */
export async function saveJourneyMerged(
  db: Workspace, journey: JourneyDoc, base: JourneyDoc | null, onStamp?: (stamp: number) => void,
): Promise<{ doc: JourneyDoc; merged: boolean }> {
  const parse = (doc: JourneyDoc) => {
    const r = readJourneyDoc(plain(doc));
    return r.ok ? r.data : null;
  };
  const ours = plain({ ...journey, updatedBy: currentAuthor() });
  const written = await writeMerged(db, 'journey', ours, { base: base ?? undefined, author: currentAuthor(), parse, ...(onStamp ? { onStamp } : {}) });
  const read = readJourneyDoc(written.doc);
  if (!read.ok) throw new Error(read.message);
  return { doc: read.data, merged: written.merged };
}

/** Deletes a journey and returns what is needed to undo it. Its published versions stay in history. */
export async function deleteJourney(db: Workspace, id: string): Promise<JourneyDoc | null> {
  const doc = await db.journeys.findOne(id).exec();
  if (!doc) return null;
  const saved = doc.toJSON() as unknown as JourneyDoc;
  await doc.remove();
  return plain(saved);
}

/** Keeps a draft in history (before a restore replaces it): written once, never updated. */
export async function insertKeptDraft(db: Workspace, entry: KeptDraftEntry): Promise<void> {
  await db.history.insert(plain(entry));
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
