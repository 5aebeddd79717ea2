/**
 * Event logs in the `datasets` collection, in the same columnar chunks as survey data (format in
 * common/analytics/format.ts): `customer` and `event` as categories (chunks are written in customer
 * order, so a chunk's dictionary holds few customers), `time` as dates, and one category column per
 * property (key `p.<name>`, label = the property's name in the log). A header whose `shape` starts
 * with `events:` marks an event log, so survey analytics leaves it alone.
 */
import { chunkFormatVersion, chunkId, type DatasetChunkDoc, type DatasetColumn, type DatasetHeaderDoc, type EncodedColumn } from '../analytics/format';
import type { ChunkLimits } from '../import/encode';
import type { EventLog, PropertyColumn } from './types';

/** Prefix of the `shape` of an event-log dataset header. */
export const eventShapePrefix = 'events:';

/** Whether a dataset header is an event log (not survey responses). */
export function isEventDataset(header: Pick<DatasetHeaderDoc, 'shape'>): boolean {
  return header.shape.startsWith(eventShapePrefix);
}

/** Stored columns for a log's properties (keys made safe and unique; labels keep the names). */
export function eventColumns(properties: readonly string[], existing: readonly DatasetColumn[] = []): DatasetColumn[] {
  const base: DatasetColumn[] = [
    { key: 'customer', type: 'category', label: 'Customer', sources: [] },
    { key: 'event', type: 'category', label: 'Event', sources: [] },
    { key: 'time', type: 'date', label: 'Time', sources: [] },
  ];
  const out = existing.length > 0 ? [...existing] : base;
  const keys = new Set(out.map((c) => c.key));
  for (const name of properties) {
    if (out.some((c) => c.key.startsWith('p.') && c.label === name)) continue;
    const stem = `p.${name.replace(/[^A-Za-z0-9_.:-]/g, '_')}`.slice(0, 60);
    let key = stem;
    for (let n = 2; keys.has(key); n++) key = `${stem.slice(0, 56)}-${n}`;
    keys.add(key);
    out.push({ key, type: 'category', label: name, sources: [name] });
  }
  return out;
}

/**
 * Encodes the rows `rows` (indexes into `log`, in the order given) as chunk documents. Works on the
 * log's codes: each chunk gets its own small dictionaries by remapping global codes (no string
 * hashing per row). Chunks are cut at `maxRows` (default 5000) or ~`maxBytes` (default 900 kB) of
 * estimated JSON, as the survey encoder does.
 */
export function encodeEvents(
  log: EventLog, rows: Int32Array, columns: readonly DatasetColumn[],
  target: { datasetId: string; waveId: string; firstChunkIndex: number; now: number }, limits: ChunkLimits = {},
): DatasetChunkDoc[] {
  const maxRows = limits.maxRows ?? 5000;
  const maxBytes = limits.maxBytes ?? 900_000;
  const sources: { key: string; codes: Int32Array; dict: readonly string[] }[] = [
    { key: 'customer', codes: log.customer, dict: log.customers },
    { key: 'event', codes: log.event, dict: log.events },
  ];
  for (const c of columns) {
    if (!c.key.startsWith('p.')) continue;
    const p = log.properties.find((x) => x.name === c.label);
    sources.push({ key: c.key, codes: p ? p.codes : new Int32Array(log.length).fill(-1), dict: p ? p.dict : [] });
  }
  // Per source: the chunk a global code was last given a local code in, and that local code.
  const stamp = sources.map((src) => new Int32Array(src.dict.length).fill(-1));
  const local = sources.map((src) => new Int32Array(src.dict.length));
  const chunks: DatasetChunkDoc[] = [];
  for (let at = 0, index = target.firstChunkIndex; at < rows.length; index++) {
    const dicts: string[][] = sources.map(() => []);
    const codes: number[][] = sources.map(() => []);
    const times: number[] = [];
    let bytes = 100;
    while (at < rows.length && times.length < maxRows && bytes < maxBytes) {
      const row = rows[at++]!;
      for (let k = 0; k < sources.length; k++) {
        const g = sources[k]!.codes[row]!;
        if (g < 0) { codes[k]!.push(-1); bytes += 3; continue; }
        if (stamp[k]![g] !== index) {
          stamp[k]![g] = index;
          local[k]![g] = dicts[k]!.length;
          const v = sources[k]!.dict[g]!;
          dicts[k]!.push(v);
          bytes += v.length + 3;
        }
        codes[k]!.push(local[k]![g]!);
        bytes += 4;
      }
      times.push(log.time[row]!);
      bytes += 14;
    }
    const encoded: Record<string, EncodedColumn> = { time: { type: 'date', values: times } };
    sources.forEach((src, k) => { encoded[src.key] = { type: 'category', dict: dicts[k]!, codes: codes[k]! }; });
    chunks.push({
      id: chunkId(target.datasetId, index), kind: 'chunk', datasetId: target.datasetId, chunkIndex: index,
      chunkRows: times.length, waveId: target.waveId, data: { format: chunkFormatVersion, columns: encoded }, updatedAt: target.now,
    });
  }
  return chunks;
}

