/** One printed figure of a benchmark. */
export interface BenchRow {
  /** What was measured, e.g. "score 1M × 20 personas". */
  name: string;
  /** The figure. */
  value: number;
  /** Its unit: ms, docs/s, MB, … */
  unit: string;
  /** The aim or baseline it is compared with, in the same unit, and what that is. */
  against?: { value: number; label: string; higherIsBetter?: boolean };
}

/** Formats a row as one aligned line with its ratio to the aim or baseline. */
export function formatRow(row: BenchRow): string {
  const fig = `${round(row.value)} ${row.unit}`;
  if (!row.against) return `  ${row.name.padEnd(58)} ${fig}`;
  const { value, label, higherIsBetter } = row.against;
  const ratio = higherIsBetter ? row.value / value : value / row.value;
  const verdict = ratio >= 1 ? 'meets' : 'misses';
  return `  ${row.name.padEnd(58)} ${fig.padEnd(16)} vs ${label} ${round(value)} ${row.unit}: ${ratio.toFixed(2)}× (${verdict})`;
}

function round(n: number): string {
  return Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(2);
}

/** Peak resident memory of this process so far, in MB. */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** Times an async function in milliseconds. */
export async function timeMs<T>(fn: () => Promise<T> | T): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await fn();
  return { ms: performance.now() - start, result };
}
