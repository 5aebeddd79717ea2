import type { Workspace } from '../../db/database';
import {
  beforeRestoreNote, clonePersona, createVersionEntry, needsVersion, restoreFromVersion, formatProblems, newId, validatePersona, type PersonaDoc,
  type PersonaSummary, type PersonaTemplate, type PersonaVersion,
} from '../../../../common/persona';
import { err, ok, type Result } from '../../../../common/result';
import { authorName } from '../../app/authorName';
import { writeMerged } from '../../db/mergeWrite';

/**
 * The persona feature's reads and writes. Components never call RxDB directly: every persona write
 * passes `validatePersona` first, so a document that fails is never written.
 */

/** Who is editing: the name chosen in Sync → Your name, else the signed-in user, else "This computer". */
export const currentAuthor = (): string => authorName();

/** Plain JSON without RxDB's own fields and without `undefined` (RxDB's validator refuses it). */
export function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (key, v: unknown) => (key.startsWith('_') ? undefined : v))) as T;
}

/** Parses a stored persona fully (editor, comparison, export). */
export function parsePersona(doc: unknown): Result<PersonaDoc> {
  const checked = validatePersona(plain(doc));
  return checked.ok ? ok(checked.value) : err('invalid-document', formatProblems(checked.problems.slice(0, 3)));
}

/** Parses what the list shows; cheap, because the list renders a thousand personas. */
export function parseSummary(doc: unknown): Result<PersonaSummary> {
  const d = doc as Partial<PersonaSummary> | null;
  if (!d || typeof d.id !== 'string' || typeof d.name !== 'string' || !Array.isArray(d.tags) || typeof d.updatedAt !== 'number') {
    return err('invalid-document', 'Not a readable persona.');
  }
  return ok({
    id: d.id, name: d.name, role: String(d.role ?? ''), status: d.status ?? 'draft', tags: d.tags.map(String), updatedAt: d.updatedAt,
    personaType: String(d.personaType ?? ''), accentColor: String(d.accentColor ?? '#4f46e5'), photoAssetId: d.photoAssetId ?? null,
  });
}

/** Validates and writes a persona, stamping time and author. Returns the written document. */
export async function savePersona(db: Workspace, doc: PersonaDoc, now = Date.now()): Promise<Result<PersonaDoc>> {
  const stamped = plain({ ...doc, updatedAt: now, updatedBy: currentAuthor() });
  const checked = validatePersona(stamped);
  if (!checked.ok) return err('invalid-document', formatProblems(checked.problems));
  // The stamped copy is written: it is plain JSON already and passed validation as it is.
  await db.personas.upsert(stamped);
  return ok(checked.value);
}

/**
 * The editor's save: validates and writes `doc` merged against what the database holds now (see
 * `writeMerged`), so a teammate's edit that arrived since `base` (the version the editor last saw
 * from the database) is kept, and a value both changed goes to the later stamp with the other
 * version kept in history. Returns what was written and whether it holds changes the editor lacks.
 */
export async function savePersonaMerged(
  db: Workspace, doc: PersonaDoc, now: number, base: PersonaDoc | null, onStamp?: (stamp: number) => void,
): Promise<Result<{ doc: PersonaDoc; merged: boolean }>> {
  const stamped = plain({ ...doc, updatedAt: now, updatedBy: currentAuthor() });
  const checked = validatePersona(stamped);
  if (!checked.ok) return err('invalid-document', formatProblems(checked.problems));
  const parse = (merged: PersonaDoc) => {
    const r = validatePersona(plain(merged));
    return r.ok ? r.value : null;
  };
  const written = await writeMerged(db, 'persona', stamped, { base: base ?? undefined, author: currentAuthor(), parse, ...(onStamp ? { onStamp } : {}) });
  const parsed = parsePersona(written.doc);
  if (!parsed.ok) return parsed;
  return ok({ doc: parsed.data, merged: written.merged });
}

/** Writes a new persona and records its first version with a note saying where it came from. */
export async function createPersona(db: Workspace, doc: PersonaDoc, note: string): Promise<Result<PersonaDoc>> {
  const saved = await savePersona(db, doc, doc.createdAt);
  if (!saved.ok) return saved;
  await recordVersion(db, saved.data, null, note);
  return saved;
}

/** Records a version after `previous` (summary generated from the diff unless a note is given). */
export async function recordVersion(db: Workspace, doc: PersonaDoc, previous: PersonaVersion | null, note?: string, author = currentAuthor()): Promise<PersonaVersion> {
  const entry = createVersionEntry(doc, previous, { ids: newId, now: Date.now(), author, ...(note ? { note } : {}) });
  await db.history.insert(plain(entry));
  return entry;
}

// Version writes per persona, one after another: the editor leaving and the history page opening
// both check "is this state in a version yet?", and two at once would both write number n + 1.
const versionQueue = new Map<string, Promise<unknown>>();
function queued<T>(personaId: string, run: () => Promise<T>): Promise<T> {
  const next = (versionQueue.get(personaId) ?? Promise.resolve()).catch(() => undefined).then(run);
  versionQueue.set(personaId, next);
  void next.finally(() => versionQueue.get(personaId) === next && versionQueue.delete(personaId));
  return next;
}

