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

/**
 * Walks already-valid JSON, tracking the key set of every open object and the nesting depth:
 * JSON.parse itself copes with any depth, but PouchDB clones documents recursively, and a body
 * nested 10,000 deep overflowed its stack (a 500 instead of a 400).
 */
function checkKeys(text: string, maxDepth: number): void {
  // One entry per open container: a Set of keys for objects, null for arrays.
  const stack: (Set<string> | null)[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = stringEnd(text, i);
      const top = stack[stack.length - 1];
      if (top && nextNonSpace(text, end + 1) === COLON) {
        const raw = text.slice(i, end + 1);
        const key = raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
        if (key === '__proto__') throw badRequest('JSON keys named __proto__ are not allowed');
        if (top.has(key)) throw badRequest(`Duplicate key in JSON object: ${JSON.stringify(key).slice(0, 80)}`);
        top.add(key);
      }
      i = end + 1;
      continue;
    }
    if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (stack.length >= maxDepth) throw badRequest(`JSON is nested deeper than ${maxDepth} levels.`);
      stack.push(c === OPEN_OBJECT ? new Set() : null);
    }
    else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) stack.pop();
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
