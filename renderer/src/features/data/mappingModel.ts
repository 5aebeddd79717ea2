/**
 * The mapping table's model: one row per source column with the attribute it feeds and the type
 * it is stored as. Suggested from the preview, edited by the user, turned into the importer's
 * `ColumnMapping` (several source columns may feed one multi-value attribute).
 */
import type { ColumnType } from '../../../../common/analytics/rules';
import type { ImportPreview } from '../../../../common/import/importer';
import { attributes, type ColumnMapping, type MappedColumn } from '../../../../common/import/mapping';
import { labelsFor } from '../../../../common/import/preview';
import { translate, type MessageId } from '../../i18n';

/**
 * One source column's choice; `key` '' means the column is not imported. `labels`: for a number
 * column whose answers are scale labels ("Very satisfied"), the number each label reads as.
 */
export interface MappingRow { source: string; key: string; type: ColumnType; labels?: Record<string, number> }

/** The stored types, in the order the type menu offers them. */
export const columnTypes: readonly ColumnType[] = ['id', 'date', 'number', 'category', 'multi', 'text'];

/** The key "Other" columns get: a slug of the header, so custom questions can still feed rules. */
export const customKey = (header: string): string =>
  `q_${header.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 40) || 'column'}`;

/** The rows the preview suggests. */
export function suggestedRows(preview: ImportPreview): MappingRow[] {
  const bySource = new Map<string, MappedColumn>();
  for (const col of preview.suggested.columns) for (const s of col.sources) if (typeof s === 'string') bySource.set(s, col);
  return preview.shape.headers.map((source, i) => {
    const col = bySource.get(source);
    if (!col) return { source, key: '', type: preview.inferredTypes[i] ?? 'text' };
    return col.labels ? { source, key: col.key, type: col.type, labels: col.labels } : { source, key: col.key, type: col.type };
  });
}

/**
 * A row with a new key or type: a column that becomes a number gets the answer labels its sample
 * holds (so "Satisfied" is not unreadable), and loses them when it stops being a number.
 */
export function retyped(row: MappingRow, patch: { key?: string; type: ColumnType }, preview: ImportPreview, index: number): MappingRow {
  const { labels: _old, ...rest } = row;
  const next = { ...rest, ...patch };
  if (next.type !== 'number' || next.key === '') return next;
  const labels = row.type === 'number' && row.labels ? row.labels : labelsFor(preview.rows.map((r) => r[index] ?? ''));
  return labels ? { ...next, labels } : next;
}

/** The default type of a key: the attribute's, or the column's inferred type for custom keys. */
export function typeForKey(key: string, inferred: ColumnType): ColumnType {
  return attributes.find((a) => a.key === key)?.type ?? inferred;
}

/** Builds the importer's mapping from the rows (sources by header, in file order). */
export function mappingOf(rows: readonly MappingRow[]): ColumnMapping {
  const byKey = new Map<string, MappedColumn>();
  for (const row of rows) {
    if (row.key === '') continue;
    const existing = byKey.get(row.key);
    if (existing) existing.sources.push(row.source);
    else byKey.set(row.key, {
      key: row.key, type: row.type, sources: [row.source], label: row.source,
      ...(row.type === 'number' && row.labels ? { labels: row.labels } : {}),
    });
  }
  return { columns: [...byKey.values()] };
}

/** Problems a user must fix before importing, as sentences. */
export function mappingProblems(rows: readonly MappingRow[]): string[] {
  const problems: string[] = [];
  const counts = new Map<string, { n: number; types: Set<ColumnType> }>();
  for (const r of rows) {
    if (r.key === '') continue;
    const c = counts.get(r.key) ?? { n: 0, types: new Set<ColumnType>() };
    c.n += 1;
    c.types.add(r.type);
    counts.set(r.key, c);
  }
  if (counts.size === 0) problems.push(translate('data.mapping.problem.none'));
  for (const [key, c] of counts) {
    if (c.types.size > 1) problems.push(translate('data.mapping.problem.types', { label: labelOf(key) }));
    else if (c.n > 1 && !c.types.has('multi')) problems.push(translate('data.mapping.problem.several', { label: labelOf(key), count: c.n }));
  }
  if ([...counts.values()].filter((c) => c.types.has('id')).length > 1) problems.push(translate('data.mapping.problem.ids'));
  for (const r of rows) {
    if (r.key === '' || r.type !== 'number' || !r.labels) continue;
    if (Object.values(r.labels).some((n) => !Number.isFinite(n))) problems.push(translate('data.mapping.problem.labels', { source: r.source }));
  }
  return problems;
}

/** The catalogue key of a built-in attribute's label. */
export function attributeLabelId(key: (typeof attributes)[number]['key']): MessageId {
  return `data.attribute.${key}`;
}

/** The label of an attribute key in the current language (custom keys show as they are). */
export function labelOf(key: string): string {
  const builtIn = attributes.find((a) => a.key === key);
  return builtIn ? translate(attributeLabelId(builtIn.key)) : key;
}
