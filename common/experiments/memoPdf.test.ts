import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventLogFromPlain } from '../journeyAnalytics/eventLog';
import { analyseExperiment } from './analyse';
import { memoText } from './memo';
import { buildMemoPdf } from './memoPdf';
import type { Experiment } from './model';
import { sampleExperiment, sampleExperimentLog } from './sampleLog';
import { decide } from './verdict';
import { exportText, type ExportText } from '../i18n/exportText';

const fonts = {
  regular: readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
};
const dir = mkdtempSync(join(tmpdir(), 'cx-memo-'));
function read(bytes: Uint8Array): { text: string; pages: number } {
  const file = join(dir, `m${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, bytes);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8').replace(/\s+/g, ' ');
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString())![1]);
  return { text, pages };
}

const start = Date.UTC(2026, 4, 1);
const day = 86_400_000;
const experiment = (over: Partial<Experiment> = {}) => sampleExperiment(start, over);
const log = eventLogFromPlain(sampleExperimentLog({
  seed: 7, start, days: 14, customersPerDay: 400,
  arms: [{ value: 'A', rate: 0.10, share: 1 }, { value: 'B', rate: 0.14, share: 1 }],
}));

function memoPdf(e: Experiment, words?: ExportText) {
  const r = analyseExperiment(log, e, e.plannedEnd + day);
  const v = decide(e, r, words);
  const memo = memoText(e, r, v, words);
  return { memo, ...read(buildMemoPdf(memo, v.kind, fonts, words)) };
}

describe('decision memo PDF', () => {
  it('prints the verdict, the arms, the rule and the checks as text on one page', () => {
    const { memo, text, pages } = memoPdf(experiment());
    expect(pages).toBe(1);
    expect(text).toContain('Ship One page');
    expect(text).toMatch(/Control: 2,8\d\d customers, \d+ converted \(\d+\.\d\d%, 95 % interval/);
    expect(text).toContain('Decision rule Ship an arm only if the split check passes');
    expect(text).toMatch(/Split: passed \(chi-square p = 0\.\d{4}\)/);
    expect(text).toContain(memo.footer);
  });

  it('flows a long memo onto a second page instead of cutting it, and numbers the pages', () => {
    const hypothesis = `${'A long hypothesis written at a workshop. '.repeat(160)}The last words are kept.`;
    const { text, pages } = memoPdf(experiment({ hypothesis }));
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain('The last words are kept.');
    expect(text).toContain(`Page ${pages} of ${pages}`);
    expect(text).toContain('Checks Split: passed');
  });

  it('speaks German: verdict, headings, rule, numbers and dates the German way', () => {
    const { memo, text } = memoPdf(experiment(), exportText('de'));
    expect(memo.verdict).toBe('One page ausrollen');
    expect(text).toContain('Entscheidungsvermerk: New checkout');
    expect(text).toMatch(/Control: 2\.8\d\d Kunden, [\d.]+ konvertiert \(\d+,\d\d %, 95-%-Intervall/);
    expect(text).toContain('Entscheidungsregel Eine Variante wird nur ausgerollt');
    expect(text).toMatch(/Aufteilung: bestanden \(Chi-Quadrat p = 0,\d{4}\)/);
    expect(text).toContain('01.05.2026 bis 15.05.2026');
    expect(text).toContain('p < 0,05');
    for (const en of ['Ship', 'Decision rule', 'customers', 'Split:', 'Prepared with']) expect(text, en).not.toContain(en);
  });

  it('keeps running and says why in Arabic, right to left', () => {
    // A metric event the log never has: nothing to decide on, and the problem is named in Arabic.
    const e = experiment({ primaryMetric: { kind: 'conversion', event: 'never.logged' } });
    const r = analyseExperiment(log, e, e.plannedEnd + day);
    const ar = exportText('ar');
    const v = decide(e, r, ar);
    expect(v.kind).toBe('keep-running');
    expect(v.title).toBe('واصل التجربة');
    const { text } = read(buildMemoPdf(memoText(e, r, v, ar), v.kind, fonts, ar));
    const plain = text.normalize('NFKC').replace(/[\u200e\u200f\u202a-\u202e]/g, '');
    expect(v.reasons.join(' ')).toContain('never.logged');
    for (const w of ['مذكرة القرار', 'واصل التجربة', 'قاعدة القرار', 'الفحوص']) expect(plain, w).toContain(w);
    expect(plain).not.toContain('Keep running');
  });
});
