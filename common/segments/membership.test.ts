import { describe, expect, it } from 'vitest';
import { tableDays } from '../analytics/daily';
import type { Rule } from '../analytics/rules';
import type { Table } from '../analytics/table';
import { countMembers, memberMask, memberTable, overlapMatrix, sizeOverTime, vennRegions } from './membership';
import { effectiveSegment, segmentFromPersona, validateSegment, type SegmentDoc } from './segment';

const day = (d: number) => Date.UTC(2026, 0, d, 12);
// Six respondents over three days: ages, a city and a multi answer.
const table: Table = {
  rowCount: 6,
  columns: new Map([
    ['id', { type: 'id', values: ['r1', 'r2', 'r3', 'r4', 'r5', null] }],
    ['age', { type: 'number', values: Float64Array.from([25, 30, 45, 60, 33, Number.NaN]) }],
    ['city', { type: 'category', dict: ['London', 'Leeds'], codes: Int32Array.from([0, 0, 1, 1, 0, -1]) }],
    ['submittedAt', { type: 'date', values: Float64Array.from([day(1), day(1), day(2), day(3), day(3), Number.NaN]) }],
  ]),
  datasetIds: ['d'], datasetOfRow: new Uint16Array(6), waveIds: ['w'], waveOfRow: new Uint32Array(6),
};
const young: Rule[] = [{ id: 'a', kind: 'range', column: 'age', min: 20, max: 35 }];
const london: Rule[] = [{ id: 'b', kind: 'oneOf', column: 'city', values: ['London'] }];
const leeds: Rule[] = [{ id: 'c', kind: 'oneOf', column: 'city', values: ['Leeds'] }];

describe('segment membership', () => {
  it('counts members, overlaps and Venn regions by hand', () => {
    const masks = [memberMask(table, young, [], 'strong'), memberMask(table, london, [], 'strong'), memberMask(table, leeds, [], 'strong')];
    expect(masks.map((m) => Array.from(m))).toEqual([[1, 1, 0, 0, 1, 0], [1, 1, 0, 0, 1, 0], [0, 0, 1, 1, 0, 0]]);
    expect(masks.map(countMembers)).toEqual([3, 3, 2]);
    expect(overlapMatrix(masks)).toEqual([[3, 3, 0], [3, 3, 0], [0, 0, 2]]);
    // Regions by bit set: young only 0, london only 0, both 3, leeds only 2, nothing else.
    expect(vennRegions(masks)).toEqual([
      { sets: 1, count: 0 }, { sets: 2, count: 0 }, { sets: 3, count: 3 }, { sets: 4, count: 2 },
      { sets: 5, count: 0 }, { sets: 6, count: 0 }, { sets: 7, count: 0 },
    ]);
    expect(() => vennRegions([masks[0]!])).toThrow(/2 or 3/);
  });

  it('grows by response day and leaves undated rows out', () => {
    const mask = memberMask(table, london, [], 'strong');
    expect(sizeOverTime(mask, tableDays(table, { timeZone: 'UTC' }))).toEqual([
      { day: '2026-01-01', size: 2 }, { day: '2026-01-02', size: 2 }, { day: '2026-01-03', size: 3 },
    ]);
  });

  it('exports members with the chosen columns, empty cells for missing answers', () => {
    const keys = ['r1', 'r2', 'r3', 'r4', 'r5', 'row 6'];
    const t = memberTable(table, memberMask(table, leeds, [], 'strong'), keys, ['city', 'age']);
    expect(t).toEqual({ header: ['respondent', 'city', 'age'], rows: [['r3', 'Leeds', '45'], ['r4', 'Leeds', '60']] });
  });

  it('respects the match level: covered takes half-matching respondents too', () => {
    const both = [...young, ...leeds];
    expect(countMembers(memberMask(table, both, [], 'strong'))).toBe(0);
    expect(countMembers(memberMask(table, both, [], 'covered'))).toBe(5);
  });
});

describe('segment documents', () => {
  const persona = { id: 'p1', name: 'Ana', rules: london, datasetIds: [] };
  it('refuses bad input with a message', () => {
    const base = segmentFromPersona(persona, 'Londoners', 'strong', 's1', 1);
    expect(base.ok).toBe(true);
    const seg = (base as { data: SegmentDoc }).data;
    const bad: [Partial<SegmentDoc>, RegExp][] = [
      [{ name: '  ' }, /name/], [{ name: 'x'.repeat(121) }, /at most 120/], [{ rules: [] }, /no rules/],
      [{ rules: [{ id: 'a', kind: 'range', column: 'age', min: 5, max: 1 } as Rule] }, /not valid/],
      [{ match: 'weak' as never }, /strong/], [{ id: 'a b' }, /id/], [{ personaId: '' }, /persona/],
    ];
    for (const [change, message] of bad) {
      const r = validateSegment({ ...seg, ...change });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toMatch(message);
    }
    expect(segmentFromPersona({ ...persona, rules: [] }, 'X', 'strong', 's2', 1)).toMatchObject({ ok: false, message: expect.stringMatching(/no rules/) });
  });

  it('follows its persona’s rules, and keeps its own when the persona is deleted', () => {
    const seg = (segmentFromPersona(persona, 'Londoners', 'strong', 's1', 1) as { data: SegmentDoc }).data;
    expect(effectiveSegment(seg, [{ ...persona, rules: leeds }])).toMatchObject({ rules: leeds, notice: null });
    const orphan = effectiveSegment(seg, []);
    expect(orphan.rules).toEqual(london);
    expect(orphan.notice).toEqual({ code: 'personaDeleted', persona: 'Persona Ana' });
    expect(effectiveSegment(seg, [{ ...persona, rules: [] }]).notice).toEqual({ code: 'noValidRules', persona: persona.name });
  });
});

describe('member export', async () => {
  const { checkMemberExport, memberFile, membersCsv } = await import('./memberExport');
  it('quotes CSV cells and defuses formulas', () => {
    expect(membersCsv({ header: ['respondent', 'note'], rows: [['r1', 'a, "b"'], ['r2', '=SUM(A1)']] }))
      .toBe('respondent,note\r\nr1,"a, ""b"""\r\nr2,\'=SUM(A1)\r\n');
  });
  it('refuses an empty or over-limit export with a message', () => {
    expect(checkMemberExport(0, 2, 'csv')).toMatchObject({ ok: false, message: expect.stringMatching(/no members/) });
    expect(checkMemberExport(5, 61, 'csv')).toMatchObject({ ok: false, message: expect.stringMatching(/at most 60 columns/) });
    expect(checkMemberExport(2_000_000, 1, 'xlsx')).toMatchObject({ ok: false, message: expect.stringMatching(/export CSV instead/) });
    expect(checkMemberExport(2_000_000, 1, 'csv')).toEqual({ ok: true, data: null });
  });
  it('writes a workbook that reads back', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await memberFile({ header: ['respondent', 'city'], rows: [['r3', 'Leeds']] }, 'xlsx')).buffer as ArrayBuffer);
    const ws = wb.getWorksheet('Members')!;
    expect(ws.getRow(2).values).toEqual([undefined, 'r3', 'Leeds']);
  });
});
