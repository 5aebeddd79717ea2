/**
 * The quote-free CSV fast path read from the file's bytes, without making a string per field: an
 * event log repeats the same customer ids, event names and property values over and over, so each
 * field's bytes are looked up in a table of the values already seen (hashed bytes), and only a value
 * seen for the first time is decoded, trimmed and interned. ISO times with a zone and whole-number
 * epochs are read from the digits. At 10M events this avoids ~50M short-lived strings, their
 * hashing and the garbage collection they cost (the string path read ~350k events per CPU second).
 * Everything else (rows, rejections, limits) follows the string path exactly; a value that is not
 * UTF-8 stops this path and the import starts again on the string path, which reads the file as
 * Windows-1252 as the general reader does. (Columns the import does not use are not decoded, so a
 * UTF-8 file with stray Latin-1 bytes only in an unused column keeps its UTF-8 values.)
 */
import type { EventLogBuilder } from './eventLog';
import { epochFromNumber, type EventColumns } from './eventShapes';

/** A value seen for the first time decodes to this; `code` is the builder's (-1: empty after trim). */
interface Slot { start: number; length: number; code: number; long: boolean; next: Slot | null }

/** Byte strings to codes: a hash of the bytes, then a byte-by-byte check against an arena copy. */
export class ByteInterner {
  private arena = new Uint8Array(1 << 16);
  private used = 0;
  private readonly slots = new Map<number, Slot>();

  /**
   * `intern` gives a decoded, trimmed value its code; a value longer than `maxChars` is cut to it
   * when `clip` (property values), else marked `long` and not interned (a row with a too long
   * customer id or event name is rejected, and must leave no trace in the dictionaries).
   */
  constructor(
    private readonly decode: (bytes: Uint8Array, from: number, to: number) => string,
    private readonly intern: (value: string) => number,
    private readonly maxChars: number,
    private readonly clip: boolean,
  ) {}

  /** The slot of bytes[from, to): the value's code (-1 when empty after trimming) and whether it is too long. */
  slot(bytes: Uint8Array, from: number, to: number): Slot {
    let h = 0x811c9dc5;
    for (let i = from; i < to; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
    const key = h & 0x3fffffff;
    const length = to - from;
    const head = this.slots.get(key);
    for (let s = head ?? null; s !== null; s = s.next) {
      if (s.length !== length) continue;
      let i = 0;
      const a = this.arena, at = s.start;
      while (i < length && a[at + i] === bytes[from + i]) i++;
      if (i === length) return s;
    }
    const text = this.decode(bytes, from, to).trim();
    if (this.used + length > this.arena.length) {
      const next = new Uint8Array(Math.max(this.arena.length * 2, this.used + length));
      next.set(this.arena.subarray(0, this.used));
      this.arena = next;
    }
    this.arena.set(bytes.subarray(from, to), this.used);
    const long = !this.clip && text.length > this.maxChars;
    const code = text === '' || long ? -1 : this.intern(text.length > this.maxChars ? text.slice(0, this.maxChars) : text);
    const slot: Slot = { start: this.used, length, code, long, next: head ?? null };
    this.used += length;
    this.slots.set(key, slot);
    return slot;
  }
}

const d0 = 48;
/** Two or four ASCII digits at `i` as a number, or -1. */
function digits(b: Uint8Array, i: number, n: number): number {
  let v = 0;
  for (let k = 0; k < n; k++) {
    const c = b[i + k]! - d0;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const monthDays = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Epoch ms of `YYYY-MM-DDTHH:MM[:SS[.f{1,3}]](Z|±HH:MM)` in bytes[from, to), the form `fastIsoTime`
 * accepts, or NaN for anything else or any field out of its everyday range (the caller then reads the
 * text the slow way, so the result never differs from it).
 */
export function isoTimeFromBytes(b: Uint8Array, from: number, to: number): number {
  const n = to - from;
  if (n < 17 || b[from + 4] !== 45 || b[from + 7] !== 45 || b[from + 10] !== 84 || b[from + 13] !== 58) return NaN;
  const y = digits(b, from, 4), mo = digits(b, from + 5, 2), d = digits(b, from + 8, 2), h = digits(b, from + 11, 2), mi = digits(b, from + 14, 2);
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59) return NaN;
  if (d > monthDays[mo - 1]! || (mo === 2 && d === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)))) return NaN;
  let i = from + 16;
  let s = 0, ms = 0;
  if (b[i] === 58) {
    s = digits(b, i + 1, 2);
    if (s < 0 || s > 59) return NaN;
    i += 3;
    if (b[i] === 46) {
      let k = 0;
      for (i++; k < 3 && i < to && b[i]! >= d0 && b[i]! <= d0 + 9; k++, i++) ms = ms * 10 + b[i]! - d0;
      if (k === 0) return NaN;
      ms *= k === 1 ? 100 : k === 2 ? 10 : 1;
    }
  }
  let offset: number;
  if (b[i] === 90 && i + 1 === to) offset = 0;
  else if ((b[i] === 43 || b[i] === 45) && i + 6 === to && b[i + 3] === 58) {
    const oh = digits(b, i + 1, 2), om = digits(b, i + 4, 2);
    if (oh < 0 || oh > 23 || om < 0 || om > 59) return NaN;
    offset = (b[i] === 45 ? -1 : 1) * (oh * 60 + om) * 60_000;
  } else return NaN;
  return daysFromCivil(y, mo, d) * 86_400_000 + h * 3_600_000 + mi * 60_000 + s * 1000 + ms - offset;
}

