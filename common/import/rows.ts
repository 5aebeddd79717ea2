/**
 * Turning one source row into the stored cells of a mapping, or the reason the row is rejected.
 * Prepared once per import: each mapped column becomes a small reader closure.
 */
import type { Cell } from './encode';
import { attributeBounds, type ResolvedColumn } from './mapping';
import type { ShapeInfo } from './shapes';
import { isParseError, parseDate, parseNumber, splitMulti, type DateOrder } from './values';

/** A row that was not imported. */
export interface RejectedRow {
  /** 1-based record of the file, header rows included (a spreadsheet's row number; CSV blank lines are not counted). */
  row: number;
  /** Stored column the problem is in, when it is one column's. */
  column?: string;
  reason: string;
}

/** How cells are read. */
export interface ReadOptions {
  /** Zone of timestamps written without one (the export's own zone wins where it says). */
  timeZone: string;
  dateOrder: DateOrder;
}

type Reader = (row: readonly string[]) => Cell | { error: string };

const truthy = new Set(['1', 'true', 'yes', 'y', 'x', '✓', '✔', 'selected', 'checked']);
const falsy = new Set(['0', 'false', 'no', 'n']);

/**
 * Prepares the readers of a resolved mapping; returns a function from row cells to stored cells.
 * The returned cell array is reused for the next row: copy it to keep it.
 */
export function rowReader(columns: readonly ResolvedColumn[], shape: ShapeInfo, options: ReadOptions): (row: readonly string[]) => Cell[] | RejectedRow {
  const readers = columns.map((c) => reader(c, shape, options));
  // One output array, reused: the encoder copies cells out before the next row is read.
  const out: Cell[] = new Array<Cell>(readers.length).fill(null);
  return (row) => {
    for (let i = 0; i < readers.length; i++) {
      const v = readers[i]!(row);
      if (v !== null && typeof v === 'object' && !Array.isArray(v)) return { row: 0, column: columns[i]!.key, reason: `${columns[i]!.key}: ${v.error}` };
      out[i] = v;
    }
    return out;
  };
}

function reader(col: ResolvedColumn, shape: ShapeInfo, options: ReadOptions): Reader {
  const first = col.indexes[0] ?? 0;
  switch (col.type) {
    case 'number': {
      const bounds = attributeBounds[col.key];
      return (row) => {
        const v = parseNumber(row[first] ?? '');
        if (v === null || isParseError(v)) return v;
        if (bounds && (v < bounds[0] || v > bounds[1])) return { error: `${v} is outside ${bounds[0]}–${bounds[1]}` };
        return v;
      };
    }
    case 'date': {
      const zone = shape.timeZones[first] ?? options.timeZone;
      return (row) => parseDate(row[first] ?? '', zone, options.dateOrder);
    }
    case 'multi': {
      if (col.indexes.length === 1) {
        const sep = col.separator ?? shape.multiSeparator;
        return (row) => {
          const list = splitMulti(row[first] ?? '', sep);
          return list.length > 0 ? list : null;
        };
      }
      // One source column per option: the cell holds the option's text, or a mark meaning "chosen",
      // in which case the option is the part of the header after the question.
      const options = col.indexes.map((i) => optionOf(shape.headers[i] ?? ''));
      return (row) => {
        const list: string[] = [];
        col.indexes.forEach((index, k) => {
          const text = (row[index] ?? '').trim();
          if (text === '' || falsy.has(text.toLowerCase())) return;
          if (truthy.has(text.toLowerCase())) list.push(options[k]!);
          else list.push(...splitMulti(text, col.separator ?? null));
        });
        return list.length > 0 ? list : null;
      };
    }
    case 'id':
      return (row) => {
        const v = (row[first] ?? '').trim();
        return v === '' ? { error: 'the respondent id is empty' } : v;
      };
    default:
      return (row) => {
        const v = (row[first] ?? '').trim();
        return v === '' ? null : v;
      };
  }
}

function optionOf(header: string): string {
  const at = header.lastIndexOf(' — ');
  return (at >= 0 ? header.slice(at + 3) : header).trim();
}
