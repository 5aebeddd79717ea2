import type { RxCollection } from 'rxdb/plugins/core';

/**
 * A laptop's story of one document, for a chaos seed that does not converge: what its sync fetch
 * sent and received about the document (pulls, reads, writes, failures) and every write to its
 * local copy with the RxDB context that made it (the user, the pull, a conflict resolution).
 * Bounded, and only the fields that tell the story (name, stamp, revision, writer).
 */
export interface Trace {
  /** Wraps a fetch so requests touching the traced document are recorded. */
  fetch(base: typeof globalThis.fetch): typeof globalThis.fetch;
  /** Records local writes to the traced document of a collection. */
  watch(collection: RxCollection): () => void;
  /** Adds a line of its own (a conflict resolution). */
  note(line: string): void;
  lines(): string[];
}

const maxLines = 400;

/** Starts a trace of one document id. */
export function traceDocument(id: string): Trace {
  const started = Date.now();
  const out: string[] = [];
  const add = (line: string) => {
    if (out.length >= maxLines) out.shift();
    out.push(`${String(Date.now() - started).padStart(6)} ${line}`);
  };
  const brief = (doc: Record<string, unknown> | null | undefined) =>
    doc ? `${String(doc.name)}@${String(doc.updatedAt)}${doc._rev ? ` ${String(doc._rev).slice(0, 8)}` : ''}${doc.cx_by ? ` by ${String(doc.cx_by).slice(0, 3)}` : ''}${doc._deleted ? ' deleted' : ''}` : 'none';
  return {
    fetch: (base) => async (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      const db = url.match(/\/([^/?]+)\/(_changes|_bulk_docs|_all_docs)/);
      const body = typeof init?.body === 'string' ? init.body : '';
      const mentions = body.includes(`"${id}"`);
      const what = db ? `${db[1]!.replace(/^.*-/, '')} ${db[2]}` : '';
      if (db?.[2] === '_bulk_docs' && mentions) {
        const docs = (JSON.parse(body) as { docs: Record<string, unknown>[] }).docs.filter((d) => d._id === id);
        add(`→ ${what} ${docs.map(brief).join(', ')}`);
      }
      let response: Response;
      try {
        response = await base(input, init);
      } catch (error) {
        if (mentions || db?.[2] === '_changes') add(`✗ ${what} ${error instanceof Error ? error.message.slice(0, 60) : String(error)}`);
        throw error;
      }
      if (!db || !response.ok) return response;
      const text = await response.clone().text().catch(() => '');
      if (!text.includes(`"${id}"`)) return response;
      try {
        const parsed = JSON.parse(text) as Record<string, unknown> | Record<string, unknown>[];
        if (db[2] === '_changes') {
          const since = new URL(url).searchParams.get('since');
          const rows = ((parsed as { results: { seq: unknown; doc?: Record<string, unknown> }[] }).results ?? []).filter((r) => r.doc?._id === id);
          add(`← ${what} since ${since} → ${rows.map((r) => `${String(r.seq).slice(0, 6)}: ${brief(r.doc)}`).join(', ')} last ${String((parsed as { last_seq: unknown }).last_seq).slice(0, 6)}`);
        } else if (db[2] === '_all_docs') {
          const row = ((parsed as { rows: { key: string; doc?: Record<string, unknown> }[] }).rows ?? []).find((r) => r.key === id);
          add(`← ${what} ${brief(row?.doc)}`);
        } else {
          const row = (parsed as { id: string; ok?: boolean; rev?: string; error?: string }[]).find((r) => r.id === id);
          add(`← ${what} ${row?.ok ? `ok ${String(row.rev).slice(0, 8)}` : String(row?.error)}`);
        }
      } catch {
        add(`← ${what} unreadable`);
      }
      return response;
    },
    watch(collection) {
      const sub = collection.storageInstance.changeStream().subscribe((bulk) => {
        for (const event of bulk.events) {
          if (event.documentId !== id) continue;
          const doc = event.documentData as unknown as Record<string, unknown>;
          add(`local ${bulk.context} ${brief({ ...doc, _rev: undefined })} ${String(doc._rev).slice(0, 10)}`);
        }
      });
      return () => sub.unsubscribe();
    },
    note: add,
    lines: () => [...out],
  };
}
