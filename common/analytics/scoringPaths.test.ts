/**
 * The scoring engine takes different paths by column shape: one byte per row for categories of up
 * to 255 values, numbers of up to 255 distinct values and multi-value columns of up to 8 values;
 * wider columns keep their own kernels. Day figures count every row without branches, with extra
 * slots for rows out of scope or undated. Each path must give exactly what the plain per-row
 * algorithm gives.
 */
import { describe, expect, test } from 'vitest';
import { tableFromRecords } from '../import/records';
import { analyse } from './analyse';
import { dailyFigures, tableDays } from './daily';
import { dayName } from './days';
import { atLeastPercent, coveredPercent } from './fraction';
import { numeratorAt } from './kernels';
import { referenceScore, type PlainResponse } from './reference';
import type { Rule } from './rules';

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
}

describe('byte columns and wide columns score like the reference', () => {
  const rnd = prng(3);
  const pick = (n: number) => Math.floor(rnd() * n);
  const narrowTags = Array.from({ length: 8 }, (_, i) => `t${i}`);
  const midTags = Array.from({ length: 20 }, (_, i) => `m${i}`);
  const wideTags = Array.from({ length: 40 }, (_, i) => `w${i}`);
  const some = (list: string[]) => { const k = pick(3); return k === 0 ? null : Array.from(new Set(Array.from({ length: k }, () => list[pick(list.length)]!))); };
  const rows = Array.from({ length: 1500 }, () => ({
    few: rnd() < 0.05 ? null : pick(60), // ≤ 255 distinct: a byte column
    many: rnd() < 0.05 ? null : pick(1000) / 4, // hundreds of distinct values: the plain kernel
    city: rnd() < 0.05 ? null : `c${pick(12)}`,
    town: rnd() < 0.05 ? null : `town ${pick(400)}`, // > 255 values
    narrow: some(narrowTags), mid: some(midTags), wide: some(wideTags),
  }));
  const columns = [
    { key: 'few', type: 'number' }, { key: 'many', type: 'number' }, { key: 'city', type: 'category' }, { key: 'town', type: 'category' },
    { key: 'narrow', type: 'multi' }, { key: 'mid', type: 'multi' }, { key: 'wide', type: 'multi' },
  ] as const;
  const table = tableFromRecords(rows, columns);
  const personas = Array.from({ length: 6 }, (_, p) => {
    const lo = pick(40);
    const rules: Rule[] = [
      { id: 'few', column: 'few', kind: 'range', min: lo, max: lo + 15 },
      { id: 'many', column: 'many', kind: 'range', min: lo * 3, max: lo * 3 + 80.25 },
      { id: 'city', column: 'city', kind: 'oneOf', values: [`c${pick(12)}`, `C${pick(12)} `] },
      { id: 'town', column: 'town', kind: 'oneOf', values: [`town ${pick(400)}`, `town ${pick(400)}`, `town ${pick(400)}`] },
      { id: 'narrow', column: 'narrow', kind: 'overlap', values: [narrowTags[pick(8)]!, narrowTags[pick(8)]!] },
      { id: 'mid', column: 'mid', kind: 'overlap', values: [midTags[pick(20)]!] },
      { id: 'wide', column: 'wide', kind: 'overlap', values: [wideTags[pick(40)]!, wideTags[pick(40)]!] },
      // Rules past eight make a second group and summed codes.
      ...(p % 2 === 0 ? [{ id: 'few2', column: 'few', kind: 'range', min: 30, weight: 2.5 } as Rule, { id: 'city2', column: 'city', kind: 'oneOf', values: ['c1'] } as Rule] : []),
    ];
    return { id: `p${p}`, name: `P${p}`, rules: rules.slice(0, 4 + p) };
  });

  test('every row of every persona', () => {
    const result = analyse(table, personas);
    result.personas.forEach((pa, p) => {
      rows.forEach((row, i) => {
        const ref = referenceScore(personas[p]!.rules, row as PlainResponse);
        expect([numeratorAt(pa.scores, i), pa.scores.denominator], `persona ${p}, row ${i}`).toEqual([ref.matched, ref.total]);
      });
    });
    // The best persona: strictly the best score, the first on ties, none when all score 0.
    rows.forEach((row, i) => {
      const scores = personas.map((persona) => { const r = referenceScore(persona.rules, row as PlainResponse); return r.total > 0 ? r.matched / r.total : 0; });
      const top = Math.max(...scores);
      expect(result.bestPersona[i], `row ${i}`).toBe(top > 0 ? scores.indexOf(top) : -1);
    });
  });
});

