import { describe, expect, test } from 'vitest';
import { allTags, defaultListQuery, filterPersonas, indexPersonas, type PersonaListQuery, type PersonaSummary } from './listQuery';

const p = (id: string, name: string, role: string, status: PersonaSummary['status'], tags: string[], updatedAt: number): PersonaSummary => ({
  id, name, role, status, tags, updatedAt, personaType: '', accentColor: '#000000', photoAssetId: null,
});
const list = [
  p('a', 'José the nurse', 'Night shift', 'active', ['Health'], 3),
  p('b', 'Maya', 'Online shopper', 'draft', ['retail', 'vip'], 5),
  p('c', 'anna', 'Buyer', 'inactive', ['b2b'], 1),
];

describe('filterPersonas', () => {
  test('finds by name, role or tag, ignoring case and accents', () => {
    expect(filterPersonas(list, { ...defaultListQuery, text: 'jose' }).map((x) => x.id)).toEqual(['a']);
    expect(filterPersonas(list, { ...defaultListQuery, text: 'SHOPPER' }).map((x) => x.id)).toEqual(['b']);
    expect(filterPersonas(list, { ...defaultListQuery, text: 'vip' }).map((x) => x.id)).toEqual(['b']);
    expect(filterPersonas(list, { ...defaultListQuery, text: 'maya vip' }).map((x) => x.id)).toEqual(['b']);
    expect(filterPersonas(list, { ...defaultListQuery, text: 'maya b2b' })).toEqual([]);
  });

  test('filters by status and tag', () => {
    expect(filterPersonas(list, { ...defaultListQuery, status: 'inactive' }).map((x) => x.id)).toEqual(['c']);
    expect(filterPersonas(list, { ...defaultListQuery, tag: 'health' }).map((x) => x.id)).toEqual(['a']);
  });

  test('sorts by last change, newest first, or by name regardless of case', () => {
    expect(filterPersonas(list, defaultListQuery).map((x) => x.id)).toEqual(['b', 'a', 'c']);
    expect(filterPersonas(list, { ...defaultListQuery, sort: 'name' }).map((x) => x.id)).toEqual(['c', 'a', 'b']);
  });

  test('search text that looks like a pattern is matched literally', () => {
    for (const text of ['.*', '(', '[a-z]', '\\', '$^']) expect(filterPersonas(list, { ...defaultListQuery, text })).toEqual([]);
  });

  test('lists each tag once whatever its case', () => {
    expect(allTags([...list, p('d', 'x', '', 'draft', ['VIP', 'health'], 0)])).toEqual(['b2b', 'Health', 'retail', 'vip']);
  });
});

describe('indexPersonas', () => {
  test('gives the same result as filtering afresh, for any query', () => {
    const index = indexPersonas(list);
    for (const text of ['', 'a', 'jose', 'b2b vip', 'x']) {
      for (const status of ['all', 'draft', 'active', 'inactive'] as const) {
        for (const sort of ['updated', 'name'] as const) {
          const q = { text, status, sort, tag: null };
          expect(index.filter(q)).toEqual(reference(list, q));
        }
      }
    }
  });
});

/** A plain reference: filter, then sort, with no precomputation. */
function reference(items: PersonaSummary[], q: PersonaListQuery): PersonaSummary[] {
  const words = q.text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().split(/\s+/).filter(Boolean);
  const hay = (p: PersonaSummary) => [p.name, p.role, ...p.tags].join('\n').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return items
    .filter((p) => (q.status === 'all' || p.status === q.status) && words.every((w) => hay(p).includes(w)))
    .sort(q.sort === 'name' ? (a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) : (a, b) => b.updatedAt - a.updatedAt);
}
