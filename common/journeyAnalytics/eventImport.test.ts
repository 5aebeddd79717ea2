import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { importEvents, type EventImportOptions } from './eventImport';
import { plainFromEventLog } from './eventLog';
import { decodeEvents, isEventDataset } from './eventStore';
import { generateEvents, generatedStages, random, shuffle } from './generate';
import { analyseJourney } from './kernels';
import { referenceAnalyse, type PlainEvent } from './reference';

const fixture = (name: string) => new Uint8Array(readFileSync(join(__dirname, 'fixtures', name)));
const enc = (text: string) => new TextEncoder().encode(text);

async function imported(bytes: Uint8Array, options: Partial<EventImportOptions> & { fileName: string }) {
  const r = await importEvents(bytes, { now: 1_700_000_000_000, datasetId: 'ev', ...options });
  if (!r.ok) throw new Error(r.message);
  return { ...r.data, log: decodeEvents([{ header: r.data.header, chunks: r.data.chunks }]) };
}

const eventsOf = (log: ReturnType<typeof decodeEvents>) => plainFromEventLog(log).sort((a, b) => a.customer.localeCompare(b.customer) || a.time - b.time || a.event.localeCompare(b.event));

describe('event log import', () => {
  test('GA4 flattened CSV: user_pseudo_id, event_name, event_timestamp in microseconds', async () => {
    const r = await imported(fixture('ga4_events.csv'), { fileName: 'ga4_events.csv', timeZone: 'America/Denver' });
    expect(r.columns.shape).toBe('ga4');
    expect(isEventDataset(r.header)).toBe(true);
    expect(r.imported).toBe(7);
    const events = eventsOf(r.log);
    expect(new Set(events.map((e) => e.customer))).toEqual(new Set(['1894529103.1709632800', '402211877.1709640000']));
    expect(events.find((e) => e.event === 'add_to_cart')!.time).toBe(1709633105500);
    expect(events.find((e) => e.event === 'purchase')!.properties).toMatchObject({ user_id: 'cust-881', 'traffic_source.medium': '(none)' });
  });

  test('Amplitude CSV: times are UTC whatever the workspace zone; a row without user id keeps its amplitude id', async () => {
    const r = await imported(fixture('amplitude_export.csv'), { fileName: 'amplitude_export.csv', timeZone: 'America/Denver' });
    expect(r.columns.shape).toBe('amplitude');
    const events = eventsOf(r.log);
    expect(events.map((e) => [e.customer, e.event, e.time])).toEqual([
      ['501234567890', 'Viewed Pricing', Date.UTC(2024, 2, 5, 10, 0, 0, 123)],
      ['501234567890', 'Started Trial', Date.UTC(2024, 2, 5, 10, 4, 30)],
      ['501234567891', 'Viewed Pricing', Date.UTC(2024, 2, 5, 23, 59, 59, 999)],
    ]);
    expect(events[0]!.properties!.platform).toBe('Web');
  });

  test('Mixpanel CSV and raw JSON Lines export: Unix seconds (and ms), nested properties lifted', async () => {
    const csv = await imported(fixture('mixpanel_export.csv'), { fileName: 'mixpanel_export.csv' });
    expect(csv.columns.shape).toBe('mixpanel');
    expect(eventsOf(csv.log)[0]).toMatchObject({ customer: 'u1', event: 'Signed Up', time: 1709632800000, properties: { $browser: 'Chrome', plan: 'free' } });
    const jsonl = await imported(fixture('mixpanel_raw.jsonl'), { fileName: 'mixpanel_raw.jsonl' });
    expect(jsonl.columns.shape).toBe('mixpanel');
    expect(eventsOf(jsonl.log).map((e) => [e.event, e.time, e.properties!.plan])).toEqual([
      ['Signed Up', 1709632800000, 'free'], ['Viewed Onboarding', 1709632925000, undefined], ['Upgraded', 1709719200123, 'pro'],
    ]);
  });

  test('CRM status histories (Zendesk-style and Salesforce OpportunityHistory): the status is the event', async () => {
    const z = await imported(fixture('zendesk_status_history.csv'), { fileName: 'zendesk_status_history.csv', timeZone: 'Europe/Berlin' });
    expect(z.columns.shape).toBe('crm-status');
    const solved = eventsOf(z.log).find((e) => e.event === 'solved')!;
    expect(solved).toMatchObject({ customer: '4711', time: Date.UTC(2024, 2, 8, 9, 15) });
    const sf = await imported(fixture('salesforce_opportunity_history.csv'), { fileName: 'salesforce_opportunity_history.csv' });
    expect(sf.columns.shape).toBe('crm-status');
    expect(eventsOf(sf.log).filter((e) => e.customer === '0065g00000AbCdEAAV').map((e) => e.event)).toEqual(['Prospecting', 'Qualification', 'Closed Won']);
  });

  test('XLSX plain log with date cells', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Events');
    ws.addRow(['Customer ID', 'Event', 'Timestamp', 'Channel']);
    ws.addRow(['a', 'visit', new Date(Date.UTC(2024, 2, 5, 10)), 'web']);
    ws.addRow(['a', 'buy', new Date(Date.UTC(2024, 2, 5, 11)), 'store']);
    const r = await imported(new Uint8Array(await wb.xlsx.writeBuffer()), { fileName: 'log.xlsx' });
    expect(r.columns.shape).toBe('plain');
    expect(eventsOf(r.log).map((e) => [e.event, e.time, e.properties!.Channel])).toEqual([
      ['visit', Date.UTC(2024, 2, 5, 10), 'web'], ['buy', Date.UTC(2024, 2, 5, 11), 'store'],
    ]);
  });

  test('a generated log written with mixed time-zone offsets, shuffled and with duplicates, imports to its known funnel', async () => {
    const events: PlainEvent[] = [];
    const known = generateEvents({ customers: 2000, seed: 5, messy: true }, (customer, event, time, channel, plan) => {
      events.push({ customer, event, time, properties: plan ? { channel, plan } : { channel } });
    });
    const rnd = random(9);
    const offsets = [-7 * 60, 0, 60, 330, 9 * 60];
    const iso = (t: number) => {
      const off = offsets[Math.floor(rnd() * offsets.length)]!;
      const local = new Date(t + off * 60_000).toISOString().slice(0, 23);
      const sign = off < 0 ? '-' : '+';
      const a = Math.abs(off);
      return `${local}${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
    };
    const lines = shuffle([...events], 3).map((e) => `${e.customer},${e.event},${iso(e.time)},${e.properties!.channel},${e.properties!.plan ?? ''}`);
    const r = await imported(enc(`customer_id,event_name,timestamp,channel,plan\n${lines.join('\n')}\n`), { fileName: 'log.csv', maxRows: 3000 });
    expect(r.duplicates).toBe(known.duplicates);
    expect(r.imported).toBe(events.length - known.duplicates);
    expect(r.chunks.length).toBeGreaterThan(1);
    const f = analyseJourney(r.log, generatedStages);
    expect(f.stages.map((s) => s.reachStrict)).toEqual(known.reachStrict);
    expect(f.stages.map((s) => s.reachAny)).toEqual(known.reachAny);
    expect(f).toEqual({ ...referenceAnalyse(events, generatedStages), duplicates: 0 });
  });

  test('a quote-free file (fast path) and the same file with a quoted header (general parser) import identically, CRLF too', async () => {
    const body = ['a,visit,2024-03-05T10:00:00Z,web', 'a,buy,2024-03-05 11:00,', 'b,visit,1709632800,app', 'b,visit,03/05/2024 10:00,'];
    const fast = await imported(enc(`customer_id,event,timestamp,channel\r\n${body.join('\r\n')}\r\n`), { fileName: 'a.csv', timeZone: 'Europe/Paris' });
    const general = await imported(enc(`"customer_id",event,timestamp,channel\n${body.join('\n')}\n`), { fileName: 'b.csv', timeZone: 'Europe/Paris' });
    expect(eventsOf(fast.log)).toEqual(eventsOf(general.log));
    expect(eventsOf(fast.log).map((e) => e.time)).toEqual([Date.UTC(2024, 2, 5, 10), Date.UTC(2024, 2, 5, 10), Date.UTC(2024, 2, 5, 9), Date.UTC(2024, 2, 5, 10)]);
  });

  test('chunks are cut by size as well as rows, and decode back to the same events', async () => {
    const lines = Array.from({ length: 3000 }, (_, i) => `${'c'.repeat(180)}${i},event_${i % 7},2024-03-05T10:${String(i % 60).padStart(2, '0')}:00Z,${i % 2 ? 'web' : ''}`);
    const r = await imported(enc(`customer_id,event,timestamp,channel\n${lines.join('\n')}\n`), { fileName: 'big.csv', maxBytes: 100_000 });
    expect(r.chunks.length).toBeGreaterThan(5);
    for (const c of r.chunks) expect(JSON.stringify(c.data).length).toBeLessThan(100_000 + 1000);
    expect(r.log.length).toBe(3000);
    const events = eventsOf(r.log);
    expect(events.filter((e) => e.properties!.channel === 'web')).toHaveLength(1500);
    expect(new Set(events.map((e) => e.customer)).size).toBe(3000);
  });

  test('a second wave appends only events not already imported, by (customer, event, time)', async () => {
    const head = 'customer_id,event,timestamp\n';
    const first = await imported(enc(`${head}a,visit,2024-03-05T10:00:00Z\na,buy,2024-03-05T11:00:00Z\n`), { fileName: 'w1.csv' });
    const r = await importEvents(enc(`${head}a,buy,2024-03-05T12:00:00+01:00\na,buy,2024-03-05T11:30:00Z\nb,visit,2024-03-05T10:00:00Z\nb,visit,2024-03-05T10:00:00Z\n`), {
      fileName: 'w2.csv', now: 1_700_000_100_000, append: { header: first.header, log: first.log },
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data).toMatchObject({ imported: 2, duplicates: 2 });
    expect(r.data.header).toMatchObject({ datasetId: 'ev', rowCount: 4, chunkCount: 2 });
    expect(r.data.header.waves.map((w) => w.rows)).toEqual([2, 2]);
    expect(r.data.chunks[0]!.chunkIndex).toBe(1);
    const all = decodeEvents([{ header: r.data.header, chunks: [...first.chunks, ...r.data.chunks] }]);
    expect(eventsOf(all).map((e) => `${e.customer} ${e.event} ${new Date(e.time).toISOString()}`)).toEqual([
      'a visit 2024-03-05T10:00:00.000Z', 'a buy 2024-03-05T11:00:00.000Z', 'a buy 2024-03-05T11:30:00.000Z', 'b visit 2024-03-05T10:00:00.000Z',
    ]);
  });

  test('bad rows are rejected with row and reason; the rest import and the counts say so', async () => {
    const r = await importEvents(enc('user_id,event,time\na,visit,2024-03-05\n,visit,2024-03-05\nb,,2024-03-05\nc,visit,yesterday\nd,visit,2024-02-30\ne,visit,12\n'), { fileName: 'x.csv' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.imported).toBe(1);
    expect(r.data.rejectedCount).toBe(5);
    expect(r.data.rejected.map((x) => [x.row, x.column])).toEqual([[3, 'customer'], [4, 'event'], [5, 'time'], [6, 'time'], [7, 'time']]);
    expect(r.data.rejected[2]!.reason).toMatch(/yesterday/);
  });

  test('files that cannot be read whole are refused with a message and no documents', async () => {
    const cases: [Uint8Array, string, RegExp][] = [
      [enc('user_id,event,time\na,visit,2024-03-05\nb,"visit,2024-03-05\nc,visit,2024-03-05\n'), 'q.csv', /row 3.*never closed.*Nothing was imported/],
      [enc('name,score\nAda,3\n'), 'survey.csv', /does not look like an event log.*"name", "score"/],
      [enc('{"event":"a","properties":{"distinct_id":"u","time":1709632800}}\n{"event":"b",\n'), 'x.jsonl', /Line 2 is not valid JSON/],
      [enc('[1,2]\n'), 'x.jsonl', /Line 1 is not a JSON object/],
      [new Uint8Array([0x00, 0x01, 0x02, 0x00, 0x9f, 0x00]), 'x.bin', /binary/],
      [enc(''), 'empty.csv', /empty/],
    ];
    for (const [bytes, name, message] of cases) {
      const r = await importEvents(bytes, { fileName: name });
      expect(r.ok, name).toBe(false);
      if (!r.ok) expect(r.message, name).toMatch(message);
    }
  });
});
