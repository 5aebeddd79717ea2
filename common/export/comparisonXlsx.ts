import ExcelJS from 'exceljs';
import { liveMetricRows } from '../analytics/liveFigures';
import { sectionItems } from '../persona/changes';
import { comparePersonas } from '../persona/compare';
import type { PersonaDoc } from '../persona/document';
import { fieldText } from './comparisonCells';
import { liveValue, type LiveMetricsInput } from './liveMetricsPdf';
import type { PersonaPdfPage } from './personaPdf';
import { ruleRow } from './personaXlsx';
import { sectionRows } from './sectionRows';
import { addTable, workbookBytes } from './xlsxStyle';

/** Sheet names, in workbook order; tests and readers rely on them. */
export const comparisonSheets = ['Profile', 'Sections', 'Section items', 'Rules', 'Live metrics'] as const;

const yes = (b: boolean) => (b ? 'yes' : '');

/**
 * A workbook of a persona comparison. The wide sheets (Profile, Sections, Live metrics) put the personas
 * side by side, one column each, with a Differs column to filter on; the long sheets (Section items,
 * Rules) have a row per item with a Persona column, the shape a pivot table wants.
 */
export async function buildComparisonXlsx(pages: readonly PersonaPdfPage[]): Promise<Uint8Array> {
  const c = comparePersonas(pages.map((p) => p.persona));
  if (!c) throw new Error('A comparison needs two to four personas.');
  const names = c.personas.map((p) => p.name);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'CX Studio';
  wb.title = `Comparison: ${names.join(' vs ')}`;

  const field = (label: string, get: (p: PersonaDoc) => unknown): unknown[] => {
    const values = c.personas.map(get);
    return [label, ...values, yes(values.some((v) => v !== values[0]))];
  };
  const targets = liveMetricRows.map((r) => field(`Target ${r.label}`, (p) => r.target(p.expectedMetrics) ?? null));
  const evidence = (['research', 'data', 'assumption', 'untagged'] as const).map((k) => {
    const values = c.evidence.map((e) => e[k]);
    return [`Evidence: ${k}`, ...values, yes(values.some((v) => v !== values[0]))];
  });
  addTable(wb, 'Profile', ['Field', ...names, 'Differs'], [
    ['Name', ...names, ''],
    ...c.fields.map((f) => [fieldLabel[f.field], ...f.values.map((v) => fieldText(f.field, v)), yes(f.differs)]),
    ...evidence, ...targets,
  ]);

  const sections = addTable(wb, 'Sections', ['Section', ...names, 'Differs'], c.sections.map((row) => [
    row.label,
    ...row.cells.map((cell) => (cell.sections.length === 0 ? '—' : cell.sections.map(sectionText).join('\n\n'))),
    yes(row.differs),
  ]));
  names.forEach((_, i) => { sections.getColumn(i + 2).width = 48; });
  sections.eachRow((r, n) => { if (n > 1) r.alignment = { wrapText: true, vertical: 'top' }; });

  addTable(wb, 'Section items', ['Section', 'Persona', 'Title', 'Item', 'Value', 'Evidence', 'Only this persona'], c.sections.flatMap((row) =>
    row.cells.flatMap((cell, i) => cell.sections.flatMap((sec) => {
      // List items are the last rows sectionRows gives (a paragraph's text comes first).
      const ids = (sectionItems(sec) ?? []).map((it) => it.id);
      const rows = sectionRows(sec);
      const offset = rows.length - ids.length;
      return rows.map((r, k) => [row.label, names[i], sec.title, r.item, r.value, r.evidence, yes(k >= offset && cell.distinctItemIds.includes(ids[k - offset] ?? ''))]);
    }))));

  addTable(wb, 'Rules', ['Persona', 'Id', 'Column', 'Test', 'Min', 'Max', 'Values', 'Weight', 'Label'],
    c.personas.flatMap((p) => p.rules.map((r) => [p.name, ...ruleRow(r)])));

  addTable(wb, 'Live metrics', ['Metric', ...names], metricRows(pages.map((p) => p.metrics ?? { live: null, day: null, targets: p.persona.expectedMetrics })));
  return workbookBytes(wb);
}

const fieldLabel: Record<string, string> = { role: 'Role', status: 'Status', personaType: 'Type', domain: 'Domain', owner: 'Owner', tags: 'Tags' };

/** A section as one cell of text: its title, then a line per item. */
function sectionText(sec: PersonaDoc['sections'][number]): string {
  // List items come as numbered rows; in one cell they read better as bullets.
  const lines = sectionRows(sec).filter((r) => r.value !== '').map((r) => (/^\d+$/.test(r.item) ? `• ${r.value}` : r.item && r.item !== 'Text' ? `${r.item}: ${r.value}` : String(r.value)));
  return [sec.title, ...lines].join('\n');
}

function metricRows(metrics: LiveMetricsInput[]): unknown[][] {
  const row = (label: string, get: (m: LiveMetricsInput) => unknown) => [label, ...metrics.map((m) => get(m) ?? null)];
  return [
    row('Snapshot day', (m) => m.day),
    row('Responses', (m) => m.live?.responses),
    ...liveMetricRows.flatMap((r) => [
      row(r.label, (m) => liveValue(m.live, r.key)),
      row(`Target ${r.label}`, (m) => r.target(m.targets)),
    ]),
  ];
}
