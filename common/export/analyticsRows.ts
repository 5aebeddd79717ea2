/**
 * The scored-responses table: one row per response in the date range, one column per rule of every
 * persona (1 matched, 0 not), then the persona's score and match bucket. Rows are produced a chunk
 * at a time so a million responses never sit in memory as cells.
 */
import { bucketOf, type Bucket } from '../analytics/fraction';
import { englishText, type ExportText } from '../i18n/exportText';
import { bestCoveredPersona, type PreparedAnalytics } from './analyticsReport';
import type { SheetColumn, XlsxCell } from './analyticsSheets';

/** The fixed columns before the personas' columns, in `text`'s language. */
export function responseLeadColumns(text: ExportText = englishText): SheetColumn[] {
  const { t } = text;
  return [
    { header: t('report.analytics.col.respondent'), width: 16 }, { header: t('report.analytics.col.dataset'), width: 18 },
    { header: t('report.analytics.col.submitted'), format: 'date', width: 17 }, { header: t('report.analytics.col.bestPersona'), width: 18 },
  ];
}

/** Columns of the scored-responses sheet. */
export function responseColumns(p: PreparedAnalytics, text: ExportText = englishText): SheetColumn[] {
  const { t } = text;
  return [
    ...responseLeadColumns(text),
    ...p.report.personas.flatMap((persona): SheetColumn[] => [
      ...persona.rules.map((r): SheetColumn => ({ header: t('report.analytics.col.personaRule', { persona: persona.name, rule: r.description }), format: 'integer', width: 14 })),
      { header: t('report.analytics.col.personaScore', { persona: persona.name }), format: 'percent', width: 14 },
      { header: t('report.analytics.col.personaMatch', { persona: persona.name }), width: 12 },
    ]),
  ];
}

/**
 * Rows `start … start+count-1` of the sheet (indexes into `p.rows`). A persona's cells are empty for
 * a response outside its datasets, so an analyst's filters and averages skip it.
 */
export function responseRows(p: PreparedAnalytics, start: number, count: number, text: ExportText = englishText): XlsxCell[][] {
  const { table, analysis } = p;
  // Three words, looked up once rather than per cell.
  const bucketWord = Object.fromEntries((['strong', 'moderate', 'weak'] as const).map((b) => [b, text.t('report.analytics.bucket', { bucket: b })])) as Record<Bucket, string>;
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
      cells.push(den > 0 ? (num * 100) / den : 0, bucketWord[bucketOf(num, den)]);
    }
    out.push(cells);
  }
  return out;
}
