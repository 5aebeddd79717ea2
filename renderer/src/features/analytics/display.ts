/** Display formatting for analytics: rounding happens here only, never in the engine's comparisons. */
import { formatNps } from '../../../../common/analytics/display';

/** A percentage with one decimal, or an en dash for none. */
export function pct(value: number | null | undefined, decimals = 1): string {
  return value === null || value === undefined || Number.isNaN(value) ? '–' : `${value.toFixed(decimals)}%`;
}

/** A mean with up to two decimals, or an en dash. */
export function mean(value: number | null | undefined): string {
  return value === null || value === undefined || Number.isNaN(value) ? '–' : String(Math.round(value * 100) / 100);
}

/** A signed NPS with one decimal (as the PDF prints it), or an en dash. */
export function nps(value: number | null | undefined): string {
  return formatNps(value) ?? '–';
}

/** Bucket colours shared by the pie, the bars and the table badges. */
export const bucketColors = { strong: '#2e7d32', moderate: '#f9a825', weak: '#b0bec5' } as const;

/** A cell value of an explanation as text. */
export function cellText(value: string | number | string[] | null, column: string): string {
  if (value === null) return 'missing';
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'number' && /date|submitted/i.test(column)) return new Date(value).toISOString().slice(0, 16).replace('T', ' ');
  return String(value);
}
