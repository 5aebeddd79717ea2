import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { createJourney, exportJourney } from '../common/journey';
import { generateEvents, generatedStages } from '../common/journeyAnalytics/generate';
import { referenceAnalyse, type PlainEvent } from '../common/journeyAnalytics/reference';
import type { JourneyReport } from '../common/journeyAnalytics/report';
import { main } from './index';

const dir = mkdtempSync(join(tmpdir(), 'cx-journey-'));
let errors: string[] = [];
beforeAll(() => {
  vi.spyOn(console, 'error').mockImplementation((m: string) => { errors.push(m); });
  vi.spyOn(console, 'log').mockImplementation(() => {});
});
afterAll(() => { vi.restoreAllMocks(); rmSync(dir, { recursive: true, force: true }); });

async function run(...args: string[]) {
  errors = [];
  const code = await main(args);
  return { code, error: errors.join('\n') };
}

function journeyFile(withRules: boolean): string {
  const stages = generatedStages.map((s, i) => ({ id: s.id, name: s.name, colour: '#336699', momentOfTruth: i === 2, ...(withRules ? { events: s.events } : {}) }));
  const j = createJourney({ id: 'jr', name: 'Trial to paid', now: 1, body: { map: { stages, lanes: [], cells: {} }, flow: { nodes: [], edges: [] } } });
  const path = join(dir, withRules ? 'journey.json' : 'bare.json');
  writeFileSync(path, JSON.stringify(exportJourney(j, 2)));
  return path;
}

const lines: string[] = [];
const plain: PlainEvent[] = [];
const known = generateEvents({ customers: 800, seed: 21, messy: true }, (c, e, t, channel, plan) => {
  lines.push(`${c},${e},${new Date(t).toISOString()},${channel},${plan ?? ''}`);
  plain.push({ customer: c, event: e, time: t, properties: { channel, ...(plan === null ? {} : { plan }) } });
});
const events = join(dir, 'events.csv');
writeFileSync(events, `customer_id,event,timestamp,channel,plan\n${lines.join('\n')}\n`);

describe('journey command', () => {
  test('writes a JSON report with the known funnel and a comparison of two channels', async () => {
    const out = join(dir, 'r.json');
    const r = await run('journey', events, '--journey', journeyFile(true), '--out', out, '--compare', 'channel=web/channel=app,email');
    expect(r).toEqual({ code: 0, error: '' });
    const report = JSON.parse(readFileSync(out, 'utf8')) as JourneyReport;
    expect(report.type).toBe('cx-studio.journey-report');
    expect(report.source).toMatchObject({ shape: 'events:plain', duplicates: known.duplicates, rejected: 0 });
    expect(report.figures.stages.map((s) => s.reachStrict)).toEqual(known.reachStrict);
    const c = report.comparison!.result;
    expect(c.a.customers + c.b.customers).toBe(report.figures.customers);
    expect(c.completion!.low).toBeLessThan(c.completion!.difference);
  });

  test('writes the same figures as a workbook', async () => {
    const out = join(dir, 'r.xlsx');
    expect((await run('journey', events, '--journey', journeyFile(true), '--out', out)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Stages', 'Time distribution', 'Paths', 'Journey moves', 'Unmatched events']);
    const stages = wb.getWorksheet('Stages')!;
    expect([2, 3, 4, 5, 6].map((r) => stages.getRow(r).getCell(2).value)).toEqual(known.reachStrict);
    expect(wb.getWorksheet('Unmatched events')!.getRow(2).getCell(1).value).toBeTruthy();
    // Every stage-to-stage move, as the plain reference counts it over the same events: the messy log
    // has customers who skip a stage and who come back to the start, so both kinds are there.
    const names = generatedStages.map((s) => s.name);
    const kind = (from: number, to: number) => (to === from + 1 ? 'on to the next stage' : to > from ? 'skips ahead' : 'goes back');
    const expected = referenceAnalyse(plain, generatedStages).transitions.map((m) => [names[m.from], names[m.to], kind(m.from, m.to), m.customers, m.moves]);
    const moves = wb.getWorksheet('Journey moves')!;
    expect(moves.getRow(1).values).toEqual([undefined, 'From stage', 'To stage', 'Move', 'Customers', 'Moves']);
    const rows = Array.from({ length: moves.rowCount - 1 }, (_, i) => (moves.getRow(i + 2).values as unknown[]).slice(1));
    expect(rows).toEqual(expected);
    expect(rows.some((r) => r[2] === 'skips ahead')).toBe(true);
    expect(rows.some((r) => r[2] === 'goes back')).toBe(true);
  });

  test('bad input says what to do and exits 1; bad invocations exit 2', async () => {
    const out = join(dir, 'x.json');
    expect(await run('journey', events, '--journey', journeyFile(false), '--out', out)).toMatchObject({ code: 1, error: expect.stringMatching(/No stage of "Trial to paid" has event rules/) });
    expect(await run('journey', join(dir, 'nope.csv'), '--journey', journeyFile(true), '--out', out)).toMatchObject({ code: 1, error: expect.stringMatching(/does not exist/) });
    writeFileSync(join(dir, 'survey.csv'), 'name,score\nA,1\n');
    expect(await run('journey', join(dir, 'survey.csv'), '--journey', journeyFile(true), '--out', out)).toMatchObject({ code: 1, error: expect.stringMatching(/does not look like an event log/) });
    expect((await run('journey', events, '--journey', journeyFile(true), '--out', join(dir, 'r.pdf'))).code).toBe(2);
    expect((await run('journey', events, '--journey', journeyFile(true), '--out', out, '--compare', 'channel=web')).code).toBe(2);
    expect((await run('journey', events, '--journey', journeyFile(true), '--out', out, '--inactive-days', 'soon')).code).toBe(2);
  });
});
