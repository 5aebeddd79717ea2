import { validatePersona, type PersonaDoc, type PersonaSection } from './document';
import type { PersonaProblem } from './problems';

/** What an editor can store of a document that fails validation. */
export interface Salvaged {
  /** The document to write: the editor's, with every invalid part taken from `fallback`; null when even that fails. */
  doc: PersonaDoc | null;
  /** The problems whose parts were held back (empty when the document was valid as it is). */
  held: PersonaProblem[];
}

/**
 * Saves what is valid. One invalid field (a cleared name) must not keep every other edit out of the
 * database, where they would vanish when the user leaves: each problem's top-level field, or the one
 * section it lies in, is taken from `fallback` (the last stored, valid version), the rest of `doc` is
 * kept. The editor goes on showing `doc` and reports `held` until the user fixes it.
 */
export function salvagePersona(doc: PersonaDoc, fallback: PersonaDoc): Salvaged {
  const first = validatePersona(doc);
  if (first.ok) return { doc: first.value, held: [] };
  const patched: Record<string, unknown> = { ...doc };
  let sections: PersonaSection[] | null = Array.isArray(doc.sections) ? [...doc.sections] : null;
  const dropped = new Set<number>();
  for (const p of first.problems) {
    const at = /^sections\[(\d+)\]/.exec(p.path);
    const top = p.path.split(/[.[]/)[0] ?? '';
    if (at && sections) {
      const index = Number(at[1]);
      const id = doc.sections[index]?.id;
      const old = fallback.sections.find((s) => s.id === id);
      // A section added since the last save that is already invalid has no stored form to fall back to.
      if (old) sections[index] = old;
      else dropped.add(index);
    } else if (top === 'sections' || top === '') {
      sections = null;
    } else if (top in fallback) {
      patched[top] = (fallback as unknown as Record<string, unknown>)[top];
    }
  }
  patched.sections = sections ? sections.filter((_, i) => !dropped.has(i)) : fallback.sections;
  const second = validatePersona(patched);
  return { doc: second.ok ? second.value : null, held: first.problems };
}
