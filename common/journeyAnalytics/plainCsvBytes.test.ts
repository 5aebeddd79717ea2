import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { importEvents, importEventsAsText, type EventImportOptions } from './eventImport';
import { fastIsoTime } from './plainCsv';
import { integerFromBytes, isoTimeFromBytes } from './plainCsvBytes';

const encode = (s: string) => new TextEncoder().encode(s);
const at = (s: string) => { const b = encode(s); return isoTimeFromBytes(b, 0, b.length); };

describe('quote-free CSV read from its bytes', () => {
  test('ISO times read from the digits equal the string path\'s reading, or step aside for it', () => {
    const pad = (n: number, w = 2) => String(n).padStart(w, '0');
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 24 }),
      fc.integer({ min: 0, max: 60 }), fc.option(fc.integer({ min: 0, max: 60 })), fc.option(fc.stringMatching(/^\d{1,4}$/)),
      fc.constantFrom('Z', '+01:00', '-05:30', '+14:00', '-00:00', '+24:00', 'z', ''),
      (y, mo, d, h, mi, s, frac, zone) => {
        const text = `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}${s === null ? '' : `:${pad(s)}${frac === null ? '' : `.${frac}`}`}${zone}`;
        const fast = at(text);
        // Where the byte reader gives a time it is the string path's; where it does not, the string path decides.
        if (!Number.isNaN(fast)) expect(fast, text).toBe(fastIsoTime(text));
        else if (mo >= 1 && mo <= 12 && d >= 1 && d <= 28 && h <= 23 && mi <= 59 && (s ?? 0) <= 59 && (frac ?? '1').length <= 3 && ['Z', '+01:00', '-05:30', '+14:00', '-00:00'].includes(zone)) {
          throw new Error(`${text} should have been read from its bytes`);
        }
      },
    ), { numRuns: 3000 });
    expect(at('2024-03-05T10:00:00.123+01:00')).toBe(Date.UTC(2024, 2, 5, 9, 0, 0, 123));
    expect(at('2024-02-29T00:00Z')).toBe(Date.UTC(2024, 1, 29));
    for (const odd of ['2023-02-29T00:00:00Z', '2024-03-05 10:00:00Z', '2024-03-05T10:00:00', '2024-03-05T10:00:00.Z', ' 2024-03-05T10:00:00Z', '2024-03-05T24:00:00Z']) expect(at(odd), odd).toBeNaN();
    const n = (s: string) => { const b = encode(s); return integerFromBytes(b, 0, b.length); };
    expect([n('1709280000'), n('1709280000123456'), n(''), n('-1'), n('1.5'), n('12345678901234567')]).toEqual([1709280000, 1709280000123456, NaN, NaN, NaN, NaN]);
  });

  test('a messy file imports from its bytes exactly as on the string path: rows, rejections, times and values', async () => {
    const long = 'x'.repeat(201);
    const lines = [
      'customer_id,user_id,event,timestamp,channel,plan',
      'c1,,signup, 2024-03-01T09:00:00Z ,web,free', // spaces around the time: read the slow way
      ' c1 ,, signup ,2024-03-01T09:00:00Z, web ,free', // the same event once trimmed: a duplicate
      ',u2,visit,1709283600,app,', // the second id column, Unix seconds, empty plan
      'c3,,visit,1709283600123,app', // milliseconds, row shorter than the header
      'c4,,visit,1709283600123456,app,pro,extra,fields', // microseconds, extra fields
      'c5,,visit,2024-03-01 10:00,web,pro', // no zone: the import's zone
      'c6,,visit,yesterday,web,pro', // not a time
      ',,visit,2024-03-01T09:00:00Z,web,pro', // no customer
      'c7,,,2024-03-01T09:00:00Z,web,pro', // no event
      `c8,,${long},2024-03-01T09:00:00Z,web,pro`, // event name too long
      `${long},,visit,2024-03-01T09:00:00Z,web,pro`, // customer id too long
      `c9,,visit,2024-03-01T09:00:00+05:30,web,${long}`, // property value cut to 200
      '',
      '   ',
      'c10,,visit,2024-13-01T09:00:00Z,web,pro', // month 13: the string path's answer
      'c11,,ouvert_é,2024-03-01T09:00:00.5-03:00,日本,pro',
      'c12\u00a0,,visit,2024-03-01T09:00:00Z,web,pro', // a no-break space is trimmed as on the string path
    ];
    for (const eol of ['\n', '\r\n']) {
      const bytes = encode(`${lines.join(eol)}${eol}`);
      const options: EventImportOptions = { fileName: 'e.csv', now: 1, datasetId: 'x', timeZone: 'Europe/Paris' };
      const fromBytes = await importEvents(bytes, options);
      const asText = await importEventsAsText(bytes, options);
      expect(fromBytes.ok && asText.ok).toBe(true);
      if (!fromBytes.ok || !asText.ok) return;
      expect(fromBytes.data.chunks.map((c) => c.data)).toEqual(asText.data.chunks.map((c) => c.data));
      expect(fromBytes.data.rejected).toEqual(asText.data.rejected);
      expect(fromBytes.data.rejected.map((r) => r.row)).toEqual([8, 9, 10, 11, 12, 15]);
      expect([fromBytes.data.imported, fromBytes.data.duplicates]).toEqual([asText.data.imported, asText.data.duplicates]);
      expect(fromBytes.data.duplicates).toBe(1);
    }
  });

  test('a value that is not UTF-8 past the sniffed head sends the whole file back to the string path (Windows-1252)', async () => {
    const rows: string[] = ['customer,event,time'];
    for (let i = 0, size = 0; size < (1 << 20) + 1000; i++) { rows.push(`c${i},visit,2024-03-01T09:00:00Z`); size += rows[rows.length - 1]!.length + 1; }
    const bytes = new Uint8Array([...encode(`${rows.join('\n')}\nlast,caf`), 0xe9, ...encode(',2024-03-01T09:00:00Z\n')]);
    const res = await importEvents(bytes, { fileName: 'e.csv', now: 1, datasetId: 'x' });
    const asText = await importEventsAsText(bytes, { fileName: 'e.csv', now: 1, datasetId: 'x' });
    expect(res.ok && asText.ok).toBe(true);
    if (res.ok && asText.ok) {
      expect(JSON.stringify(res.data.chunks.map((c) => c.data))).toContain('café');
      expect(res.data.chunks.map((c) => c.data)).toEqual(asText.data.chunks.map((c) => c.data));
    }
  });

  test('cancelling stops the read and saves nothing', async () => {
    const rows = ['customer,event,time'];
    for (let i = 0; i < 400_000; i++) rows.push(`c${i % 5000},visit,2024-03-01T09:00:00Z`);
    const controller = new AbortController();
    const res = await importEvents(encode(rows.join('\n')), { fileName: 'e.csv', signal: controller.signal, onProgress: () => controller.abort() });
    expect(res).toMatchObject({ ok: false, code: 'cancelled' });
  });
});
