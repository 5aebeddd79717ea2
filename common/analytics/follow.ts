/**
 * "Follow data": a persona's demographics and chart sections recomputed from the respondents who
 * match it. The section keeps a small `follow` object in its data (dataset, match level, the column
 * a chart shows, the columns demographics read); while it is there the app rewrites the section's
 * values from the matched respondents and marks them as evidence "data" with the dataset and count.
 * Turning it off removes `follow` and keeps the values last written.
 */
import { hashString } from './hash';
import type { Table } from './table';

/** Which scores count as matched: strong (≥ 70) or strong and moderate (≥ 50). */
export type FollowMatch = 'strong' | 'covered';

/** The demographic fields a demographics section has. */
export const followFields = ['gender', 'age', 'location', 'occupation', 'education', 'income', 'family'] as const;
/** One demographic field. */
export type FollowField = (typeof followFields)[number];

/** What a followed section is computed from (stored in the section's `data.follow`). */
export interface FollowConfig {
  datasetId: string;
  /** The dataset's name when switched on, for the evidence note. */
  datasetName: string;
  match: FollowMatch;
  /** Charts: the choice column whose answers the chart shows. */
  column?: string;
  /** Demographics: the column each field reads. */
  columns?: Partial<Record<FollowField, string>>;
}

/** The most slices or bars a followed chart shows (the chart section holds 20). */
export const followChartPoints = 12;

// Words in a column's key or question that point at a demographic field.
const fieldWords: Record<FollowField, RegExp> = {
  gender: /gender|sex\b/i,
  age: /\bage\b|age[_ ]?(group|band|range)|how old/i,
  location: /location|city|country|region|where .*live/i,
  occupation: /occupation|job|profession|role|work/i,
  education: /education|degree|school/i,
  income: /income|salary|earn/i,
  family: /family|household|children|kids|marital/i,
};

/** The column each demographic field would read, by its key or question text (first match wins). */
export function demographicColumns(columns: readonly { key: string; type: string; label?: string }[]): Partial<Record<FollowField, string>> {
  const out: Partial<Record<FollowField, string>> = {};
  const usable = columns.filter((c) => c.type === 'number' || c.type === 'category' || c.type === 'multi');
  for (const field of followFields) {
    const found = usable.find((c) => c.key.toLowerCase() === field) ?? usable.find((c) => fieldWords[field].test(c.key) || fieldWords[field].test(c.label ?? ''));
    if (found && !Object.values(out).includes(found.key)) out[field] = found.key;
  }
  return out;
}

/** Answer counts of a choice column over the masked rows: per option, and respondents answering. */
export function answerCounts(table: Table, column: string, mask: Uint8Array): { options: Map<string, number>; answering: number } | null {
  const col = table.columns.get(column);
  if (!col || (col.type !== 'category' && col.type !== 'multi')) return null;
  const counts = new Array<number>(col.dict.length).fill(0);
  let answering = 0;
  for (let i = 0; i < table.rowCount; i++) {
    if (mask[i] !== 1) continue;
    if (col.type === 'category') {
      const c = col.codes[i]!;
      if (c >= 0) { counts[c]!++; answering++; }
    } else {
      const start = col.offsets[i]!, end = col.offsets[i + 1]!;
      if (end > start) answering++;
      for (let j = start; j < end; j++) counts[col.codes[j]!]!++;
    }
  }
  const options = new Map<string, number>();
  col.dict.forEach((label, c) => { if (counts[c]! > 0) options.set(label, (options.get(label) ?? 0) + counts[c]!); });
  return { options, answering };
}

/** A followed chart's new points: the share (%) of matched respondents giving each answer. */
export function followedChart(table: Table, column: string, mask: Uint8Array): { points: { id: string; label: string; value: number }[]; answering: number } | string {
  const counts = answerCounts(table, column, mask);
  if (!counts) return `"${column}" is not a choice column in this dataset, so a chart cannot follow it.`;
  if (counts.answering === 0) return `No matched respondent answered "${column}".`;
  const points = [...counts.options.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, followChartPoints)
    .map(([label, n]) => ({ id: `f${hashString(`${column}\u0000${label}`).slice(0, 20)}`, label: label.slice(0, 120), value: Math.round((n * 1000) / counts.answering) / 10 }));
  return { points, answering: counts.answering };
}

/** A followed demographics section's lines: numbers as p10–p90 and mean, choices as the top answer and its share. */
export function followedDemographics(table: Table, columns: Partial<Record<FollowField, string>>, mask: Uint8Array): Partial<Record<FollowField, string>> {
  const out: Partial<Record<FollowField, string>> = {};
  for (const field of followFields) {
    const key = columns[field];
    const col = key ? table.columns.get(key) : undefined;
    if (!key || !col) continue;
    if (col.type === 'number') {
      const values: number[] = [];
      for (let i = 0; i < table.rowCount; i++) if (mask[i] === 1 && !Number.isNaN(col.values[i]!)) values.push(col.values[i]!);
      if (values.length === 0) continue;
      values.sort((a, b) => a - b);
      const at = (q: number) => values[Math.min(values.length - 1, Math.floor(q * values.length))]!;
      const mean = values.reduce((s, v) => s + v, 0) / values.length;
      out[field] = `${round(at(0.1))}–${round(at(0.9))} (mean ${round(mean)})`;
    } else {
      const counts = answerCounts(table, key, mask);
      if (!counts || counts.answering === 0) continue;
      const [label, n] = [...counts.options.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!;
      out[field] = `${label} (${Math.round((n * 100) / counts.answering)} %)`.slice(0, 200);
    }
  }
  return out;
}

const round = (v: number) => (Math.abs(v) >= 10 ? Math.round(v) : Math.round(v * 10) / 10);

/** The evidence note of a followed section. */
export function followEvidence(config: FollowConfig, matched: number): { kind: 'data'; source: string } {
  const level = config.match === 'strong' ? 'strong matches' : 'strong or moderate matches';
  return { kind: 'data', source: `${config.datasetName}: ${matched.toLocaleString('en')} matched respondents (${level}), followed` };
}