function category(col: EncodedColumn | undefined, rows: number): { dict: string[]; codes: number[] } {
  if (col && col.type === 'category') return col;
  return { dict: [], codes: new Array<number>(rows).fill(-1) };
}

/**
 * Decodes event-log datasets into one {@link EventLog}. Throws on a chunk format this version cannot
 * read (a newer app wrote it) or a chunk that is not an event chunk.
 */
export function decodeEvents(datasets: readonly { header: DatasetHeaderDoc; chunks: readonly DatasetChunkDoc[] }[]): EventLog {
  const n = datasets.reduce((s, d) => s + d.chunks.reduce((t, c) => t + c.chunkRows, 0), 0);
  const customer = new Int32Array(n), event = new Int32Array(n), time = new Float64Array(n);
  const customers: string[] = [], events: string[] = [];
  const customerCodes = new Map<string, number>(), eventCodes = new Map<string, number>();
  const props = new Map<string, { col: PropertyColumn; codes: Map<string, number> }>();
  for (const d of datasets) for (const c of d.header.columns) {
    if (c.key.startsWith('p.') && !props.has(c.label)) props.set(c.label, { col: { name: c.label, dict: [], codes: new Int32Array(n).fill(-1) }, codes: new Map() });
  }
  const remap = (dict: readonly string[], list: string[], codes: Map<string, number>) => Int32Array.from(dict, (v) => {
    let c = codes.get(v);
    if (c === undefined) { c = list.length; list.push(v); codes.set(v, c); }
    return c;
  });
  let at = 0;
  for (const d of datasets) {
    const byKey = new Map(d.header.columns.map((c) => [c.key, c]));
    for (const chunk of [...d.chunks].sort((a, b) => a.chunkIndex - b.chunkIndex)) {
      if (chunk.data.format !== chunkFormatVersion) throw new Error(`Event chunk ${chunk.id} has format ${chunk.data.format}; update the app to read it.`);
      const rows = chunk.chunkRows;
      const cols = chunk.data.columns;
      const cust = category(cols.customer, rows), ev = category(cols.event, rows), tm = cols.time;
      if (!tm || tm.type !== 'date') throw new Error(`Chunk ${chunk.id} is not an event chunk (no time column).`);
      const cMap = remap(cust.dict, customers, customerCodes), eMap = remap(ev.dict, events, eventCodes);
      const missing = new Set(tm.missing ?? []);
      for (let r = 0; r < rows; r++) {
        const cc = cust.codes[r]!, ec = ev.codes[r]!;
        if (cc < 0 || ec < 0 || missing.has(r)) throw new Error(`Chunk ${chunk.id} row ${r} has no customer, event or time.`);
        customer[at + r] = cMap[cc]!;
        event[at + r] = eMap[ec]!;
        time[at + r] = tm.values[r]!;
      }
      for (const [key, col] of Object.entries(cols)) {
        const stored = byKey.get(key);
        if (!stored || !key.startsWith('p.') || col.type !== 'category') continue;
        const p = props.get(stored.label)!;
        const m = remap(col.dict, p.col.dict, p.codes);
        for (let r = 0; r < rows; r++) { const code = col.codes[r]!; if (code >= 0) p.col.codes[at + r] = m[code]!; }
      }
      at += rows;
    }
  }
  return { length: n, customer, customers, event, events, time, properties: [...props.values()].map((p) => p.col) };
}
