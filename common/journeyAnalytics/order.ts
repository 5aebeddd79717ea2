/**
 * Puts a log in customer order and, within a customer, in time order: a counting sort by customer
 * (linear) and then a small sort per customer. Ties at the same instant are ordered by stage (earlier
 * stages first, unmatched last) and then by event name, so every implementation walks events in the
 * same order. Within one instant, a repeat of an event name is a duplicate (same customer, event,
 * time) and is marked to be skipped; the copy kept is the one that matched the earliest stage.
 */
import type { EventLog } from './types';

/** Rows grouped by customer and sorted; `start[c]…start[c+1]` are customer c's rows in `order`. */
export interface CustomerOrder {
  order: Int32Array;
  start: Int32Array;
  /** 1 where the row at this position of `order` is a duplicate. */
  duplicate: Uint8Array;
  duplicates: number;
}

/** Rank of each event name code in string order (code points), so ties sort by name, not by import order. */
export function eventNameRanks(events: readonly string[]): Int32Array {
  const codes = events.map((_, i) => i).sort((a, b) => (events[a]! < events[b]! ? -1 : events[a]! > events[b]! ? 1 : 0));
  const rank = new Int32Array(events.length);
  codes.forEach((code, r) => { rank[code] = r; });
  return rank;
}

/** Sorts and de-duplicates; `stageOf` gives each row's stage (-1 none). */
export function customerOrder(log: EventLog, stageOf: Int16Array): CustomerOrder {
  const n = log.length;
  const customers = log.customers.length;
  const start = new Int32Array(customers + 1);
  const { customer, time, event } = log;
  for (let i = 0; i < n; i++) start[customer[i]! + 1]! += 1;
  for (let c = 0; c < customers; c++) start[c + 1]! += start[c]!;
  const fill = start.slice(0, customers);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[fill[customer[i]!]!++] = i;

  const rank = eventNameRanks(log.events);
  const stageKey = (row: number) => { const s = stageOf[row]!; return s < 0 ? 0x7fff : s; };
  const before = (a: number, b: number) => {
    const ta = time[a]!, tb = time[b]!;
    if (ta !== tb) return ta < tb;
    const sa = stageKey(a), sb = stageKey(b);
    if (sa !== sb) return sa < sb;
    return rank[event[a]!]! < rank[event[b]!]!;
  };
  const compare = (a: number, b: number) => (before(a, b) ? -1 : before(b, a) ? 1 : 0);
  for (let c = 0; c < customers; c++) {
    const lo = start[c]!, hi = start[c + 1]!;
    if (hi - lo > 24) {
      order.subarray(lo, hi).sort(compare);
      continue;
    }
    for (let i = lo + 1; i < hi; i++) {
      const row = order[i]!;
      let j = i - 1;
      while (j >= lo && before(row, order[j]!)) { order[j + 1] = order[j]!; j--; }
      order[j + 1] = row;
    }
  }

  const duplicate = new Uint8Array(n);
  let duplicates = 0;
  for (let c = 0; c < customers; c++) {
    const lo = start[c]!, hi = start[c + 1]!;
    let runStart = lo;
    for (let i = lo + 1; i < hi; i++) {
      const row = order[i]!;
      if (time[row] !== time[order[runStart]!]) { runStart = i; continue; }
      for (let j = runStart; j < i; j++) {
        if (duplicate[j] === 0 && event[order[j]!] === event[row]) { duplicate[i] = 1; duplicates++; break; }
      }
    }
  }
  return { order, start, duplicate, duplicates };
}
