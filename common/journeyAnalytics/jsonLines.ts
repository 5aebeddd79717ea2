/**
 * JSON Lines event exports as rows: Mixpanel's raw export (`{"event": …, "properties": {"time": …,
 * "distinct_id": …, …}}`), Amplitude's export (`event_properties` nested) and plain one-object-per-line
 * logs. Nested `properties`, `event_properties` and `user_properties` objects are lifted to the top
 * level; other nested values are kept as JSON text. Headers are the keys of the first lines.
 */
import { err, ok, type Result } from '../result';

/** Lines whose keys make the header row. */
const headerLines = 500;
/** Longest line accepted. */
export const maxLineChars = 1 << 20;

const lifted = ['properties', 'event_properties', 'user_properties'];

function flatten(obj: Record<string, unknown>): Map<string, string> {
  const out = new Map<string, string>();
  const put = (k: string, v: unknown) => {
    if (v === null || v === undefined) return;
    if (!out.has(k)) out.set(k, typeof v === 'object' ? JSON.stringify(v) : String(v));
  };
  for (const [k, v] of Object.entries(obj)) {
    if (lifted.includes(k) && v !== null && typeof v === 'object' && !Array.isArray(v)) continue;
    put(k, v);
  }
  for (const key of lifted) {
    const nested = obj[key];
    if (nested !== null && typeof nested === 'object' && !Array.isArray(nested)) for (const [k, v] of Object.entries(nested)) put(k, v);
  }
  return out;
}

/** Whether a text looks like JSON Lines (its first non-blank character opens an object). */
export function looksLikeJsonLines(text: string, fileName: string): boolean {
  if (/\.(jsonl|ndjson)$/i.test(fileName)) return true;
  return /^\s*\{/.test(text.slice(0, 1000));
}

/** All lines of a JSON Lines text as rows under one header; a broken line fails the whole file. */
export function jsonLinesRows(text: string, maxRows: number): Result<{ headers: string[]; rows: string[][] }> {
  const objects: Map<string, string>[] = [];
  const headers: string[] = [];
  const index = new Map<string, number>();
  let line = 0;
  for (let at = 0; at < text.length;) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    line++;
    const raw = text.slice(at, end).trim();
    at = end + 1;
    if (raw === '') continue;
    if (raw.length > maxLineChars) return err('too-large', `Line ${line} is longer than ${maxLineChars} characters; nothing was imported.`);
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return err('invalid-document', `Line ${line} is not valid JSON; nothing was imported.`);
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return err('invalid-document', `Line ${line} is not a JSON object; nothing was imported.`);
    if (objects.length >= maxRows) return err('too-large', `The file has more than ${maxRows.toLocaleString('en')} events; split it into waves.`);
    const flat = flatten(parsed as Record<string, unknown>);
    if (objects.length < headerLines) for (const k of flat.keys()) if (!index.has(k)) { index.set(k, headers.length); headers.push(k); }
    objects.push(flat);
  }
  const rows = objects.map((o) => headers.map((h) => o.get(h) ?? ''));
  return ok({ headers, rows });
}
