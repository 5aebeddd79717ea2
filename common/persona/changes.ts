import type { Rule } from '../analytics/rules';
import type { PersonaDoc, PersonaSection } from './document';
import type { Evidence } from './fields';
import type { IdSource } from './ids';
import { collides, compact, gridColumns, placeNew, reflow, sizeFor, type LayoutItem, type Orientation } from './layout';
import { getSectionDef } from './sections/catalogue';

/** Persona fields an edit may set directly (identity, timestamps and sections have their own changes). */
export type EditableFields = Partial<
  Pick<PersonaDoc, 'name' | 'role' | 'status' | 'tags' | 'owner' | 'domain' | 'personaType' | 'accentColor' |
  'photoAssetId' | 'expectedMetrics' | 'datasetIds' | 'snapshotsEnabled' | 'journeyIds'>
>;

/** An item of a section's id-addressed list. */
export type SectionItem = { id: string } & Record<string, unknown>;

/**
 * One edit, as plain data: the editor turns a gesture into a change, {@link applyPersonaChange}
 * applies it, the store persists the result. Changes carry every id they create, so applying one
 * is deterministic and undo/redo is a matter of keeping documents.
 */
export type PersonaChange =
  | { kind: 'setFields'; fields: EditableFields }
  | { kind: 'setOrientation'; orientation: Orientation }
  | { kind: 'setRules'; rules: Rule[] }
  | { kind: 'addSection'; section: PersonaSection }
  | { kind: 'removeSection'; sectionId: string }
  | { kind: 'updateSection'; sectionId: string; title?: string; data?: Record<string, unknown>; evidence?: Evidence | null }
  | { kind: 'setLayout'; layout: LayoutItem[] }
  | { kind: 'addItem'; sectionId: string; item: SectionItem; index?: number }
  | { kind: 'updateItem'; sectionId: string; itemId: string; patch: Record<string, unknown> }
  | { kind: 'removeItem'; sectionId: string; itemId: string }
  | { kind: 'moveItem'; sectionId: string; itemId: string; toIndex: number };

/**
 * Applies one change and returns the new document; the input is never mutated. A change aimed at a
 * section or item that no longer exists (a teammate removed it) returns the document unchanged.
 * Timestamps are left to the store, which stamps `updatedAt` when it writes.
 */
export function applyPersonaChange(doc: PersonaDoc, change: PersonaChange): PersonaDoc {
  const cols = gridColumns[doc.orientation];
  switch (change.kind) {
    case 'setFields':
      return { ...doc, ...change.fields };
    case 'setOrientation': {
      if (change.orientation === doc.orientation) return doc;
      const layout = reflow(layoutOf(doc), doc.orientation, change.orientation);
      return withLayout({ ...doc, orientation: change.orientation }, layout);
    }
    case 'setRules':
      return { ...doc, rules: change.rules };
    case 'addSection': {
      if (doc.sections.some((s) => s.id === change.section.id)) return doc;
      const others = layoutOf(doc);
      const wanted = change.section.layout;
      const fits = wanted.x + wanted.w <= cols && !others.some((o) => collides(o, wanted));
      const layout = fits ? wanted : placeNew(others, wanted, cols);
      const sections = [...doc.sections, { ...change.section, layout }];
      return withLayout({ ...doc, sections }, compact(layoutOf({ ...doc, sections }), cols));
    }
    case 'removeSection': {
      const sections = doc.sections.filter((s) => s.id !== change.sectionId);
      if (sections.length === doc.sections.length) return doc;
      // Compacted here, as the grid shows it, so the grid's echo of the layout is not a second edit.
      return withLayout({ ...doc, sections }, compact(layoutOf({ sections }), cols));
    }
    case 'updateSection':
      return mapSection(doc, change.sectionId, (s) => {
        const next: PersonaSection = { ...s };
        if (change.title !== undefined) next.title = change.title;
        if (change.data !== undefined) next.data = change.data;
        if (change.evidence === null) delete next.evidence;
        else if (change.evidence !== undefined) next.evidence = change.evidence;
        return next;
      });
    case 'setLayout': {
      const given = new Map(change.layout.map((l) => [l.id, l]));
      const merged = layoutOf(doc).map((l) => given.get(l.id) ?? l);
      return withLayout(doc, compact(merged, cols));
    }
    case 'addItem':
      return mapList(doc, change.sectionId, (items) => {
        if (items.some((i) => i.id === change.item.id)) return items;
        const at = change.index === undefined ? items.length : Math.max(0, Math.min(items.length, change.index));
        return [...items.slice(0, at), change.item, ...items.slice(at)];
      });
    case 'updateItem':
      return mapList(doc, change.sectionId, (items) =>
        items.map((i) => (i.id === change.itemId ? { ...i, ...change.patch, id: i.id } : i)),
      );
    case 'removeItem':
      return mapList(doc, change.sectionId, (items) => items.filter((i) => i.id !== change.itemId));
    case 'moveItem':
      return mapList(doc, change.sectionId, (items) => {
        const from = items.findIndex((i) => i.id === change.itemId);
        if (from < 0) return items;
        const rest = items.filter((_, i) => i !== from);
        const to = Math.max(0, Math.min(rest.length, change.toIndex));
        return [...rest.slice(0, to), items[from]!, ...rest.slice(to)];
      });
  }
}

