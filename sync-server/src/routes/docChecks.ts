import { isObject } from '../http/body';
import { CouchError, badRequest } from '../http/errors';
import type { RequestLimits } from '../http/limits';
import type { Doc } from '../store/pouch';

/**
 * Checks on a document before PouchDB sees it, with CouchDB's answers. PouchDB itself throws a
 * 500-status `doc_validation` for an unknown `_` member and merges any `_revisions` list it is
 * given, however long; both reach it only after these checks.
 */

/** The `_` members CouchDB accepts in a document body. */
const specialMembers = new Set(['_id', '_rev', '_deleted', '_attachments', '_revisions', '_revs_info', '_conflicts', '_deleted_conflicts', '_local_seq']);

/** Refuses ids CouchDB refuses: non-strings, empty, reserved `_` prefixes other than design/local, over the length limit. */
export function checkDocId(id: unknown, required: boolean, limits: RequestLimits): void {
  if (id === undefined && !required) return;
  if (typeof id !== 'string' || id.length === 0) throw badRequest('Document id must be a non-empty string.');
  if (id.length > limits.docIdLength) throw badRequest(`Document id is longer than ${limits.docIdLength} characters.`);
  if (id.startsWith('_') && !id.startsWith('_design/') && !id.startsWith('_local/')) {
    throw badRequest('Only reserved document ids may start with underscore.');
  }
}

/**
 * Validates a document body's special members and cuts `_revisions` to the revision limit (the
 * newest ids are kept, as CouchDB's stemming does). Returns the document to write.
 */
export function checkDocBody(doc: Record<string, unknown>, limits: RequestLimits): Doc {
  for (const key of Object.keys(doc)) {
    if (key.startsWith('_') && !specialMembers.has(key)) {
      throw new CouchError(400, 'doc_validation', `Bad special document member: ${key.slice(0, 100)}`);
    }
  }
  if (doc._rev !== undefined && typeof doc._rev !== 'string') throw badRequest('`_rev` must be a string.');
  if (doc._deleted !== undefined && typeof doc._deleted !== 'boolean') throw new CouchError(400, 'doc_validation', '`_deleted` must be a boolean.');
  if (doc._attachments !== undefined) checkAttachments(doc._attachments);
  if (doc._revisions === undefined) return doc as Doc;
  const revisions = doc._revisions;
  if (!isObject(revisions) || !Number.isSafeInteger(revisions.start) || !Array.isArray(revisions.ids)) {
    throw badRequest('`_revisions` must be {"start": integer, "ids": [revision ids]}.');
  }
  const { start, ids } = revisions as { start: number; ids: unknown[] };
  if (ids.length === 0 || start < ids.length || !ids.every((id) => typeof id === 'string' && id.length > 0 && id.length <= 200)) {
    throw badRequest('`_revisions` needs at least one revision id, no more ids than `start`, and ids of 1 to 200 characters.');
  }
  if (ids.length <= limits.revsLimit) return doc as Doc;
  return { ...doc, _revisions: { start, ids: ids.slice(0, limits.revsLimit) } } as Doc;
}

/** Inline attachments: each a stub or base64 `data` with a content type. */
function checkAttachments(value: unknown): void {
  if (!isObject(value)) throw badRequest('`_attachments` must be an object of attachments by name.');
  for (const [name, att] of Object.entries(value)) {
    if (name.length === 0 || name.startsWith('_')) throw badRequest('Attachment names are non-empty and may not start with underscore.');
    if (!isObject(att)) throw badRequest(`Attachment ${JSON.stringify(name.slice(0, 100))} must be an object.`);
    if (att.stub === true) continue;
    if (typeof att.data !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(att.data)) {
      throw badRequest(`Attachment ${JSON.stringify(name.slice(0, 100))} needs base64 \`data\` (or \`stub: true\`).`);
    }
    if (att.content_type !== undefined && typeof att.content_type !== 'string') throw badRequest('`content_type` must be a string.');
  }
}

/** Revision ids a document carries, the weight of its merge in PouchDB. */
export function revisionWeight(doc: Doc): number {
  const revisions = doc._revisions as { ids?: unknown[] } | undefined;
  return 1 + (revisions?.ids?.length ?? 0);
}
