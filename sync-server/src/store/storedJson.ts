/**
 * Document bodies served as the JSON bytes they were stored as. A change-feed page of large
 * documents used to decode every stored body to a string, join it into the row's text and the
 * page's text, and encode that page back to UTF-8 (issue 20: 1,000 documents of 200 KB, the
 * server's pull no faster than pouchdb-server's). Each of those made a fresh 200 KB allocation, and
 * on these machines a fresh large allocation is page faults: about half the server's CPU per
 * document was system time. The body's bytes are already the JSON the answer needs, so a page is
 * now sent as a list of chunks, each large body as the buffer LevelDB gave. Only a handful of
 * top-level fields are read from a body ({@link topFields}), skipping over string contents with
 * `indexOf`, so a 200 KB note costs a few steps, not a parse.
 */

/** A stored body kept as the UTF-8 bytes of its JSON text (written by JSON.stringify, so canonical). */
export class StoredJson {
  constructor(readonly bytes: Buffer) {}
  /** The parsed body, for callers that serialise a page with JSON.stringify (same text). */
  toJSON(): unknown {
    return JSON.parse(this.bytes.toString('utf8'));
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

// The keys looked for, as bytes. JSON.stringify writes them without escapes; a key that has
// escapes is decoded before it is compared (see keyIs).
const ID = Buffer.from('_id');
const REV = Buffer.from('_rev');
const ATTACHMENTS = Buffer.from('_attachments');
const CONFLICTS = Buffer.from('_conflicts');

/**
 * Reads `_id`, `_rev` and whether `_attachments` or `_conflicts` are there from a JSON object's
 * UTF-8 bytes, without building it (the bytes 0x22 `"` and 0x5C `\` never occur inside a
 * multi-byte UTF-8 character, so a byte scan finds the same strings a character scan does).
 * `idOnly` stops at `_id`: a page without bodies needs nothing else. Throws on bytes that are not
 * a JSON object (a corrupt store).
 */
export function topFields(bytes: Buffer, idOnly = false): TopFields {
  const out: TopFields = { id: undefined, rev: undefined, attachments: false, conflicts: false };
  let i = skipSpace(bytes, 0);
  if (bytes[i] !== OPEN_OBJECT) throw new Error('stored body is not a JSON object');
  i = skipSpace(bytes, i + 1);
  if (bytes[i] === CLOSE_OBJECT) return out;
  for (;;) {
    if (bytes[i] !== QUOTE) throw new Error('stored body: key expected');
    const keyStart = i;
    const keyEnd = stringEnd(bytes, i);
    i = skipSpace(bytes, keyEnd + 1);
    if (bytes[i] !== COLON) throw new Error('stored body: : expected');
    i = skipSpace(bytes, i + 1);
    const c = bytes[i];
    let end: number; // index after the value
    if (c === QUOTE) {
      end = stringEnd(bytes, i) + 1;
      if (keyIs(bytes, keyStart, keyEnd, ID)) {
        out.id = stringValue(bytes, i, end - 1);
        if (idOnly) return out;
      } else if (keyIs(bytes, keyStart, keyEnd, REV)) out.rev = stringValue(bytes, i, end - 1);
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) end = containerEnd(bytes, i);
    else end = primitiveEnd(bytes, i);
    if (keyIs(bytes, keyStart, keyEnd, ATTACHMENTS)) out.attachments = true;
    else if (keyIs(bytes, keyStart, keyEnd, CONFLICTS)) out.conflicts = true;
    i = skipSpace(bytes, end);
    const next = bytes[i];
    if (next === CLOSE_OBJECT) return out;
    if (next !== COMMA) throw new Error('stored body: , or } expected');
    i = skipSpace(bytes, i + 1);
  }
}

/** Whether the key whose quotes are at `start` and `end` is `name`. */
function keyIs(bytes: Buffer, start: number, end: number, name: Buffer): boolean {
  const length = end - start - 1;
  if (length === name.length) {
    for (let k = 0; k < length; k++) if (bytes[start + 1 + k] !== name[k]) return false;
    return true;
  }
  // Longer: only an escaped spelling of the same key could still be it.
  if (length <= name.length || !escaped(bytes, start, end)) return false;
  return stringValue(bytes, start, end) === name.toString('latin1');
}

/**
 * Whether the string between quotes at `start` and `end` has an escape. A loop over its own bytes
 * (keys, ids and revisions are short): a search with `indexOf` would run to the end of the body
 * when there is none, for every key (quadratic on a large body with many keys).
 */
function escaped(bytes: Buffer, start: number, end: number): boolean {
  for (let i = start + 1; i < end; i++) if (bytes[i] === BACKSLASH) return true;
  return false;
}

/** The string whose quotes are at `start` and `end`. */
function stringValue(bytes: Buffer, start: number, end: number): string {
  return escaped(bytes, start, end) ? (JSON.parse(bytes.toString('utf8', start, end + 1)) as string) : bytes.toString('utf8', start + 1, end);
}

/** Index of the closing quote of the string opening at `start`. */
export function stringEnd(bytes: Buffer, start: number): number {
  let i = start + 1;
  for (;;) {
    const q = bytes.indexOf(QUOTE, i);
    if (q < 0) throw new Error('stored body: unterminated string');
    let slashes = 0;
    for (let j = q - 1; bytes[j] === BACKSLASH; j--) slashes++;
    if (slashes % 2 === 0) return q;
    i = q + 1;
  }
}

/** Index after the object or array opening at `start`. */
function containerEnd(bytes: Buffer, start: number): number {
  let depth = 0;
  let i = start;
  const n = bytes.length;
  while (i < n) {
    const c = bytes[i];
    if (c === QUOTE) {
      i = stringEnd(bytes, i) + 1;
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
function primitiveEnd(bytes: Buffer, start: number): number {
  let i = start;
  for (;;) {
    const c = bytes[i];
    if (c === undefined || c === COMMA || c === CLOSE_OBJECT || c === CLOSE_ARRAY || c === 32 || c === 9 || c === 10 || c === 13) return i;
    i++;
  }
}

function skipSpace(bytes: Buffer, from: number): number {
  let i = from;
  for (;;) {
    const c = bytes[i];
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return i;
    i++;
  }
}

/**
 * A change-feed page's JSON (with its trailing newline) as UTF-8 chunks: large stored bodies as
 * the buffers they were read into, everything between them joined into one chunk.
 */
export class PageText {
  constructor(
    readonly chunks: readonly Buffer[],
    /** Bytes in all chunks. */
    readonly length: number,
  ) {}

  /** The page as one string (tests, and anything that needs to read it). */
  toString(): string {
    return Buffer.concat(this.chunks as Buffer[], this.length).toString('utf8');
  }

  static readonly empty = new PageText([], 0);
}

/**
 * Bodies at least this large are sent as their own chunk; smaller ones are copied into the chunk
 * around them. Hundreds of small rows as chunks of their own would cost a write each.
 */
const ownChunkBytes = 16 * 1024;

/**
 * A change-feed page's JSON with a trailing newline, as `JSON.stringify(page) + '\n'` would write
 * it, with stored bodies spliced in as their bytes.
 */
export function feedText(page: { results: readonly object[]; last_seq: unknown }): PageText {
  const chunks: Buffer[] = [];
  let pending: Buffer[] = [pageStart];
  let length = 0;
  const flush = (): void => {
    if (pending.length === 0) return;
    const chunk = pending.length === 1 ? pending[0]! : Buffer.concat(pending);
    chunks.push(chunk);
    length += chunk.length;
    pending = [];
  };
  page.results.forEach((row, i) => {
    if (i > 0) pending.push(comma);
    for (const part of rowParts(row)) {
      if (part.length < ownChunkBytes) pending.push(part);
      else {
        flush();
        chunks.push(part);
        length += part.length;
      }
    }
  });
  pending.push(Buffer.from(`],"last_seq":${JSON.stringify(page.last_seq)}}\n`));
  flush();
  return new PageText(chunks, length);
}

const pageStart = Buffer.from('{"results":[');
const comma = Buffer.from(',');

/**
 * Each row's JSON as UTF-8 pieces (its own fields encoded once, stored bodies as read), kept as
 * long as the row is: a change-feed page kept by the notifier answers hundreds of laptops at
 * slightly different `since` values, each page a slice of the same rows (issue 22), so a row is
 * encoded once however many pages it is in. Rows are never changed once read.
 */
const rowTexts = new WeakMap<object, Buffer[]>();

function rowParts(row: object): Buffer[] {
  let parts = rowTexts.get(row);
  if (parts === undefined) {
    parts = rowPartsOf(row);
    rowTexts.set(row, parts);
  }
  return parts;
}

function rowPartsOf(row: object): Buffer[] {
  const parts: Buffer[] = [];
  let text = '{';
  for (const [key, value] of Object.entries(row)) {
    if (value === undefined) continue;
    text += `${text.length > 1 || parts.length > 0 ? ',' : ''}${JSON.stringify(key)}:`;
    if (value instanceof StoredJson) {
      parts.push(Buffer.from(text), value.bytes);
      text = '';
    } else text += JSON.stringify(value);
  }
  parts.push(Buffer.from(text + '}'));
  return parts;
}
