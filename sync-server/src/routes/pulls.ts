import { doorbellCollection, parseDatabaseName, tenantDatabaseName, collectionPattern } from '../../../common/sync/names';
import { CouchError, badRequest } from '../http/errors';
import type { Ctx } from '../http/context';
import type { SharedPage } from '../http/notifier';
import { openDb } from './access';
import type { ChangesOptions } from './changes';
import { sharedPage } from './changes';
import { boolParam, intParam, sinceParam } from './query';

/**
 * The doorbell answer carries the pages (issue 22; this server only, not CouchDB). A laptop's
 * doorbell longpoll used to cost it, on every ring, one more request per rung collection: its pull
 * (`GET /<tenant>-<collection>/_changes?since=…`), then the next longpoll. At 500 laptops a round
 * was ~1,500 requests, which set the notify latency. Here the laptop names, in `cx_pull` query
 * parameters of its doorbell `_changes` request, the pull each collection would make next:
 *
 *     cx_pull=personas?since=12&limit=100&style=all_docs&include_docs=true&conflicts=true
 *
 * and when the answer has rings, it also carries, under `cx_pages`, for each rung collection named
 * there, exactly the page that `GET /<tenant>-personas/_changes?since=12&limit=100&…` would answer,
 * read through the same access checks (openDb: the same role rules as a direct GET) and from the
 * notifier's shared pages, so laptops in step share one read and one serialisation. A parameter
 * (not a header) because a custom header would need a CORS preflight against stock CouchDB; the app
 * sends it only to this server (its database info carries `cx_epoch`).
 *
 * The collection is a collection of the doorbell's own tenant, never a database name: another
 * tenant's database cannot be named (400). A page that is empty, too large or of a database that
 * is missing or refused is left out; the laptop then pulls as before.
 */

/** One pull a laptop would make next. */
export interface PullAsk {
  collection: string;
  opts: ChangesOptions;
}

/** The query parameter naming a pull. */
export const pullParam = 'cx_pull';
/** Pulls one doorbell request may name (the app has a dozen collections). */
const maxPulls = 32;
/** Larger pages are left out of the answer: the laptop fetches them itself, as before. */
export const maxEmbeddedBytes = 256 * 1024;
/** What a `cx_pull` query may say: the app's pull options. Anything else is refused, not ignored. */
const allowedKeys = new Set(['since', 'limit', 'style', 'include_docs', 'conflicts']);

/**
 * The pulls named on a `_changes` request of `dbName`, or undefined when there are none.
 * Throws 400 for a malformed one, or for pulls named on a database that is not a doorbell.
 */
export function parsePulls(query: URLSearchParams, dbName: string): PullAsk[] | undefined {
  const values = query.getAll(pullParam);
  if (values.length === 0) return undefined;
  if (parseDatabaseName(dbName)?.collection !== doorbellCollection) throw badRequest(`\`${pullParam}\` is only offered on a tenant's doorbell database.`);
  if (values.length > maxPulls) throw badRequest(`At most ${maxPulls} \`${pullParam}\` parameters.`);
  const seen = new Set<string>();
  return values.map((value) => {
    const mark = value.indexOf('?');
    const collection = mark < 0 ? value : value.slice(0, mark);
    if (!collectionPattern.test(collection) || collection === doorbellCollection) {
      throw badRequest(`\`${pullParam}\` must name a collection of this tenant (lower-case letters, digits, _), then ?since=…: got "${collection.slice(0, 70)}".`);
    }
    if (seen.has(collection)) throw badRequest(`\`${pullParam}\` names ${collection} twice.`);
    seen.add(collection);
    const q = new URLSearchParams(mark < 0 ? '' : value.slice(mark + 1));
    for (const key of q.keys()) if (!allowedKeys.has(key)) throw badRequest(`\`${pullParam}\` for ${collection}: "${key.slice(0, 40)}" is not offered; use since, limit, style, include_docs, conflicts.`);
    const style = q.get('style') ?? 'main_only';
    if (style !== 'main_only' && style !== 'all_docs') throw badRequest('`style` must be main_only or all_docs.');
    const since = sinceParam(q.get('since') ?? undefined);
    if (since === 'now') throw badRequest(`\`${pullParam}\` for ${collection}: since must be a sequence number.`);
    const limit = intParam(q, 'limit');
    return { collection, opts: { since, limit: limit === 0 ? 1 : limit, include_docs: boolParam(q, 'include_docs'), conflicts: boolParam(q, 'conflicts'), style, doc_ids: undefined } };
  });
}

/**
 * The doorbell answer `ringPage` with the pages of the collections it rings that `pulls` names,
 * as `"cx_pages":{"<collection>":<page>,…}` after `last_seq`; the ring page alone when none is.
 */
export async function withPages(ctx: Ctx, doorbell: string, ringPage: SharedPage, pulls: PullAsk[]): Promise<readonly Buffer[]> {
  const tenant = parseDatabaseName(doorbell)!.tenant;
  const rung = new Set(ringPage.ids.map((id) => id.split('~')[0]));
  const pages = await Promise.all(pulls.filter((p) => rung.has(p.collection)).map(async ({ collection, opts }) => {
    const name = tenantDatabaseName(tenant, collection);
    try {
      const db = await openDb(ctx, name, 'read');
      const page = await sharedPage(ctx, name, db, opts);
      return page.count > 0 && page.text.length <= maxEmbeddedBytes ? { collection, page } : undefined;
    } catch (thrown) {
      // Missing (deleted meanwhile) or refused: the laptop's own pull gets the same answer.
      if (thrown instanceof CouchError) return undefined;
      throw thrown;
    }
  }));
  const kept = pages.filter((p) => p !== undefined);
  if (kept.length === 0) return ringPage.text.chunks;
  const chunks = [...cut(ringPage.text.chunks, '}\n'), Buffer.from(',"cx_pages":{')];
  kept.forEach(({ collection, page }, i) => {
    chunks.push(Buffer.from(`${i > 0 ? ',' : ''}${JSON.stringify(collection)}:`), ...cut(page.text.chunks, '\n'));
  });
  chunks.push(Buffer.from('}}\n'));
  return chunks;
}

/** `chunks` without the `end` they finish with (feedText writes `…}\n`). */
function cut(chunks: readonly Buffer[], end: string): Buffer[] {
  const last = chunks[chunks.length - 1];
  if (!last || last.length < end.length || last.toString('utf8', last.length - end.length) !== end) throw new Error(`A feed page did not end with ${JSON.stringify(end)}.`);
  return [...chunks.slice(0, -1), last.subarray(0, last.length - end.length)];
}
