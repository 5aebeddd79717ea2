import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { eventLogFromPlain } from '../journeyAnalytics/eventLog';
import { personaReport } from '../journeyAnalytics/personaReport';
import { buildAnalyticsPdf } from './analyticsPdf';
import { prepareAnalytics } from './analyticsReport';
import { sampleExportInput, samplePersonas, smallFixtureTable } from './analyticsSample';
import { buildAnalyticsXlsx } from './analyticsXlsx';
import { journeySection, type JourneyExportSource } from './journeySection';

const fonts = {
  regular: readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
};
const hour = 3_600_000;
const stages = [
  { id: 'visit', name: 'Visit', events: [{ match: 'equals' as const, values: ['visit'] }] },
  { id: 'signup', name: 'Sign up', events: [{ match: 'equals' as const, values: ['signup'] }] },
  { id: 'pay', name: 'Pay', events: [{ match: 'equals' as const, values: ['pay'] }] },
];
// r1–r6 answered the survey; x1 did not. Reach 7 / 5 / 3; r1, r2 and x1 pay (2 h, 4 h, 6 h after the visit).
const ev = (customer: string, event: string, h: number) => ({ customer, event, time: Date.UTC(2026, 10, 1) + h * hour });
const log = () => eventLogFromPlain([
  ev('r1', 'visit', 0), ev('r1', 'signup', 1), ev('r1', 'pay', 2), ev('r2', 'visit', 0), ev('r2', 'signup', 2), ev('r2', 'pay', 4),
  ev('r3', 'visit', 0), ev('r3', 'signup', 1), ev('r4', 'visit', 0), ev('r5', 'visit', 0), ev('r6', 'visit', 0), ev('r6', 'newsletter', 1),
  ev('x1', 'visit', 0), ev('x1', 'signup', 3), ev('x1', 'pay', 6),
]);
const source: JourneyExportSource = {
  name: 'Trial to paid', stages, eventDatasetId: 'ev', logName: 'Product events',
  survey: { datasetId: 'ds-small', name: 'Small survey', idColumn: 'respondentId', stageQuestions: [null, 'nps', null], stageTexts: ['Visit', 'Sign up', 'Pay'] },
};

describe('the journey section of the analytics exports', () => {
  const section = journeySection(source, log(), smallFixtureTable(), samplePersonas());

  test('holds the funnel, stages, paths, sentiment and the same persona table as the map', () => {
    expect(section.stages.map((s) => s.reach)).toEqual([7, 4, 3]);
    expect(section.completed).toBe(3);
    expect(section.medianTimeToComplete).toBe(4 * hour);
    expect(section.stages[1]!.sentiment).toMatchObject({ question: 'nps', n: 6, scaleTop: 10 });
    expect(section.paths[0]).toMatchObject({ path: 'Visit', customers: 3 });
    const direct = personaReport(log(), smallFixtureTable(), {
      stages, idColumn: 'respondentId', personas: samplePersonas(), canvas: samplePersonas().map(() => []), stageTexts: ['', '', ''], stageQuestions: [null, null, null],
    });
    expect(direct.ok).toBe(true);
    if (!direct.ok) return;
    expect(section.personas!.joined).toBe(6);
    expect(section.personas!.logOnly).toBe(1);
    expect(section.personas!.rows.map((r) => [r.name, r.customers, r.completed])).toEqual(
      direct.data.table.rows.filter((r) => r.customers > 0).map((r) => [r.name, r.customers, r.completed]));
    expect(section.personas!.rows.length).toBeGreaterThan(0);
  });

  test('prints in the analytics PDF and fills the journey sheets of the workbook', async () => {
    const prepared = prepareAnalytics(smallFixtureTable(), sampleExportInput({ datasets: [{ id: 'ds-small', name: 'Small survey' }] }));
    prepared.report.journeys = [section];
    const dir = mkdtempSync(join(tmpdir(), 'cx-jpdf-'));
    writeFileSync(join(dir, 'a.pdf'), buildAnalyticsPdf(prepared.report, { fonts }));
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', join(dir, 'a.pdf'), '-']).toString('utf8').replace(/\s+/g, ' ');
    for (const want of ['Journey: Trial to paid', 'Event log: Product events · survey joined: Small survey', 'Funnel (share of starters', 'Sign up 4 57.1 %',
      'Top paths', 'Visit → Sign up → Pay', 'Personas on this journey', '6 respondents joined to customers by id', 'Sentiment']) {
      expect(text).toContain(want);
    }
    const wb = new ExcelJS.Workbook();
    const bytes = await buildAnalyticsXlsx(prepared);
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const stagesSheet = wb.getWorksheet('Journey stages')!;
    expect(stagesSheet.getRow(3).values).toEqual([undefined, 'Trial to paid', 'Product events', 'Sign up', 4, (4 / 7) * 100, 1, 25, 0, 0, 2, 'nps', 7.5, 50, 6]);
    expect(wb.getWorksheet('Journey paths')!.getRow(2).getCell(2).value).toBe('Visit');
    expect(wb.getWorksheet('Journey personas')!.rowCount).toBe(1 + section.personas!.rows.length);
  });

  test('no journeys, no journey sheets', async () => {
    const prepared = prepareAnalytics(smallFixtureTable(), sampleExportInput({ datasets: [{ id: 'ds-small', name: 'Small survey' }] }));
    const wb = new ExcelJS.Workbook();
    const bytes = await buildAnalyticsXlsx(prepared);
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(wb.getWorksheet('Journey stages')).toBeUndefined();
  });
});
