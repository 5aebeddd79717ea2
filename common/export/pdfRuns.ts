import type { jsPDF } from 'jspdf';
import { familyFor, noteMissing, pdfFontFamily } from './fonts';
import { visualOrder, visualTextOptions } from './pdfBidi';

/** A stretch of text drawn in one font. */
export interface Run {
  text: string;
  family: string;
}

const arabic = /[\u0600-\u06FF]/;
// Characters that belong to whatever run they are in: spaces, combining marks, joiners, controls.
const neutral = /^[\s\p{M}\p{Cf}]/u;

/** Shapes Arabic letters (jsPDF's parser, on logical order) so widths and glyphs are the joined forms. */
function shaped(doc: jsPDF, text: string): string {
  return arabic.test(text) ? doc.processArabic(text) : text;
}

/**
 * Splits text into runs by the font that has each character's glyph: the main font when it has it,
 * else the first fallback that does. A character no font has is noted for the user's warning and
 * left in the main font's run.
 */
export function fontRuns(doc: jsPDF, text: string): Run[] {
  const runs: Run[] = [];
  for (const ch of text) {
    const last = runs.at(-1);
    let family = last && neutral.test(ch) ? last.family : familyFor(doc, ch.codePointAt(0) ?? 0);
    if (family === null) {
      noteMissing(doc, ch);
      family = pdfFontFamily;
    }
    if (last && last.family === family) last.text += ch;
    else runs.push({ text: ch, family });
  }
  return runs;
}

/** Calls `f` with a run's family selected in the current style and size, then restores the main font. */
function inFamily<T>(doc: jsPDF, family: string, f: () => T): T {
  const style = doc.getFont().fontStyle;
  const current = doc.getFont().fontName;
  // Fallback fonts have one weight (see registerFonts).
  if (family !== current) doc.setFont(family, family === pdfFontFamily ? style : 'normal');
  try {
    return f();
  } finally {
    if (family !== current) doc.setFont(current, style);
  }
}

function runsWidth(doc: jsPDF, runs: readonly Run[]): number {
  return runs.reduce((w, r) => w + inFamily(doc, r.family, () => doc.getTextWidth(r.text)), 0);
}

/** Width in points of text at the current font and size, each part measured in the font that draws it. */
export function textWidth(doc: jsPDF, text: string): number {
  return runsWidth(doc, fontRuns(doc, shaped(doc, text)));
}

/**
 * Draws one line of logical-order text: shaped, put in visual order by the Unicode bidi algorithm,
 * then drawn left to right run by run, each run in a font that has its glyphs. jsPDF's own bidi
 * pass is off, since it would reverse the already ordered text again.
 */
export function drawRuns(doc: jsPDF, text: string, x: number, baseline: number, align: 'left' | 'center' | 'right' = 'left'): void {
  const runs = fontRuns(doc, visualOrder(shaped(doc, text)));
  const width = runsWidth(doc, runs);
  let pen = align === 'left' ? x : align === 'right' ? x - width : x - width / 2;
  for (const run of runs) {
    inFamily(doc, run.family, () => {
      doc.text(run.text, pen, baseline, { baseline: 'alphabetic', ...visualTextOptions });
      pen += doc.getTextWidth(run.text);
    });
  }
}
