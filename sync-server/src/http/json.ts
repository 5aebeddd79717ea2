import { badRequest } from './errors';
import { defaultLimits } from './limits';

/**
 * JSON parsing for request bodies. `JSON.parse` silently keeps the last of duplicate keys and
 * creates `__proto__` as a plain key; both are ways to smuggle a different document past a check
 * (or pollute a prototype on a later spread), so such bodies are refused. Parsing is JSON.parse's
 * (fast, exact); a second linear scan only looks at object keys.
 */
export function parseStrictJson(text: string, maxDepth = defaultLimits.jsonDepth): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw badRequest('invalid UTF-8 JSON');
  }
  checkKeys(text, maxDepth);
  return value;
}

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_OBJECT = 123;
const CLOSE_OBJECT = 125;
const OPEN_ARRAY = 91;
const CLOSE_ARRAY = 93;
const COLON = 58;

/** Keys an object may have before its duplicate check uses a Set instead of a scan of its keys. */
const scanKeys = 16;

/**
 * Walks already-valid JSON, tracking the keys of every open object and the nesting depth:
 * JSON.parse itself copes with any depth, but PouchDB clones documents recursively, and a body
 * nested 10,000 deep overflowed its stack (a 500 instead of a 400). The keys of all open objects
 * sit in one array (a Set per object made this scan cost more than JSON.parse on the engine's
 * `_bulk_docs` bodies); an object with many keys gets a Set, so no body makes the check quadratic.
 */
function checkKeys(text: string, maxDepth: number): void {
  const keys: string[] = [];
  // Per open container: where its keys start in `keys`, or -1 for an array.
  const opens: number[] = [];
  // Sets of the open objects past `scanKeys` keys, by depth.
  const big = new Map<number, Set<string>>();
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = stringEnd(text, i);
      const from = opens.length > 0 ? opens[opens.length - 1]! : -1;
      if (from >= 0 && nextNonSpace(text, end + 1) === COLON) {
        let key = text.slice(i + 1, end);
        if (key.includes('\\')) key = JSON.parse(text.slice(i, end + 1)) as string;
        if (key === '__proto__') throw badRequest('JSON keys named __proto__ are not allowed');
        const set = big.get(opens.length);
        let seen: boolean;
        if (set) seen = set.has(key);
        else {
          seen = false;
          for (let k = from; k < keys.length; k++) {
            if (keys[k] === key) {
              seen = true;
              break;
            }
          }
        }
        if (seen) throw badRequest(`Duplicate key in JSON object: ${JSON.stringify(key).slice(0, 80)}`);
        if (set) set.add(key);
        else {
          keys.push(key);
          if (keys.length - from > scanKeys) big.set(opens.length, new Set(keys.slice(from)));
        }
      }
      i = end + 1;
      continue;
    }
    if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (opens.length >= maxDepth) throw badRequest(`JSON is nested deeper than ${maxDepth} levels.`);
      opens.push(c === OPEN_OBJECT ? keys.length : -1);
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      big.delete(opens.length);
      const from = opens.pop()!;
      if (from >= 0) keys.length = from;
    }
    i++;
  }
}

/** Index of the closing quote of the string opening at `start`. */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  for (;;) {
    const q = text.indexOf('"', i);
    if (q < 0) return text.length; // unreachable for valid JSON
    let slashes = 0;
    for (let j = q - 1; text.charCodeAt(j) === BACKSLASH; j--) slashes++;
    if (slashes % 2 === 0) return q;
    i = q + 1;
  }
}

function nextNonSpace(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return c;
  }
  return -1;
}
