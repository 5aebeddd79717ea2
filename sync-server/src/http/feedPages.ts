/**
 * Answering one `_changes` request from a page already read for another (issue 22: doorbell
 * notify p99). After a write, hundreds of laptops ask for the feed of the same database from
 * slightly different `since` values. Each distinct `since` used to be its own feed read, and those
 * reads queue behind the notifier's read gate (two at a time), so the last laptop waited seconds.
 *
 * A page read from `since` S0 holds, in sequence order, every document whose latest change lies
 * in (S0, last_seq]: one row per document, at its latest sequence. So for any S with
 * S0 ≤ S ≤ last_seq, its rows with seq > S are exactly the first rows a read from S would return.
 * Whether they are all of them depends on the page having reached the end of the feed: a page
 * with fewer rows than its limit (or no limit) did. The notifier drops a database's pages on
 * every write, so a kept page still describes the feed as it is now.
 *
 * The rule mirrors `store/feed.ts` `readChanges`: rows count towards `limit`, `last_seq` is the
 * seq of the last row returned, or `since` itself when none is. Pages read by PouchDB's own
 * `changes()` (filters, attachments) are not derived from: its `last_seq` follows other rules.
 */

/** A feed page as read: rows in sequence order. */
export interface FeedPage<Row extends { seq: number } = { seq: number }> {
  results: Row[];
  last_seq: number;
}

/** Where a page starts and how many rows it may hold (undefined: no limit). */
export interface PageRange {
  since: number;
  limit: number | undefined;
}

/** A limit of 0 or less reads everything, as in `readChanges`. */
const effective = (limit: number | undefined): number | undefined => (limit !== undefined && limit > 0 ? limit : undefined);

/**
 * The page a read over `want` would return, taken from `page` (read over `from` with the same
 * other options), or undefined when `page` cannot tell.
 */
export function derivePage<Row extends { seq: number }>(page: FeedPage<Row>, from: PageRange, want: PageRange): FeedPage<Row> | undefined {
  if (want.since < from.since) return undefined;
  const fromLimit = effective(from.limit);
  const wantLimit = effective(want.limit);
  const first = firstAfter(page.results, want.since);
  const after = page.results.length - first;
  // Enough rows after `since` to fill the limit: a read from `since` stops at the same row.
  if (wantLimit !== undefined && after >= wantLimit) {
    const results = page.results.slice(first, first + wantLimit);
    return { results, last_seq: results[results.length - 1]!.seq };
  }
  // Otherwise only a page that reached the end of the feed knows there is nothing more.
  const complete = fromLimit === undefined || page.results.length < fromLimit;
  if (!complete || want.since > page.last_seq) return undefined;
  const rows = page.results.slice(first);
  return { results: rows, last_seq: rows.length > 0 ? rows[rows.length - 1]!.seq : want.since };
}

/** Index of the first row with seq > since (rows are in sequence order). */
function firstAfter(rows: readonly { seq: number }[], since: number): number {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (rows[mid]!.seq > since) high = mid;
    else low = mid + 1;
  }
  return low;
}

/**
 * A complete page kept across writes (the notifier's "tail" of a database's feed): every document
 * whose latest change is after `since`, as of `feed.last_seq`. `bytes` estimates its JSON size.
 */
export interface Tail<Row extends { seq: number; id: string } = { seq: number; id: string }> {
  since: number;
  feed: FeedPage<Row>;
  bytes: number;
}

/**
 * `tail` brought up to date by `delta`, a complete read from `tail.feed.last_seq` (everything
 * written since). A document changed again leaves its old row for its new one at the end, which
 * is what a read from `tail.since` now returns. While the estimate is over `maxBytes`, the oldest
 * rows are dropped and `since` moves to the last dropped one: the page then starts there.
 */
export function extendTail<Row extends { seq: number; id: string }>(tail: Tail<Row>, delta: FeedPage<Row>, deltaBytes: number, maxBytes: number): Tail<Row> {
  const changed = new Set(delta.results.map((row) => row.id));
  const kept = tail.feed.results.filter((row) => !changed.has(row.id));
  const perRow = tail.feed.results.length > 0 ? tail.bytes / tail.feed.results.length : 0;
  let results = [...kept, ...delta.results];
  let since = tail.since;
  let bytes = perRow * kept.length + deltaBytes;
  let drop = 0;
  const averageOfAll = results.length > 0 ? bytes / results.length : 0;
  while (bytes > maxBytes && drop < results.length) {
    bytes -= averageOfAll;
    drop++;
  }
  if (drop > 0) {
    since = results[drop - 1]!.seq;
    results = results.slice(drop);
  }
  const lastSeq = delta.results.length > 0 ? delta.last_seq : tail.feed.last_seq;
  return { since, feed: { results, last_seq: Math.max(lastSeq, since) }, bytes: Math.max(bytes, 0) };
}
