/**
 * Turning one source row into the stored cells of a mapping. Prepared once per import: each mapped
 * column becomes a small reader closure. A value that cannot be read is stored as missing and
 * reported, and the response is kept (the brief's algorithm leaves that one rule unmatched); only a
 * row without a respondent id, or too large to store, is rejected whole.
 */
import type { Cell } from './encode';
import { attributeBounds, type ResolvedColumn } from './mapping';
import { labelLookup } from './scales';
import type { ShapeInfo } from './shapes';
import { dateOrderEvidence, isParseError, parseDate, parseNumber, splitMulti, type DateOrder, type ParseError, type ValueProblem } from './values';

/** A row that was not imported. */
export interface RejectedRow {
  /** 1-based record of the file, header rows included (a spreadsheet's row number; CSV blank lines are not counted). */
  row: number;
  /** Stored column the problem is in, when it is one column's. */
  column?: string;
  /** In English (the command line's words). */
  reason: string;
  /** The same reason as a code and its parts, for the app to word in its language (absent: other importers' rows, shown as `reason`). */
  problem?: RowProblem;
}

/** Why a whole row was rejected: its respondent id could not be read, or it is too large to store. */
export type RowProblem = ValueProblem | { code: 'rowTooLarge'; chars: number; max: number };

/** A value that could not be read: the response is kept with this cell missing. */
export interface UnreadableValue {
  /** Row as in {@link RejectedRow}. */
  row: number;
  /** Stored column. */
  column: string;
  /** The cell's text, shortened to 60 characters. */
  value: string;
  /** In English (the command line's words). */
  reason: string;
  /** The same reason as a code and its parts, for the app to word in its language. */
  problem: ValueProblem;
}

/** Excel's own cell limit: longer text is cut there (and said so), so a chunk stays within its byte budget. */
export const maxCellChars = 32_767;
/** A row whose stored text passes this is rejected: it could not fit a chunk that replicates (~1 MB). */
export const maxRowChars = 512_000;

/** What day-month dates in the file said about their order, counted as the rows are read. */
export interface DateOrderSeen {
  /** First row with a day above 12 (day-first), a month-first date, or 0. */
  dayFirstRow: number;
  monthFirstRow: number;
  /** Day-month dates that either order reads. */
  either: number;
}

/** How cells are read. */
export interface ReadOptions {
  /** Zone of timestamps written without one (the export's own zone wins where it says). */
  timeZone: string;
  dateOrder: DateOrder;
  /** Filled in while reading, when given. */
  dateOrderSeen?: DateOrderSeen;
}

/** The result of reading one row: cells (reused for the next row), problems with single values, and shortened cells. */
export interface ReadRow {
  cells: Cell[];
  unreadable: { column: string; value: string; reason: string; problem: ValueProblem }[];
  shortened: { column: string; length: number }[];
}

type Reader = (row: readonly string[], out: ReadRow, rowNumber: number) => Cell | ParseError;

const notNumberOrLabel: ValueProblem = { code: 'notNumberOrLabel' };
const idEmpty: ValueProblem = { code: 'idEmpty' };

const truthy = new Set(['1', 'true', 'yes', 'y', 'x', '✓', '✔', 'selected', 'checked']);
const falsy = new Set(['0', 'false', 'no', 'n']);

/**
 * Prepares the readers of a resolved mapping; returns a function from row cells to stored cells,
 * or the reason the whole row is rejected. The returned object is reused for the next row: copy
 * the cells to keep them.
 */
export function rowReader(columns: readonly ResolvedColumn[], shape: ShapeInfo, options: ReadOptions): (row: readonly string[], rowNumber: number) => ReadRow | RejectedRow {
  const readers = columns.map((c) => reader(c, shape, options));
  const out: ReadRow = { cells: new Array<Cell>(readers.length).fill(null), unreadable: [], shortened: [] };
  return (row, rowNumber) => {
    out.unreadable.length = 0;
    out.shortened.length = 0;
    let chars = 0;
    for (let i = 0; i < readers.length; i++) {
      const col = columns[i]!;
      const v = readers[i]!(row, out, rowNumber);
      if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
        if (col.type === 'id') return { row: 0, column: col.key, reason: `${col.key}: ${v.error}`, problem: v.problem };
        out.unreadable.push({ column: col.key, value: shorten(firstText(row, col)), reason: v.error, problem: v.problem });
        out.cells[i] = null;
        continue;
      }
      if (typeof v === 'string') chars += v.length;
      else if (Array.isArray(v)) for (const s of v) chars += s.length;
      out.cells[i] = v;
    }
    if (chars > maxRowChars) {
      return { row: 0, reason: `the row holds ${chars.toLocaleString('en')} characters of answers; the most a row can hold is ${maxRowChars.toLocaleString('en')}`, problem: { code: 'rowTooLarge', chars, max: maxRowChars } };
    }
    return out;
  };
}

