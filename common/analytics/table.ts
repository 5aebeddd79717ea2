/**
 * Decoded, in-memory form of one or more datasets: typed arrays over all rows, global category
 * dictionaries, and per row the dataset and wave it came from. The engine reads only this, so the
 * worker decodes chunks once and every recalculation is a pass over typed arrays.
 */
import type { ColumnType } from './rules';
import { chunkFormatVersion, type DatasetChunkDoc, type DatasetHeaderDoc, type EncodedColumn } from './format';

/** Numbers or dates (epoch ms); NaN is missing. */
export interface NumberColumn { type: 'number' | 'date'; values: Float64Array }
/** Categories: `codes[i]` indexes `dict`, -1 is missing. */
export interface CategoryColumn { type: 'category'; dict: string[]; codes: Int32Array }
/** Multi-value cells: row i is `codes[offsets[i]] … codes[offsets[i+1]-1]`; empty is missing. */
export interface MultiColumn { type: 'multi'; dict: string[]; offsets: Uint32Array; codes: Int32Array }
/** Ids and free text; `null` is missing. */
export interface StringColumn { type: 'id' | 'text'; values: (string | null)[] }
/** A decoded column. */
export type TableColumn = NumberColumn | CategoryColumn | MultiColumn | StringColumn;

/** All rows of the datasets being analysed. */
export interface Table {
  rowCount: number;
  /** Columns by key; a key missing from one dataset reads as missing values for its rows. */
  columns: Map<string, TableColumn>;
  /** Dataset ids, indexed by `datasetOfRow`. */
  datasetIds: string[];
  datasetOfRow: Uint16Array;
  /** Wave ids, indexed by `waveOfRow`. */
  waveIds: string[];
  waveOfRow: Uint32Array;
}

interface Growing {
  type: ColumnType;
  dict: Map<string, number>;
  dictList: string[];
  nums: Float64Array;
  codes: Int32Array;
  /** A multi column's codes, `multiLength` of them used (typed, so a million rows' codes stay off the JS heap). */
  multiCodes: Int32Array;
  multiLength: number;
  offsets: Uint32Array;
  strings: (string | null)[];
}

/**
 * Decodes the chunks of one or more datasets into a {@link Table}. Chunks of a dataset are read in
 * `chunkIndex` order; headers give the column types. Throws on a chunk format this version cannot
 * read (a newer app wrote it: the caller tells the user to update).
 */
export function decodeDatasets(datasets: { header: DatasetHeaderDoc; chunks: DatasetChunkDoc[] }[]): Table {
  const rowCount = datasets.reduce((sum, d) => sum + d.chunks.reduce((s, c) => s + c.chunkRows, 0), 0);
  const builder = new TableBuilder(datasets.map((d) => d.header), rowCount);
  datasets.forEach(({ chunks }, d) => {
    for (const chunk of [...chunks].sort((a, b) => a.chunkIndex - b.chunkIndex)) builder.add(chunk, d);
  });
  return builder.finish();
}

/**
 * Decodes chunks one at a time as they arrive, in order (the command line's import hands them over
 * as they fill, so chunk documents never pile up). Arrays grow by doubling from `capacity` rows;
 * the finished table's columns are views of the first `rowCount` rows of them, not copies (a copy
 * of every column at the end was the command line's peak of memory).
 */
export class TableBuilder {
  private readonly cols = new Map<string, Growing>();
  private rows = 0;
  private capacity: number;
  private datasetOfRow: Uint16Array;
  private waveOfRow: Uint32Array;
  private readonly waveIds: string[] = [];
  private readonly waveIndex = new Map<string, number>();

