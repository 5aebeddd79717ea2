import type { PersonaDiff } from './diff';
import { isEmptyDiff } from './diff';
import { getSectionDef } from './sections/catalogue';

/** Longest summary stored with a version (the history schema's bound). */
export const maxSummaryLength = 2000;

const fieldLabels: Record<string, string> = {
  name: 'name', role: 'role', status: 'status', tags: 'tags', owner: 'owner', domain: 'domain',
  personaType: 'persona type', accentColor: 'accent colour', orientation: 'orientation', photoAssetId: 'photo',
  rules: 'mapping rules', expectedMetrics: 'metric targets', datasetIds: 'datasets', snapshotsEnabled: 'daily snapshots',
  journeyIds: 'journey links',
};

/** A section as a summary names it: its own title, else its type (worded by the reader's language). */
export interface SectionName { title: string; type: string }

/** One part of a version's summary, in data: the screen words it in its language, `summarizeDiff` in English. */
export type SummaryPart =
  | { kind: 'renamed'; before: string; after: string }
  | { kind: 'switched'; field: 'status' | 'orientation'; before: string; after: string }
  | { kind: 'changedFields'; fields: string[] }
  | { kind: 'addedSections' | 'removedSections'; sections: SectionName[] }
  | { kind: 'editedSection'; section: SectionName; added: number; removed: number; changed: number; reordered: boolean; evidence: boolean }
  | { kind: 'rearranged' };

/** The parts of a diff's summary, in the order the summary reads; none for an empty diff. */
export function summaryParts(diff: PersonaDiff): SummaryPart[] {
  const parts: SummaryPart[] = [];
  const other: string[] = [];
  for (const f of diff.fields) {
    if (f.field === 'name') parts.push({ kind: 'renamed', before: String(f.before), after: String(f.after) });
    else if (f.field === 'status' || f.field === 'orientation') parts.push({ kind: 'switched', field: f.field, before: String(f.before), after: String(f.after) });
    else other.push(f.field);
  }
  if (other.length) parts.push({ kind: 'changedFields', fields: other });
  const named = (s: { title: string; type: string }): SectionName => ({ title: s.title, type: s.type });
  if (diff.addedSections.length) parts.push({ kind: 'addedSections', sections: diff.addedSections.map(named) });
  if (diff.removedSections.length) parts.push({ kind: 'removedSections', sections: diff.removedSections.map(named) });
  let moved = false;
  for (const c of diff.changedSections) {
    const contentChanged = c.titleChanged || c.dataKeys.length > 0 || c.items !== null || c.evidenceChanged;
    if (!contentChanged) {
      moved = true;
      continue;
    }
    parts.push({
      kind: 'editedSection', section: named(c.after),
      added: c.items?.added.length ?? 0, removed: c.items?.removed.length ?? 0, changed: c.items?.changed.length ?? 0,
      reordered: c.items?.reordered ?? false, evidence: c.evidenceChanged,
    });
  }
  if (moved) parts.push({ kind: 'rearranged' });
  return parts;
}

/** How many section names a summary lists before "and N more". */
export const shownSectionNames = 4;

/**
 * A one-line account of a diff for the version list, in English (what is stored with the version), e.g.
 * `Renamed "Ana" to "Ana, 34"; status draft → active; added Goals; edited Frustrations (1 added, 2 changed); rearranged the canvas`.
 */
export function summarizeDiff(diff: PersonaDiff): string {
  if (isEmptyDiff(diff)) return 'No changes';
  const text = summaryParts(diff).map(englishPart).join('; ');
  const sentence = text.charAt(0).toUpperCase() + text.slice(1);
  return sentence.length > maxSummaryLength ? `${sentence.slice(0, maxSummaryLength - 1)}…` : sentence;
}

function englishPart(part: SummaryPart): string {
  const sectionName = (s: SectionName) => s.title || label(s.type);
  switch (part.kind) {
    case 'renamed': return `Renamed "${part.before}" to "${part.after}"`;
    case 'switched': return `${part.field} ${part.before} → ${part.after}`;
    case 'changedFields': return `changed ${part.fields.map((f) => fieldLabels[f] ?? f).join(', ')}`;
    case 'addedSections': return `added ${names(part.sections.map(sectionName))}`;
    case 'removedSections': return `removed ${names(part.sections.map(sectionName))}`;
    case 'rearranged': return 'rearranged the canvas';
    case 'editedSection': {
      const details: string[] = [];
      if (part.added) details.push(`${part.added} added`);
      if (part.removed) details.push(`${part.removed} removed`);
      if (part.changed) details.push(`${part.changed} changed`);
      if (part.reordered) details.push('reordered');
      if (part.evidence) details.push('evidence');
      const name = sectionName(part.section);
      return details.length ? `edited ${name} (${details.join(', ')})` : `edited ${name}`;
    }
  }
}

