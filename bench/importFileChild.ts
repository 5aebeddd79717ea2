/**
 * One survey import of bench/import.bench.ts in its own process, doing what the app's import worker
 * does with a picked File: `blobSource` over the file (Node's `openAsBlob`, read a slice at a time),
 * `importInto` with a sink that copies each chunk as `postMessage` would (structured clone) and then
 * lets it go, as the screen does once the chunk is saved. Args: `csvPath`; prints one JSON line.
 */
import { openAsBlob } from 'node:fs';
import { blobSource } from '../common/import/bytes';
import { importInto } from '../common/import/importer';

const [csv = ''] = process.argv.slice(2);
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const blob = await openAsBlob(csv);
let chunks = 0;
let chunkBytes = 0;
const c0 = cpu();
const t0 = performance.now();
const res = await importInto(blobSource(blob), { fileName: 'responses.csv', now: 1, datasetId: 'bench' }, {
  add: (chunk) => { chunks += 1; chunkBytes += JSON.stringify(structuredClone(chunk)).length; },
  discard: () => { chunks = 0; },
});
if (!res.ok) throw new Error(res.message);
console.log(JSON.stringify({
  rows: res.data.imported, rejected: res.data.rejectedCount, unreadable: res.data.unreadableCount, chunks, chunkMb: chunkBytes / 1e6,
  wallMs: performance.now() - t0, cpuMs: cpu() - c0, peakMb: Math.round(process.resourceUsage().maxRSS / 1024),
}));
