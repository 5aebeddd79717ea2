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

/**
 * A one-line account of a diff for the version list, e.g.
 * `Renamed "Ana" to "Ana, 34"; status draft → active; added Goals; edited Frustrations (1 added, 2 changed); moved 2 sections`.
 */
export function summarizeDiff(diff: PersonaDiff): string {
  if (isEmptyDiff(diff)) return 'No changes';
  const parts: string[] = [];
  const other: string[] = [];
  for (const f of diff.fields) {
    if (f.field === 'name') parts.push(`Renamed "${String(f.before)}" to "${String(f.after)}"`);
    else if (f.field === 'status' || f.field === 'orientation') parts.push(`${f.field} ${String(f.before)} → ${String(f.after)}`);
    else other.push(fieldLabels[f.field] ?? f.field);
  }
  if (other.length) parts.push(`changed ${other.join(', ')}`);
  if (diff.addedSections.length) parts.push(`added ${names(diff.addedSections.map((s) => s.title || label(s.type)))}`);
  if (diff.removedSections.length) parts.push(`removed ${names(diff.removedSections.map((s) => s.title || label(s.type)))}`);
  let moved = 0;
  for (const c of diff.changedSections) {
    const contentChanged = c.titleChanged || c.dataKeys.length > 0 || c.items !== null || c.evidenceChanged;
    if (!contentChanged) {
      moved++;
      continue;
    }
    const details: string[] = [];
    if (c.titleChanged) details.push(`renamed from "${c.before.title}"`);
    if (c.items) {
      if (c.items.added.length) details.push(`${c.items.added.length} added`);
      if (c.items.removed.length) details.push(`${c.items.removed.length} removed`);
      if (c.items.changed.length) details.push(`${c.items.changed.length} changed`);
      if (c.items.reordered) details.push('reordered');
    }
    if (c.evidenceChanged) details.push('evidence');
    const name = c.after.title || label(c.type);
    parts.push(details.length ? `edited ${name} (${details.join(', ')})` : `edited ${name}`);
  }
  if (moved) parts.push('rearranged the canvas');
  const text = parts.join('; ');
  const sentence = text.charAt(0).toUpperCase() + text.slice(1);
  return sentence.length > maxSummaryLength ? `${sentence.slice(0, maxSummaryLength - 1)}…` : sentence;
}

function label(type: string): string {
  return getSectionDef(type)?.label ?? type;
}

function names(list: string[]): string {
  const shown = list.slice(0, 4).join(', ');
  return list.length > 4 ? `${shown} and ${list.length - 4} more` : shown;
}

/**
 * A persona field's value in words for the history's diff table: text quoted as it is, a photo as
 * "a photo" (its asset id means nothing to a reader), lists as their items or a count, never raw JSON.
 */
export function describeFieldValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  switch (field) {
    case 'photoAssetId': return 'a photo';
    case 'tags': return Array.isArray(value) && value.length ? value.map(String).join(', ') : 'no tags';
    case 'rules': return Array.isArray(value) ? count(value.length, 'mapping rule', 'mapping rules') : 'mapping rules';
    case 'datasetIds': return Array.isArray(value) ? count(value.length, 'dataset', 'datasets') : 'datasets';
    case 'journeyIds': return Array.isArray(value) ? count(value.length, 'linked journey', 'linked journeys') : 'linked journeys';
    case 'snapshotsEnabled': return value ? 'on' : 'off';
    case 'expectedMetrics': return describeTargets(value);
    default: return typeof value === 'string' || typeof value === 'number' ? String(value) : typeof value === 'boolean' ? (value ? 'yes' : 'no') : 'set';
  }
}

const targetNames: Record<string, string> = { satisfaction: 'CSAT %', loyalty: 'loyalty (NPS)', trust: 'trust %', effort: 'old effort %', ces: 'CES' };

function describeTargets(value: unknown): string {
  if (typeof value !== 'object' || value === null) return 'no targets';
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => typeof v === 'number');
  if (entries.length === 0) return 'no targets';
  return entries.map(([k, v]) => `${targetNames[k] ?? k} ${String(v)}`).join(', ');
}

/** Both sides of a changed field in words (a replaced photo reads "earlier photo → new photo"). */
export function describeFieldChange(change: { field: string; before: unknown; after: unknown }): { before: string; after: string } {
  if (change.field === 'photoAssetId' && change.before && change.after) return { before: 'the earlier photo', after: 'a new photo' };
  return { before: describeFieldValue(change.field, change.before), after: describeFieldValue(change.field, change.after) };
}
