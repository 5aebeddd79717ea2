/**
 * Three-way merge of two edited versions of one persona or journey, element by element, so two
 * people editing different parts of one document both keep their work (issue: "Conflicts").
 *
 * Objects merge key by key; arrays whose items all carry a string `id` (sections, list items,
 * stages, lanes, nodes, edges…) merge item by item by id; anything else is a value. A value edited
 * differently on both sides gets a deterministic winner — the side with the later `updatedAt`, ties
 * broken by comparing the canonical JSON — so every laptop computes the same result whichever side
 * it sees as "local". An edit to something the other side deleted survives. Every place where one
 * side's edit was set aside is reported, so the losing version can be kept in history.
 */

/** A place where the two sides disagreed and one side's value was set aside. */
export interface MergeConflict {
  /** Path to the value, e.g. `sections[id=s1].data.text`. */
  path: string;
  /** What happened: both edited the value, or one deleted what the other edited. */
  kind: 'both-edited' | 'edit-vs-delete';
}

/** The merged document and the conflicts met on the way. */
export interface MergeResult<T> {
  merged: T;
  conflicts: MergeConflict[];
  /** Which side won the disputed values: `a` or `b` (as passed to {@link mergeVersions}). */
  winner: 'a' | 'b';
}

type Json = unknown;
type Side = 'a' | 'b';

/** Canonical JSON: object keys sorted, so equal values compare equal whatever their key order. */
export function canonicalJson(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value as object)
      .filter((k) => (value as Record<string, Json>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, Json>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

const same = (x: Json, y: Json) => canonicalJson(x) === canonicalJson(y);
const isObject = (v: Json): v is Record<string, Json> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isIdList = (v: Json): v is { id: string }[] =>
  Array.isArray(v) && v.every((item) => isObject(item) && typeof item.id === 'string');

/**
 * Merges versions `a` and `b` of one document that both descend from `base` (undefined when the
 * common ancestor is unknown: then everything either side has is kept, and disputed values go to
 * the winner).
 */
export function mergeVersions<T>(base: T | undefined, a: T, b: T): MergeResult<T> {
  const winner = pickWinner(a, b);
  const conflicts: MergeConflict[] = [];
  const merged = mergeValue(base, a, b, '', winner, conflicts) as T;
  return { merged, conflicts, winner };
}

/** The side whose disputed values win: the later `updatedAt`, then the larger canonical JSON. */
export function pickWinner(a: Json, b: Json): Side {
  const ta = isObject(a) && typeof a.updatedAt === 'number' ? a.updatedAt : 0;
  const tb = isObject(b) && typeof b.updatedAt === 'number' ? b.updatedAt : 0;
  if (ta !== tb) return ta > tb ? 'a' : 'b';
  return canonicalJson(a) >= canonicalJson(b) ? 'a' : 'b';
}

function mergeValue(base: Json, a: Json, b: Json, path: string, winner: Side, conflicts: MergeConflict[]): Json {
  if (same(a, b)) return a;
  if (base !== undefined && same(a, base)) return b;
  if (base !== undefined && same(b, base)) return a;
  if (a === undefined || b === undefined) {
    // One side deleted, the other edited (or both added differently): the edit survives.
    conflicts.push({ path: path || '(document)', kind: 'edit-vs-delete' });
    return a === undefined ? b : a;
  }
  if (isObject(a) && isObject(b)) return mergeObjects(isObject(base) ? base : undefined, a, b, path, winner, conflicts);
  if (isIdList(a) && isIdList(b)) return mergeIdLists(isIdList(base) ? base : undefined, a, b, path, winner, conflicts);
  conflicts.push({ path: path || '(document)', kind: 'both-edited' });
  return winner === 'a' ? a : b;
}

function mergeObjects(
  base: Record<string, Json> | undefined, a: Record<string, Json>, b: Record<string, Json>,
  path: string, winner: Side, conflicts: MergeConflict[],
): Record<string, Json> {
  const out: Record<string, Json> = {};
  const keys = new Set([...Object.keys(a), ...Object.keys(b), ...Object.keys(base ?? {})]);
  for (const key of keys) {
    if (key === 'updatedAt') continue;
    const value = mergeValue(base?.[key], a[key], b[key], path ? `${path}.${key}` : key, winner, conflicts);
    if (value !== undefined) out[key] = value;
  }
  // The merged document is newer than both sides, so it sorts after either of them everywhere.
  if (typeof a.updatedAt === 'number' || typeof b.updatedAt === 'number') {
    out.updatedAt = Math.max(Number(a.updatedAt ?? 0), Number(b.updatedAt ?? 0));
  }
  return out;
}

function mergeIdLists(
  base: { id: string }[] | undefined, a: { id: string }[], b: { id: string }[],
  path: string, winner: Side, conflicts: MergeConflict[],
): { id: string }[] {
  const byId = (list: { id: string }[] | undefined) => new Map((list ?? []).map((item) => [item.id, item]));
  const [baseMap, aMap, bMap] = [byId(base), byId(a), byId(b)];
  const merged = new Map<string, Json>();
  for (const id of new Set([...aMap.keys(), ...bMap.keys(), ...baseMap.keys()])) {
    const value = mergeValue(baseMap.get(id), aMap.get(id), bMap.get(id), `${path}[id=${id}]`, winner, conflicts);
    if (value !== undefined) merged.set(id, value);
  }
  // Order: a side that reordered wins; otherwise the winner's order. New items keep their place.
  const order = (list: { id: string }[]) => list.map((i) => i.id).join('\u0000');
  const aMoved = base !== undefined && order(a.filter((i) => baseMap.has(i.id))) !== order(base.filter((i) => aMap.has(i.id)));
  const bMoved = base !== undefined && order(b.filter((i) => baseMap.has(i.id))) !== order(base.filter((i) => bMap.has(i.id)));
  const primary = aMoved && !bMoved ? a : bMoved && !aMoved ? b : winner === 'a' ? a : b;
  const secondary = primary === a ? b : a;
  const ids: string[] = [];
  for (const item of primary) if (merged.has(item.id)) ids.push(item.id);
  secondary.forEach((item, index) => {
    if (!merged.has(item.id) || ids.includes(item.id)) return;
    // Insert after the item that precedes it on its own side, so an added item stays near its neighbours.
    const before = secondary[index - 1]?.id;
    const at = before === undefined ? 0 : ids.indexOf(before) + 1;
    ids.splice(at <= 0 && before !== undefined ? ids.length : at, 0, item.id);
  });
  for (const id of merged.keys()) if (!ids.includes(id)) ids.push(id);
  return ids.map((id) => merged.get(id) as { id: string });
}
