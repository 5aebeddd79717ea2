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

/** Personas prepared for repeated filtering: folded text and both sort orders computed once. */
export interface PersonaIndex<T extends PersonaSummary> {
  /** Filters and sorts; each call costs a pass over precomputed strings, not a re-fold and re-sort. */
  filter(q: PersonaListQuery): T[];
}

/**
 * Prepares personas for the list. The list re-filters on every keystroke, so folding text (Unicode
 * normalisation) and sorting, the costly parts, happen once per change of the data instead.
 */
export function indexPersonas<T extends PersonaSummary>(personas: readonly T[]): PersonaIndex<T> {
  const entries = personas.map((p) => ({ p, hay: fold([p.name, p.role, ...p.tags].join('\n')), tags: p.tags.map(fold) }));
  const byUpdated = [...entries].sort((a, b) => b.p.updatedAt - a.p.updatedAt || a.p.id.localeCompare(b.p.id));
  const collator = new Intl.Collator(undefined, { sensitivity: 'base' });
  const byName = [...entries].sort((a, b) => collator.compare(a.p.name, b.p.name) || a.p.id.localeCompare(b.p.id));
  return {
    filter(q) {
      const words = fold(q.text).split(/\s+/).filter(Boolean);
      const tag = q.tag === null ? null : fold(q.tag);
      const out: T[] = [];
      for (const e of q.sort === 'name' ? byName : byUpdated) {
        if (q.status !== 'all' && e.p.status !== q.status) continue;
        if (tag !== null && !e.tags.includes(tag)) continue;
        if (words.every((w) => e.hay.includes(w))) out.push(e.p);
      }
      return out;
    },
  };
}

/** Filters and sorts personas for the list. Every word of the search must match name, role or a tag. */
export function filterPersonas<T extends PersonaSummary>(personas: readonly T[], q: PersonaListQuery): T[] {
  return indexPersonas(personas).filter(q);
}

/** Every tag in use, sorted, for the tag filter. */
export function allTags(personas: readonly Pick<PersonaSummary, 'tags'>[]): string[] {
  const seen = new Map<string, string>();
  for (const p of personas) for (const t of p.tags) if (!seen.has(fold(t))) seen.set(fold(t), t);
  return [...seen.values()].sort((a, b) => a.localeCompare(b));
}
