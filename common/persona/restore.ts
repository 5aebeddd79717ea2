import { blankBody, defaultAccentColor, personaStatuses, validatePersona, type PersonaDoc, type PersonaSection } from './document';
import { isValidId, type IdSource } from './ids';
import { compact, gridColumns, placeNew, sizeFor } from './layout';
import { joinPath, type PersonaProblem } from './problems';
import { getSectionDef } from './sections/catalogue';

/** The outcome of restoring one persona from a file or an older document. */
export interface RestoredPersona {
  /** The persona, valid and ready to write; null when it has errors. */
  persona: PersonaDoc | null;
  /** What stops it from being imported. */
  problems: PersonaProblem[];
  /** What was repaired on the way in (the user is told, nothing is silent). */
  repairs: PersonaProblem[];
}

type Raw = Record<string, unknown>;

/**
 * Restores a persona tolerantly, in the manner of excalidraw's `restore.ts`: missing fields get their
 * defaults, fields of the brief's `cx_personas` rows (snake_case) are mapped, ids are generated where
 * absent, layouts are compacted into the grid. What cannot be repaired (an unknown section type, an
 * over-long text, an empty name) is reported with its path below `path`, and the persona is refused.
 */
export function restorePersona(input: unknown, ids: IdSource, now: number, path = ''): RestoredPersona {
  const repairs: PersonaProblem[] = [];
  const repair = (key: string, message: string) => repairs.push({ path: joinPath(path, key), message });
  if (!isRecord(input)) return { persona: null, problems: [{ path, message: 'A persona must be an object.' }], repairs };
  const raw = legacyFields(input, repair);
  const base = blankBody('');
  const id = isValidId(raw.id) ? raw.id : (repair('id', 'Missing or invalid id; a new one was given.'), ids());
  const status = personaStatuses.includes(raw.status as never) ? raw.status : (raw.status !== undefined && repair('status', `Unknown status "${String(raw.status)}"; set to draft.`), 'draft');
  const orientation = raw.orientation === 'portrait' || raw.orientation === 'landscape' ? raw.orientation : base.orientation;
  const accentColor = typeof raw.accentColor === 'string' && /^#[0-9a-fA-F]{6}$/.test(raw.accentColor) ? raw.accentColor : defaultAccentColor;
  const candidate: Raw = {
    ...base,
    ...pick(raw, ['name', 'role', 'tags', 'owner', 'domain', 'personaType', 'photoAssetId', 'rules', 'expectedMetrics', 'datasetIds', 'snapshotsEnabled', 'journeyIds', 'updatedBy']),
    id, status, orientation, accentColor,
    createdAt: time(raw.createdAt, now),
    updatedAt: time(raw.updatedAt, now),
    updatedBy: typeof raw.updatedBy === 'string' ? raw.updatedBy : '',
  };
  if (typeof candidate.name === 'string') candidate.name = candidate.name.trim();
  const sections = Array.isArray(raw.sections) ? raw.sections : [];
  if (raw.sections !== undefined && !Array.isArray(raw.sections)) repair('sections', 'Sections were not a list and were left out.');
  candidate.sections = restoreSections(sections, orientation as 'portrait' | 'landscape', ids, repair);
  const checked = validatePersona(candidate);
  if (!checked.ok) {
    return { persona: null, problems: checked.problems.map((p) => ({ ...p, path: p.path ? joinPath(path, p.path) : path })), repairs };
  }
  return { persona: checked.value, problems: [], repairs };
}

