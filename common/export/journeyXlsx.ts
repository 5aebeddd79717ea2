import ExcelJS from 'exceljs';
import type { FlowNode, JourneyFlow } from '../journey/flowModel';
import { cellCards, isCardLane, type JourneyMap, type Lane } from '../journey/mapModel';
import { columns, englishText, type ExportText } from '../i18n/exportText';
import { addTable, workbookBytes } from './xlsxStyle';

/** The parts of a journey a workbook shows. */
export interface JourneyXlsxInput {
  name: string;
  description: string;
  map: JourneyMap;
  flow: JourneyFlow;
}

/** Sheet names in English, in workbook order (each is named in the export's language). */
export const journeySheets = ['Map', 'Stages', 'Flow'] as const;

/** The sheet names a journey workbook has in `text`'s language, in workbook order. */
export function journeySheetNames(text: ExportText = englishText): string[] {
  return [text.t('report.journey.sheet.map'), text.t('report.journey.sheet.stages'), text.t('report.journey.sheet.flow')];
}

/** The rows one lane contributes to the Map sheet: label, kind, then one cell per stage. */
export function laneRows(map: JourneyMap, lane: Lane, text: ExportText = englishText): (string | number | null)[][] {
  const { t } = text;
  const ids = map.stages.map((s) => s.id);
  if (lane.type === 'emotion') {
    // One row per curve, numbers only, so the analyst can chart the curve straight from the sheet.
    return lane.curves.map((c) => [`${lane.name}: ${c.label} (${t('report.journey.variant', { variant: c.variant === 'as-is' ? 'asIs' : 'toBe' })})`, t('report.journey.emotion', { scale: lane.scale === 'ten' ? '1..10' : '-2..+2' }),
      ...ids.map((id) => c.points[id] ?? null)]);
  }
  if (lane.type === 'metric') {
    const name = `${lane.name}${lane.unit ? ` (${lane.unit})` : ''}`;
    return (['value', 'target', 'trend'] as const).map((part) => [
      t('report.journey.metricRow', { lane: name, part }), t('report.journey.metricKind', { metric: lane.metric, part }), ...ids.map((id) => lane.values[id]?.[part] ?? null),
    ]);
  }
  if (!isCardLane(lane)) return [];
  return [[lane.name, t(`report.journey.laneType.${lane.type}`), ...ids.map((id) => cellCards(map, lane.id, id).map(cardText).join('\n') || null)]];
}

function cardText(card: { text: string; channel?: string | undefined }): string {
  return card.text.trim() !== '' ? card.text : (card.channel ?? '');
}

/** A readable one-line summary of a node's settings, for the Flow sheet. */
export function nodeSummary(node: FlowNode): string {
  const c = node.config as Record<string, unknown>;
  const parts = Object.entries(c).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`);
  return parts.join('; ').slice(0, 2000);
}

/**
 * A journey workbook: the map with stages as columns and lanes as rows (cards as text, emotion values
 * and metrics with their targets as numbers), stage details, and the flow as a node table and an edge
 * table on one sheet. Sheet names and labels are in `text`'s language.
 */
export async function buildJourneyXlsx(journey: JourneyXlsxInput, text: ExportText = englishText): Promise<Uint8Array> {
  const [mapSheet, stagesSheet, flowSheet] = journeySheetNames(text) as [string, string, string];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'CX Studio';
  wb.title = journey.name;
  const { map, flow } = journey;
  const ws = addTable(wb, mapSheet, [...columns(text, 'lane', 'kind'), ...map.stages.map((s) => s.name)], map.lanes.flatMap((l) => laneRows(map, l, text)));
  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: 1 }];
  ws.eachRow((row) => { row.alignment = { wrapText: true, vertical: 'top' }; });
  addTable(wb, stagesSheet, ['#', ...columns(text, 'stage', 'momentOfTruth', 'description', 'colour')],
    map.stages.map((s, i) => [i + 1, s.name, s.momentOfTruth ? text.t('report.yes') : '', s.description ?? '', s.colour]));
  const names = new Map(flow.nodes.map((n) => [n.id, n.label || n.kind]));
  const stageNames = new Map(map.stages.map((s) => [s.id, s.name]));
  const fs = addTable(wb, flowSheet, columns(text, 'nodeId', 'kind', 'label', 'stage', 'settings', 'x', 'y'),
    flow.nodes.map((n) => [n.id, n.kind, n.label, n.stageId ? (stageNames.get(n.stageId) ?? n.stageId) : '', nodeSummary(n), n.position.x, n.position.y]));
  // The edge table sits under the node table after a blank row, with its own bold header.
  fs.addRow([]);
  const head = fs.addRow(columns(text, 'edgeId', 'from', 'handle', 'to', 'fromLabel', 'toLabel'));
  head.font = { bold: true };
  for (const e of flow.edges) fs.addRow([e.id, e.source, e.sourceHandle, e.target, names.get(e.source) ?? '', names.get(e.target) ?? '']);
  return workbookBytes(wb);
}
