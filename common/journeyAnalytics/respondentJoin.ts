/**
 * Joins survey respondents to event-log customers by id, so each customer of the log can carry the
 * persona its survey answers gave it. Ids compare as trimmed text (a number column's 1042 is "1042");
 * every id that is on one side only is counted, never dropped silently.
 */
import type { TableColumn } from '../analytics/table';

/** What the join found. */
export interface JoinCounts {
  /** Survey rows read. */
  respondents: number;
  /** Rows with an empty id: they cannot be joined. */
  withoutId: number;
  /** Rows whose id an earlier row already had; the later row (the latest wave) is the one kept. */
  repeatedIds: number;
  /** Distinct survey ids found among the log's customers. */
  matched: number;
  /** Distinct survey ids with no event in the log. */
  surveyOnly: number;
  /** Log customers with no survey row. */
  logOnly: number;
  /** Matched customers no persona takes (no score reaches the assignment threshold). */
  unassigned: number;
}

/** Most distinct characters an id may have; longer cells are not ids. */
export const maxIdLength = 200;

/** The id text of a survey cell, or null when it is empty or not an id. */
export function idText(column: TableColumn, row: number): string | null {
  let text: string | null = null;
  if (column.type === 'number') { const v = column.values[row]!; text = Number.isNaN(v) ? null : String(v); }
  else if (column.type === 'category') { const c = column.codes[row]!; text = c < 0 ? null : column.dict[c]!; }
  else if (column.type === 'id' || column.type === 'text') text = column.values[row] ?? null;
  if (text === null) return null;
  const t = text.trim();
  return t.length === 0 || t.length > maxIdLength ? null : t;
}

/**
 * Per log customer, the persona of the respondent with the same id (-1: no respondent, or no persona).
 * `persona[row]` is a survey row's persona index (-1 none).
 */
export function joinRespondents(column: TableColumn, rowCount: number, persona: ArrayLike<number>, customers: readonly string[]): { group: Int32Array; counts: JoinCounts } {
  const byId = new Map<string, number>();
  let withoutId = 0, repeatedIds = 0;
  for (let row = 0; row < rowCount; row++) {
    const id = idText(column, row);
    if (id === null) { withoutId++; continue; }
    if (byId.has(id)) repeatedIds++;
    byId.set(id, persona[row]!);
  }
  const group = new Int32Array(customers.length).fill(-1);
  const found = new Set<string>();
  let logOnly = 0, unassigned = 0;
  customers.forEach((customer, c) => {
    const id = customer.trim();
    const p = byId.get(id);
    if (p === undefined) { logOnly++; return; }
    if (!found.has(id)) { found.add(id); if (p < 0) unassigned++; }
    group[c] = p;
  });
  return { group, counts: { respondents: rowCount, withoutId, repeatedIds, matched: found.size, surveyOnly: byId.size - found.size, logOnly, unassigned } };
}
