import { maxRequestBodyBytes } from '../../../common/sync/limits';
import { CouchError } from './errors';

/**
 * Caps on what one request may ask for. The body limit alone does not stop a request from holding
 * the server: 16 MiB of `_all_docs` keys, `_bulk_get` ids or one `_revisions` list of 30,000 ids
 * (PouchDB merges revision paths in time quadratic in their length) kept every tenant waiting for
 * seconds to minutes. With these caps, and the heavy routes working in slices that yield to other
 * requests (see {@link inSlices}), the largest allowed request costs a few seconds of its own
 * client's time and nobody else's. Counts follow CouchDB 3's `max_bulk_docs_count` and
 * `max_bulk_get_count` (10,000 each) and its default `revs_limit` (1,000).
 */
export interface RequestLimits {
  /** Largest request body in bytes (413 `too_large`). */
  bodyBytes: number;
  /** An over-limit body up to this size is read and thrown away, so the client gets the 413 rather than a reset. */
  discardBytes: number;
  /** Documents per `_bulk_docs`. */
  bulkDocs: number;
  /** Documents per `_bulk_get`. */
  bulkGet: number;
  /** Keys per `_all_docs` (query or body). */
  allDocsKeys: number;
  /** Document ids per `_revs_diff`, and revisions over all of them ×10. */
  revsDiffIds: number;
  /** Revision ids kept from a written `_revisions` list (older ones are cut, as CouchDB stems to `revs_limit`). */
  revsLimit: number;
  /** Nesting depth of a JSON body or JSON query parameter. */
  jsonDepth: number;
  /** Characters of a document id (CouchDB's default is unlimited; URLs cap it in practice). */
  docIdLength: number;
  /** A request body that sends nothing for this long is answered 408 and its connection closed. */
  bodyIdleMs: number;
}

/** The defaults, as printed in sync-server/README.md. */
export const defaultLimits: RequestLimits = {
  bodyBytes: maxRequestBodyBytes,
  discardBytes: 4 * maxRequestBodyBytes,
  bulkDocs: 10_000,
  bulkGet: 10_000,
  allDocsKeys: 10_000,
  revsDiffIds: 10_000,
  revsLimit: 1000,
  jsonDepth: 64,
  docIdLength: 4096,
  bodyIdleMs: 30_000,
};

/** CouchDB's 413 for a request that asks for too many items; `error` names the limit. */
export function tooMany(error: string, what: string, count: number, max: number): CouchError {
  return new CouchError(413, error, `${what}: ${count} given, at most ${max} per request. Send it in smaller batches.`);
}

/** Lets queued I/O callbacks and other requests run before the next slice of heavy work. */
export const yieldToOthers = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Runs `work` over consecutive slices of `items`, yielding between slices, and concatenates the
 * answers in order. A slice ends after `maxItems` items or once the items' `weight` reaches
 * `maxWeight` (e.g. revision ids, whose merge cost grows fastest).
 */
export async function inSlices<T, R>(
  items: readonly T[],
  work: (slice: T[]) => Promise<R[]>,
  options: { maxItems: number; maxWeight?: number; weight?: (item: T) => number },
): Promise<R[]> {
  const out: R[] = [];
  let start = 0;
  while (start < items.length) {
    let end = start;
    let weight = 0;
    while (end < items.length && end - start < options.maxItems && (options.maxWeight === undefined || weight < options.maxWeight)) {
      weight += options.weight?.(items[end]!) ?? 1;
      end++;
    }
    if (start > 0) await yieldToOthers();
    for (const r of await work(items.slice(start, end))) out.push(r);
    start = end;
  }
  return out;
}
