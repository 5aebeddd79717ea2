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

function memoPdf(e: Experiment) {
  const r = analyseExperiment(log, e, e.plannedEnd + day);
  const v = decide(e, r);
  const memo = memoText(e, r, v);
  return { memo, ...read(buildMemoPdf(memo, v.kind, fonts)) };
}

describe('decision memo PDF', () => {
  it('prints the verdict, the arms, the rule and the checks as text on one page', () => {
    const { memo, text, pages } = memoPdf(experiment());
    expect(pages).toBe(1);
    expect(text).toContain('Ship One page');
    expect(text).toMatch(/Control: 2,8\d\d customers, \d+ converted \(\d+\.\d\d %, 95 % interval/);
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
});
