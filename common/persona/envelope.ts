import type { PersonaDoc } from './document';
import type { IdSource } from './ids';
import { joinPath, pathOf, type PersonaProblem } from './problems';
import { restorePersona } from './restore';

/** The `type` of a persona export file. */
export const envelopeType = 'cx-studio.personas';
/** The envelope version this app writes. Bump it (and teach {@link readEnvelope}) when the shape changes. */
export const envelopeVersion = 1;
/** Largest file read, in characters: far above any real workshop, small enough not to hang the app. */
export const maxImportChars = 50_000_000;
/** Most personas one file may carry. */
export const maxImportPersonas = 5000;

/**
 * A persona export file: one or many personas with their rules, and optionally the column mapping
 * the rules were written against. The analytics command line reads the same file.
 */
export interface PersonaEnvelope {
  type: typeof envelopeType;
  version: typeof envelopeVersion;
  /** Milliseconds since the epoch. */
  exportedAt: number;
  personas: PersonaDoc[];
  /** Dataset column mapping (attribute → column), passed through as written by analytics. */
  mapping?: Record<string, unknown>;
}

/** Wraps personas in an export envelope. */
export function createEnvelope(personas: readonly PersonaDoc[], now: number, mapping?: Record<string, unknown>): PersonaEnvelope {
  const envelope: PersonaEnvelope = { type: envelopeType, version: envelopeVersion, exportedAt: now, personas: [...personas] };
  if (mapping) envelope.mapping = mapping;
  return envelope;
}

/** The file text of an envelope (indented, so a file diff in version control stays readable). */
export function serializeEnvelope(envelope: PersonaEnvelope): string {
  return `${JSON.stringify(envelope, null, 2)}\n`;
}

/** How an import treats personas whose id already exists locally. */
export type ImportMode =
  /** Existing personas are never touched: a colliding persona is imported as a copy with a new id. */
  | 'copy'
  /** The user chose to replace: a colliding persona overwrites the local one. */
  | 'replace';

/** One persona an import would write. */
export interface ImportedPersona {
  persona: PersonaDoc;
  /** The id it had in the file. */
  sourceId: string;
  /** Whether it creates a new persona or replaces one with the same id. */
  action: 'create' | 'replace';
}

/** What an import found: what it would write, what it refuses, what it repaired. */
export interface ImportReport {
  personas: ImportedPersona[];
  /** Problems that kept a persona (or the whole file) out, each with its path. */
  problems: PersonaProblem[];
  /** Repairs made on the way in. */
  repairs: PersonaProblem[];
  mapping?: Record<string, unknown>;
}

/** Options of {@link readEnvelope}. */
export interface ImportOptions {
  ids: IdSource;
  now: number;
  /** Ids of personas already in the workspace. */
  existingIds: ReadonlySet<string>;
  mode: ImportMode;
}

/**
 * Reads an export file (text or parsed JSON), checks every persona and reports each problem with its
 * path (`personas[3].sections[1].type`). Older shapes are restored tolerantly: a bare persona or a bare
 * list of personas (no envelope) and the brief's `cx_personas` rows are accepted with a note. Nothing
 * is written here; the caller writes `personas` and shows `problems` and `repairs`.
 */
export function readEnvelope(input: unknown, options: ImportOptions): ImportReport {
  const report: ImportReport = { personas: [], problems: [], repairs: [] };
  const fail = (path: string, message: string) => (report.problems.push({ path, message }), report);
  let data = input;
  if (typeof input === 'string') {
    if (input.length > maxImportChars) return fail('', `The file is larger than ${maxImportChars / 1_000_000} MB.`);
    try {
      data = JSON.parse(input);
    } catch (error) {
      return fail('', `The file is not valid JSON (${error instanceof Error ? error.message : 'parse error'}).`);
    }
  }
  let list: unknown[];
  let base = 'personas';
  if (Array.isArray(data)) {
    list = data;
    base = '';
    report.repairs.push({ path: '', message: 'The file has no envelope; it was read as a list of personas.' });
  } else if (isRecord(data) && data.type === envelopeType) {
    if (typeof data.version !== 'number' || data.version > envelopeVersion) {
      return fail('version', `This file was written by a newer CX Studio (format ${String(data.version)}); update the app to import it.`);
    }
    if (!Array.isArray(data.personas)) return fail('personas', 'The file has no list of personas.');
    list = data.personas;
    if (data.mapping !== undefined) {
      if (isRecord(data.mapping)) report.mapping = data.mapping;
      else report.problems.push({ path: 'mapping', message: 'The column mapping must be an object; it was left out.' });
    }
  } else if (isRecord(data) && data.type === undefined && (typeof data.name === 'string' || Array.isArray(data.sections))) {
    list = [data];
    base = '';
    report.repairs.push({ path: '', message: 'The file holds a single persona without an envelope.' });
  } else {
    return fail('type', `This is not a CX Studio persona file (expected "type": "${envelopeType}").`);
  }
  if (list.length > maxImportPersonas) return fail(base, `A file can hold at most ${maxImportPersonas} personas.`);
  const taken = new Set(options.existingIds);
  const replaced = new Set<string>();
  list.forEach((raw, index) => {
    const path = base ? pathOf([index], base) : pathOf([index]);
    const restored = restorePersona(raw, options.ids, options.now, path);
    report.repairs.push(...restored.repairs);
    if (!restored.persona) return void report.problems.push(...restored.problems);
    const persona = restored.persona;
    const sourceId = persona.id;
    if (!taken.has(sourceId)) {
      taken.add(sourceId);
      report.personas.push({ persona, sourceId, action: 'create' });
    } else if (options.mode === 'replace' && options.existingIds.has(sourceId) && !replaced.has(sourceId)) {
      replaced.add(sourceId);
      report.personas.push({ persona, sourceId, action: 'replace' });
    } else {
      const copy = { ...persona, id: options.ids() };
      taken.add(copy.id);
      report.repairs.push({ path: joinPath(path, 'id'), message: `A persona with this id already exists; "${persona.name}" is imported as a copy.` });
      report.personas.push({ persona: copy, sourceId, action: 'create' });
    }
  });
  return report;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