function label(type: string): string {
  return getSectionDef(type)?.label ?? type;
}

function names(list: string[]): string {
  const shown = list.slice(0, shownSectionNames).join(', ');
  return list.length > shownSectionNames ? `${shown} and ${list.length - shownSectionNames} more` : shown;
}

/** A persona field's value as the history's diff table words it, in data (the screen words it in its language). */
export type FieldWords =
  | { kind: 'none' }
  | { kind: 'photo' | 'earlierPhoto' | 'newPhoto' | 'set' }
  | { kind: 'text'; text: string }
  | { kind: 'tags'; tags: string[] }
  | { kind: 'count'; of: 'rules' | 'datasets' | 'journeys'; n: number }
  | { kind: 'onOff'; on: boolean }
  | { kind: 'yesNo'; yes: boolean }
  | { kind: 'targets'; targets: { metric: string; value: number }[] };

/**
 * A persona field's value for the history's diff table: text as it is, a photo as "a photo" (its
 * asset id means nothing to a reader), lists as their items or a count, never raw JSON.
 */
export function fieldWords(field: string, value: unknown): FieldWords {
  if (value === null || value === undefined || value === '') return { kind: 'none' };
  switch (field) {
    case 'photoAssetId': return { kind: 'photo' };
    case 'tags': return { kind: 'tags', tags: Array.isArray(value) ? value.map(String) : [] };
    case 'rules': return { kind: 'count', of: 'rules', n: Array.isArray(value) ? value.length : 0 };
    case 'datasetIds': return { kind: 'count', of: 'datasets', n: Array.isArray(value) ? value.length : 0 };
    case 'journeyIds': return { kind: 'count', of: 'journeys', n: Array.isArray(value) ? value.length : 0 };
    case 'snapshotsEnabled': return { kind: 'onOff', on: Boolean(value) };
    case 'expectedMetrics': {
      const entries = typeof value === 'object' ? Object.entries(value as Record<string, unknown>) : [];
      return { kind: 'targets', targets: entries.filter((e): e is [string, number] => typeof e[1] === 'number').map(([metric, v]) => ({ metric, value: v })) };
    }
    default:
      if (typeof value === 'string' || typeof value === 'number') return { kind: 'text', text: String(value) };
      return typeof value === 'boolean' ? { kind: 'yesNo', yes: value } : { kind: 'set' };
  }
}

/** Both sides of a changed field (a replaced photo reads "the earlier photo → a new photo"). */
export function fieldChangeWords(change: { field: string; before: unknown; after: unknown }): { before: FieldWords; after: FieldWords } {
  if (change.field === 'photoAssetId' && change.before && change.after) return { before: { kind: 'earlierPhoto' }, after: { kind: 'newPhoto' } };
  return { before: fieldWords(change.field, change.before), after: fieldWords(change.field, change.after) };
}

const targetNames: Record<string, string> = { satisfaction: 'CSAT %', loyalty: 'loyalty (NPS)', trust: 'trust %', effort: 'old effort %', ces: 'CES' };
const countNames = { rules: ['mapping rule', 'mapping rules'], datasets: ['dataset', 'datasets'], journeys: ['linked journey', 'linked journeys'] } as const;

/** A field's value in English words (tests and logs; the screen words `fieldWords` in its language). */
export function describeFieldValue(field: string, value: unknown): string {
  return englishWords(fieldWords(field, value));
}

/** Both sides of a changed field in English words. */
export function describeFieldChange(change: { field: string; before: unknown; after: unknown }): { before: string; after: string } {
  const words = fieldChangeWords(change);
  return { before: englishWords(words.before), after: englishWords(words.after) };
}

function englishWords(w: FieldWords): string {
  switch (w.kind) {
    case 'none': return '—';
    case 'photo': return 'a photo';
    case 'earlierPhoto': return 'the earlier photo';
    case 'newPhoto': return 'a new photo';
    case 'set': return 'set';
    case 'text': return w.text;
    case 'tags': return w.tags.length ? w.tags.join(', ') : 'no tags';
    case 'count': return `${w.n} ${countNames[w.of][w.n === 1 ? 0 : 1]}`;
    case 'onOff': return w.on ? 'on' : 'off';
    case 'yesNo': return w.yes ? 'yes' : 'no';
    case 'targets': return w.targets.length ? w.targets.map((x) => `${targetNames[x.metric] ?? x.metric} ${String(x.value)}`).join(', ') : 'no targets';
  }
}