  /** `headers`: per dataset its id and columns (a header document, or those of an import under way). */
  constructor(private readonly headers: readonly Pick<DatasetHeaderDoc, 'datasetId' | 'columns'>[], capacity = 1024) {
    this.capacity = Math.max(1, capacity);
    for (const header of headers) {
      for (const c of header.columns) {
        const existing = this.cols.get(c.key);
        if (existing && existing.type !== c.type) throw new Error(`Column "${c.key}" is ${existing.type} in one dataset and ${c.type} in another.`);
        if (!existing) this.cols.set(c.key, growing(c.type, this.capacity));
      }
    }
    this.datasetOfRow = new Uint16Array(this.capacity);
    this.waveOfRow = new Uint32Array(this.capacity);
  }

  /** Appends a chunk of dataset number `dataset` (its index in the headers). */
  add(chunk: DatasetChunkDoc, dataset = 0): void {
    if (chunk.data.format !== chunkFormatVersion) throw new Error(`Chunk ${chunk.id} uses format ${chunk.data.format}; update the app to read it.`);
    const base = this.rows;
    if (base + chunk.chunkRows > this.capacity) this.grow(Math.max(base + chunk.chunkRows, this.capacity * 2));
    let w = this.waveIndex.get(chunk.waveId);
    if (w === undefined) { w = this.waveIds.length; this.waveIds.push(chunk.waveId); this.waveIndex.set(chunk.waveId, w); }
    this.datasetOfRow.fill(dataset, base, base + chunk.chunkRows);
    this.waveOfRow.fill(w, base, base + chunk.chunkRows);
    for (const [key, g] of this.cols) appendColumn(g, chunk.data.columns[key], base, chunk.chunkRows);
    this.rows += chunk.chunkRows;
  }

  /** The table of every chunk added (the builder is spent). */
  finish(): Table {
    const rowCount = this.rows;
    const columns = new Map<string, TableColumn>();
    for (const [key, g] of this.cols) columns.set(key, finish(g, rowCount));
    return {
      rowCount, columns, datasetIds: this.headers.map((h) => h.datasetId),
      datasetOfRow: this.datasetOfRow.subarray(0, rowCount), waveIds: this.waveIds, waveOfRow: this.waveOfRow.subarray(0, rowCount),
    };
  }

  /** Reallocates the typed arrays to `capacity` rows. */
  private grow(capacity: number): void {
    const resized = <T extends Float64Array | Int32Array | Uint32Array | Uint16Array>(a: T, length: number, fill: number): T => {
      const out = new (a.constructor as new (n: number) => T)(length);
      out.set(a.subarray(0, Math.min(a.length, length)) as never);
      if (length > a.length) out.fill(fill, a.length);
      return out;
    };
    for (const g of this.cols.values()) {
      if (g.type === 'number' || g.type === 'date') g.nums = resized(g.nums, capacity, Number.NaN);
      else if (g.type === 'category') g.codes = resized(g.codes, capacity, -1);
      else if (g.type === 'multi') g.offsets = resized(g.offsets, capacity + 1, 0);
    }
    this.datasetOfRow = resized(this.datasetOfRow, capacity, 0);
    this.waveOfRow = resized(this.waveOfRow, capacity, 0);
    this.capacity = capacity;
  }
}

function growing(type: ColumnType, rows: number): Growing {
  const numeric = type === 'number' || type === 'date';
  const g: Growing = {
    type, dict: new Map(), dictList: [],
    nums: new Float64Array(numeric ? rows : 0),
    codes: new Int32Array(type === 'category' ? rows : 0),
    multiCodes: new Int32Array(type === 'multi' ? rows : 0),
    multiLength: 0,
    offsets: new Uint32Array(type === 'multi' ? rows + 1 : 0),
    strings: [],
  };
  g.nums.fill(Number.NaN);
  g.codes.fill(-1);
  return g;
}

/** Maps a chunk's own dictionary onto the table's global one. */
function remap(g: Growing, dict: string[]): Int32Array {
  const map = new Int32Array(dict.length);
  dict.forEach((value, i) => {
    let code = g.dict.get(value);
    if (code === undefined) { code = g.dictList.length; g.dictList.push(value); g.dict.set(value, code); }
    map[i] = code;
  });
  return map;
}

