import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { exportText } from '../i18n/exportText';
import type { JourneyMap } from '../journey/mapModel';
import { eventLogFromPlain } from '../journeyAnalytics/eventLog';
import { journeySheetOps } from './analyticsJourneySheets';
import { buildAnalyticsPdf } from './analyticsPdf';
import { prepareAnalytics } from './analyticsReport';
import { sampleExportInput, smallFixtureTable } from './analyticsSample';
import { buildAnalyticsXlsx } from './analyticsXlsx';
import { journeyCardSources, journeySection } from './journeySection';

const fonts = {
  regular: readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
};
const hour = 3_600_000;
const stage = (id: string, name: string, event: string) => ({ id, name, colour: '#336699', momentOfTruth: false, events: [{ match: 'equals' as const, values: [event] }] });
const map: JourneyMap = {
  stages: [stage('visit', 'Visit', 'visit'), stage('signup', 'Sign up', 'signup')],
  lanes: [{ id: 'tp', type: 'touchpoints', name: 'Touchpoints' }],
  cells: { tp: {
    visit: [{ id: 'c_help', text: 'Help centre\nFAQ pages', events: [{ match: 'startsWith', values: ['help_'] }] }, { id: 'c_plain', text: 'Ads' }],
    signup: [{ id: 'c_chat', text: 'Chat', events: [{ match: 'equals', values: ['chat'] }] }],
  } },
};
// a, b, c visit; a and b open help (b twice), d opens help without visiting; a signs up and chats, c chats without signing up.
const ev = (customer: string, event: string, h: number) => ({ customer, event, time: Date.UTC(2026, 10, 1) + h * hour });
const events = [
  ev('a', 'visit', 0), ev('a', 'help_article', 1), ev('a', 'signup', 2), ev('a', 'chat', 3),
  ev('b', 'visit', 0), ev('b', 'help_article', 1), ev('b', 'help_search', 2),
  ev('c', 'visit', 0), ev('c', 'chat', 1),
  ev('d', 'help_article', 0),
];
const source = { name: 'Trial', stages: map.stages, eventDatasetId: 'ev', logName: 'Events', cards: journeyCardSources(map) };
const section = journeySection(source, eventLogFromPlain(events), null, []);

describe('touchpoint cards in the analytics exports', () => {
  test('the section lists the cards with rules and their figures, named by lane and first line of text', () => {
    expect(section.cards).toEqual([
      { stage: 'Visit', lane: 'Touchpoints', text: 'Help centre', reached: 2, share: 2 / 3, customers: 3, events: 4 },
      { stage: 'Sign up', lane: 'Touchpoints', text: 'Chat', reached: 1, share: 1, customers: 2, events: 2 },
    ]);
    expect(journeySection({ ...source, cards: [] }, eventLogFromPlain(events), null, []).cards).toEqual([]);
  });

  test('the PDF prints the card table and the workbook has a touchpoints sheet; none without cards', async () => {
    const prepared = prepareAnalytics(smallFixtureTable(), sampleExportInput({ datasets: [{ id: 'ds-small', name: 'Small survey' }] }));
    prepared.report.journeys = [section];
    const dir = mkdtempSync(join(tmpdir(), 'cx-jcards-'));
    writeFileSync(join(dir, 'a.pdf'), buildAnalyticsPdf(prepared.report, { fonts }));
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', join(dir, 'a.pdf'), '-']).toString('utf8').replace(/\s+/g, ' ');
    expect(text).toContain('Touchpoint cards');
    expect(text).toContain('Visit Touchpoints: Help centre 2 66.7% 3 4');
    expect(text).toContain('Sign up Touchpoints: Chat 1 100.0% 2 2');

    const wb = new ExcelJS.Workbook();
    const bytes = await buildAnalyticsXlsx(prepared);
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const sheet = wb.getWorksheet('Journey touchpoints')!;
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(['Trial', 'Visit', 'Touchpoints: Help centre', 2, (2 / 3) * 100, 3, 4]);
    expect(sheet.rowCount).toBe(3);

    const plain = journeySection({ ...source, cards: [] }, eventLogFromPlain(events), null, []);
    expect([...journeySheetOps([plain])].some((o) => o.op === 'table' && o.name === 'Journey touchpoints')).toBe(false);
  });

  test('the touchpoints sheet speaks the export\'s language', () => {
    const ops = [...journeySheetOps([section], exportText('de'))];
    const table = ops.find((o) => o.op === 'table' && o.name === 'Touchpoints der Journey');
    expect(table?.op === 'table' && table.columns.map((c) => c.header)).toEqual(['Journey', 'Phase', 'Karte', 'Phase erreicht und Karte genutzt', 'Anteil der Phase', 'Alle, die die Karte genutzt haben', 'Ereignisse']);
  });
});
