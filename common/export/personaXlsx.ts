import ExcelJS from 'exceljs';
import { summariseMetrics } from '../analytics/metrics';
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

type Rows = { headers: string[]; rows: unknown[][] };

function sheetsFor(input: PersonaXlsxInput): Record<(typeof personaSheets)[number], Rows> {
  const { persona } = input;
  const t = persona.expectedMetrics;
  const snaps = [...input.snapshots].sort((a, b) => (a.day < b.day ? 1 : a.day > b.day ? -1 : b.computedAt - a.computedAt));
  return {
    Profile: { headers: ['Field', 'Value'], rows: [
      ['Name', persona.name], ['Role', persona.role], ['Type', persona.personaType], ['Status', persona.status],
      ['Tags', persona.tags.join(', ')], ['Owner', persona.owner], ['Domain', persona.domain],
      ['Target CSAT %', t.satisfaction ?? null], ['Target loyalty (NPS)', t.loyalty ?? null],
      ['Target trust %', t.trust ?? null], ['Target CES', t.ces ?? null],
      // An "Effort %" target from before CES targets: kept so nothing is lost, compared with nothing.
      ...(t.effort === undefined ? [] : [['Earlier target effort % (not compared)', t.effort]]),
      ['Created', cellDate(persona.createdAt)], ['Updated', cellDate(persona.updatedAt)], ['Updated by', persona.updatedBy],
    ] },
    Sections: { headers: ['Section', 'Type', 'Column', 'Row', 'Width', 'Height', 'Item', 'Value', 'Evidence'], rows: persona.sections.flatMap((sec) => {
      const at = [sec.title, sec.type, sec.layout.x, sec.layout.y, sec.layout.w, sec.layout.h];
      const rows = sectionRows(sec);
      return rows.length === 0 ? [[...at, '', '', '']] : rows.map((r) => [...at, r.item, r.value, r.evidence]);
    }) },
    Rules: { headers: ['Id', 'Column', 'Test', 'Min', 'Max', 'Values', 'Weight', 'Label'], rows: persona.rules.map(ruleRow) },
    'Live metrics': {
      headers: ['Day', 'Responses', 'CSAT %', 'Target CSAT %', 'Satisfaction mean', 'NPS', 'Target NPS', 'Trust %', 'Target trust %', 'Trust mean',
        'CES', 'Target CES', 'Strong', 'Moderate', 'Weak', 'Computed'],
      rows: snaps.map((sn) => {
        // From the sums, not the stored `live`: snapshots of older engines lack the top-2-box figures.
        const l = summariseMetrics(sn.metrics.sums);
        const d = sn.metrics.distribution;
        return [sn.day, sn.metrics.responses, l.csat, t.satisfaction ?? null, l.satisfaction, l.nps, t.loyalty ?? null, l.trustPercent, t.trust ?? null, l.trust,
          l.effort, t.ces ?? null, d.strong, d.moderate, d.weak, cellDate(sn.computedAt)];
      }),
    },
    Versions: { headers: ['Version', 'Date', 'Author', 'Summary'], rows: [...input.versions].sort((a, b) => b.number - a.number).map((v) => [v.number, cellDate(v.createdAt), v.author, v.summary]) },
  };
}

/**
 * A workbook an analyst can filter: profile fields, every section flattened to item/value rows,
 * mapping rules, live metrics per snapshot day against targets, and version history. Given several
 * personas (a deck), every sheet starts with a Persona column so one filter picks a persona.
 */
export async function buildPersonaXlsx(input: PersonaXlsxInput | readonly PersonaXlsxInput[]): Promise<Uint8Array> {
  const inputs = 'persona' in input ? [input] : input;
  const many = inputs.length > 1;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'CX Studio';
  wb.title = many ? `${inputs.length} personas` : (inputs[0]?.persona.name ?? 'Persona');
  const all = inputs.map((i) => ({ name: i.persona.name, sheets: sheetsFor(i) }));
  for (const sheet of personaSheets) {
    const headers = all[0]?.sheets[sheet].headers ?? [];
    const rows = all.flatMap((p) => p.sheets[sheet].rows.map((r) => (many ? [p.name, ...r] : r)));
    addTable(wb, sheet, many ? ['Persona', ...headers] : headers, rows);
  }
  return workbookBytes(wb);
}

/** A mapping rule as the cells Id, Column, Test, Min, Max, Values, Weight, Label. */
export function ruleRow(r: Rule): unknown[] {
  const bounds = r.kind === 'range' ? [r.min ?? null, r.max ?? null, ''] : [null, null, r.values.join(', ')];
  return [r.id, r.column, r.kind, ...bounds, r.weight ?? 1, r.label ?? ''];
}
