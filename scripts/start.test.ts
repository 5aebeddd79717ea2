import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { electronBinary } from './electronBinary.mjs';

describe('npm start', () => {
  test.runIf(electronBinary() === null)('without a downloadable Electron, says so in one line and points at web mode', { timeout: 120_000 }, () => {
    const run = spawnSync(process.execPath, ['scripts/start.mjs'], { encoding: 'utf8', timeout: 110_000 });
    expect(run.status).toBe(1);
    const lines = `${run.stdout}${run.stderr}`.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('npm run web');
    expect(lines[0]).not.toMatch(/at .*\(|Error:/);
  });
});
