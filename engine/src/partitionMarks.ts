import type { StoredDoc } from './couch';

/** Where a command stands on the partitions' marks (starts.ts and migrate.ts keep one per command). */
export interface MarkProgress {
  /** Partitions whose mark exists. */
  done: Set<number>;
  /** Partitions whose mark was looked for since this process holds them. */
  checked: Set<number>;
  /** Partitions whose mark is being read now. */
  asking: Set<number>;
}

/**
 * Reads whether a partition's mark exists: an earlier holder of the partition finished the command
 * there, so this process must not do it again. One read per partition at a time; a failed read is
 * logged by `warn` and tried again on a later tick (the partition stays unchecked). When the mark is
 * there, `whenDone` runs (closing the command once every partition has its mark).
 */
export async function checkMark(
  progress: MarkProgress,
  p: number,
  read: () => Promise<StoredDoc | undefined | null>,
  whenDone: () => Promise<void>,
  warn: (error: unknown) => void,
): Promise<void> {
  if (progress.asking.has(p)) return;
  progress.asking.add(p);
  try {
    const mark = await read();
    progress.checked.add(p);
    if (mark) {
      progress.done.add(p);
      await whenDone();
    }
  } catch (error) {
    warn(error);
  } finally {
    progress.asking.delete(p);
  }
}
