/**
 * Builds columnar chunk documents row by row (format in common/analytics/format.ts). A chunk is cut
 * at `maxRows` or when its estimated JSON size reaches `maxBytes`, whichever comes first, so long
 * free-text columns cannot push a chunk past the ~1 MB that sync batches are sized for.
 */
import {
  chunkFormatVersion, chunkId, type DatasetChunkDoc, type DatasetColumn, type EncodedColumn,
} from '../analytics/format';

/** A parsed cell: number (also dates, epoch ms), string, list of strings (multi), or missing. */
export type Cell = number | string | string[] | null;

/** Chunk sizing. */
export interface ChunkLimits {
  /** Default 5000 rows. */
  maxRows?: number;
  /** Default 900 kB of estimated JSON. */
  maxBytes?: number;
}

interface Builder {
  add(cell: Cell): number;
  build(): EncodedColumn;
}

function dictionary() {
  const codes = new Map<string, number>();
  const dict: string[] = [];
  let bytes = 0;
  return {
    dict,
    code(value: string): number {
      let c = codes.get(value);
      if (c === undefined) {
        c = dict.length;
        dict.push(value);
        codes.set(value, c);
        bytes += value.length + 3;
      }
      return c;
    },
    get bytes() { return bytes; },
  };
}

function builder(type: DatasetColumn['type']): Builder {
  switch (type) {
    case 'number':
    case 'date': {
      const values: number[] = [];
      const missing: number[] = [];
      return {
        add: (cell) => {
          if (typeof cell === 'number' && Number.isFinite(cell)) {
            values.push(cell);
            return 14;
          }
          missing.push(values.length);
          values.push(0);
          return 8;
        },
        build: () => (missing.length > 0 ? { type, values, missing } : { type, values }),
      };
    }
    case 'category': {
      const d = dictionary();
      const codes: number[] = [];
      return {
        add: (cell) => {
          const before = d.bytes;
          codes.push(typeof cell === 'string' && cell !== '' ? d.code(cell) : -1);
          return 4 + d.bytes - before;
        },
        build: () => ({ type, dict: d.dict, codes }),
      };
    }
    case 'multi': {
      const d = dictionary();
      const offsets: number[] = [0];
      const codes: number[] = [];
      return {
        add: (cell) => {
          const before = d.bytes;
          const list = Array.isArray(cell) ? cell : typeof cell === 'string' && cell !== '' ? [cell] : [];
          for (const v of new Set(list)) if (v !== '') codes.push(d.code(v));
          offsets.push(codes.length);
          return 8 + 4 * list.length + d.bytes - before;
        },
        build: () => ({ type, dict: d.dict, offsets, codes }),
      };
    }
    default: {
      const values: (string | null)[] = [];
      return {
        add: (cell) => {
          const v = typeof cell === 'string' && cell !== '' ? cell : typeof cell === 'number' ? String(cell) : null;
          values.push(v);
          return v === null ? 5 : v.length + 3;
        },
        build: () => ({ type, values }),
      };
    }
  }
}

/** Accumulates rows and hands out finished chunk documents. */
export class ChunkEncoder {
  private builders: Builder[] = [];
  private rows = 0;
  private bytes = 0;
  private nextIndex: number;
  private readonly maxRows: number;
  private readonly maxBytes: number;

  /**
   * @param columns the stored columns, in the order cells are passed to {@link add}
   * @param target dataset and wave the chunks belong to, and the chunk index to start from (appending
   *   a wave continues after the existing chunks)
   */
  constructor(
    private readonly columns: readonly DatasetColumn[],
    private readonly target: { datasetId: string; waveId: string; firstChunkIndex: number; now: number },
    limits: ChunkLimits = {},
  ) {
    this.nextIndex = target.firstChunkIndex;
    this.maxRows = limits.maxRows ?? 5000;
    this.maxBytes = limits.maxBytes ?? 900_000;
    this.reset();
  }

  /** Chunks written so far plus the one being filled. */
  get chunkCount(): number {
    return this.nextIndex - this.target.firstChunkIndex + (this.rows > 0 ? 1 : 0);
  }

  /** Adds one row (one cell per column); returns a finished chunk when this row filled one. */
  add(cells: readonly Cell[]): DatasetChunkDoc | null {
    for (let c = 0; c < this.builders.length; c++) this.bytes += this.builders[c]!.add(cells[c] ?? null);
    this.rows += 1;
    return this.rows >= this.maxRows || this.bytes >= this.maxBytes ? this.flush() : null;
  }

  /** Finishes the last, partly filled chunk (null when empty). */
  flush(): DatasetChunkDoc | null {
    if (this.rows === 0) return null;
    const columns: Record<string, EncodedColumn> = {};
    this.columns.forEach((col, i) => { columns[col.key] = this.builders[i]!.build(); });
    const doc: DatasetChunkDoc = {
      id: chunkId(this.target.datasetId, this.nextIndex),
      kind: 'chunk',
      datasetId: this.target.datasetId,
      chunkIndex: this.nextIndex,
      chunkRows: this.rows,
      waveId: this.target.waveId,
      data: { format: chunkFormatVersion, columns },
      updatedAt: this.target.now,
    };
    this.nextIndex += 1;
    this.reset();
    return doc;
  }

  private reset(): void {
    this.builders = this.columns.map((c) => builder(c.type));
    this.rows = 0;
    this.bytes = 100;
  }
}
