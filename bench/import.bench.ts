/**
 * The app's survey import of a large CSV (issue 13, item 8): a generated Qualtrics-shaped export of
 * CX_BENCH_IMPORT_MB megabytes (default 1,024) read the way the import worker reads a picked File,
 * in slices, with each chunk handed on and dropped (bench/importFileChild.ts, its own process).
 * Figures: time, CPU, and peak resident memory, which should not grow with the file.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchRow } from './report';

const megabytes = Number(process.env.CX_BENCH_IMPORT_MB ?? 1024);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** A Qualtrics default export (three header rows, metadata columns, "," inside multi-selects) of about `mb` megabytes. */
function writeExport(path: string, mb: number): number {
  const fd = openSync(path, 'w');
  const cities = ['London', 'Leeds', 'Paris', 'Lyon', 'Berlin', 'Oslo', 'Denver'];
  const goals = ['Save time', 'Reduce errors', 'Learn new skills', 'Save money'];
  writeSync(fd, [
    'StartDate,EndDate,Status,IPAddress,Progress,Duration (in seconds),Finished,RecordedDate,ResponseId,LocationLatitude,LocationLongitude,DistributionChannel,UserLanguage,Q1,Q2,Q3,Q4,Q5,Q6',
    'Start Date,End Date,Response Type,IP Address,Progress,Duration (in seconds),Finished,Recorded Date,Response ID,Location Latitude,Location Longitude,Distribution Channel,User Language,How old are you?,Where do you live?,What are your goals? - Selected Choice,How likely are you to recommend us?,How satisfied are you?,Anything else?',
    '{"ImportId":"startDate"},{"ImportId":"endDate"},{"ImportId":"status"},{"ImportId":"ipAddress"},{"ImportId":"progress"},{"ImportId":"duration"},{"ImportId":"finished"},{"ImportId":"recordedDate"},{"ImportId":"_recordId"},{"ImportId":"locationLatitude"},{"ImportId":"locationLongitude"},{"ImportId":"distributionChannel"},{"ImportId":"userLanguage"},{"ImportId":"QID1"},{"ImportId":"QID2"},{"ImportId":"QID3"},{"ImportId":"QID4"},{"ImportId":"QID5"},{"ImportId":"QID6_TEXT"}',
  ].join('\n') + '\n');
  let written = 0;
  let rows = 0;
  let block = '';
  for (let i = 0; written < mb * 1024 * 1024; i++) {
    const day = 1 + (i % 28);
    const at = `2024-03-${day < 10 ? `0${day}` : day} 10:${String(i % 60).padStart(2, '0')}:00`;
    block += `${at},${at},IP Address,203.0.113.${i % 250},100,${60 + (i % 900)},True,${at},R_${i.toString(36).padStart(15, '0')},51.5${i % 10},-0.1${i % 7},anonymous,EN,`
      + `${18 + (i * 7) % 60},${cities[i % 7]},"${goals[i % 4]},${goals[(i >> 2) % 4]}",${i % 11},${1 + (i % 5)},comment ${i % 977}\n`;
    rows += 1;
    if (block.length > 1 << 20) { writeSync(fd, block); written += block.length; block = ''; }
  }
  writeSync(fd, block);
  closeSync(fd);
  return rows;
}

export default async function bench(report: (row: BenchRow) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cx-bench-import-'));
  try {
    const file = join(dir, 'responses.csv');
    const rows = writeExport(file, megabytes);
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'bench/importFileChild.ts'), file], { encoding: 'utf8', cwd: root });
    if (run.status !== 0) throw new Error(`the import failed: ${run.stderr.trim()}`);
    const r = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as { rows: number; chunks: number; chunkMb: number; wallMs: number; cpuMs: number; peakMb: number };
    if (r.rows !== rows) throw new Error(`imported ${r.rows} of ${rows} rows`);
    const label = `app import ${(statSync(file).size / 1e6).toFixed(0)} MB CSV (${(rows / 1e6).toFixed(2)}M rows, Qualtrics shape)`;
    report({ name: `${label}: wall time`, value: r.wallMs / 1000, unit: 's' });
    report({ name: `${label}: CPU`, value: r.cpuMs / 1000, unit: 's' });
    report({ name: `${label}: peak RSS`, value: r.peakMb, unit: `MB (${r.chunks} chunks, ${r.chunkMb.toFixed(0)} MB as JSON)` });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
