/**
 * Journey differences in words, old → new, for people reading a version diff: text quoted, yes/no,
 * counts and card texts. Never an asset id or raw JSON, which mean nothing to a reader.
 */

/** One changed field of a stage, lane, cell, flow step or connection, in words. */
export interface ChangeDetail {
  /** The field in words, e.g. "name", "moment of truth", "subject". */
  field: string;
  /** The old value in words. */
  before: string;
  /** The new value in words. */
  after: string;
}

const maxQuoted = 80;

/** A camelCase key as words: `momentOfTruth` → "moment of truth". */
export function fieldWords(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

function quoted(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return `"${one.length > maxQuoted ? `${one.slice(0, maxQuoted - 1)}…` : one}"`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A single value in words; null when only a comparison can word it (lists and objects). */
function scalarWords(key: string, value: unknown): string | null {
  if (value === undefined || value === null || value === '') return 'none';
  if (key === 'assetId' || key.endsWith('AssetId')) return 'an image';
  if (typeof value === 'string') return quoted(value);
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return null;
}

function listWords(key: string, value: unknown[]): string {
  if (value.length === 0) return 'none';
  const texts = value.map((x) => (typeof x === 'string' ? x : typeof x === 'object' && x && 'text' in x ? String((x as { text: unknown }).text) : typeof x === 'object' && x && 'label' in x ? String((x as { label: unknown }).label) : null));
  if (texts.every((t) => t !== null) && texts.length <= 5) return texts.map((t) => quoted(t ?? '')).join(', ');
  return plural(value.length, key === 'curves' ? 'curve' : key === 'cards' ? 'card' : 'item');
}

/**
 * The changed `keys` of `before` → `after` in words. A nested settings object (a flow step's
 * config) is opened one level, so a changed subject reads as `subject "Hi" → "Welcome"`.
 */
export function describeChanges(before: Record<string, unknown>, after: Record<string, unknown>, keys: readonly string[]): ChangeDetail[] {
  const out: ChangeDetail[] = [];
  for (const key of keys) {
    const a = before[key];
    const b = after[key];
    const sa = scalarWords(key, a);
    const sb = scalarWords(key, b);
    if (sa !== null && sb !== null) {
      out.push(key === 'assetId' && a && b ? { field: 'image', before: 'the earlier image', after: 'a new image' } : { field: fieldWords(key), before: sa, after: sb });
    } else if (Array.isArray(a) || Array.isArray(b)) {
      const wa = Array.isArray(a) ? listWords(key, a) : sa ?? 'none';
      const wb = Array.isArray(b) ? listWords(key, b) : sb ?? 'none';
      out.push(wa === wb ? { field: fieldWords(key), before: 'earlier values', after: 'new values' } : { field: fieldWords(key), before: wa, after: wb });
    } else if (isRecord(a) && isRecord(b) && key === 'config') {
      const inner = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])).sort();
      out.push(...describeChanges(a, b, inner));
    } else {
      out.push({ field: fieldWords(key), before: sa ?? 'earlier values', after: sb ?? 'new values' });
    }
  }
  return out;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** One detail as a line: `name "Discover" → "Discovery"`. */
export function detailText(d: ChangeDetail): string {
  return `${d.field} ${d.before} → ${d.after}`;
}
