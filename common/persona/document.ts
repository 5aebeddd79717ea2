import * as v from 'valibot';
import { validateRules, type Rule } from '../analytics/rules';
import { bounded, evidenceSchema, idSchema, text, type Evidence } from './fields';
import type { IdSource } from './ids';
import { gridColumns, isValidLayout, type GridRect, type Orientation } from './layout';
import { personaLimits } from './limits';
import { issuesToProblems, joinPath, pathOf, type Checked, type PersonaProblem } from './problems';
import { getSectionDef, sectionTypes } from './sections/catalogue';

/** Lifecycle of a persona: drafts are work in progress, inactive ones are kept but hidden from use. */
export const personaStatuses = ['draft', 'active', 'inactive'] as const;
/** A persona's status. */
export type PersonaStatus = (typeof personaStatuses)[number];

/** Targets the persona's live metrics are compared with; absent means no target. */
export interface ExpectedMetrics {
  /** CSAT %: the share of satisfaction answers of 4 or 5 on the 1–5 scale, 0–100. */
  satisfaction?: number;
  /** Loyalty as NPS, −100 to 100. */
  loyalty?: number;
  /** Trust %: the share of trust answers of 4 or 5 on the 1–5 scale, 0–100. */
  trust?: number;
  /**
   * The "Effort %" target of earlier versions, 0–100, kept as entered. No figure is an effort
   * percentage, so it is compared with nothing; the editor offers to replace it with a CES target.
   */
  effort?: number;
  /** CES: the mean effort answer the persona should stay at or under (lower means less effort), 0–10. */
  ces?: number;
}

/** One block on the persona canvas. */
export interface PersonaSection {
  id: string;
  /** A key of the section catalogue. */
  type: string;
  title: string;
  layout: GridRect;
  /** Shaped by the section type; checked against its schema before any write. */
  data: Record<string, unknown>;
  /** What the whole section rests on. */
  evidence?: Evidence;
}

/** A persona as stored in the `personas` collection and carried in export files. */
export interface PersonaDoc {
  id: string;
  name: string;
  role: string;
  status: PersonaStatus;
  tags: string[];
  owner: string;
  domain: string;
  /** E.g. "Primary", "Secondary", "Anti-persona". */
  personaType: string;
  /** `#rrggbb`. */
  accentColor: string;
  orientation: Orientation;
  /** The photo's id in the assets collection. */
  photoAssetId: string | null;
  sections: PersonaSection[];
  /** Mapping rules scored by common/analytics. */
  rules: Rule[];
  expectedMetrics: ExpectedMetrics;
  /** Datasets feeding this persona's analytics; empty means all. */
  datasetIds: string[];
  snapshotsEnabled: boolean;
  /** Journeys this persona appears in (filled by the journey builder). */
  journeyIds: string[];
  createdAt: number;
  updatedAt: number;
  updatedBy: string;
}

/** The content of a persona without identity and timestamps: what templates carry. */
export type PersonaBody = Omit<PersonaDoc, 'id' | 'createdAt' | 'updatedAt' | 'updatedBy'>;

/** The accent colour of a new persona. */
export const defaultAccentColor = '#4f46e5';

const requiredName = v.pipe(
  v.string('Name must be text.'),
  v.check((s) => s.trim() !== '', 'Give the persona a name.'),
  v.maxLength(personaLimits.name, `Name must be at most ${personaLimits.name} characters.`),
);
const time = v.pipe(v.number('Must be a time.'), v.integer('Must be a time.'), v.minValue(0), v.maxValue(1e14));