// A column absent from a chunk, or encoded with another type, reads as missing for its rows: a
// chunk from a dataset without that column must not shift or corrupt the others.
function appendColumn(g: Growing, enc: EncodedColumn | undefined, base: number, rows: number): void {
  const t = g.type;
  if (t === 'number' || t === 'date') {
    if (enc?.type !== t) return;
    const n = Math.min(rows, enc.values.length);
    for (let i = 0; i < n; i++) {
      const v = enc.values[i];
      // Anything but a finite number (a hand-edited or foreign document) reads as missing.
      if (typeof v === 'number' && Number.isFinite(v)) g.nums[base + i] = v;
    }
    for (const m of enc.missing ?? []) if (Number.isInteger(m) && m >= 0 && m < n) g.nums[base + m] = Number.NaN;
  } else if (t === 'category') {
    if (enc?.type !== 'category') return;
    const map = remap(g, enc.dict);
    const n = Math.min(rows, enc.codes.length);
    for (let i = 0; i < n; i++) {
      const c = enc.codes[i] ?? -1;
      g.codes[base + i] = c >= 0 && c < map.length ? (map[c] ?? -1) : -1;
    }
  } else if (t === 'multi') {
    const ok = enc?.type === 'multi' && enc.offsets.length === rows + 1;
    const map = ok ? remap(g, enc.dict) : new Int32Array(0);
    for (let i = 0; i < rows; i++) {
      if (ok) {
        const end = Math.min(enc.offsets[i + 1] ?? 0, enc.codes.length);
        for (let j = enc.offsets[i] ?? 0; j < end; j++) {
          const c = enc.codes[j] ?? -1;
          if (c >= 0 && c < map.length) pushCode(g, map[c] ?? 0);
        }
      }
      g.offsets[base + i + 1] = g.multiLength;
    }
  } else {
    const good = enc !== undefined && (enc.type === 'id' || enc.type === 'text');
    for (let i = 0; i < rows; i++) {
      const v = good ? enc.values[i] : null;
      g.strings[base + i] = typeof v === 'string' ? v : null;
    }
  }
}

function pushCode(g: Growing, code: number): void {
  if (g.multiLength === g.multiCodes.length) {
    const more = new Int32Array(Math.max(16, g.multiCodes.length * 2));
    more.set(g.multiCodes);
    g.multiCodes = more;
  }
  g.multiCodes[g.multiLength++] = code;
}

function finish(g: Growing, rows: number): TableColumn {
  switch (g.type) {
    case 'number':
    case 'date':
      return { type: g.type, values: g.nums.subarray(0, rows) };
    case 'category':
      return { type: 'category', dict: g.dictList, codes: g.codes.subarray(0, rows) };
    case 'multi':
      return { type: 'multi', dict: g.dictList, offsets: g.offsets.subarray(0, rows + 1), codes: g.multiCodes.subarray(0, g.multiLength) };
    default:
      // Every row up to `rows` was written by `appendColumn` (null when missing), so the array has no holes.
      g.strings.length = rows;
      return { type: g.type, values: g.strings };
  }
}

/** The value of one cell for display and explanations; `null` when missing. */
export function cellValue(column: TableColumn | undefined, row: number): string | number | string[] | null {
  if (!column) return null;
  switch (column.type) {
    case 'number':
    case 'date': {
      const v = column.values[row] ?? Number.NaN;
      return Number.isNaN(v) ? null : v;
    }
    case 'category': {
      const c = column.codes[row] ?? -1;
      return c < 0 ? null : (column.dict[c] ?? null);
    }
    case 'multi': {
      const start = column.offsets[row] ?? 0;
      const end = column.offsets[row + 1] ?? start;
      if (end <= start) return null;
      return Array.from(column.codes.subarray(start, end), (c) => column.dict[c] ?? '');
    }
    default:
      return column.values[row] ?? null;
  }
}
