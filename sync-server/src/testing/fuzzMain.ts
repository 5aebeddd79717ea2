import { startTestServer } from './harness';
import { runFuzz } from './fuzz';

/**
 * The long fuzz run: `npm run fuzz:sync-server -- [--seeds N] [--requests M]` runs N seeds of M
 * requests each against an in-process server on 127.0.0.1 and prints every 5xx or unanswered
 * request with its seed; exit code 1 if any. The suite runs one seed (fuzz.test.ts).
 */
function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i < 0 ? fallback : Number(process.argv[i + 1]);
  if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`--${name} must be a positive integer`);
  return value;
}

const seeds = arg('seeds', 10);
const requests = arg('requests', 3000);
let failed = 0;
let sent = 0;
const started = Date.now();
for (let seed = 1; seed <= seeds; seed++) {
  const server = await startTestServer({ maxBodyBytes: 256 * 1024 });
  try {
    const report = await runFuzz(server.url, seed, requests);
    sent += report.sent;
    const bugs = server.log.lines.filter((l) => l.msg === 'request failed' || l.msg === 'handler crashed');
    for (const f of report.failures) console.log(`seed ${seed}: ${f.method} ${f.path} -> ${f.status} ${f.body ?? ''}`);
    for (const b of bugs) console.log(`seed ${seed}: logged ${JSON.stringify(b).slice(0, 400)}`);
    failed += report.failures.length + bugs.length;
    const statuses = [...report.byStatus].sort(([a], [b]) => a - b).map(([s, n]) => `${s}:${n}`).join(' ');
    console.log(`seed ${seed}: ${report.sent} requests, ${report.failures.length} failures; ${statuses}`);
  } finally {
    await server.close();
  }
}
console.log(`${sent} requests over ${seeds} seeds in ${((Date.now() - started) / 1000).toFixed(1)} s: ${failed} failures`);
process.exitCode = failed > 0 ? 1 : 0;
