import { maxQueryLimit } from '../../../common/sync/limits';
import { CouchError, queryParseError } from '../http/errors';
import { parseStrictJson } from '../http/json';

/**
 * Query-parameter parsing with CouchDB's answers: an unparseable or absurd value is a 400
 * `query_parse_error`, never a crash or a silent default.
 */

/** A boolean parameter (`true`/`false`), or `fallback` when absent. */
export function boolParam(query: URLSearchParams, name: string, fallback = false): boolean {
  const value = query.get(name);
  if (value === null) return fallback;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw queryParseError(`Invalid boolean parameter: "${name}"`);
}

/** A non-negative integer parameter no larger than `max`, or undefined when absent. */
export function intParam(query: URLSearchParams, name: string, max = maxQueryLimit): number | undefined {
  const value = query.get(name);
  if (value === null) return undefined;
  return checkInt(value, name, max);
}

/** Validates an integer given as string or number (query string or JSON body). */
export function checkInt(value: unknown, name: string, max = maxQueryLimit): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,16}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < 0) throw queryParseError(`Invalid value for ${name}: must be a non-negative integer`);
  if (n > max) throw queryParseError(`Invalid value for ${name}: at most ${max}`);
  return n;
}

/** A JSON-encoded parameter (`key`, `keys`, `open_revs`…), strict and depth-limited like bodies. */
export function jsonParam(query: URLSearchParams, name: string): unknown {
  const value = query.get(name);
  if (value === null) return undefined;
  try {
    return parseStrictJson(value);
  } catch (thrown) {
    throw queryParseError(`Invalid JSON in parameter "${name}"${thrown instanceof CouchError && !thrown.reason.startsWith('invalid') ? `: ${thrown.reason}` : ''}`);
  }
}

/** A `since` sequence: a non-negative integer, or `now` (resolved by the caller). */
export function sinceParam(value: unknown): number | 'now' {
  if (value === undefined || value === null) return 0;
  if (value === 'now') return 'now';
  return checkInt(value, 'since', Number.MAX_SAFE_INTEGER);
}