/** Whether a read result rejects the row. */
export function isRejected(read: ReadRow | RejectedRow): read is RejectedRow {
  return 'reason' in read;
}

function reader(col: ResolvedColumn, shape: ShapeInfo, options: ReadOptions): Reader {
  const first = col.indexes[0] ?? 0;
  switch (col.type) {
    case 'number': {
      const bounds = attributeBounds[col.key];
      const label = col.labels ? labelLookup(col.labels) : null;
      return (row) => {
        const text = row[first] ?? '';
        let v = parseNumber(text);
        if (isParseError(v) && label) {
          const n = label(text);
          if (n === undefined) return { error: `"${shorten(text)}" is neither a number nor one of the answer labels`, problem: notNumberOrLabel };
          v = n;
        }
        if (v === null || isParseError(v)) return v;
        if (bounds && (v < bounds[0] || v > bounds[1])) return { error: `${v} is outside ${bounds[0]}–${bounds[1]}`, problem: { code: 'outOfRange', value: v, min: bounds[0], max: bounds[1] } };
        return v;
      };
    }
    case 'date': {
      const zone = shape.timeZones[first] ?? options.timeZone;
      const seen = options.dateOrderSeen;
      return (row, _out, rowNumber) => {
        const text = row[first] ?? '';
        if (seen && (seen.dayFirstRow === 0 || seen.monthFirstRow === 0)) {
          const e = dateOrderEvidence(text);
          if (e === 'dmy' && seen.dayFirstRow === 0) seen.dayFirstRow = rowNumber;
          else if (e === 'mdy' && seen.monthFirstRow === 0) seen.monthFirstRow = rowNumber;
          else if (e === 'either') seen.either += 1;
        }
        return parseDate(text, zone, options.dateOrder);
      };
    }
    case 'multi': {
      // The tool's own separator (Qualtrics ",", Google Forms ", ") unless the mapping names one.
      const sep = col.separator ?? shape.multiSeparator;
      if (col.indexes.length === 1) {
        return (row, out) => {
          const list = splitMulti(capText(row[first] ?? '', out, col.key), sep);
          return list.length > 0 ? list : null;
        };
      }
      // One source column per option: the cell holds the option's text, or a mark meaning "chosen",
      // in which case the option is the part of the header after the question. A write-in column
      // ("- Other - Text", "Other (please specify)") is one answer, commas and all.
      const options = col.indexes.map((i) => optionOf(shape.headers[i] ?? ''));
      const writeIn = col.indexes.map((i) => isWriteIn(shape.headers[i] ?? '', shape.ids[i] ?? ''));
      return (row, out) => {
        const list: string[] = [];
        col.indexes.forEach((index, k) => {
          const text = capText((row[index] ?? '').trim(), out, col.key);
          if (text === '' || falsy.has(text.toLowerCase())) return;
          if (writeIn[k]) list.push(text);
          else if (truthy.has(text.toLowerCase())) list.push(options[k]!);
          else list.push(...splitMulti(text, sep));
        });
        return list.length > 0 ? list : null;
      };
    }
    case 'id':
      return (row) => {
        const v = (row[first] ?? '').trim();
        if (v.length > 200) return { error: `the respondent id is ${v.length} characters long (at most 200)`, problem: { code: 'idTooLong', length: v.length, max: 200 } };
        return v === '' ? { error: 'the respondent id is empty', problem: idEmpty } : v;
      };
    default:
      return (row, out) => {
        const v = capText((row[first] ?? '').trim(), out, col.key);
        return v === '' ? null : v;
      };
  }
}

/** Cuts text at {@link maxCellChars} and notes it. */
function capText(text: string, out: ReadRow, column: string): string {
  if (text.length <= maxCellChars) return text;
  if (!out.shortened.some((s) => s.column === column)) out.shortened.push({ column, length: text.length });
  return text.slice(0, maxCellChars);
}

function optionOf(header: string): string {
  const at = header.lastIndexOf(' — ');
  return (at >= 0 ? header.slice(at + 3) : header).trim();
}

/** A free-text "other" answer beside a choice question (Qualtrics `QID3_4_TEXT`, SurveyMonkey "Other (please specify)"). */
export function isWriteIn(header: string, id: string): boolean {
  return /_TEXT$/i.test(id) || /- other - text$/i.test(header.trim()) || /other \(please specify\)$/i.test(header.trim());
}

function firstText(row: readonly string[], col: ResolvedColumn): string {
  return row[col.indexes[0] ?? 0] ?? '';
}

function shorten(s: string): string {
  return s.length > 60 ? `${s.slice(0, 60)}…` : s;
}
