/**
 * `npm run bench`: runs every `bench/*.bench.ts` in one process and prints its figures with the
 * ratio to the aim (or baseline) each row names. Figures are printed, never asserted: these
 * machines are noisy, so speed is judged by reading the numbers, not by a timed test.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchRow } from './report';
import { formatRow } from './report';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
// Long runs (minutes of load) run only when asked for by name, e.g. `npm run bench -- sync-load`.
const onlyByName = new Set(['syncload', 'engine']);
const plain = (name: string): string => name.replace('.bench.ts', '').replaceAll('-', '').toLowerCase();
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => (onlyByName.has(plain(f)) ? only.some((o) => plain(o) === plain(f)) : only.length === 0 || only.some((o) => f.includes(o))))
  .sort();

console.log(`CX Studio bench — node ${process.version}, ${new Date().toISOString()}`);
for (const file of files) {
  console.log(`\n## ${file.replace('.bench.ts', '')}`);
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { default: (report: (row: BenchRow) => void) => Promise<void> };
  try {
    await mod.default((row) => console.log(formatRow(row)));
  } catch (error) {
    console.log(`  FAILED: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
// Every figure is printed: end here. A measurement that failed may leave its sync session's timers
// or a server's sockets behind, and a run that lingered held the bench lock for minutes.
process.exit(process.exitCode ?? 0);
