import type { Result } from '../../../common/result';

/** A stored document the app could not use, with the reason, so it is reported and skipped. */
export interface DocProblem { collection: string; id: string; message: string }

/**
 * Splits stored documents into the ones a parser accepts and problems for the rest. A corrupted or
 * schema-invalid document (written by another app version, a bad import or a broken disk) must
 * never crash a screen: it is skipped and listed.
 */
export function partitionDocs<T>(
  collection: string,
  docs: readonly unknown[],
  parse: (doc: unknown) => Result<T>,
): { items: T[]; problems: DocProblem[] } {
  const items: T[] = [];
  const problems: DocProblem[] = [];
  for (const doc of docs) {
    let parsed: Result<T>;
    try {
      parsed = parse(doc);
    } catch (error) {
      parsed = { ok: false, code: 'invalid-document', message: error instanceof Error ? error.message : String(error) };
    }
    if (parsed.ok) items.push(parsed.data);
    else problems.push({ collection, id: idOf(doc), message: parsed.message });
  }
  return { items, problems };
}

function idOf(doc: unknown): string {
  if (doc !== null && typeof doc === 'object' && 'id' in doc && typeof doc.id === 'string') return doc.id;
  return '(no id)';
}

type Listener = () => void;
const listeners = new Set<Listener>();
let current: readonly DocProblem[] = [];

/**
 * The workspace-wide list of skipped documents, shown in one banner. Reporting replaces the
 * problems of one collection+source so a re-run query does not pile up duplicates.
 */
export const docProblems = {
  report(source: string, problems: readonly DocProblem[]): void {
    const others = current.filter((p) => sourceOf.get(p) !== source);
    const tagged = problems.map((p) => ({ ...p }));
    for (const p of tagged) sourceOf.set(p, source);
    const next = [...others, ...tagged];
    if (next.length === 0 && current.length === 0) return;
    current = next;
    for (const l of listeners) l();
  },
  snapshot(): readonly DocProblem[] {
    return current;
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
const sourceOf = new WeakMap<DocProblem, string>();
