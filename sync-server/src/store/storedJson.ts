/**
 * Document bodies served as the JSON text they were stored as. A change-feed page of large
 * documents used to parse every stored body and serialise it again for the answer (issue 20: 1,000
 * documents of 200 KB, the server's pull slower than pouchdb-server's); the body's text is already
 * the JSON the answer needs. Only a handful of top-level fields are read from it ({@link topFields}),
 * skipping over string contents with `indexOf`, so a 200 KB note costs a few steps, not a parse.
 */

/** A stored body kept as its JSON text (written by JSON.stringify, so canonical). */
export class StoredJson {
  constructor(readonly text: string) {}
  /** The parsed body, for callers that serialise a page with JSON.stringify (same text). */
  toJSON(): unknown {
    return JSON.parse(this.text);
  }
}

/** The top-level fields of a stored body that the change feed needs. */
export interface TopFields {
  id: string | undefined;
  rev: string | undefined;
  /** Has `_attachments`. */
  attachments: boolean;
  /** Has `_conflicts` (PouchDB never stores one; the feed then parses rather than add a second). */
  conflicts: boolean;
}

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_OBJECT = 123;
const CLOSE_OBJECT = 125;
const OPEN_ARRAY = 91;
const CLOSE_ARRAY = 93;
const COMMA = 44;
const COLON = 58;

/**
 * Reads `_id`, `_rev` and whether `_attachments` or `_conflicts` are there from a JSON object's
 * text, without building it. Throws on text that is not a JSON object (a corrupt store).
 */
export function topFields(text: string): TopFields {
  const out: TopFields = { id: undefined, rev: undefined, attachments: false, conflicts: false };
  let i = skipSpace(text, 0);
  if (text.charCodeAt(i) !== OPEN_OBJECT) throw new Error('stored body is not a JSON object');
  i = skipSpace(text, i + 1);
  if (text.charCodeAt(i) === CLOSE_OBJECT) return out;
  for (;;) {
    if (text.charCodeAt(i) !== QUOTE) throw new Error('stored body: key expected');
    const keyEnd = stringEnd(text, i);
    const key = stringValue(text, i, keyEnd);
    i = skipSpace(text, keyEnd + 1);
    if (text.charCodeAt(i) !== COLON) throw new Error('stored body: : expected');
    i = skipSpace(text, i + 1);
    const c = text.charCodeAt(i);
    let end: number; // index after the value
    if (c === QUOTE) {
      end = stringEnd(text, i) + 1;
      if (key === '_id') out.id = stringValue(text, i, end - 1);
      else if (key === '_rev') out.rev = stringValue(text, i, end - 1);
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) end = containerEnd(text, i);
    else end = primitiveEnd(text, i);
    if (key === '_attachments') out.attachments = true;
    else if (key === '_conflicts') out.conflicts = true;
    i = skipSpace(text, end);
    const next = text.charCodeAt(i);
    if (next === CLOSE_OBJECT) return out;
    if (next !== COMMA) throw new Error('stored body: , or } expected');
    i = skipSpace(text, i + 1);
  }
}

/** The string whose quotes are at `start` and `end`. */
function stringValue(text: string, start: number, end: number): string {
  const raw = text.slice(start + 1, end);
  return raw.includes('\\') ? (JSON.parse(text.slice(start, end + 1)) as string) : raw;
}

/** Index of the closing quote of the string opening at `start`. */
export function stringEnd(text: string, start: number): number {
  let i = start + 1;
  for (;;) {
    const q = text.indexOf('"', i);
    if (q < 0) throw new Error('stored body: unterminated string');
    let slashes = 0;
    for (let j = q - 1; text.charCodeAt(j) === BACKSLASH; j--) slashes++;
    if (slashes % 2 === 0) return q;
    i = q + 1;
  }
}

/** Index after the object or array opening at `start`. */
function containerEnd(text: string, start: number): number {
  let depth = 0;
  let i = start;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      i = stringEnd(text, i) + 1;
      continue;
    }
    if (c === OPEN_OBJECT || c === OPEN_ARRAY) depth++;
    else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      depth--;
      if (depth === 0) return i + 1;
    }
    i++;
  }
  throw new Error('stored body: unterminated container');
}

/** Index after a number, true, false or null starting at `start`. */
function primitiveEnd(text: string, start: number): number {
  let i = start;
  for (;;) {
    const c = text.charCodeAt(i);
    if (Number.isNaN(c) || c === COMMA || c === CLOSE_OBJECT || c === CLOSE_ARRAY || c === 32 || c === 9 || c === 10 || c === 13) return i;
    i++;
  }
}

function skipSpace(text: string, from: number): number {
  let i = from;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return i;
    i++;
  }
}

/**
 * A change-feed page's JSON, as `JSON.stringify(page)` would write it, with stored bodies spliced
 * in as their text.
 */
export function feedText(page: { results: readonly object[]; last_seq: unknown }): string {
  const rows = page.results.map(rowText);
  return `{"results":[${rows.join(',')}],"last_seq":${JSON.stringify(page.last_seq)}}`;
}

/**
 * Each row's text, kept as long as the row is: a change-feed page kept by the notifier answers
 * hundreds of laptops at slightly different `since` values, each page a slice of the same rows
 * (issue 22). Rows are never changed once read.
 */
const rowTexts = new WeakMap<object, string>();

function rowText(row: object): string {
  let text = rowTexts.get(row);
  if (text === undefined) {
    text = rowTextOf(row);
    rowTexts.set(row, text);
  }
  return text;
}

function rowTextOf(row: object): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(row)) {
    if (value === undefined) continue;
    parts.push(`${JSON.stringify(key)}:${value instanceof StoredJson ? value.text : JSON.stringify(value)}`);
  }
  return `{${parts.join(',')}}`;
}
