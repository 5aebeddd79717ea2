import type { PersonaDoc, PersonaStatus } from './document';

/** What the persona list shows of each persona (list queries never need sections). */
export type PersonaSummary = Pick<PersonaDoc, 'id' | 'name' | 'role' | 'status' | 'tags' | 'personaType' | 'accentColor' | 'photoAssetId' | 'updatedAt'>;

/** The list's search, filters and sort. */
export interface PersonaListQuery {
  /** Matches name, role or a tag, ignoring case and accents. */
  text: string;
  status: PersonaStatus | 'all';
  /** Only personas with this tag; null for any. */
  tag: string | null;
  sort: 'updated' | 'name';
}

/** The list as it opens: everything, most recently changed first. */
export const defaultListQuery: PersonaListQuery = { text: '', status: 'all', tag: null, sort: 'updated' };

/** Lower case without accents, so "jose" finds "José". */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Filters and sorts personas for the list. Every word of the search must match name, role or a tag. */
export function filterPersonas<T extends PersonaSummary>(personas: readonly T[], q: PersonaListQuery): T[] {
  const words = fold(q.text).split(/\s+/).filter(Boolean);
  const tag = q.tag === null ? null : fold(q.tag);
  const out = personas.filter((p) => {
    if (q.status !== 'all' && p.status !== q.status) return false;
    if (tag !== null && !p.tags.some((t) => fold(t) === tag)) return false;
    if (words.length === 0) return true;
    const haystack = fold([p.name, p.role, ...p.tags].join('\n'));
    return words.every((w) => haystack.includes(w));
  });
  return out.sort(q.sort === 'name'
    ? (a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) || a.id.localeCompare(b.id)
    : (a, b) => b.updatedAt - a.updatedAt || a.id.localeCompare(b.id));
}

/** Every tag in use, sorted, for the tag filter. */
export function allTags(personas: readonly Pick<PersonaSummary, 'tags'>[]): string[] {
  const seen = new Map<string, string>();
  for (const p of personas) for (const t of p.tags) if (!seen.has(fold(t))) seen.set(fold(t), t);
  return [...seen.values()].sort((a, b) => a.localeCompare(b));
}
