import ExcelJS from 'exceljs';
import { summariseMetrics } from '../analytics/metrics';
import type { PersonaSnapshotDoc } from '../analytics/snapshots';
import type { Rule } from '../analytics/rules';
import type { PersonaDoc } from '../persona/document';
import type { PersonaVersion } from '../persona/versions';
import { columns, englishText, type ExportText, type ReportKey } from '../i18n/exportText';
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

/** The sheets, in workbook order, by English name (each is named in the export's language). */
export const personaSheets = ['Profile', 'Sections', 'Rules', 'Live metrics', 'Versions'] as const;
type Sheet = (typeof personaSheets)[number];
const sheetKeys: Record<Sheet, ReportKey> = {
  Profile: 'report.persona.sheet.profile', Sections: 'report.persona.sheet.sections', Rules: 'report.persona.sheet.rules',
  'Live metrics': 'report.persona.sheet.live', Versions: 'report.persona.sheet.versions',
};

/** The sheet names a persona workbook has in `text`'s language, in workbook order. */
export function personaSheetNames(text: ExportText = englishText): string[] {
  return personaSheets.map((s) => text.t(sheetKeys[s]));
}

type Rows = { headers: string[]; rows: unknown[][] };

function sheetsFor(input: PersonaXlsxInput, text: ExportText): Record<Sheet, Rows> {
  const { persona } = input;
  const t = persona.expectedMetrics;
  const l = columns.bind(null, text);
  const [name, role, type, status, tags, owner, domain, targetCsat, targetLoyalty, targetTrust, targetCes, earlierEffort, created, updated, updatedBy] =
    l('name', 'role', 'type', 'status', 'tags', 'owner', 'domain', 'targetCsat', 'targetLoyalty', 'targetTrust', 'targetCes', 'earlierEffort', 'created', 'updated', 'updatedBy');
  const snaps = [...input.snapshots].sort((a, b) => (a.day < b.day ? 1 : a.day > b.day ? -1 : b.computedAt - a.computedAt));
  return {
    Profile: { headers: l('field', 'value'), rows: [
      [name, persona.name], [role, persona.role], [type, persona.personaType], [status, text.t(`report.persona.status.${persona.status}`)],
      [tags, persona.tags.join(', ')], [owner, persona.owner], [domain, persona.domain],
      [targetCsat, t.satisfaction ?? null], [targetLoyalty, t.loyalty ?? null],
      [targetTrust, t.trust ?? null], [targetCes, t.ces ?? null],
      // An "Effort %" target from before CES targets: kept so nothing is lost, compared with nothing.
      ...(t.effort === undefined ? [] : [[earlierEffort, t.effort]]),
      [created, cellDate(persona.createdAt)], [updated, cellDate(persona.updatedAt)], [updatedBy, persona.updatedBy],
    ] },
    Sections: { headers: l('section', 'type', 'column', 'row', 'width', 'height', 'item', 'value', 'evidence'), rows: persona.sections.flatMap((sec) => {
      const at = [sec.title, sec.type, sec.layout.x, sec.layout.y, sec.layout.w, sec.layout.h];
      const rows = sectionRows(sec, text);
      return rows.length === 0 ? [[...at, '', '', '']] : rows.map((r) => [...at, r.item, r.value, r.evidence]);
    }) },
    Rules: { headers: ruleHeaders(text), rows: persona.rules.map(ruleRow) },
    'Live metrics': {
      headers: l('day', 'responses', 'csat', 'targetCsat', 'satisfactionMean', 'nps', 'targetNps', 'trustPercent', 'targetTrust', 'trustMean',
        'ces', 'targetCes', 'strong', 'moderate', 'weak', 'computed'),
      rows: snaps.map((sn) => {
        // From the sums, not the stored `live`: snapshots of older engines lack the top-2-box figures.
        const l = summariseMetrics(sn.metrics.sums);
        const d = sn.metrics.distribution;
        return [sn.day, sn.metrics.responses, l.csat, t.satisfaction ?? null, l.satisfaction, l.nps, t.loyalty ?? null, l.trustPercent, t.trust ?? null, l.trust,
          l.effort, t.ces ?? null, d.strong, d.moderate, d.weak, cellDate(sn.computedAt)];
      }),
    },
    Versions: { headers: l('version', 'date', 'author', 'summary'), rows: [...input.versions].sort((a, b) => b.number - a.number).map((v) => [v.number, cellDate(v.createdAt), v.author, v.summary]) },
  };
}

/**
 * A workbook an analyst can filter: profile fields, every section flattened to item/value rows,
 * mapping rules, live metrics per snapshot day against targets, and version history. Given several
 * personas (a deck), every sheet starts with a Persona column so one filter picks a persona.
 * Sheet names and labels are in `text`'s language; values stay as the persona has them.
 */
export async function buildPersonaXlsx(input: PersonaXlsxInput | readonly PersonaXlsxInput[], text: ExportText = englishText): Promise<Uint8Array> {
  const inputs = 'persona' in input ? [input] : input;
  const many = inputs.length > 1;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'CX Studio';
  const persona = text.t('report.col.persona');
  wb.title = many ? text.t('report.persona.title', { count: inputs.length }) : (inputs[0]?.persona.name ?? persona);
  const all = inputs.map((i) => ({ name: i.persona.name, sheets: sheetsFor(i, text) }));
  for (const sheet of personaSheets) {
    const headers = all[0]?.sheets[sheet].headers ?? [];
    const rows = all.flatMap((p) => p.sheets[sheet].rows.map((r) => (many ? [p.name, ...r] : r)));
    addTable(wb, text.t(sheetKeys[sheet]), many ? [persona, ...headers] : headers, rows);
  }
  return workbookBytes(wb);
}

/** The headers of `ruleRow`'s cells in `text`'s language. */
export function ruleHeaders(text: ExportText = englishText): string[] {
  return columns(text, 'id', 'column', 'test', 'min', 'max', 'values', 'weight', 'label');
}

/** A mapping rule as the cells Id, Column, Test, Min, Max, Values, Weight, Label. */
export function ruleRow(r: Rule): unknown[] {
  const bounds = r.kind === 'range' ? [r.min ?? null, r.max ?? null, ''] : [null, null, r.values.join(', ')];
  return [r.id, r.column, r.kind, ...bounds, r.weight ?? 1, r.label ?? ''];
}
