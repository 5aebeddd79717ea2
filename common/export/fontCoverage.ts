/**
 * Which characters a TrueType/OpenType font has glyphs for, read from its `cmap` table, so a PDF
 * export can pick, per character, a font that really draws it instead of trusting script ranges.
 */

/** Whether a font maps a code point to a real glyph (not glyph 0, `.notdef`). */
export type Coverage = (codePoint: number) => boolean;

interface Table { offset: number; length: number }

function tables(view: DataView): Map<string, Table> {
  const out = new Map<string, Table>();
  const count = view.getUint16(4);
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    const tag = String.fromCharCode(view.getUint8(at), view.getUint8(at + 1), view.getUint8(at + 2), view.getUint8(at + 3));
    out.set(tag, { offset: view.getUint32(at + 8), length: view.getUint32(at + 12) });
  }
  return out;
}

/** Inclusive code point ranges with a glyph, sorted and merged. */
type Ranges = [number, number][];

function addRange(out: Ranges, start: number, end: number): void {
  const last = out.at(-1);
  if (last && start <= last[1] + 1) last[1] = Math.max(last[1], end);
  else out.push([start, end]);
}

// Format 4: segments of the Basic Multilingual Plane; a glyph is looked up per code point because a
// segment may map some of its characters to glyph 0.
function format4(view: DataView, at: number): Ranges {
  const segX2 = view.getUint16(at + 6);
  const ends = at + 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const offsets = deltas + segX2;
  const out: Ranges = [];
  for (let s = 0; s < segX2; s += 2) {
    const start = view.getUint16(starts + s);
    const end = view.getUint16(ends + s);
    const delta = view.getUint16(deltas + s);
    const rangeOffset = view.getUint16(offsets + s);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
      else {
        const g = view.getUint16(offsets + s + rangeOffset + (c - start) * 2);
        glyph = g === 0 ? 0 : (g + delta) & 0xffff;
      }
      if (glyph !== 0) addRange(out, c, c);
    }
  }
  return out;
}

// Format 12: groups of consecutive code points over all planes.
function format12(view: DataView, at: number): Ranges {
  const groups = view.getUint32(at + 12);
  const out: Ranges = [];
  for (let i = 0; i < groups; i++) {
    const g = at + 16 + i * 12;
    const start = view.getUint32(g);
    const end = view.getUint32(g + 4);
    const glyph = view.getUint32(g + 8);
    addRange(out, glyph === 0 ? start + 1 : start, end);
  }
  return out;
}

/**
 * The characters a font covers, from the best Unicode subtable of its `cmap` (format 12 when
 * present, else format 4). Throws on bytes that are not a font with such a table.
 */
export function fontCoverage(bytes: Uint8Array): Coverage {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const cmap = tables(view).get('cmap');
  if (!cmap) throw new Error('The font has no cmap table.');
  const count = view.getUint16(cmap.offset + 2);
  let best: { at: number; format: number } | null = null;
  for (let i = 0; i < count; i++) {
    const rec = cmap.offset + 4 + i * 8;
    const platform = view.getUint16(rec);
    const encoding = view.getUint16(rec + 2);
    const at = cmap.offset + view.getUint32(rec + 4);
    const format = view.getUint16(at);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode || (format !== 4 && format !== 12)) continue;
    if (!best || (format === 12 && best.format !== 12)) best = { at, format };
  }
  if (!best) throw new Error('The font has no Unicode cmap subtable.');
  const ranges = best.format === 12 ? format12(view, best.at) : format4(view, best.at);
  return (cp) => {
    let lo = 0;
    let hi = ranges.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = ranges[mid]!;
      if (cp < r[0]) hi = mid - 1;
      else if (cp > r[1]) lo = mid + 1;
      else return true;
    }
    return false;
  };
}