describe('personas scored four at a time in 32-bit lanes score like the reference', () => {
  const rnd = prng(9);
  const pick = (n: number) => Math.floor(rnd() * n);
  const tags = Array.from({ length: 8 }, (_, i) => `t${i}`);
  // More rows than one block of lanes (16,384), so a block boundary and a short last block are crossed.
  const rows = Array.from({ length: 17_000 }, () => ({
    age: rnd() < 0.05 ? null : 18 + pick(60), city: rnd() < 0.05 ? null : `c${pick(12)}`,
    nps: rnd() < 0.05 ? null : pick(11), tags: rnd() < 0.1 ? null : Array.from(new Set([tags[pick(8)]!, tags[pick(8)]!])),
    town: `town ${pick(400)}`,
  }));
  const table = tableFromRecords(rows, [
    { key: 'age', type: 'number' }, { key: 'city', type: 'category' }, { key: 'nps', type: 'number' }, { key: 'tags', type: 'multi' }, { key: 'town', type: 'category' },
  ]);
  const ruleOf = (k: number, p: number): Rule => {
    const id = `r${k}`;
    switch (pick(6)) {
      case 0: return { id, column: 'age', kind: 'range', min: 18 + pick(40), max: 30 + pick(40), weight: 1 + pick(3) };
      case 1: return { id, column: 'city', kind: 'oneOf', values: [`c${pick(12)}`, ` C${pick(12)}`] };
      case 2: return { id, column: 'nps', kind: 'range', min: pick(11), weight: 0.25 * (1 + pick(8)) };
      case 3: return { id, column: 'tags', kind: 'overlap', values: [tags[pick(8)]!] };
      // A column the data lacks: the rule never matches, still counted in the total.
      case 4: return { id, column: 'absent', kind: 'oneOf', values: ['x'] };
      default: return p % 5 === 4 ? { id, column: 'town', kind: 'oneOf', values: [`town ${pick(400)}`] } : { id, column: 'city', kind: 'oneOf', values: ['c1'] };
    }
  };
  // 1 to 8 rules, up to ten rules (two groups: not laned), and some on a wide column (not laned):
  // laned personas sit between the others, in groups of four and a shorter last group.
  const personas = Array.from({ length: 11 }, (_, p) => ({
    id: `p${p}`, name: `P${p}`, rules: Array.from({ length: p === 7 ? 10 : 1 + (p % 8) }, (_, k) => ruleOf(k, p)),
  }));

  test('every row of every persona, and the best persona', () => {
    const result = analyse(table, personas);
    result.personas.forEach((pa, p) => {
      rows.forEach((row, i) => {
        const ref = referenceScore(personas[p]!.rules, row as PlainResponse);
        if (numeratorAt(pa.scores, i) !== ref.matched || pa.scores.denominator !== ref.total) {
          expect([numeratorAt(pa.scores, i), pa.scores.denominator], `persona ${p}, row ${i}`).toEqual([ref.matched, ref.total]);
        }
      });
    });
    rows.forEach((row, i) => {
      const scores = personas.map((persona) => { const r = referenceScore(persona.rules, row as PlainResponse); return r.total > 0 ? r.matched / r.total : 0; });
      const top = Math.max(...scores);
      if (result.bestPersona[i] !== (top > 0 ? scores.indexOf(top) : -1)) expect(result.bestPersona[i], `row ${i}`).toBe(top > 0 ? scores.indexOf(top) : -1);
    });
  });
});

