import type { Workspace } from '../../db/database';
import type { Platform } from '../../platform';
import { createEnvelope, createVersionEntry, newId, readEnvelope, serializeEnvelope, type ImportMode, type ImportReport, type PersonaDoc } from '../../../../common/persona';
import type { Result } from '../../../../common/result';
import { err, ok } from '../../../../common/result';
import { currentAuthor, parsePersona, plain } from './store';

/** Exports personas (all when `ids` is omitted) as one JSON envelope through the platform's save. */
export async function exportPersonas(db: Workspace, platform: Platform, ids?: string[]): Promise<Result<{ count: number; fileName?: string }>> {
  const docs = await (ids ? db.personas.findByIds(ids).exec().then((m) => [...m.values()]) : db.personas.find().exec());
  const personas: PersonaDoc[] = [];
  for (const d of docs) {
    const p = parsePersona(d.toJSON());
    if (p.ok) personas.push(p.data);
  }
  if (personas.length === 0) return err('not-found', 'There is no persona to export.');
  const text = serializeEnvelope(createEnvelope(personas, Date.now()));
  const name = personas.length === 1 ? slug(personas[0]!.name) : `personas-${new Date().toISOString().slice(0, 10)}`;
  const saved = await platform.saveFile({ suggestedName: `${name}.json`, kind: 'json', bytes: new TextEncoder().encode(text) });
  if (!saved.ok) return saved;
  return ok(saved.data.saved ? { count: personas.length, fileName: saved.data.fileName } : { count: 0 });
}

/** Reads a file into an import report without writing anything. */
export async function readImportFile(platform: Platform, db: Workspace): Promise<{ text: string; report: ImportReport; existing: Set<string> } | null> {
  const file = await platform.openFile(['.json', 'application/json']);
  if (!file) return null;
  const text = await file.text();
  const existing = new Set((await db.personas.find().exec()).map((d) => d.primary));
  return { text, existing, report: readEnvelope(text, { ids: newId, now: Date.now(), existingIds: existing, mode: 'copy' }) };
}

/** Writes what an import accepted, in the chosen mode, and records a first version for each. */
export async function writeImport(db: Workspace, text: string, existing: Set<string>, mode: ImportMode): Promise<number> {
  const report = readEnvelope(text, { ids: newId, now: Date.now(), existingIds: existing, mode });
  // In bulk: a workshop file of a thousand personas is two writes, not two thousand.
  const now = Date.now();
  const written = await db.personas.bulkUpsert(report.personas.map((p) => plain(p.persona)));
  if (written.error.length > 0) throw new Error(`${written.error.length} personas could not be written.`);
  const versions = report.personas.map(({ persona, action }) =>
    createVersionEntry(persona, null, { ids: newId, now, author: currentAuthor(), note: action === 'replace' ? 'Replaced by import' : 'Imported from file' }));
  await db.history.bulkInsert(versions.map((v) => plain(v)));
  return report.personas.length;
}

function slug(name: string): string {
  return name.toLowerCase().normalize('NFD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'persona';
}
