import { blankBody, type PersonaBody, type PersonaSection } from '../document';
import type { Evidence, EvidenceKind, ListItem } from '../fields';
import { sequentialIds, type IdSource } from '../ids';
import { compact, gridColumns, placeNew, sizeFor } from '../layout';
import type { ChannelKind } from '../sections/chartSections';
import { getSectionDef } from '../sections/catalogue';
import type { DemographicsData } from '../sections/profileSections';

/** A persona template: built in (shipped in code) or custom (saved by a user in `templates`). */
export interface PersonaTemplate {
  /** Stable id; built-in ids start with `builtin-`. */
  id: string;
  name: string;
  description: string;
  /** Gallery grouping, e.g. "Industry" or "Layout". */
  category: string;
  builtIn: boolean;
  body: PersonaBody;
}

/** A list entry in a template: text, or text with the evidence it rests on. */
export type ItemSpec = string | [text: string, kind: EvidenceKind, source?: string];

/** A section in a template, before ids and placement are given. */
export interface SectionSpec {
  type: string;
  title?: string;
  data: (ids: IdSource) => Record<string, unknown>;
  evidence?: Evidence;
  /** Grid size instead of the section type's default, where the default would leave a hole. */
  size?: { w: number; h: number };
}

/**
 * Example content in built-in templates is marked as an assumption from the template, so a persona
 * made from one shows at a glance that none of it is research yet.
 */
const exampleEvidence: Evidence = { kind: 'assumption', source: 'Template example: replace with your research' };

function item(ids: IdSource, spec: ItemSpec): ListItem {
  if (typeof spec === 'string') return { id: ids(), text: spec, evidence: exampleEvidence };
  const [text, kind, source] = spec;
  return { id: ids(), text, evidence: source === undefined ? { kind } : { kind, source } };
}

/** A plain list section (goals, frustrations, motivations, needs, brands). */
export const list = (type: string, items: ItemSpec[], title?: string): SectionSpec => ({
  type, title, data: (ids) => ({ items: items.map((i) => item(ids, i)) }),
});
/** A free-text section. */
export const prose = (type: string, text: string, title?: string, size?: { w: number; h: number }): SectionSpec => ({ type, title, data: () => ({ text }), ...(size ? { size } : {}) });
/** The identity header. */
export const header = (marketSize: string, tagline: string): SectionSpec => ({ type: 'header', data: () => ({ marketSize, tagline }) });
/** A quote. */
export const quote = (text: string, attribution = ''): SectionSpec => ({ type: 'quote', data: () => ({ text, attribution }) });
/** Demographics. */
export const demographics = (d: DemographicsData): SectionSpec => ({ type: 'demographics', data: () => ({ ...d }) });
/** A pie or bar chart. */
export const chart = (type: 'pieChart' | 'barChart', title: string, points: [string, number][], unit = '%'): SectionSpec => ({
  type, title, data: (ids) => ({ points: points.map(([label, value]) => ({ id: ids(), label, value })), unit }),
});
/** Channel preferences, 0 (avoids) to 4 (prefers); channels left out are not shown. */
export const channels = (levels: Partial<Record<ChannelKind, number>>): SectionSpec => ({
  type: 'channels',
  data: (ids) => ({ channels: Object.entries(levels).map(([channel, level]) => ({ id: ids(), channel, level })) }),
});
/** Behaviour scales: [left pole, right pole, 0–100]. */
export const scales = (list: [string, string, number][]): SectionSpec => ({
  type: 'scales', data: (ids) => ({ scales: list.map(([left, right, value]) => ({ id: ids(), left, right, value })) }),
});
/** Personality traits or technology: [label, 0–100]. */
export const levels = (type: 'personality' | 'technology', list: [string, number][]): SectionSpec => ({
  type, data: (ids) => ({ items: list.map(([label, level]) => ({ id: ids(), label, level })) }),
});
/** An empty section of the catalogue's default content. */
export const empty = (type: string, title?: string): SectionSpec => ({
  type, title, data: (ids) => getSectionDef(type)?.defaultData(ids) ?? {},
});

/** Builds a template body: fields over a blank persona, sections placed in order on a landscape grid. */
export function templateBody(key: string, fields: Partial<PersonaBody>, specs: SectionSpec[]): PersonaBody {
  const ids = sequentialIds(`${key}-`);
  const base = { ...blankBody(), ...fields };
  const cols = gridColumns[base.orientation];
  const sections: PersonaSection[] = [];
  for (const spec of specs) {
    const def = getSectionDef(spec.type);
    if (!def) throw new Error(`Template ${key} uses unknown section type ${spec.type}`);
    const layout = placeNew(sections.map((s) => s.layout), spec.size ?? sizeFor(def.defaultSize, base.orientation), cols);
    const section: PersonaSection = { id: ids(), type: spec.type, title: spec.title ?? def.defaultTitle, layout, data: spec.data(ids) };
    if (spec.evidence) section.evidence = spec.evidence;
    sections.push(section);
  }
  // Compacted like the canvas would, so a template opens without gaps.
  const packed = new Map(compact(sections.map((s) => ({ id: s.id, ...s.layout })), cols).map((l) => [l.id, l]));
  return { ...base, sections: sections.map((s) => {
    const { id: _id, ...layout } = packed.get(s.id)!;
    return { ...s, layout };
  }) };
}