/** Applies changes in order. */
export function applyPersonaChanges(doc: PersonaDoc, changes: readonly PersonaChange[]): PersonaDoc {
  return changes.reduce(applyPersonaChange, doc);
}

/** A change that adds a new section of `type` with default content, placed in the first free spot. */
export function addSectionChange(doc: PersonaDoc, type: string, ids: IdSource): PersonaChange {
  const def = getSectionDef(type);
  if (!def) throw new Error(`Unknown section type "${type}"`);
  const size = sizeFor(def.defaultSize, doc.orientation);
  const layout = placeNew(layoutOf(doc), size, gridColumns[doc.orientation]);
  return { kind: 'addSection', section: { id: ids(), type, title: def.defaultTitle, layout, data: def.defaultData(ids) } };
}

/** A change that adds a copy of a section (new section and item ids), placed in the first free spot. */
export function duplicateSectionChange(doc: PersonaDoc, sectionId: string, ids: IdSource): PersonaChange | null {
  const source = doc.sections.find((s) => s.id === sectionId);
  if (!source) return null;
  const copy = reidSection(source, ids);
  const layout = placeNew(layoutOf(doc), source.layout, gridColumns[doc.orientation]);
  return { kind: 'addSection', section: { ...copy, layout } };
}

/**
 * A change that moves a section one step earlier or later in reading order (top to bottom, left to
 * right) by trading places with its neighbour: the keyboard's way to do what dragging does. Null when
 * there is no neighbour that way. Sizes are kept; compaction settles any overlap the trade causes, so
 * between sections of very different sizes a third section may end up between them.
 */
export function moveSectionChange(doc: PersonaDoc, sectionId: string, direction: 'earlier' | 'later'): PersonaChange | null {
  const order = layoutOf(doc).sort((a, b) => a.y - b.y || a.x - b.x);
  const at = order.findIndex((l) => l.id === sectionId);
  const self = order[at];
  const other = order[direction === 'earlier' ? at - 1 : at + 1];
  if (!self || !other) return null;
  const cols = gridColumns[doc.orientation];
  // The earlier of the two lands first, so compaction keeps the new order when sizes differ.
  const [first, second] = direction === 'earlier' ? [self, other] : [other, self];
  const top = { x: Math.min(other.x, self.x), y: Math.min(other.y, self.y) };
  const placedFirst = { ...first, x: Math.min(top.x, cols - first.w), y: top.y };
  const placedSecond = { ...second, x: Math.min(Math.max(self.x, other.x), cols - second.w), y: top.y };
  if (collides(placedFirst, placedSecond)) placedSecond.y = placedFirst.y + placedFirst.h;
  return { kind: 'setLayout', layout: [placedFirst, placedSecond] };
}

/** A deep copy of a section with a new id and new ids for its list items. */
export function reidSection(section: PersonaSection, ids: IdSource): PersonaSection {
  const copy = structuredClone(section);
  copy.id = ids();
  const key = getSectionDef(section.type)?.listKey;
  const list = key ? copy.data[key] : undefined;
  if (key && Array.isArray(list)) copy.data[key] = list.map((item: SectionItem) => ({ ...item, id: ids() }));
  return copy;
}

/** The section list of items, if its type has one. */
export function sectionItems(section: PersonaSection): SectionItem[] | undefined {
  const key = getSectionDef(section.type)?.listKey;
  const list = key ? section.data[key] : undefined;
  return Array.isArray(list) ? (list as SectionItem[]) : undefined;
}

/** The layout of a document's sections. */
export function layoutOf(doc: Pick<PersonaDoc, 'sections'>): LayoutItem[] {
  return doc.sections.map((s) => ({ id: s.id, ...s.layout }));
}

function withLayout(doc: PersonaDoc, layout: readonly LayoutItem[]): PersonaDoc {
  const byId = new Map(layout.map((l) => [l.id, l]));
  const sections = doc.sections.map((s) => {
    const l = byId.get(s.id);
    if (!l || (l.x === s.layout.x && l.y === s.layout.y && l.w === s.layout.w && l.h === s.layout.h)) return s;
    return { ...s, layout: { x: l.x, y: l.y, w: l.w, h: l.h } };
  });
  return { ...doc, sections };
}

function mapSection(doc: PersonaDoc, id: string, fn: (s: PersonaSection) => PersonaSection): PersonaDoc {
  const index = doc.sections.findIndex((s) => s.id === id);
  if (index < 0) return doc;
  const sections = doc.sections.slice();
  sections[index] = fn(doc.sections[index]!);
  return { ...doc, sections };
}

function mapList(doc: PersonaDoc, id: string, fn: (items: SectionItem[]) => SectionItem[]): PersonaDoc {
  return mapSection(doc, id, (s) => {
    const key = getSectionDef(s.type)?.listKey;
    const items = sectionItems(s);
    if (!key || !items) return s;
    return { ...s, data: { ...s.data, [key]: fn(items) } };
  });
}
