/**
 * The memo as an A4 PDF through the export pipeline: embedded Unicode fonts (names and hypotheses
 * may be in any script), real text, compression on. A usual memo fits one page; a long one flows
 * onto the next page paragraph by paragraph instead of being cut, so nothing is lost in print.
 */
import { jsPDF } from 'jspdf';
import { registerFonts, type PdfFonts } from '../export/fonts';
import { pageSize } from '../export/paper';
import { fillRounded } from '../export/pdfShapes';
import { drawText, setFont, wrap } from '../export/pdfText';
import { englishText, type ExportText } from '../i18n/exportText';
import type { MemoText } from './memo';
import type { VerdictKind } from './verdict';

const colors: Record<VerdictKind, string> = { 'ship': '#16a34a', 'dont-ship': '#dc2626', 'keep-running': '#d97706' };
const margin = 48;
const leading = 1.25;

interface Block { text: string; size: number; bold?: boolean; color?: string; before: number; after: number }

/** PDF bytes of the memo; `text` words the page numbers and sets the direction (the memo's words come worded). */
export function buildMemoPdf(memo: MemoText, kind: VerdictKind, fonts: PdfFonts, text: ExportText = englishText): Uint8Array {
  // Right to left, every line hangs from the right margin; otherwise each line follows its own script.
  const align = text.rtl ? 'right' : undefined;
  const size = pageSize('a4', 'portrait');
  const doc = new jsPDF({ unit: 'pt', format: [size.w, size.h], orientation: 'portrait', compress: true, putOnlyUsedFonts: true });
  registerFonts(doc, fonts);
  doc.setProperties({ title: memo.title, creator: 'CX Studio' });
  const w = size.w - 2 * margin, bottom = size.h - margin - 14;
  let y = margin;
  y += drawText(doc, memo.title, { x: margin, y, w, h: 40 }, { size: 16, bold: true, maxLines: 2, align }) + 8;
  fillRounded(doc, { x: margin, y, w, h: 36 }, 6, colors[kind]);
  drawText(doc, memo.verdict, { x: margin + 12, y: y + 8, w: w - 24, h: 24 }, { size: 18, bold: true, color: '#ffffff', maxLines: 1, align });
  y += 48;
  const blocks: Block[] = [
    ...memo.reasons.map((text) => ({ text, size: 10.5, before: 0, after: 6 })),
    ...memo.sections.flatMap((s) => [
      { text: s.heading, size: 12, bold: true, before: 6, after: 3 },
      { text: s.text, size: 10, before: 0, after: 4 },
    ]),
  ];
  for (const b of blocks) {
    y += b.before;
    // Lines are placed one page at a time: a paragraph that reaches the foot continues overleaf.
    setFont(doc, b.size, b.bold);
    let lines = wrap(doc, b.text, w);
    const lineH = b.size * leading;
    // A heading is kept with at least two lines of what follows it.
    if (b.bold && y + 3 * lineH > bottom) { doc.addPage(); y = margin; }
    while (lines.length) {
      const room = Math.max(1, Math.floor((bottom - y) / lineH));
      const now = lines.slice(0, room);
      drawText(doc, now.join('\n'), { x: margin, y, w, h: now.length * lineH + 1 }, { size: b.size, bold: b.bold, color: b.color, align });
      y += now.length * lineH;
      lines = lines.slice(room);
      if (lines.length) { doc.addPage(); y = margin; }
    }
    y += b.after;
  }
  const pages = doc.getNumberOfPages();
  for (let p = 1; p <= pages; p++) {
    doc.setPage(p);
    const foot = pages > 1 ? text.t('report.memo.footerPage', { footer: memo.footer, n: p, of: pages }) : memo.footer;
    drawText(doc, foot, { x: margin, y: size.h - margin, w, h: 12 }, { size: 8, color: '#6b7280', maxLines: 1, align });
  }
  return new Uint8Array(doc.output('arraybuffer'));
}
