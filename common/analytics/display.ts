/**
 * Number formats shared by the analytics screen and its exports, so a client comparing the PDF
 * with the app reads the same figure. Rounding happens here only, never in the engine.
 */

/** An NPS rounded to one decimal and signed ("+33.3", "0", "-12.5"); null for none. */
export function formatNps(value: number | null | undefined): string | null {
  if (value === null || value === undefined || Number.isNaN(value)) return null;
  const r = Math.round(value * 10) / 10;
  return r > 0 ? `+${r}` : String(Object.is(r, -0) ? 0 : r);
}

/** A count with its noun in the right number: "1 response", "2,000 responses". */
export function countOf(n: number, noun: string, plural = `${noun}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? noun : plural}`;
}
