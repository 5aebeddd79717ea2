/**
 * One analytics-workbook run of bench/exportsAnalytics.bench.ts in its own process (so its peak
 * memory is its own): `label dir rows [stream|web]`; prints the figures as one JSON line. `web` is
 * the browser path (the whole workbook built in the export worker), run here under Node.
 */
import { sampleAnalyticsTable, samplePersonas } from '../common/export/analyticsSample';
import { fivePersonas, streamWorkbook, webWorkbook, withPeak } from './exportsAnalytics.bench';

const [label = '', dir = '', rows = '100000', path = 'stream'] = process.argv.slice(2);
const personas = label.startsWith('5') ? fivePersonas() : samplePersonas();
// The decoded table is what the export worker holds before it starts: loaded before measuring.
const table = sampleAnalyticsTable(Number(rows));
const file = `${label.replace(/\W+/g, '-')}-${path}.xlsx`;
const run = await withPeak(() => (path === 'web' ? webWorkbook(table, personas) : streamWorkbook(table, personas, dir, file)));
console.log(JSON.stringify({ ...run.result, rss: run.rss, heap: run.heap, before: run.before, maxRss: process.resourceUsage().maxRSS * 1024 }));
