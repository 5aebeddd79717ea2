import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { exportText } from '../i18n/exportText';
import { buildAnalyticsPdf, rangeLabel } from './analyticsPdf';
import { fallbacksFor } from './fonts';
import { prepareAnalytics } from './analyticsReport';
import { sampleAnalyticsTable, sampleExportInput, sampleSnapshot, smallFixtureTable } from './analyticsSample';

const fonts = {
  regular: readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
};
const dir = mkdtempSync(join(tmpdir(), 'cx-apdf-'));
function pdfText(bytes: Uint8Array, name = 'out.pdf'): string {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', file, '-']).toString('utf8').normalize('NFKC');
}
const squash = (s: string) => s.replace(/\s+/g, ' ');
const smallInput = (overrides = {}) => sampleExportInput({ datasets: [{ id: 'ds-small', name: 'Small survey' }], ...overrides });

describe('analytics PDF', () => {
  test('prints title, dataset, date range, KPIs, personas and the hand-computed figures as text', () => {
    const { report } = prepareAnalytics(smallFixtureTable(), smallInput({ title: 'Q4 persona report' }));
    const text = squash(pdfText(buildAnalyticsPdf(report, { fonts })));
    for (const want of ['Q4 persona report', 'Datasets: Small survey', 'Date range: All responses (UTC)', 'Personas compared', 'Maya Chen', 'Omar Haddad',
      'Covered by a persona', '83.3%', 'No persona covers', '16.7%', 'Match distribution', 'Coverage (responses scoring ≥ 50)', '4 of 6', 'Overlap', 'Top matches']) {
      expect(text).toContain(want);
    }
    // Maya: average 66.7%, coverage 66.7%, NPS +75 of r1, r2, r5, r6; r1 and r2 score 100% and match every rule.
    expect(text).toMatch(/Maya Chen 6 66\.7% 66\.7% 2 4 \+75/); // best for 4: a row she leads below 50 is nobody's
    expect(text).toMatch(/r1 100\.0% strong age 25–40; location is one of: London, Leeds; goals contains any of: save time r2/);
    expect(text).toContain('Page 3 of 3');
  });

  test('a persona named in Japanese prints with the fallback font the report text asks for', () => {
    const input = smallInput();
    input.personas[0]!.name = '田中 花子';
    const { report } = prepareAnalytics(smallFixtureTable(), input);
    // What the export worker does: the report's own text chooses the fallback fonts to load.
    const wanted = fallbacksFor(JSON.stringify(report));
    expect(wanted).toEqual(['cjk']);
    const jp = { name: 'cjk', regular: readFileSync('node_modules/@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf') };
    expect(pdfText(buildAnalyticsPdf(report, { fonts: { ...fonts, fallbacks: [jp] } }))).toContain('田中 花子');
  });

  test('a date range and Unicode persona names print as real text', () => {
    const input = smallInput({ range: { from: '2026-11-02', to: '2026-11-03' }, from: Date.parse('2026-11-02T00:00:00Z'), to: Date.parse('2026-11-03T23:59:59Z') });
    input.personas[0]!.name = 'Анна Петрова';
    input.personas[1]!.name = 'مريم الحسن';
    const text = pdfText(buildAnalyticsPdf(prepareAnalytics(smallFixtureTable(), input).report, { fonts }));
    // Days print as the language writes a date (issue 18): English "Nov 2, 2026".
    expect(text).toContain('Nov 2, 2026 – Nov 3, 2026');
    expect(text).toContain('Анна Петрова');
    expect(text.replace(/[\u200e\u200f\u202a-\u202e]/g, '')).toMatch(/مريم الحسن|ﻣﺮﻳﻢ/);
  });

  test('evolution from snapshots draws a chart section; many personas list overlap as pairs', () => {
    const input = sampleExportInput();
    input.personas[0]!.snapshots = ['2025-03-01', '2025-03-02', '2025-03-03'].map((d, i) => sampleSnapshot('p-maya', d, 10 + i, 20));
    for (let i = 0; i < 8; i++) input.personas.push({ id: `px${i}`, name: `Extra persona ${i}`, rules: [{ id: 'a', kind: 'range', column: 'age', min: 20 + i * 5 }] });
    const text = squash(pdfText(buildAnalyticsPdf(prepareAnalytics(sampleAnalyticsTable(300), input).report, { fonts })));
    expect(text).toContain('Evolution: average match % per day');
    expect(text).toContain('and persona');
    expect(text).toContain('Extra persona 7');
  });

  test('the range label names open ends', () => {
    expect(rangeLabel({ from: null, to: null })).toBe('All responses');
    expect(rangeLabel({ from: '2025-01-01', to: null })).toBe('Jan 1, 2025 – last response');
    expect(rangeLabel({ from: '2025-01-01', to: null }, exportText('de'))).toBe('01.01.2025 – letzte Antwort');
  });
});

