import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { builtInTemplates } from '../journey/templates/index';
import { exportText } from '../i18n/exportText';
import { buildJourneyXlsx, journeySheetNames, journeySheets } from './journeyXlsx';

const template = builtInTemplates()[0];
if (!template) throw new Error('no built-in journey template');
const journey = { ...template.body, name: template.name };

async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}
const rowsOf = (ws: ExcelJS.Worksheet | undefined) =>
  Array.from(ws?.getSheetValues() ?? [], (r) => (Array.isArray(r) ? Array.from(r.slice(1)) : []));

describe('journey XLSX', () => {
  test('the Map sheet has stages as columns and lanes as rows', async () => {
    const wb = await open(await buildJourneyXlsx(journey));
    expect(wb.worksheets.map((w) => w.name)).toEqual([...journeySheets]);
    const rows = rowsOf(wb.getWorksheet('Map'));
    expect(rows[1]).toEqual(['Lane', 'Kind', ...journey.map.stages.map((s) => s.name)]);
    const cardLane = journey.map.lanes.find((l) => l.type !== 'emotion' && l.type !== 'metric');
    expect(rows.some((r) => r[0] === cardLane?.name)).toBe(true);
  });

  test('emotion values and metrics with targets are numbers per stage', async () => {
    const rows = rowsOf((await open(await buildJourneyXlsx(journey))).getWorksheet('Map'));
    const emotion = journey.map.lanes.find((l) => l.type === 'emotion');
    const metric = journey.map.lanes.find((l) => l.type === 'metric');
    if (emotion?.type !== 'emotion' || metric?.type !== 'metric') throw new Error('template lacks emotion or metric lane');
    const curve = emotion.curves[0];
    const curveRow = rows.find((r) => typeof r[0] === 'string' && r[0].includes(curve?.label ?? '?'));
    expect(curveRow?.slice(2)).toEqual(journey.map.stages.map((s) => curve?.points[s.id] ?? null).map((v) => v ?? undefined));
    const target = rows.find((r) => r[1] === `${metric.metric} target`);
    expect(target?.slice(2)).toEqual(journey.map.stages.map((s) => metric.values[s.id]?.target));
    expect(target?.slice(2).every((v) => typeof v === 'number')).toBe(true);
  });

  test('the Flow sheet lists every node and, below it, every edge with labels', async () => {
    const rows = rowsOf((await open(await buildJourneyXlsx(journey))).getWorksheet('Flow'));
    expect(rows[1]?.[0]).toBe('Node id');
    const edgeHead = rows.findIndex((r) => r[0] === 'Edge id');
    expect(edgeHead).toBe(journey.flow.nodes.length + 3);
    expect(rows.slice(edgeHead + 1).map((r) => r[0])).toEqual(journey.flow.edges.map((e) => e.id));
    const firstNode = journey.flow.nodes[0];
    expect(rows[2]?.slice(0, 3)).toEqual([firstNode?.id, firstNode?.kind, firstNode?.label]);
  });

  test('an empty journey still opens with headers', async () => {
    const wb = await open(await buildJourneyXlsx({ name: 'Empty', description: '', map: { stages: [], lanes: [], cells: {} }, flow: { nodes: [], edges: [] } }));
    expect(rowsOf(wb.getWorksheet('Map'))[1]).toEqual(['Lane', 'Kind']);
  });
});

describe('journey XLSX in German', () => {
  test('sheets, headers and row labels are German; stage names and values stay the journey’s', async () => {
    const de = exportText('de');
    const wb = await open(await buildJourneyXlsx(journey, de));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Karte', 'Phasen', 'Ablauf']);
    expect(journeySheetNames(de)).toEqual(['Karte', 'Phasen', 'Ablauf']);
    const map = rowsOf(wb.getWorksheet('Karte'));
    expect(map[1]).toEqual(['Bahn', 'Art', ...journey.map.stages.map((s) => s.name)]);
    expect(rowsOf(wb.getWorksheet('Phasen'))[1]).toEqual(['#', 'Phase', 'Moment of Truth', 'Beschreibung', 'Farbe']);
    const flow = rowsOf(wb.getWorksheet('Ablauf'));
    expect(flow[1]).toEqual(['Schritt-ID', 'Art', 'Bezeichnung', 'Phase', 'Einstellungen', 'X', 'Y']);
    expect(flow.some((r) => r[0] === 'Verbindungs-ID' && r[5] === 'Bezeichnung Ziel')).toBe(true);
    const metric = journey.map.lanes.find((l) => l.type === 'metric');
    if (metric) expect(map.some((r) => String(r[1]).endsWith(' Ziel'))).toBe(true);
    const emotion = journey.map.lanes.find((l) => l.type === 'emotion');
    if (emotion) expect(map.some((r) => String(r[1]).startsWith('Emotion '))).toBe(true);
    if (emotion) expect(map.some((r) => /\((Ist|Soll)\)$/.test(String(r[0])))).toBe(true);
    expect(map.some((r) => /\((as-is|to-be)\)$/.test(String(r[0])))).toBe(false);
    // Card lanes name their kind in German, never by the lane type's code.
    const kinds = map.slice(2).map((r) => String(r[1]));
    expect(kinds.filter((k) => ['text', 'touchpoints', 'channels', 'goals', 'pains', 'opportunities', 'actions', 'thinkFeel', 'backstage', 'images'].includes(k))).toEqual([]);
  });
});
