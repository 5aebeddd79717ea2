/**
 * `npm run cli -- analyze … --out report.xlsx` on a generated export of CX_BENCH_CLI_ROWS responses
 * (default 1,000,000), run as the user runs it: a separate Node process through tsx, timed and its
 * peak resident memory read by /usr/bin/time. The aim: bounded memory (500 MB) at a million rows.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchRow } from './report';

const rows = Number(process.env.CX_BENCH_CLI_ROWS ?? 1_000_000);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Writes a plain CSV export of `n` responses: id, date, age, city, goals, NPS, satisfaction, comment. */
function writeExport(path: string, n: number): void {
  const fd = openSync(path, 'w');
  const cities = ['London', 'Leeds', 'Paris', 'Lyon', 'Berlin', 'Oslo', 'Denver'];
  const goals = ['Save time', 'Reduce errors', 'Learn new skills', 'Save money'];
  writeSync(fd, 'id,submitted,age,city,goals,nps,satisfaction,comment\n');
  let block = '';
  for (let i = 0; i < n; i++) {
    const day = 1 + (i % 28);
    block += `r${i},2024-03-${day < 10 ? `0${day}` : day} 10:${String(i % 60).padStart(2, '0')}:00,${18 + (i * 7) % 60},${cities[i % 7]},"${goals[i % 4]};${goals[(i >> 2) % 4]}",${i % 11},${1 + (i % 5)},comment ${i % 977}\n`;
    if (block.length > 1 << 20) { writeSync(fd, block); block = ''; }
  }
  writeSync(fd, block);
  closeSync(fd);
}

function personas(): string {
  const list = Array.from({ length: 5 }, (_, k) => ({
    id: `p${k}`, name: `Persona ${k + 1}`, rules: [
      { id: 'age', column: 'age', kind: 'range', min: 18 + k * 8, max: 30 + k * 8 },
      { id: 'city', column: 'location', kind: 'oneOf', values: [['London', 'Leeds'], ['Paris'], ['Berlin', 'Oslo'], ['Denver'], ['Lyon']][k] },
      { id: 'goals', column: 'goals', kind: 'overlap', values: [['Save time', 'Reduce errors', 'Learn new skills', 'Save money'][k % 4]] },
      { id: 'nps', column: 'nps', kind: 'range', min: 7 },
    ],
  }));
  return JSON.stringify({ type: 'cx-studio.personas', version: 1, exportedAt: 0, personas: list });
}

export default async function bench(report: (row: BenchRow) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cx-bench-cli-'));
  try {
    const file = join(dir, 'responses.csv');
    writeExport(file, rows);
    writeFileSync(join(dir, 'personas.json'), personas());
    const out = join(dir, 'report.xlsx');
    const started = performance.now();
    // GNU time prints "<max RSS KB> <user s> <sys s>" on stderr; the CLI's own lines come before it.
    const run = spawnSync('/usr/bin/time', ['-f', '%M %U %S', join(root, 'node_modules/.bin/tsx'), join(root, 'cli/index.ts'),
      'analyze', file, '--personas', join(dir, 'personas.json'), '--out', out], { encoding: 'utf8' });
    const wall = performance.now() - started;
    if (run.status !== 0) throw new Error(`the CLI failed: ${run.stderr.trim()}`);
    const stderr = run.stderr;
    const [rssKb, user, sys] = stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
    const label = `${(rows / 1000).toLocaleString('en')}k rows × 5 personas`;
    report({ name: `cli analyze → xlsx ${label}: wall time`, value: wall / 1000, unit: 's' });
    report({ name: `cli analyze → xlsx ${label}: CPU (user + sys)`, value: user! + sys!, unit: 's' });
    report({ name: `cli analyze → xlsx ${label}: peak RSS`, value: rssKb! / 1024, unit: 'MB', against: { value: 500, label: 'aim' } });
    report({ name: `cli analyze → xlsx ${label}: input / workbook size`, value: statSync(file).size / 1e6, unit: `MB in, ${(statSync(out).size / 1e6).toFixed(1)} MB out` });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
