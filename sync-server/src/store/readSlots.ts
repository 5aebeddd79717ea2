/**
 * Bounds the feed's LevelDB lookups waiting on libuv's thread pool. The pool (four threads) is a
 * single first-in-first-out queue shared with writes: a feed page used to start one metadata
 * lookup per row at once, so two 1,000-row reads put 2,000 tasks ahead of the next write's own
 * lookup and batch, and at 500 laptops a write waited seconds behind pulls (issue 22: writes
 * before pulls). With at most {@link slots} lookups in the pool, a write queues behind at most
 * that many; four keep every thread busy, so a large pull is no slower. (A page's iterator reads
 * are one at a time already.)
 */
const slots = 4;
let used = 0;
const waiting: (() => void)[] = [];

/** Runs `task` (one thread-pool request) when a slot is free, in arrival order. */
export async function inReadSlot<T>(task: () => Promise<T>): Promise<T> {
  if (used >= slots) await new Promise<void>((resolve) => waiting.push(resolve));
  else used++;
  try {
    return await task();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else used--;
  }
}
