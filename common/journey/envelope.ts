import * as v from 'valibot';
import { checkIntegrity, type PathProblem } from './integrity';
import { createJourney, journeySnapshotSchema, snapshotOf, type JourneyDoc, type JourneySnapshot } from './journey';
import { migrateEnvelopeV0 } from './envelopeV0';

/** The `type` of a journey export file. */
export const journeyEnvelopeType = 'cx-studio.journey';
/**
 * The envelope version this app writes. Readers accept this and older; newer files ask for an update.
 * 2: stages may carry event rules (an older reader would drop them silently); 1 reads unchanged.
 * 3: the map may carry analytics settings (event log, joined survey, stage questions); 2 reads unchanged.
 * 4: cards may carry event rules (an older reader would drop them silently); 3 reads unchanged.
 */
export const journeyEnvelopeVersion = 4;

/** A journey export file. */
export interface JourneyEnvelope {
  /** Always `cx-studio.journey`. */
  type: typeof journeyEnvelopeType;
  /** Format version of the envelope. */
  version: typeof journeyEnvelopeVersion;
  /** When the file was written, ISO 8601. */
  exportedAt: string;
  /** The journey: its id (so a re-import can offer to replace) and content. */
  journey: JourneySnapshot & { id: string };
}

/** Builds the export envelope of a journey (the draft; versions are not exported). */
export function exportJourney(journey: JourneyDoc, now: number): JourneyEnvelope {
  return {
    type: journeyEnvelopeType,
    version: journeyEnvelopeVersion,
    exportedAt: new Date(now).toISOString(),
    journey: { id: journey.id, ...structuredClone(snapshotOf(journey)) },
  };
}

/** A checked import: the content and the id it was exported under, plus notes on what was tolerated. */
export interface ParsedImport {
  /** The journey content, valid and consistent. */
  snapshot: JourneySnapshot;
  /** The id in the file, when it had a usable one. */
  sourceId?: string;
  /** Things that were filled in or dropped (old files), worth telling the user about. */
  warnings: PathProblem[];
}

/** The result of reading an import file: all problems at once, so a user can fix the file in one go. */
export type ImportResult = { ok: true; data: ParsedImport } | { ok: false; problems: PathProblem[] };

const stageColours = ['#4f7cac', '#5b9a68', '#c9863b', '#a35d8f', '#3d8c8c', '#8c6d3d'];

/**
 * Reads an export file (text or parsed JSON). Checks the envelope, migrates older versions, fills
 * small gaps older files may have (with a warning each), then checks every value against the schema
 * and every reference inside the journey, reporting each problem with its path.
 */
export function parseJourneyEnvelope(input: unknown): ImportResult {
  let data = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input);
    } catch (e) {
      return fail('', `This file is not JSON (${e instanceof Error ? e.message : 'unreadable'}).`);
    }
  }
  if (!isRecord(data)) return fail('', 'This file is not a CX Studio journey export.');
  if (data.type !== journeyEnvelopeType) {
    return fail('type', `Expected type "${journeyEnvelopeType}", found ${JSON.stringify(data.type) ?? 'nothing'}.`);
  }
  const version = data.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) return fail('version', 'The format version must be a whole number.');
  if (version > journeyEnvelopeVersion) {
    return fail('version', `This file was written by a newer CX Studio (format ${version}); update the app to import it.`);
  }
  const warnings: PathProblem[] = [];
  const raw = version === 0 ? migrateEnvelopeV0(data, warnings) : data.journey;
  if (!isRecord(raw)) return fail('journey', 'The file holds no journey.');
  const journey = fillGaps(raw, warnings);

  const parsed = v.safeParse(journeySnapshotSchema, journey, { abortEarly: false });
  if (!parsed.success) {
    return { ok: false, problems: parsed.issues.map((i) => ({ path: issuePath(i), message: i.message })) };
  }
  const problems = checkIntegrity(parsed.output, 'journey');
  if (problems.length > 0) return { ok: false, problems };
  const sourceId = typeof raw.id === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(raw.id) ? raw.id : undefined;
  return { ok: true, data: { snapshot: parsed.output, ...(sourceId ? { sourceId } : {}), warnings } };
}

/**
 * Turns a checked import into a journey document. By default it never overwrites: a file whose id
 * is taken gets `newId`. Only `replace` (after the user confirmed) keeps the id of an existing
 * journey, and then keeps that journey's status, version count and creation time too.
 */
export function planImport(
  parsed: ParsedImport,
  input: { newId: string; now: number; existing?: JourneyDoc | null; mode: 'copy' | 'replace'; author?: string },
): JourneyDoc {
  const { existing } = input;
  if (input.mode === 'replace' && existing) {
    return { ...existing, ...structuredClone(parsed.snapshot), updatedAt: input.now, ...(input.author ? { updatedBy: input.author } : {}) };
  }
  const id = !existing && parsed.sourceId ? parsed.sourceId : input.newId;
  // Beside the journey it came from, the copy is named so the two are told apart in the list.
  const name = existing ? `${parsed.snapshot.name} (copy)`.slice(0, 200) : parsed.snapshot.name;
  return createJourney({ ...structuredClone(parsed.snapshot), id, name, now: input.now, body: parsed.snapshot, ...(input.author ? { author: input.author } : {}) });
}

function fillGaps(raw: Record<string, unknown>, warnings: PathProblem[]): Record<string, unknown> {
  const out: Record<string, unknown> = { ...raw };
  const fill = (key: string, value: unknown) => {
    if (out[key] !== undefined) return;
    out[key] = value;
    warnings.push({ path: `journey.${key}`, message: `Missing; set to ${JSON.stringify(value)}.` });
  };
  fill('description', '');
  fill('tags', []);
  fill('personaIds', []);
  fill('flow', { nodes: [], edges: [] });
  if (isRecord(out.map)) {
    const map = { ...out.map };
    if (map.cells === undefined) map.cells = {};
    if (Array.isArray(map.stages)) {
      map.stages = map.stages.map((s: unknown, i) => {
        if (!isRecord(s)) return s;
        const stage = { ...s };
        if (stage.momentOfTruth === undefined) stage.momentOfTruth = false;
        if (stage.colour === undefined) {
          stage.colour = stageColours[i % stageColours.length];
          warnings.push({ path: `journey.map.stages[${i}].colour`, message: 'Missing; a default colour was chosen.' });
        }
        return stage;
      });
    }
    out.map = map;
  }
  return out;
}

function issuePath(issue: v.BaseIssue<unknown>): string {
  let path = 'journey';
  for (const item of issue.path ?? []) {
    const key = (item as { key?: unknown }).key;
    path += typeof key === 'number' ? `[${key}]` : `.${String(key)}`;
  }
  return path;
}

function fail(path: string, message: string): ImportResult {
  return { ok: false, problems: [{ path, message }] };
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
