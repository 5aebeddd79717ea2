import { sectionItems, type SectionItem } from './changes';
import type { PersonaDoc, PersonaSection } from './document';
import { deepEqual } from './equal';
import { countEvidence, type EvidenceCounts } from './evidence';
import { getSectionDef, sectionTypes } from './sections/catalogue';

/** Fewest and most personas the comparison view puts side by side. */
export const comparisonLimits = { min: 2, max: 4 } as const;

const comparedFields = ['role', 'status', 'personaType', 'domain', 'owner', 'tags'] as const;

/** One persona field across the compared personas. */
export interface FieldRow {
  field: (typeof comparedFields)[number];
  values: unknown[];
  differs: boolean;
}

/** One cell of a section row: the sections of that type one persona has (often one, maybe none). */
export interface SectionCell {
  sections: PersonaSection[];
  /** Ids of list items whose text no other compared persona has: the highlights of the row. */
  distinctItemIds: string[];
}

/** All compared personas' sections of one type, side by side. */
export interface SectionRow {
  type: string;
  label: string;
  cells: SectionCell[];
  /** Content differs between personas (ids, titles' case and layout do not count). */
  differs: boolean;
  /** Indexes of personas without a section of this type. */
  missingIn: number[];
  /** Keys of `data` (besides the item list) whose values differ between the personas that have one. */
  differingKeys: string[];
}

/** The comparison of 2–4 personas. */
export interface PersonaComparison {
  personas: PersonaDoc[];
  fields: FieldRow[];
  sections: SectionRow[];
  evidence: EvidenceCounts[];
}

/**
 * Aligns 2–4 personas for a side-by-side view: sections matched by type in palette order, fields and
 * contents that differ flagged, and list items only one persona has marked. Returns null when the
 * number of personas is outside 2–4.
 */
export function comparePersonas(personas: readonly PersonaDoc[]): PersonaComparison | null {
  if (personas.length < comparisonLimits.min || personas.length > comparisonLimits.max) return null;
  const fields = comparedFields.map((field) => {
    const values = personas.map((p) => p[field]);
    return { field, values, differs: values.some((v) => !deepEqual(v, values[0])) };
  });
  const present = new Set(personas.flatMap((p) => p.sections.map((s) => s.type)));
  const order = [...sectionTypes, ...[...present].filter((t) => !sectionTypes.includes(t)).sort()];
  const sections: SectionRow[] = [];
  for (const type of order) {
    if (!present.has(type)) continue;
    const perPersona = personas.map((p) => p.sections.filter((s) => s.type === type));
    const contents = perPersona.map((list) => list.map(content));
    const itemTexts = perPersona.map((list) => list.flatMap((s) => (sectionItems(s) ?? []).map((i) => ({ id: i.id, key: itemKey(i) }))));
    const cells = perPersona.map((list, index) => {
      const others = new Set(itemTexts.flatMap((items, j) => (j === index ? [] : items.map((i) => i.key))));
      const distinctItemIds = (itemTexts[index] ?? []).filter((i) => i.key !== '' && !others.has(i.key)).map((i) => i.id);
      return { sections: list, distinctItemIds };
    });
    sections.push({
      type,
      label: getSectionDef(type)?.label ?? type,
      cells,
      differs: contents.some((c) => !deepEqual(c, contents[0])),
      missingIn: perPersona.flatMap((list, i) => (list.length === 0 ? [i] : [])),
      differingKeys: differingKeys(perPersona.flatMap((list) => (list[0] ? [list[0]] : []))),
    });
  }
  return { personas: [...personas], fields, sections, evidence: personas.map(countEvidence) };
}

/** Data keys other than the item list whose values are not the same in all the given sections. */
function differingKeys(sections: PersonaSection[]): string[] {
  const first = sections[0];
  if (!first || sections.length < 2) return [];
  const listKey = getSectionDef(first.type)?.listKey;
  const keys = new Set(sections.flatMap((s) => Object.keys(s.data)));
  return [...keys].filter((k) => k !== listKey && sections.some((s) => !deepEqual(s.data[k], first.data[k])));
}

/** A section's content without ids and layout, so equal content in different personas compares equal. */
function content(section: PersonaSection): unknown {
  const key = getSectionDef(section.type)?.listKey;
  const data: Record<string, unknown> = { ...section.data };
  const items = sectionItems(section);
  if (key && items) data[key] = items.map(({ id: _id, ...rest }) => rest);
  return { title: section.title.trim().toLowerCase(), data, evidence: section.evidence };
}

/** What identifies an item across personas: its visible words, case and spacing ignored. */
function itemKey(item: SectionItem): string {
  const words = [item.text, item.label, item.channel, item.left, item.right].filter((w) => typeof w === 'string');
  return words.join(' | ').trim().toLowerCase().replace(/\s+/g, ' ');
}