describe('analytics PDF layout with 5,000 responses', () => {
  const { report } = prepareAnalytics(sampleAnalyticsTable(5000), sampleExportInput());
  const pages = pdfText(buildAnalyticsPdf(report, { fonts }), 'big.pdf').split('\f').map(squash).filter((p) => p.trim() !== '');

  test('a table never starts a page without its heading and whose it is', () => {
    for (const [i, page] of pages.entries()) {
      for (const header of ['Respondent Score Match Matched rules', 'Rule Weight Note']) {
        if (!page.includes(header)) continue;
        const owner = report.personas.find((p) => page.includes(p.name));
        expect(owner, `page ${i + 1} has a table with no persona name`).toBeDefined();
        expect(page, `page ${i + 1}`).toMatch(header.startsWith('Respondent') ? /Top matches/ : /Rules/);
      }
    }
    // All ten top matches of each persona are printed.
    for (const p of report.personas) for (const t of p.top) expect(pages.join(' ')).toContain(`${t.respondentId} `);
  });

  test('"Best for" counts only responses a persona covers, so it sums to the covered responses', () => {
    const best = report.personas.map((p) => p.bestCount);
    expect(best.reduce((a, b) => a + b, 0)).toBe(report.covered);
    report.personas.forEach((p, i) => expect(best[i]).toBeLessThanOrEqual(p.coverage.covered));
    const fmt = (n: number) => n.toLocaleString('en-US');
    for (const p of report.personas) expect(pages[0]).toMatch(new RegExp(`${p.name} 5,000 \\S+ \\S+ ${fmt(p.distribution.strong)} ${fmt(p.bestCount)} `));
  });

  test('counts carry thousands separators everywhere', () => {
    const all = pages.join(' ');
    const maya = report.personas[0]!.distribution;
    const fmt = (n: number) => n.toLocaleString('en-US');
    expect(maya.weak).toBeGreaterThan(999);
    expect(all).toContain(`${fmt(maya.strong)} / ${fmt(maya.moderate)} / ${fmt(maya.weak)}`);
    expect(all).toContain(`Weak (< 50): ${fmt(maya.weak)}`);
    // The year of the generation date is the one long number that is no count.
    expect(all.replace(/Generated [^(]*\(/, '')).not.toMatch(/\b\d{4,}\b(?!-\d)/);
  });

  test('a single persona gets no overlap table', () => {
    const input = sampleExportInput();
    input.personas = input.personas.slice(0, 1);
    const text = squash(pdfText(buildAnalyticsPdf(prepareAnalytics(sampleAnalyticsTable(50), input).report, { fonts }), 'one.pdf'));
    expect(text).toContain('Personas compared');
    expect(text).not.toContain('Overlap');
  });

  test('says "1 response", rounds NPS as the screen does, and lists no 0 % rows among top matches', () => {
    const { report } = prepareAnalytics(smallFixtureTable(), smallInput());
    const maya = report.personas[0]!;
    const first = maya.top[0]!;
    const one = {
      ...report,
      covered: 1,
      uncovered: 1,
      personas: [{ ...maya, live: { ...maya.live, nps: 100 / 3, responses: 1, promoters: 1, detractors: 0 },
        top: [first, { ...first, respondentId: 'zero-match', percent: 0, bucket: 'weak' as const, matched: [] }] }],
    };
    const text = squash(pdfText(buildAnalyticsPdf(one, { fonts }), 'singular.pdf'));
    expect(text).toContain('1 response ≥ 50');
    expect(text).toContain('Live metrics of matched responses (1 response)');
    expect(text).toContain('1 promoter, 0 detractors');
    // Targets print in their figure's unit: CSAT as a share, CES as a mean effort answer.
    expect(text).toMatch(/CSAT % Trust % CES/);
    expect(text).toContain('target 85%');
    expect(text).toContain('target 2.5');
    expect(text).not.toMatch(/\b1 responses\b/);
    // The screen shows +33.3 (renderer/src/features/analytics/display.ts): so does the PDF.
    expect(text).toContain('+33.3');
    expect(text).not.toMatch(/\+33(?!\.3)/);
    expect(text).not.toContain('zero-match');
    expect(text).toContain(first.respondentId ?? '—');
  });

  test('a persona whose responses all score 0 % says so instead of listing them', () => {
    const { report } = prepareAnalytics(smallFixtureTable(), smallInput());
    const maya = report.personas[0]!;
    const zero = { ...report, personas: [{ ...maya, top: maya.top.map((t) => ({ ...t, percent: 0, matched: [] })) }] };
    expect(squash(pdfText(buildAnalyticsPdf(zero, { fonts }), 'zero.pdf'))).toContain('No response matched any rule.');
  });
});