/**
 * Makes sure `doc` is reachable from the history: records it as a version unless the newest version
 * already holds it, and returns the newest version either way. `note` words the version (the diff
 * summary otherwise); `author` defaults to whoever edits here.
 */
export function versionIfChanged(
  db: Workspace, doc: PersonaDoc, options: { note?: (latest: PersonaVersion | null) => string; author?: string } = {},
): Promise<PersonaVersion> {
  return queued(doc.id, () => versionNow(db, doc, options));
}

async function versionNow(db: Workspace, doc: PersonaDoc, options: { note?: (latest: PersonaVersion | null) => string; author?: string }): Promise<PersonaVersion> {
  const latest = await latestVersion(db, doc.id);
  if (latest && !needsVersion(doc, latest)) return latest;
  return recordVersion(db, doc, latest, options.note?.(latest), options.author ?? currentAuthor());
}

/** A stored history entry as a persona version, or an error for anything else. */
export function parseVersion(doc: unknown): Result<PersonaVersion> {
  const d = plain(doc) as Partial<PersonaVersion> | null;
  if (!d || d.entity !== 'persona' || d.kind !== 'version' || typeof d.number !== 'number' || !d.snapshot) {
    return err('invalid-document', 'Not a persona version.');
  }
  return ok(d as PersonaVersion);
}

/** The newest version of a persona, or null. */
export async function latestVersion(db: Workspace, personaId: string): Promise<PersonaVersion | null> {
  const docs = await db.history.find({ selector: { entityId: personaId, entity: 'persona', kind: 'version' } }).exec();
  let best: PersonaVersion | null = null;
  for (const d of docs) {
    const v = parseVersion(d.toJSON());
    if (v.ok && (!best || v.data.number > best.number)) best = v.data;
  }
  return best;
}

/** Deletes a persona and returns it, for undo. Its versions stay in history. */
export async function deletePersona(db: Workspace, id: string): Promise<PersonaDoc | null> {
  const doc = await db.personas.findOne(id).exec();
  if (!doc) return null;
  const saved = plain(doc.toJSON()) as unknown as PersonaDoc;
  await doc.remove();
  return saved;
}

/** Puts a deleted persona back exactly as it was. */
export async function undeletePersona(db: Workspace, doc: PersonaDoc): Promise<void> {
  await db.personas.upsert(plain(doc));
}

/** Loads one persona, parsed. */
export async function loadPersona(db: Workspace, id: string): Promise<PersonaDoc | null> {
  const doc = await db.personas.findOne(id).exec();
  if (!doc) return null;
  const parsed = parsePersona(doc.toJSON());
  return parsed.ok ? parsed.data : null;
}

/** Saves a custom persona template. */
export async function saveTemplate(db: Workspace, t: PersonaTemplate): Promise<void> {
  const now = Date.now();
  await db.templates.insert(plain({ id: t.id, entity: 'persona', name: t.name, description: t.description, category: t.category, body: t.body, createdAt: now, updatedAt: now }));
}

/** A stored custom persona template, checked by building a persona from its body. */
export function parseTemplate(doc: unknown): Result<PersonaTemplate> {
  const d = plain(doc) as { id?: string; entity?: string; name?: string; description?: string; category?: string; body?: unknown } | null;
  if (!d || d.entity !== 'persona' || typeof d.id !== 'string' || typeof d.name !== 'string') return err('invalid-document', 'Not a persona template.');
  const checked = validatePersona({ ...(d.body as object), id: 'template', createdAt: 0, updatedAt: 0, updatedBy: '' });
  if (!checked.ok) return err('invalid-document', formatProblems(checked.problems.slice(0, 3)));
  const { id: _i, createdAt: _c, updatedAt: _u, updatedBy: _b, ...body } = checked.value;
  return ok({ id: d.id, name: d.name, description: d.description ?? '', category: d.category ?? 'Custom', builtIn: false, body });
}

/** Clones a stored persona as a new draft with its own first version. */
export async function clonePersonaById(db: Workspace, id: string): Promise<Result<PersonaDoc>> {
  const doc = await loadPersona(db, id);
  if (!doc) return err('not-found', 'This persona could not be read, so it was not cloned.');
  const copy = clonePersona(doc, { ids: newId, now: Date.now(), author: currentAuthor() });
  return createPersona(db, copy, `Cloned from "${doc.name}"`);
}

/**
 * Restores a version as a new version: history is never rewritten. The state it replaces is first
 * kept as a version of its own ("Before restore of version n") unless the history holds it already,
 * so nothing restored over is lost; `before` is that version, for undo. `note` words the new version.
 */
export async function restoreVersion(
  db: Workspace, current: PersonaDoc, version: PersonaVersion, note = `Restored version ${version.number}`,
): Promise<Result<{ doc: PersonaDoc; before: PersonaVersion }>> {
  const restored = restoreFromVersion(current, version, { ids: newId, now: Date.now(), author: currentAuthor() });
  if (!restored.ok) return err('invalid-document', `Version ${version.number} cannot be restored: ${formatProblems(restored.problems)}`);
  return queued(current.id, async () => {
    const before = await versionNow(db, current, { note: (latest) => beforeRestoreNote(version.number, latest, current) });
    const saved = await savePersona(db, restored.value);
    if (!saved.ok) return saved;
    await recordVersion(db, saved.data, before, note);
    return ok({ doc: saved.data, before });
  });
}
