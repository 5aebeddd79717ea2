import ExcelJS from 'exceljs';
import type { PersonaSnapshotDoc } from '../analytics/snapshots';
import type { Rule } from '../analytics/rules';
import type { PersonaDoc } from '../persona/document';
import type { PersonaVersion } from '../persona/versions';
import { sectionRows } from './sectionRows';
import { addTable, cellDate, workbookBytes } from './xlsxStyle';

/** What a persona workbook is built from. */
export interface PersonaXlsxInput {
  persona: PersonaDoc;
  /** The persona's snapshot documents (any order; one row per document, newest first). */
  snapshots: readonly PersonaSnapshotDoc[];
  /** The persona's versions from the history collection. */
  versions: readonly Pick<PersonaVersion, 'number' | 'author' | 'summary' | 'createdAt'>[];
}

/** Sheet names, in workbook order; tests and readers rely on them. */
export const personaSheets = ['Profile', 'Sections', 'Rules', 'Live metrics', 'Versions'] as const;

/**
 * A workbook an analyst can filter: profile fields, every section flattened to item/value rows,
 * mapping rules, live metrics per snapshot day against targets, and version history.
 */
export async function buildPersonaXlsx(input: PersonaXlsxInput): Promise<Uint8Array> {
  const { persona } = input;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'CX Studio';
  wb.title = persona.name;
  const t = persona.expectedMetrics;
  addTable(wb, 'Profile', ['Field', 'Value'], [
    ['Name', persona.name], ['Role', persona.role], ['Type', persona.personaType], ['Status', persona.status],
    ['Tags', persona.tags.join(', ')], ['Owner', persona.owner], ['Domain', persona.domain],
    ['Target satisfaction', t.satisfaction ?? null], ['Target loyalty (NPS)', t.loyalty ?? null],
    ['Target trust', t.trust ?? null], ['Target effort', t.effort ?? null],
    ['Created', cellDate(persona.createdAt)], ['Updated', cellDate(persona.updatedAt)], ['Updated by', persona.updatedBy],
  ]);
  addTable(wb, 'Sections', ['Section', 'Type', 'Column', 'Row', 'Width', 'Height', 'Item', 'Value', 'Evidence'],
    persona.sections.flatMap((sec) => {
      const at = [sec.title, sec.type, sec.layout.x, sec.layout.y, sec.layout.w, sec.layout.h];
      const rows = sectionRows(sec);
      return rows.length === 0 ? [[...at, '', '', '']] : rows.map((r) => [...at, r.item, r.value, r.evidence]);
    }));
  addTable(wb, 'Rules', ['Id', 'Column', 'Test', 'Min', 'Max', 'Values', 'Weight', 'Label'], persona.rules.map(ruleRow));
  const snaps = [...input.snapshots].sort((a, b) => (a.day < b.day ? 1 : a.day > b.day ? -1 : b.computedAt - a.computedAt));
  addTable(wb, 'Live metrics',
    ['Day', 'Responses', 'Satisfaction', 'Target satisfaction', 'NPS', 'Target NPS', 'Trust', 'Target trust', 'Effort', 'Target effort', 'Strong', 'Moderate', 'Weak', 'Computed'],
    snaps.map((sn) => {
      const l = sn.metrics.live;
      const d = sn.metrics.distribution;
      return [sn.day, sn.metrics.responses, l.satisfaction, t.satisfaction ?? null, l.nps, t.loyalty ?? null, l.trust, t.trust ?? null,
        l.effort, t.effort ?? null, d.strong, d.moderate, d.weak, cellDate(sn.computedAt)];
    }));
  addTable(wb, 'Versions', ['Version', 'Date', 'Author', 'Summary'],
    [...input.versions].sort((a, b) => b.number - a.number).map((v) => [v.number, cellDate(v.createdAt), v.author, v.summary]));
  return workbookBytes(wb);
}

function ruleRow(r: Rule): unknown[] {
  const bounds = r.kind === 'range' ? [r.min ?? null, r.max ?? null, ''] : [null, null, r.values.join(', ')];
  return [r.id, r.column, r.kind, ...bounds, r.weight ?? 1, r.label ?? ''];
}
