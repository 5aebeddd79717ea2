import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { createJourney, exportJourney, type JourneyMap } from '../common/journey';
import type { CardSpec } from '../common/journeyAnalytics/cards';
import { generateEvents, generatedStages } from '../common/journeyAnalytics/generate';
import { referenceAnalyse, type PlainEvent } from '../common/journeyAnalytics/reference';
import type { JourneyReport } from '../common/journeyAnalytics/report';
import { main } from './index';

const dir = mkdtempSync(join(tmpdir(), 'cx-journey-cards-'));
beforeAll(() => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  vi.spyOn(console, 'log').mockImplementation(() => {});
});
afterAll(() => { vi.restoreAllMocks(); rmSync(dir, { recursive: true, force: true }); });

const lines: string[] = [];
const plain: PlainEvent[] = [];
generateEvents({ customers: 500, seed: 31, messy: true }, (c, e, t, channel, plan) => {
  lines.push(`${c},${e},${new Date(t).toISOString()},${channel},${plan ?? ''}`);
  plain.push({ customer: c, event: e, time: t, properties: { channel, ...(plan === null ? {} : { plan }) } });
});
const events = join(dir, 'events.csv');
writeFileSync(events, `customer_id,event,timestamp,channel,plan\n${lines.join('\n')}\n`);

const stages = generatedStages.map((s) => ({ id: s.id, name: s.name, colour: '#336699', momentOfTruth: false, events: s.events }));
const map: JourneyMap = {
  stages,
  lanes: [{ id: 'tp', type: 'touchpoints', name: 'Touchpoints' }],
  cells: { tp: {
    discover: [{ id: 'c_news', text: 'Newsletter', events: [{ match: 'equals', values: ['newsletter_opened'] }] }],
    subscribe: [{ id: 'c_free', text: 'Free checkout', events: [{ match: 'equals', values: ['checkout_completed'], where: [{ property: 'plan', values: ['free'] }] }] }],
  } },
};
const specs: CardSpec[] = [{ id: 'c_news', stage: 0, events: map.cells.tp!.discover![0]!.events! }, { id: 'c_free', stage: 4, events: map.cells.tp!.subscribe![0]!.events! }];
const journey = join(dir, 'journey.json');
writeFileSync(journey, JSON.stringify(exportJourney(createJourney({ id: 'jr', name: 'Trial', now: 1, body: { map, flow: { nodes: [], edges: [] } } }), 2)));

describe('journey command with touchpoint cards', () => {
  test('the JSON report names the cards and holds their figures, as the plain reference counts them', async () => {
    const out = join(dir, 'r.json');
    expect(await main(['journey', events, '--journey', journey, '--out', out])).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8')) as JourneyReport;
    expect(report.journey.cards).toEqual([
      { id: 'c_news', stage: 'Discover', lane: 'Touchpoints', text: 'Newsletter', rules: 1 },
      { id: 'c_free', stage: 'Subscribe', lane: 'Touchpoints', text: 'Free checkout', rules: 1 },
    ]);
    const ref = referenceAnalyse(plain, generatedStages, { cards: specs });
    expect(report.figures.cards).toEqual(ref.cards);
    expect(report.figures.cards![0]!.customers).toBeGreaterThan(0);
    expect(report.figures.unmatched.map((u) => u.name)).not.toContain('newsletter_opened');
  });

  test('the workbook has a touchpoints sheet with the same figures', async () => {
    const out = join(dir, 'r.xlsx');
    expect(await main(['journey', events, '--journey', journey, '--out', out])).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Stages', 'Time distribution', 'Paths', 'Journey moves', 'Journey touchpoints', 'Unmatched events']);
    const ref = referenceAnalyse(plain, generatedStages, { cards: specs }).cards!;
    const sheet = wb.getWorksheet('Journey touchpoints')!;
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(['Discover', 'Touchpoints: Newsletter', ref[0]!.reached, ref[0]!.share, ref[0]!.customers, ref[0]!.events]);
    expect((sheet.getRow(3).values as unknown[]).slice(1, 3)).toEqual(['Subscribe', 'Touchpoints: Free checkout']);
  });
});
