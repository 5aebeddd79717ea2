import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { plantedCsv, plantedSurvey } from '../common/clustering/generate';
import { countEvidence } from '../common/persona/evidence';
import { readEnvelope } from '../common/persona/envelope';
import { sequentialIds } from '../common/persona/ids';
import { main } from './index';

const dir = mkdtempSync(join(tmpdir(), 'cx-cluster-'));
const csv = join(dir, 'planted.csv');
const columns = 'score1,score2,score3,score4,choice1,choice2,choice3,choice4,multi1,multi2';
let errors: string[] = [];
let output: string[] = [];
beforeAll(() => {
  writeFileSync(csv, plantedCsv(plantedSurvey({ rows: 900, personas: 3, seed: 5, text: true }).table));
  vi.spyOn(console, 'error').mockImplementation((m: string) => { errors.push(m); });
  vi.spyOn(console, 'log').mockImplementation((m: string) => { output.push(m); });
});
afterAll(() => vi.restoreAllMocks());

async function run(...args: string[]) {
  errors = [];
  output = [];
  const code = await main(['cluster', ...args]);
  return { code, error: errors.join('\n'), out: output.join('\n') };
}

describe('cli cluster', () => {
  test('writes persona drafts the app imports: rules, data evidence, phrases; prints the evidence for k', async () => {
    const out = join(dir, 'drafts.json');
    const { code, out: printed, error } = await run(csv, '--columns', columns, '--text', 'comment', '--out', out);
    expect(error).toBe('');
    expect(code).toBe(0);
    expect(printed).toMatch(/ 3 {2}0\.\d{3} {2}← proposed/);
    const report = readEnvelope(readFileSync(out, 'utf8'), { ids: sequentialIds('t'), now: 1, existingIds: new Set(), mode: 'copy' });
    expect(report.problems).toEqual([]);
    expect(report.personas).toHaveLength(3);
    for (const { persona } of report.personas) {
      expect(persona.status).toBe('draft');
      expect(persona.rules.length).toBeGreaterThan(1);
      expect(countEvidence(persona).data).toBeGreaterThan(2);
      expect(persona.sections.some((s) => s.title === 'In their words')).toBe(true);
    }
    expect(printed).toMatch(/% of the group scores strong/);
  });

  test('bad input says what is wrong and writes nothing', async () => {
    const out = join(dir, 'never.json');
    expect(await run(csv, '--columns', 'score1,nope', '--out', out)).toMatchObject({ code: 1, error: expect.stringMatching(/Column "nope" is not in planted\.csv\. Its columns: respondentId, score1/) });
    expect(await run(csv, '--columns', columns, '--k', '1', '--out', out)).toMatchObject({ code: 2, error: expect.stringMatching(/--k must be auto or a whole number from 2 to 12/) });
    expect(await run(csv, '--columns', columns)).toMatchObject({ code: 2, error: expect.stringMatching(/--out is required/) });
    expect(await run(csv, '--out', out)).toMatchObject({ code: 2, error: expect.stringMatching(/--columns is required/) });
    const tiny = join(dir, 'tiny.csv');
    writeFileSync(tiny, plantedCsv(plantedSurvey({ rows: 12, personas: 2, seed: 1 }).table));
    expect(await run(tiny, '--columns', columns, '--out', out)).toMatchObject({ code: 1, error: expect.stringMatching(/at least 30 responses/) });
    expect(await run(tiny, '--columns', 'comment', '--out', out)).toMatchObject({ code: 1 });
    expect(() => readFileSync(out)).toThrow();
  });
});
