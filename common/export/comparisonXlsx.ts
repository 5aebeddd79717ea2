import ExcelJS from 'exceljs';
import { liveMetricRows } from '../analytics/liveFigures';
import { sectionItems } from '../persona/changes';
import { comparePersonas } from '../persona/compare';
import type { PersonaDoc } from '../persona/document';
import { fieldText } from './comparisonCells';
import { liveValue, type LiveMetricsInput } from './liveMetricsPdf';
import type { PersonaPdfPage } from './personaPdf';
import { ruleHeaders, ruleRow } from './personaXlsx';
import { sectionRows } from './sectionRows';
import { columns, englishText, type ExportText } from '../i18n/exportText';
import { addTable, workbookBytes } from './xlsxStyle';

/** Sheet names in English, in workbook order (each is named in the export's language). */
export const comparisonSheets = ['Profile', 'Sections', 'Section items', 'Rules', 'Live metrics'] as const;

/** The sheet names a comparison workbook has in `text`'s language, in workbook order. */
export function comparisonSheetNames(text: ExportText = englishText): string[] {
  return (['profile', 'sections', 'items', 'rules', 'live'] as const).map((s) => text.t(`report.comparison.sheet.${s}`));
}

/**
 * A workbook of a persona comparison. The wide sheets (Profile, Sections, Live metrics) put the personas
 * side by side, one column each, with a Differs column to filter on; the long sheets (Section items,
 * Rules) have a row per item with a Persona column, the shape a pivot table wants. Sheet names and
 * labels are in `text`'s language.
 */
export async function buildComparisonXlsx(pages: readonly PersonaPdfPage[], text: ExportText = englishText): Promise<Uint8Array> {
  const { t } = text;
  const yes = (b: boolean) => (b ? t('report.yes') : '');
  const [profileSheet, sectionsSheet, itemsSheet, rulesSheet, liveSheet] = comparisonSheetNames(text) as [string, string, string, string, string];
  const c = comparePersonas(pages.map((p) => p.persona));
  if (!c) throw new Error(t('report.comparison.needs'));
  const names = c.personas.map((p) => p.name);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'CX Studio';
  wb.title = t('report.comparison.title', { names: names.join(' vs ') });

  const field = (label: string, get: (p: PersonaDoc) => unknown): unknown[] => {
    const values = c.personas.map(get);
    return [label, ...values, yes(values.some((v) => v !== values[0]))];
  };
  const targets = liveMetricRows.map((r) => field(t('report.metric.target', { metric: t('report.metric.label', { key: r.key }) }), (p) => r.target(p.expectedMetrics) ?? null));
  const evidence = (['research', 'data', 'assumption', 'untagged'] as const).map((k) => {
    const values = c.evidence.map((e) => e[k]);
    return [t('report.comparison.evidence', { kind: k }), ...values, yes(values.some((v) => v !== values[0]))];
  });
  const [fieldCol, differs] = columns(text, 'field', 'differs') as [string, string];
  addTable(wb, profileSheet, [fieldCol, ...names, differs], [
    [t('report.col.name'), ...names, ''],
    ...c.fields.map((f) => [t(`report.col.${fieldColumn[f.field] ?? 'type'}`), ...f.values.map((v) => fieldText(f.field, v, text)), yes(f.differs)]),
    ...evidence, ...targets,
  ]);

  const sections = addTable(wb, sectionsSheet, [t('report.col.section'), ...names, differs], c.sections.map((row) => [
    row.label,
    ...row.cells.map((cell) => (cell.sections.length === 0 ? '—' : cell.sections.map((sec) => sectionText(sec, text)).join('\n\n'))),
    yes(row.differs),
  ]));
  names.forEach((_, i) => { sections.getColumn(i + 2).width = 48; });
  sections.eachRow((r, n) => { if (n > 1) r.alignment = { wrapText: true, vertical: 'top' }; });

  addTable(wb, itemsSheet, columns(text, 'section', 'persona', 'title', 'item', 'value', 'evidence', 'onlyThis'), c.sections.flatMap((row) =>
    row.cells.flatMap((cell, i) => cell.sections.flatMap((sec) => {
      // List items are the last rows sectionRows gives (a paragraph's text comes first).
      const ids = (sectionItems(sec) ?? []).map((it) => it.id);
      const rows = sectionRows(sec, text);
      const offset = rows.length - ids.length;
      return rows.map((r, k) => [row.label, names[i], sec.title, r.item, r.value, r.evidence, yes(k >= offset && cell.distinctItemIds.includes(ids[k - offset] ?? ''))]);
    }))));

  addTable(wb, rulesSheet, [t('report.col.persona'), ...ruleHeaders(text)],
    c.personas.flatMap((p) => p.rules.map((r) => [p.name, ...ruleRow(r)])));

  addTable(wb, liveSheet, [t('report.col.metric'), ...names], metricRows(pages.map((p) => p.metrics ?? { live: null, day: null, targets: p.persona.expectedMetrics }), text));
  return workbookBytes(wb);
}

// The compared profile fields, by the column label that names them.
const fieldColumn: Record<string, 'role' | 'status' | 'type' | 'domain' | 'owner' | 'tags'> = { role: 'role', status: 'status', personaType: 'type', domain: 'domain', owner: 'owner', tags: 'tags' };

/** A section as one cell of text: its title, then a line per item. */
function sectionText(sec: PersonaDoc['sections'][number], text: ExportText): string {
  const plain = text.t('report.section.text');
  // List items come as numbered rows; in one cell they read better as bullets.
  const lines = sectionRows(sec, text).filter((r) => r.value !== '').map((r) => (/^\d+$/.test(r.item) ? `• ${r.value}` : r.item && r.item !== plain ? `${r.item}: ${r.value}` : String(r.value)));
  return [sec.title, ...lines].join('\n');
}

function metricRows(metrics: LiveMetricsInput[], text: ExportText): unknown[][] {
  const { t } = text;
  const row = (label: string, get: (m: LiveMetricsInput) => unknown) => [label, ...metrics.map((m) => get(m) ?? null)];
  return [
    row(t('report.col.snapshotDay'), (m) => m.day),
    row(t('report.col.responses'), (m) => m.live?.responses),
    ...liveMetricRows.flatMap((r) => {
      const metric = t('report.metric.label', { key: r.key });
      return [row(metric, (m) => liveValue(m.live, r.key)), row(t('report.metric.target', { metric }), (m) => r.target(m.targets))];
    }),
  ];
}