/** A whole number of at most 16 digits in bytes[from, to) (epochs in s, ms or µs), or NaN. */
export function integerFromBytes(b: Uint8Array, from: number, to: number): number {
  if (to <= from || to - from > 16) return NaN;
  let v = 0;
  for (let i = from; i < to; i++) {
    const c = b[i]! - d0;
    if (c < 0 || c > 9) return NaN;
    v = v * 10 + c;
  }
  return v;
}

/** Thrown when a value is not UTF-8: the caller imports the file again on the string path. */
export class NotUtf8 extends Error {}

/** What the byte reader needs from the import: where the columns are and what to do with a row. */
export interface PlainBytesInput {
  bytes: Uint8Array;
  /** First byte after a byte-order mark. */
  from: number;
  delimiter: number;
  columns: Pick<EventColumns, 'customer' | 'event' | 'time' | 'timeUnit' | 'properties'>;
  builder: EventLogBuilder;
  maxChars: number;
  maxEvents: number;
  reject(row: number, reason: string, column?: string): void;
  /** The string path's reading of a time, for anything the byte readers do not take. */
  slowTime(text: string): number | { error: string };
  signal?: AbortSignal;
  onProgress?: (p: { rowsRead: number; fraction: number }) => void;
}

// Between two pauses (progress, cancel), as the string path pauses between 1 MB slices.
const pauseEvery = 4 << 20;
const lowestTime = Date.UTC(1990, 0, 1), highestTime = Date.UTC(2200, 0, 1);

/**
 * Reads every row after the header into the builder. Row numbers count non-empty lines, header
 * included, as the string path does. Returns 'done', 'cancelled' or 'too-large'; throws
 * {@link NotUtf8}.
 */
