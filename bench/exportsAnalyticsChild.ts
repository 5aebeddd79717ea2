/**
 * One analytics-workbook run of bench/exportsAnalytics.bench.ts in its own process (so its peak
 * memory is its own): `label dir rows`; prints the figures as one JSON line.
 */
import { sampleAnalyticsTable, samplePersonas } from '../common/export/analyticsSample';
import { fivePersonas, streamWorkbook, withPeak } from './exportsAnalytics.bench';

const [label = '', dir = '', rows = '100000'] = process.argv.slice(2);
const personas = label.startsWith('5') ? fivePersonas() : samplePersonas();
// The decoded table is what the export worker holds before it starts: loaded before measuring.
const table = sampleAnalyticsTable(Number(rows));
const run = await withPeak(() => streamWorkbook(table, personas, dir, `${label.replace(/\W+/g, '-')}.xlsx`));
console.log(JSON.stringify({ ...run.result, rss: run.rss, heap: run.heap, before: run.before, maxRss: process.resourceUsage().maxRSS * 1024 }));
