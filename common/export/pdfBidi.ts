// bidi-js ships no types; the reference brings ours into every project that compiles this file.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./bidiJs.d.ts" />
import bidiFactory from 'bidi-js';

// One instance per worker: the factory builds its lookup tables once.
let bidi: ReturnType<typeof bidiFactory> | null = null;

/** A character with the combining marks that follow it: reordering never separates them. */
interface Cluster { text: string; start: number; end: number }

function clusters(text: string): Cluster[] {
  const out: Cluster[] = [];
  let i = 0;
  for (const ch of text) {
    const last = out.at(-1);
    if (last && /[\p{M}\u200d]/u.test(ch)) {
      last.text += ch;
      last.end += ch.length;
    } else out.push({ text: ch, start: i, end: i + ch.length });
    i += ch.length;
  }
  return out;
}

/** Whether the paragraph direction of a line (its first strong character, as `dir="auto"`) is right to left. */
export function baseIsRtl(text: string): boolean {
  bidi ??= bidiFactory();
  return (bidi.getEmbeddingLevels(text, 'auto').paragraphs[0]?.level ?? 0) % 2 === 1;
}

/**
 * One line of logical-order text in the order its characters appear from left to right on the page
 * (UAX #9, with the paragraph direction taken from the first strong character), brackets mirrored in
 * right-to-left runs. Arabic must be shaped before (the shaper reads letters in logical order);
 * combining marks stay after their base character so they are drawn over it. jsPDF's own bidi pass
 * must then be turned off ({@link visualTextOptions}).
 */
export function visualOrder(text: string): string {
  if (!/[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u200f\u202b\u202e\u2067]/.test(text)) return text;
  bidi ??= bidiFactory();
  const levels = bidi.getEmbeddingLevels(text, 'auto');
  // bidi-js takes the levels array here, not the result object (given the object it mirrors nothing).
  const mirrored = bidi.getMirroredCharactersMap(text, levels.levels);
  const cs = clusters(text).map((c) => (mirrored.has(c.start) && c.end - c.start === 1 ? { ...c, text: mirrored.get(c.start) ?? c.text } : c));
  // Segments are code-unit ranges of the current arrangement; clusters keep their lengths, so a
  // range maps onto whole clusters by their running offsets.
  for (const [s, e] of bidi.getReorderSegments(text, levels)) {
    let at = 0;
    let from = -1;
    let to = -1;
    cs.forEach((c, i) => {
      const len = c.end - c.start;
      if (from < 0 && at + len > s) from = i;
      if (at <= e) to = i;
      at += len;
    });
    if (from >= 0 && to >= from) cs.splice(from, to - from + 1, ...cs.slice(from, to + 1).reverse());
  }
  return cs.map((c) => c.text).join('');
}

/** Options for `doc.text` with text already in visual order: jsPDF's own reordering off. */
export const visualTextOptions = { isInputVisual: true, isOutputVisual: true, isInputRtl: false, isOutputRtl: false } as const;
