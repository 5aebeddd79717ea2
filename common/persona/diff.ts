import { sectionItems, type SectionItem } from './changes';
import type { PersonaDoc, PersonaSection } from './document';
import { deepEqual } from './equal';
import { getSectionDef } from './sections/catalogue';

/** Persona fields the diff compares (identity and timestamps always differ, so they are left out). */
export const diffedFields = [
  'name', 'role', 'status', 'tags', 'owner', 'domain', 'personaType', 'accentColor', 'orientation', 'photoAssetId',
  'rules', 'expectedMetrics', 'datasetIds', 'snapshotsEnabled', 'journeyIds',
] as const;
/** A compared persona field. */
export type DiffedField = (typeof diffedFields)[number];

/** A persona field whose value differs. */
export interface FieldChange {
  field: DiffedField;
  before: unknown;
  after: unknown;
}

/** How a section's id-addressed list changed. */
export interface ItemsDiff {
  added: SectionItem[];
  removed: SectionItem[];
  changed: { id: string; before: SectionItem; after: SectionItem }[];
  /** Same items, different order. */
  reordered: boolean;
}

/** A section present on both sides that differs. */
export interface SectionChange {
  id: string;
  type: string;
  before: PersonaSection;
  after: PersonaSection;
  titleChanged: boolean;
  /** Keys of `data` other than the list that differ. */
  dataKeys: string[];
  items: ItemsDiff | null;
  evidenceChanged: boolean;
  /** Position or size changed. */
  layoutChanged: boolean;
}

/** Differences between two versions of a persona (or two personas), sections matched by id. */
export interface PersonaDiff {
  fields: FieldChange[];
  addedSections: PersonaSection[];
  removedSections: PersonaSection[];
  changedSections: SectionChange[];
}

/** Compares two persona documents: fields, sections added, removed and changed, list items by id. */
export function diffPersonas(before: PersonaDoc, after: PersonaDoc): PersonaDiff {
  const fields: FieldChange[] = [];
  for (const field of diffedFields) {
    if (!deepEqual(before[field], after[field])) fields.push({ field, before: before[field], after: after[field] });
  }
  const beforeById = new Map(before.sections.map((s) => [s.id, s]));
  const afterIds = new Set(after.sections.map((s) => s.id));
  const addedSections = after.sections.filter((s) => !beforeById.has(s.id));
  const removedSections = before.sections.filter((s) => !afterIds.has(s.id));
  const changedSections: SectionChange[] = [];
  for (const a of after.sections) {
    const b = beforeById.get(a.id);
    if (!b) continue;
    const change = diffSection(b, a);
    if (change) changedSections.push(change);
  }
  return { fields, addedSections, removedSections, changedSections };
}

/** Whether a diff found nothing. */
export function isEmptyDiff(diff: PersonaDiff): boolean {
  return diff.fields.length + diff.addedSections.length + diff.removedSections.length + diff.changedSections.length === 0;
}

/** Differences within one section, or null when it is the same. */
export function diffSection(before: PersonaSection, after: PersonaSection): SectionChange | null {
  const listKey = before.type === after.type ? getSectionDef(after.type)?.listKey : undefined;
  const keys = new Set([...Object.keys(before.data), ...Object.keys(after.data)]);
  const dataKeys = [...keys].filter((k) => k !== listKey && !deepEqual(before.data[k], after.data[k]));
  if (before.type !== after.type) dataKeys.push('type');
  const beforeItems = sectionItems(before);
  const afterItems = sectionItems(after);
  const items = listKey && beforeItems && afterItems ? diffItems(beforeItems, afterItems) : null;
  const change: SectionChange = {
    id: after.id,
    type: after.type,
    before,
    after,
    titleChanged: before.title !== after.title,
    dataKeys,
    items: items && (items.added.length || items.removed.length || items.changed.length || items.reordered) ? items : null,
    evidenceChanged: !deepEqual(before.evidence, after.evidence),
    layoutChanged: !deepEqual(before.layout, after.layout),
  };
  const same = !change.titleChanged && dataKeys.length === 0 && !change.items && !change.evidenceChanged && !change.layoutChanged;
  return same ? null : change;
}

/** Compares two item lists by id. */
export function diffItems(before: readonly SectionItem[], after: readonly SectionItem[]): ItemsDiff {
  const beforeById = new Map(before.map((i) => [i.id, i]));
  const afterIds = new Set(after.map((i) => i.id));
  const added = after.filter((i) => !beforeById.has(i.id));
  const removed = before.filter((i) => !afterIds.has(i.id));
  const changed: ItemsDiff['changed'] = [];
  for (const a of after) {
    const b = beforeById.get(a.id);
    if (b && !deepEqual(a, b)) changed.push({ id: a.id, before: b, after: a });
  }
  const keptBefore = before.filter((i) => afterIds.has(i.id)).map((i) => i.id);
  const keptAfter = after.filter((i) => beforeById.has(i.id)).map((i) => i.id);
  return { added, removed, changed, reordered: !deepEqual(keptBefore, keptAfter) };
}
