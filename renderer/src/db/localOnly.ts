/**
 * Documents that stay on this laptop. An import's chunks are saved while the file is read, before
 * the user has seen the rejected rows and chosen Import: until then they carry `data.pending` and
 * are never pushed to a sync server (couchPush.ts skips them), so nothing a user may still stop
 * leaves the machine. Confirming rewrites them without the mark; that write is what syncs.
 */

/** Where the mark lives: inside the free-form `data` of a chunk, so the collection schema is unchanged. */
export interface PendingMark { pending?: true }

/** True for a dataset chunk whose import is not confirmed (a live one or an emptied, removed one). */
export function staysLocal(doc: Record<string, unknown>): boolean {
  return doc.kind === 'chunk' && (doc.data as PendingMark | undefined)?.pending === true;
}