function restoreSections(
  list: unknown[], orientation: 'portrait' | 'landscape', ids: IdSource,
  repair: (key: string, message: string) => void,
): unknown[] {
  const cols = gridColumns[orientation];
  const seen = new Set<string>();
  const out = list.map((s, i): unknown => {
    if (!isRecord(s)) return s;
    const def = typeof s.type === 'string' ? getSectionDef(s.type) : undefined;
    if (!def) return s; // validatePersona names the unknown type with its path
    let id = isValidId(s.id) ? s.id : '';
    if (!id || seen.has(id)) {
      id = ids();
      repair(`sections[${i}].id`, 'Missing or repeated section id; a new one was given.');
    }
    seen.add(id);
    const data: Raw = { ...def.defaultData(ids), ...(isRecord(s.data) ? s.data : {}) };
    if (def.listKey && Array.isArray(data[def.listKey])) {
      data[def.listKey] = (data[def.listKey] as unknown[]).map((item) => (isRecord(item) && !isValidId(item.id) ? { ...item, id: ids() } : item));
    }
    const section: Raw = { id, type: def.type, title: typeof s.title === 'string' ? s.title : def.defaultTitle, layout: s.layout, data };
    if (s.evidence !== undefined) section.evidence = s.evidence;
    return section;
  });
  // Layout: sections with a usable rectangle keep it; the rest are placed; then everything is compacted.
  const placed: { id: string; x: number; y: number; w: number; h: number }[] = [];
  for (const s of out) {
    if (!isRecord(s) || typeof s.id !== 'string' || !getSectionDef(String(s.type))) continue;
    const l = s.layout;
    const usable = isRecord(l) && [l.x, l.y, l.w, l.h].every((n) => typeof n === 'number' && Number.isFinite(n));
    const rect = usable
      ? { x: Number(l.x), y: Number(l.y), w: Number(l.w), h: Number(l.h) }
      : placeNew(placed, sizeFor(getSectionDef(String(s.type))!.defaultSize, orientation), cols);
    placed.push({ id: s.id, ...rect });
  }
  const compacted = new Map(compact(placed, cols).map((l) => [l.id, l]));
  let moved = 0;
  const result = out.map((s) => {
    if (!isRecord(s) || typeof s.id !== 'string') return s;
    const l = compacted.get(s.id);
    if (!l) return s;
    const layout = { x: l.x, y: l.y, w: l.w, h: l.h };
    if (JSON.stringify(layout) !== JSON.stringify(s.layout)) moved++;
    return { ...s, layout } as PersonaSection;
  });
  if (moved > 0) repair('', `Arranged ${moved} section${moved === 1 ? '' : 's'} to fit the grid without overlaps.`);
  return result;
}

/** Maps the brief's `cx_personas` column names onto ours; drops what a file must not carry. */
function legacyFields(input: Raw, repair: (key: string, message: string) => void): Raw {
  const raw: Raw = { ...input };
  const renames: [string, string][] = [
    ['title', 'role'], ['accent_color', 'accentColor'], ['persona_type', 'personaType'], ['owner_id', 'owner'],
    ['mapping_rules', 'rules'], ['created_at', 'createdAt'], ['updated_at', 'updatedAt'],
  ];
  for (const [from, to] of renames) if (raw[to] === undefined && raw[from] !== undefined) raw[to] = raw[from];
  if (raw.sections === undefined && isRecord(raw.layout_config) && Array.isArray(raw.layout_config.sections)) {
    raw.sections = raw.layout_config.sections;
  }
  if (raw.photo_url !== undefined) repair('photo_url', 'Photos given by URL are not fetched; upload the photo again.');
  if (raw.live_metrics !== undefined || raw.liveMetrics !== undefined) {
    repair('live_metrics', 'Live metrics are computed from survey data, not imported; they were left out.');
  }
  if (raw.cjm_links !== undefined) repair('cjm_links', 'Journey links from another system were left out.');
  if (Array.isArray(raw.tags)) raw.tags = raw.tags.filter((t) => typeof t !== 'string' || t.trim() !== '');
  return raw;
}

function pick(raw: Raw, keys: string[]): Raw {
  const out: Raw = {};
  for (const k of keys) if (raw[k] !== undefined) out[k] = raw[k];
  return out;
}

function time(value: unknown, fallback: number): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 1e14) return value;
  if (typeof value === 'string') {
    const parsed = Date.parse(value);
    if (Number.isFinite(parsed) && parsed >= 0) return parsed;
  }
  return fallback;
}

function isRecord(v: unknown): v is Raw {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