test('day figures equal plain per-row sums, with undated rows, a date range and NPS answers that are not whole', () => {
  const rnd = prng(5);
  const pick = (n: number) => Math.floor(rnd() * n);
  const day0 = Date.UTC(2024, 2, 1);
  const odd = [7.5, 11, -1, 2.5];
  const rows = Array.from({ length: 3000 }, (_, i) => ({
    respondentId: `r${i}`, submittedAt: rnd() < 0.05 ? null : day0 + pick(30) * 86_400_000 + pick(86_400_000),
    age: pick(60), nps: i === 17 ? 7.5 : rnd() < 0.05 ? odd[pick(odd.length)]! : rnd() < 0.05 ? null : pick(11),
    satisfaction: rnd() < 0.05 ? 3.5 : 1 + pick(5), trust: 1 + pick(5), effort: rnd() < 0.05 ? null : 1 + pick(7),
  }));
  const columns = ['age', 'nps', 'satisfaction', 'trust', 'effort'].map((key) => ({ key, type: 'number' as const }));
  const table = tableFromRecords(rows, [{ key: 'respondentId', type: 'id' }, { key: 'submittedAt', type: 'date' }, ...columns]);
  const rules: Rule[] = [{ id: 'age', column: 'age', kind: 'range', min: 20, max: 45 }, { id: 'nps', column: 'nps', kind: 'range', min: 6 }];
  const from = day0 + 3 * 86_400_000, to = day0 + 25 * 86_400_000;
  const days = tableDays(table, { timeZone: 'UTC' });
  // Without the day index the day figures count on their own; with it, the analysis counts codes by
  // day in its pass and the day figures visit only the covered rows. Both must give the same.
  for (const options of [{}, { from, to }, { days }, { from, to, days }]) {
    const [persona] = analyse(table, [{ id: 'p', name: 'P', rules }], options).personas;
    expect(persona!.byDay !== undefined).toBe('days' in options);
    const expected = new Map<string, { responses: number; covered: number; nps: number[]; sat: number[]; effort: number[] }>();
    rows.forEach((row, i) => {
      if (row.submittedAt === null || persona!.inScope[i] === 0) return;
      const day = dayName(Math.floor(row.submittedAt / 86_400_000));
      const e = expected.get(day) ?? { responses: 0, covered: 0, nps: [], sat: [], effort: [] };
      expected.set(day, e);
      e.responses += 1;
      if (!atLeastPercent(numeratorAt(persona!.scores, i), persona!.scores.denominator, coveredPercent)) return;
      e.covered += 1;
      if (row.nps !== null && row.nps >= 0 && row.nps <= 10) e.nps.push(row.nps);
      e.sat.push(row.satisfaction);
      if (row.effort !== null) e.effort.push(row.effort);
    });
    const figures = dailyFigures(table, persona!, days);
    expect(figures.map((f) => f.day)).toEqual([...expected.keys()].sort());
    const { byDay: _, ...alone } = persona!;
    expect(dailyFigures(table, alone, days), 'the same without the per-day histograms').toEqual(figures);
    for (const f of figures) {
      const e = expected.get(f.day)!;
      // Sums in row order, as the engine sums answers that are not whole numbers.
      const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
      expect([f.responses, f.metrics.responses], f.day).toEqual([e.responses, e.covered]);
      expect(f.metrics.nps, f.day).toEqual({
        n: e.nps.length, sum: sum(e.nps), sq: sum(e.nps.map((v) => v * v)),
        promoters: e.nps.filter((v) => v >= 9).length, passives: e.nps.filter((v) => v > 6 && v < 9).length, detractors: e.nps.filter((v) => v <= 6).length,
      });
      expect([f.metrics.satisfaction.n, f.metrics.satisfaction.sum, f.metrics.satisfaction.top2], f.day).toEqual([e.sat.length, sum(e.sat), e.sat.filter((v) => v >= 4 && v <= 5 && Number.isInteger(v)).length]);
      expect([f.metrics.effort.n, f.metrics.effort.sum, f.metrics.effort.sq], f.day).toEqual([e.effort.length, sum(e.effort), sum(e.effort.map((v) => v * v))]);
    }
  }
  // The summaries read the histogram of codes in scope: summed from the days, it is the same.
  for (const range of [{}, { from, to }]) {
    const summary = (options: object) => {
      const p = analyse(table, [{ id: 'p', name: 'P', rules }], options).personas[0]!;
      return [p.scored, p.averagePercent, p.best, p.distribution, p.coverage, p.top, p.coverBits];
    };
    expect(summary({ ...range, days })).toEqual(summary(range));
  }
});