export async function readPlainCsvBytes(input: PlainBytesInput): Promise<'done' | 'cancelled' | 'too-large'> {
  const { bytes: b, delimiter, columns, builder, maxChars } = input;
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const decode = (bytes: Uint8Array, from: number, to: number) => {
    try { return utf8.decode(bytes.subarray(from, to)); } catch { throw new NotUtf8(); }
  };
  const customers = new ByteInterner(decode, (v) => builder.customerCode(v), maxChars, false);
  const events = new ByteInterner(decode, (v) => builder.eventCode(v), maxChars, false);
  const props = columns.properties.map((_, k) => new ByteInterner(decode, (v) => builder.propertyCode(k, v), maxChars, true));
  const needed = Math.max(columns.event, columns.time, ...columns.customer, ...columns.properties.map((p) => p.index)) + 1;
  const start = new Int32Array(needed), end = new Int32Array(needed);
  const codes = new Int32Array(props.length);
  const existing = builder.length;
  const size = b.length;
  // Rows expected from the head's average line length, plus a little: the columns are sized once.
  const headEnd = Math.min(size, input.from + (1 << 20));
  let headLines = 0;
  for (let i = b.indexOf(10, input.from); i >= 0 && i < headEnd; i = b.indexOf(10, i + 1)) headLines++;
  if (headLines > 0) builder.reserve(existing + Math.min(input.maxEvents, Math.ceil(((size - input.from) / ((headEnd - input.from) / headLines)) * 1.02) + 1024));
  let rowNumber = 0;
  let at = input.from;
  let pauseAt = at + pauseEvery;
  while (at < size) {
    let stop = b.indexOf(10, at);
    if (stop < 0) stop = size;
    const next = stop + 1;
    if (stop > at && b[stop - 1] === 13) stop--;
    if (stop > at) {
      rowNumber++;
      if (rowNumber > 1) {
        // Field bounds; fields past the row's end are empty, as `row[c] ?? ''` on the string path.
        let f = 0, fieldStart = at, delimiters = 0;
        for (let i = at; i < stop && f < needed; i++) {
          if (b[i] === delimiter) { start[f] = fieldStart; end[f] = i; f++; fieldStart = i + 1; delimiters++; }
        }
        if (f < needed) { start[f] = fieldStart; end[f] = stop; f++; }
        for (; f < needed; f++) { start[f] = stop; end[f] = stop; }
        const blank = delimiters === 0 && decode(b, at, stop).trim() === '';
        if (!blank && !readRow(rowNumber)) return 'too-large';
      }
    }
    at = next;
    if (at >= pauseAt) {
      pauseAt = at + pauseEvery;
      input.onProgress?.({ rowsRead: rowNumber, fraction: Math.min(1, at / size) });
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
      if (input.signal?.aborted) return 'cancelled';
    }
  }
  input.onProgress?.({ rowsRead: rowNumber, fraction: 1 });
  return 'done';

  /** Reads one row into the builder or rejects it; false when the import is over its event limit. */
  function readRow(row: number): boolean {
    let who: Slot | null = null;
    for (const c of columns.customer) {
      const s = customers.slot(b, start[c]!, end[c]!);
      if (s.code >= 0 || s.long) { who = s; break; }
    }
    if (!who) { input.reject(row, 'the customer id is empty', 'customer'); return true; }
    const what = events.slot(b, start[columns.event]!, end[columns.event]!);
    if (what.code < 0 && !what.long) { input.reject(row, 'the event name is empty', 'event'); return true; }
    if (who.long || what.long) { input.reject(row, `a customer id or event name is longer than ${maxChars} characters`); return true; }
    const t0 = start[columns.time]!, t1 = end[columns.time]!;
    let when = isoTimeFromBytes(b, t0, t1);
    if (Number.isNaN(when)) {
      const whole = integerFromBytes(b, t0, t1);
      const t = Number.isNaN(whole) ? NaN : epochFromNumber(whole, columns.timeUnit);
      when = Number.isFinite(t) && t > lowestTime && t < highestTime ? t : NaN;
    }
    if (Number.isNaN(when)) {
      const slow = input.slowTime(decode(b, t0, t1));
      if (typeof slow !== 'number') { input.reject(row, slow.error, 'time'); return true; }
      when = slow;
    }
    if (builder.length - existing >= input.maxEvents) return false;
    for (let k = 0; k < props.length; k++) {
      const p = columns.properties[k]!.index;
      codes[k] = props[k]!.slot(b, start[p]!, end[p]!).code;
    }
    builder.addCodes(who.code, what.code, when, codes);
    return true;
  }
}
