/**
 * Splits items into consecutive batches whose summed size stays within `maxBytes`. An item larger
 * than the cap on its own gets a batch to itself (the server decides whether it fits; the sender
 * reports it by name if not), so nothing is ever dropped or reordered.
 */
export function splitByBytes<T>(items: readonly T[], size: (item: T) => number, maxBytes: number): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const n = size(item);
    if (current.length > 0 && bytes + n > maxBytes) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += n;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
