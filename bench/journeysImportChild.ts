/**
 * One event-log import of bench/journeysEvents.bench.ts in its own process, doing what the journey
 * worker does with a picked file: the file's bytes in memory, `importEvents` to chunk documents,
 * then (as the worker's `load`) the chunks decoded into the typed-array log, and the analysis the
 * bench compares with DuckDB (funnel, time in stage, top 20 paths). Its peak memory is
 * the worker's own, not the bench's (which also generated the file). Args: `csvPath`; prints one
 * JSON line with the figures and the peak resident memory after each step.
 */
import { readFileSync } from 'node:fs';
import { analyseJourney, decodeEvents, importEvents } from '../common/journeyAnalytics';
import { generatedStages } from '../common/journeyAnalytics/generate';

const [csv = ''] = process.argv.slice(2);
const mb = () => Math.round(process.resourceUsage().maxRSS / 1024);
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
// The file's bytes once, as the worker holds the picked file (a Buffer is a Uint8Array; copying it would double it).
const bytes: Uint8Array = readFileSync(csv);
const afterRead = mb();
const c0 = cpu();
const t0 = performance.now();
const imported = await importEvents(bytes, { fileName: 'events.csv', now: 1, datasetId: 'bench' });
const importMs = performance.now() - t0;
const importCpu = cpu() - c0;
if (!imported.ok) throw new Error(imported.message);
const afterImport = mb();
const { header, chunks } = imported.data;
const chunkCount = chunks.length;
const t1 = performance.now();
const log = decodeEvents([{ header, chunks }]);
const decodeMs = performance.now() - t1;
const afterDecode = mb();
chunks.length = 0;
// One warm-up on a slice, so the measured run is not V8's first compile of the kernels.
analyseJourney({ ...log, length: Math.min(log.length, 100_000) }, generatedStages, { topPaths: 20 });
const c1 = cpu();
const t2 = performance.now();
const f = analyseJourney(log, generatedStages, { topPaths: 20 });
const analyse = { wall: performance.now() - t2, cpu: cpu() - c1, customers: f.customers, reach: f.stages.map((s) => s.reachStrict), topPath: f.topPaths[0]?.customers ?? 0 };
console.log(JSON.stringify({ events: log.length, chunks: chunkCount, importMs, importCpu, decodeMs, peakAfterRead: afterRead, peakAfterImport: afterImport, peakAfterDecode: afterDecode, analyse }));