const fieldsSchema = v.object({
  id: idSchema,
  name: requiredName,
  role: text(personaLimits.shortField),
  status: v.picklist(personaStatuses, 'Status must be draft, active or inactive.'),
  tags: v.pipe(
    v.array(
      v.pipe(text(personaLimits.tag), v.check((t) => t.trim() !== '', 'A tag cannot be empty.')),
      'Tags must be a list.',
    ),
    v.maxLength(personaLimits.tags, `At most ${personaLimits.tags} tags.`),
  ),
  owner: text(personaLimits.shortField),
  domain: text(personaLimits.shortField),
  personaType: text(personaLimits.personaType),
  accentColor: v.pipe(v.string(), v.regex(/^#[0-9a-fA-F]{6}$/, 'Accent colour must look like #4f46e5.')),
  orientation: v.picklist(['portrait', 'landscape'], 'Orientation must be portrait or landscape.'),
  photoAssetId: v.nullable(idSchema),
  expectedMetrics: v.object({
    satisfaction: v.optional(bounded(0, 100)),
    loyalty: v.optional(bounded(-100, 100)),
    trust: v.optional(bounded(0, 100)),
    effort: v.optional(bounded(0, 100)),
    ces: v.optional(bounded(0, 10)),
  }),
  datasetIds: v.pipe(v.array(idSchema), v.maxLength(200)),
  snapshotsEnabled: v.boolean('Must be true or false.'),
  journeyIds: v.pipe(v.array(idSchema), v.maxLength(500)),
  createdAt: time,
  updatedAt: time,
  updatedBy: text(personaLimits.shortField),
});

const sectionShell = v.object({
  id: idSchema,
  type: v.string('Section type must be text.'),
  title: text(personaLimits.sectionTitle),
  layout: v.object({ x: v.number(), y: v.number(), w: v.number(), h: v.number() }),
  data: v.record(v.string(), v.unknown(), 'Section data must be an object.'),
  evidence: v.optional(evidenceSchema),
});

/** Checks one section at `path`: its shell, its type, then its data against the type's schema. */
export function validateSection(input: unknown, path = ''): Checked<PersonaSection> {
  // The type decides what the rest must look like, so an unknown type is the one thing worth saying.
  const type = typeof input === 'object' && input !== null ? (input as { type?: unknown }).type : undefined;
  if (typeof type === 'string' && !getSectionDef(type)) return unknownType(type, path);
  const shell = v.safeParse(sectionShell, input);
  if (!shell.success) return { ok: false, problems: issuesToProblems(shell.issues, path) };
  const section = shell.output;
  const def = getSectionDef(section.type);
  if (!def) return unknownType(section.type, path);
  const data = v.safeParse(def.schema, section.data);
  if (!data.success) return { ok: false, problems: issuesToProblems(data.issues, joinPath(path, 'data')) };
  return { ok: true, value: { ...section, data: data.output } };
}

function unknownType(type: string, path: string): Checked<PersonaSection> {
  const message = `Unknown section type "${type.slice(0, 40)}". Known types: ${sectionTypes.join(', ')}.`;
  return { ok: false, problems: [{ path: joinPath(path, 'type'), message }] };
}

/**
 * Checks a whole persona and returns the cleaned document or every problem with its path. Nothing
 * that fails here is ever written: the store and the importer both go through this function.
 */
export function validatePersona(input: unknown): Checked<PersonaDoc> {
  const problems: PersonaProblem[] = [];
  const fields = v.safeParse(fieldsSchema, input);
  if (!fields.success) problems.push(...issuesToProblems(fields.issues));
  const raw = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const sections: PersonaSection[] = [];
  if (!Array.isArray(raw.sections)) problems.push({ path: 'sections', message: 'Sections must be a list.' });
  else {
    if (raw.sections.length > personaLimits.sections) {
      problems.push({ path: 'sections', message: `A persona can have at most ${personaLimits.sections} sections.` });
    }
    const seen = new Set<string>();
    raw.sections.forEach((s: unknown, i) => {
      const checked = validateSection(s, pathOf(['sections', i]));
      if (!checked.ok) return void problems.push(...checked.problems);
      if (seen.has(checked.value.id)) problems.push({ path: pathOf(['sections', i, 'id']), message: 'Section ids must be unique.' });
      seen.add(checked.value.id);
      sections.push(checked.value);
    });
  }
  for (const p of validateRules(raw.rules)) problems.push({ path: pathOf(['rules', ...p.path]), message: p.message });
  if (problems.length === 0 && fields.success) {
    const cols = gridColumns[fields.output.orientation];
    const layout = sections.map((s) => ({ id: s.id, ...s.layout }));
    if (!isValidLayout(layout, cols)) {
      problems.push({ path: 'sections', message: 'Sections overlap or lie outside the grid; compact the layout first.' });
    }
  }
  if (problems.length > 0 || !fields.success) return { ok: false, problems };
  return { ok: true, value: { ...fields.output, sections, rules: raw.rules as Rule[] } };
}

/**
 * The persona fields a blank persona starts with. Daily snapshots start on: with them off, the
 * Evolution panel stays empty until a switch in Rules is found (issue 13).
 */
export function blankBody(name = 'Untitled persona'): PersonaBody {
  return {
    name, role: '', status: 'draft', tags: [], owner: '', domain: '', personaType: 'Primary',
    accentColor: defaultAccentColor, orientation: 'landscape', photoAssetId: null, sections: [], rules: [],
    expectedMetrics: {}, datasetIds: [], snapshotsEnabled: true, journeyIds: [],
  };
}

/** Gives a body an identity: a fresh id, timestamps and author. */
export function personaFromBody(body: PersonaBody, ids: IdSource, now: number, author: string): PersonaDoc {
  return { ...structuredClone(body), id: ids(), createdAt: now, updatedAt: now, updatedBy: author };
}
