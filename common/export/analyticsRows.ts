/**
 * The scored-responses table: one row per response in the date range, one column per rule of every
 * persona (1 matched, 0 not), then the persona's score and match bucket. Rows are produced a chunk
 * at a time so a million responses never sit in memory as cells.
 */
import { bucketOf } from '../analytics/fraction';
import { bestCoveredPersona, type PreparedAnalytics } from './analyticsReport';
import type { SheetColumn, XlsxCell } from './analyticsSheets';

/** The fixed columns before the personas' columns. */
export const responseLeadColumns: SheetColumn[] = [
  { header: 'Respondent', width: 16 }, { header: 'Dataset', width: 18 }, { header: 'Submitted', format: 'date', width: 17 }, { header: 'Best persona', width: 18 },
];

/** Columns of the scored-responses sheet. */
export function responseColumns(p: PreparedAnalytics): SheetColumn[] {
  return [
    ...responseLeadColumns,
    ...p.report.personas.flatMap((persona): SheetColumn[] => [
      ...persona.rules.map((r): SheetColumn => ({ header: `${persona.name}: ${r.description}`, format: 'integer', width: 14 })),
      { header: `${persona.name} score %`, format: 'percent', width: 14 },
      { header: `${persona.name} match`, width: 12 },
    ]),
  ];
}

/**
 * Rows `start … start+count-1` of the sheet (indexes into `p.rows`). A persona's cells are empty for
 * a response outside its datasets, so an analyst's filters and averages skip it.
 */
export function responseRows(p: PreparedAnalytics, start: number, count: number): XlsxCell[][] {
  const { table, analysis } = p;
  const ids = table.columns.get('respondentId');
  const idValues = ids && (ids.type === 'id' || ids.type === 'text') ? ids.values : null;
  const dates = table.columns.get('submittedAt');
  const dateValues = dates && dates.type === 'date' ? dates.values : null;
  const names = analysis.personas.map((x) => x.name);
  const end = Math.min(p.rows.length, start + count);
  const out: XlsxCell[][] = [];
  for (let k = start; k < end; k++) {
    const row = p.rows[k]!;
    const date = dateValues ? dateValues[row]! : NaN;
    const best = bestCoveredPersona(analysis, row);
    const cells: XlsxCell[] = [idValues?.[row] ?? null, p.datasetNames[table.datasetOfRow[row]!] ?? null, Number.isNaN(date) ? null : date, best >= 0 ? names[best]! : null];
    for (const persona of analysis.personas) {
      const { scores } = persona;
      if (persona.inScope[row] === 0) {
        for (let r = 0; r < scores.rules.length + 2; r++) cells.push(null);
        continue;
      }
      for (const rule of scores.rules) cells.push(rule.matches(row) ? 1 : 0);
      const num = scores.numeratorOf[scores.codes[row]!]!;
      const den = scores.denominator;
      cells.push(den > 0 ? (num * 100) / den : 0, bucketOf(num, den));
    }
    out.push(cells);
  }
  return out;
}
