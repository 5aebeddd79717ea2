import type { RxCollection, RxConflictHandler } from 'rxdb/plugins/core';

/**
 * A laptop's story of each document, for a chaos seed that does not converge: what its sync fetch
 * sent and received about the document (pulls, reads, writes, failures), every write to its local
 * copy with the RxDB context that made it (the user, the pull, a conflict resolution), and each
 * conflict resolution's sides. Bounded per document and in documents; only the fields that tell
 * the story (name, stamp, revision, writer, deleted).
 */
export interface Trace {
  /** Wraps a fetch so requests touching documents are recorded. */
  fetch(base: typeof globalThis.fetch): typeof globalThis.fetch;
  /** Records local writes of a collection. */
  watch(collection: RxCollection): () => void;
  /** Wraps a collection's conflict handler so its resolutions are recorded. */
  handler(handler: RxConflictHandler<{ id: string }>): RxConflictHandler<{ id: string }>;
  /** The lines recorded for a document id. */
  lines(id: string): string[];
}

const perDocument = 150;
const documents = 5000;

type Json = Record<string, unknown>;

function brief(doc: Json | null | undefined): string {
  if (!doc) return 'none';
  const label = doc.name ?? doc.role ?? doc.description ?? doc.value ?? doc.inputsDigest;
  const stamp = doc.updatedAt ?? doc.computedAt ?? doc.createdAt;
  const rev = typeof doc._rev === 'string' ? ` ${doc._rev.slice(0, 8)}` : '';
  const by = typeof doc.cx_by === 'string' ? ` by ${doc.cx_by.slice(0, 3)}` : '';
  return `${JSON.stringify(label)?.slice(0, 30)}@${String(stamp)}${rev}${by}${doc._deleted ? ' DELETED' : ''}`;
}

/** Starts a trace. */
export function startTrace(): Trace {
  const started = Date.now();
  const byId = new Map<string, string[]>();
  const add = (id: string, line: string) => {
    let lines = byId.get(id);
    if (!lines) {
      if (byId.size >= documents) return;
      lines = [];
      byId.set(id, lines);
    }
    if (lines.length >= perDocument) lines.shift();
    lines.push(`${String(Date.now() - started).padStart(6)} ${line}`);
  };
  return {
    fetch: (base) => async (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      const db = url.match(/\/[a-z0-9]+-([a-z_]+)\/(_changes|_bulk_docs|_all_docs)/);
      const what = db ? `${db[1]} ${db[2]}` : '';
      // Pushes send their JSON as UTF-8 bytes (renderer/src/sync/pushBody.ts), reads as strings.
      const body = typeof init?.body === 'string' ? init.body : init?.body instanceof Uint8Array ? new TextDecoder().decode(init.body) : '';
      let sent: Json[] = [];
      if (db?.[2] === '_bulk_docs') {
        sent = (JSON.parse(body) as { docs: Json[] }).docs;
        for (const doc of sent) add(String(doc._id), `→ ${what} ${brief(doc)}`);
      }
      if (db?.[2] === '_all_docs') sent = ((JSON.parse(body || '{}') as { keys?: string[] }).keys ?? []).map((k) => ({ _id: k }));
      let response: Response;
      try {
        response = await base(input, init);
      } catch (error) {
        for (const doc of sent) add(String(doc._id), `✗ ${what} ${error instanceof Error ? error.message.slice(0, 60) : String(error)}`);
        throw error;
      }
      if (!db || !response.ok) return response;
      const text = await response.clone().text().catch(() => '');
      try {
        const parsed = JSON.parse(text) as unknown;
        if (db[2] === '_changes') {
          const since = new URL(url).searchParams.get('since');
          const page = parsed as { results: { seq: unknown; id: string; doc?: Json }[]; last_seq: unknown };
          for (const row of page.results ?? []) add(row.id, `← ${what} since ${since} → ${String(row.seq).slice(0, 6)}: ${brief(row.doc)} (last ${String(page.last_seq).slice(0, 6)})`);
        } else if (db[2] === '_all_docs') {
          for (const row of (parsed as { rows: { key: string; value?: { deleted?: boolean; rev?: string }; doc?: Json | null }[] }).rows ?? []) {
            add(row.key, `← ${what} ${row.doc ? brief(row.doc) : row.value?.deleted ? `deleted ${String(row.value.rev).slice(0, 8)}` : 'missing'}`);
          }
        } else {
          for (const row of parsed as { id: string; ok?: boolean; rev?: string; error?: string }[]) add(row.id, `← ${what} ${row.ok ? `ok ${String(row.rev).slice(0, 8)}` : String(row.error)}`);
        }
      } catch {
        for (const doc of sent) add(String(doc._id), `← ${what} unreadable answer`);
      }
      return response;
    },
    watch(collection) {
      const sub = collection.storageInstance.changeStream().subscribe((bulk) => {
        for (const event of bulk.events) {
          const doc = event.documentData as unknown as Json;
          add(event.documentId, `local ${bulk.context.replace(/^replication-/, 'r-').slice(0, 40)} ${brief({ ...doc, _rev: undefined })} ${String(doc._rev).slice(0, 10)}`);
        }
      });
      return () => sub.unsubscribe();
    },
    handler: (handler) => ({
      isEqual: handler.isEqual,
      async resolve(input, context) {
        const result = await handler.resolve(input, context);
        const n = (d: unknown) => brief(d as Json | undefined);
        add(String(input.newDocumentState.id), `resolve ${context}: ours ${n(input.newDocumentState)} base ${n(input.assumedMasterState)} server ${n(input.realMasterState)} → ${n(result)}`);
        return result;
      },
    }),
    lines: (id) => [...(byId.get(id) ?? [])],
  };
}
