import { jsPDF } from 'jspdf';
import { comparePersonas, type PersonaComparison } from '../persona/compare';
import type { PersonaDoc } from '../persona/document';
import { bulletSpans, bulletTypes, fieldText, headerLines, metricLines, ruleText, sectionBodyHeight } from './comparisonCells';
import { registerFonts, type PdfFonts } from './fonts';
import { drawLabel, drawText, setFont, type Box } from './pdfText';
import { fillRounded, tint } from './pdfShapes';
import { drawPhoto, type PdfImages } from './pdfImages';
import { drawSectionBody } from './personaSectionsPdf';
import { initials, type PersonaPaper, type PersonaPdfPage } from './personaPdf';
import { pageSize, type PageOrientation } from './paper';
import { drawRuns } from './pdfRuns';
import { englishText, type ExportText } from '../i18n/exportText';

/** How to print a comparison. */
export interface ComparisonPdfOptions {
  paper: PersonaPaper;
  /** Landscape by default: personas sit side by side. */
  orientation?: PageOrientation;
  fonts: PdfFonts;
  /** The language of headings and labels (English when not given). */
  text?: ExportText;
  /** Photos and media images by asset id. */
  images: PdfImages;
  /** Document title in the PDF's properties. */
  title?: string;
}

const margin = 28;
const labelW = 100;
const gap = 8;
const pad = 6;
// Section bodies are drawn by the persona page's drawers at this fraction of canvas size: body text
// prints at about 8 pt, legible on A4 with four personas side by side.
const s = 0.72;
// The compared profile fields, by the column label that names them.
const fieldColumn: Record<string, 'role' | 'status' | 'type' | 'domain' | 'owner' | 'tags'> = { role: 'role', status: 'status', personaType: 'type', domain: 'domain', owner: 'owner', tags: 'tags' };
const differs = '#d97706';

interface Row {
  label: string;
  differs: boolean;
  height: number;
  draw(i: number, box: Box): void;
}

/**
 * A side-by-side comparison of 2–4 personas: a column per persona with its photo and name, then a row
 * per profile field, per section type (the personas' sections of that type aligned, drawn as on their
 * canvases), mapping rules and live metrics. Rows whose content differs are flagged in amber. Rows
 * flow onto further pages with the persona header repeated. Text is real PDF text in the embedded font.
 */
export function buildComparisonPdf(pages: readonly PersonaPdfPage[], options: ComparisonPdfOptions): Uint8Array {
  const comparison = comparePersonas(pages.map((p) => p.persona));
  const text = options.text ?? englishText;
  if (!comparison) throw new Error(text.t('report.comparison.needs'));
  const size = pageSize(options.paper, options.orientation ?? 'landscape');
  const doc = new jsPDF({ unit: 'pt', format: [size.w, size.h], orientation: options.orientation ?? 'landscape', compress: true, putOnlyUsedFonts: true });
  registerFonts(doc, options.fonts);
  const names = comparison.personas.map((p) => p.name);
  doc.setProperties({ title: options.title ?? text.t('report.comparison.title', { names: names.join(' vs ') }), creator: 'CX Studio' });

  const n = comparison.personas.length;
  const colW = (size.w - 2 * margin - labelW - gap * n) / n;
  // Right to left the row labels stand at the right edge and the first persona next to them.
  const rtl = text.rtl;
  const labelX = rtl ? size.w - margin - labelW : margin;
  const colX = (i: number) => (rtl ? size.w - margin - labelW - gap - (i + 1) * colW - i * gap : margin + labelW + gap + i * (colW + gap));
  const rows = buildRows(doc, comparison, pages, options.images, colW - 2 * pad, text);
  const bottom = size.h - margin - 14;

  let y = drawTitle(doc, names, size.w, text);
  y = drawPersonaHeads(doc, comparison.personas, options.images, colX, colW, y, rtl);
  for (const row of rows) {
    const h = Math.min(row.height + 2 * pad, bottom - (margin + 60));
    if (y + h > bottom) {
      doc.addPage([size.w, size.h], options.orientation ?? 'landscape');
      y = drawPersonaHeads(doc, comparison.personas, options.images, colX, colW, margin, rtl);
    }
    drawRowLabel(doc, row, { x: labelX, y, w: labelW, h }, text);
    for (let i = 0; i < n; i++) {
      const cell = { x: colX(i), y, w: colW, h };
      fillRounded(doc, cell, 4, '#ffffff', '#e5e7eb');
      row.draw(i, { x: cell.x + pad, y: cell.y + pad, w: cell.w - 2 * pad, h: cell.h - 2 * pad });
    }
    y += h + gap / 2;
  }
  drawFooters(doc, names, size, text);
  return new Uint8Array(doc.output('arraybuffer'));
}

function buildRows(doc: jsPDF, c: PersonaComparison, pages: readonly PersonaPdfPage[], images: PdfImages, w: number, text: ExportText): Row[] {
  const { t } = text;
  const textRow = (label: string, rowDiffers: boolean, values: string[][]): Row => {
    setFont(doc, 9);
    const lineH = 9 * 1.3;
    // One point of slack: drawText floors the lines that fit, and 5 × 11.7 / 11.7 may land under 5.
    const height = 1 + Math.max(lineH, ...values.map((lines) => lines.reduce((h, l) => h + Math.max(1, wrap(doc, l, w)) * lineH, 0)));
    return {
      label, differs: rowDiffers, height,
      draw: (i, box) => drawText(doc, (values[i] ?? []).join('\n') || '—', box, { size: 9, leading: 1.3, color: '#1f2937' }),
    };
  };
  const rows: Row[] = c.fields.map((f) => textRow(fieldColumn[f.field] ? t(`report.col.${fieldColumn[f.field]!}`) : f.field, f.differs, f.values.map((v) => [fieldText(f.field, v, text)])));
  const evidence = c.evidence.map((e) => [t('report.comparison.evidenceLine', { ...e })]);
  rows.push(textRow(t('report.col.evidence'), evidence.some((e) => e[0] !== evidence[0]?.[0]), evidence));

  for (const sr of c.sections) {
    const height = Math.max(12, ...sr.cells.map((cell) => cell.sections.reduce((h, sec) => h + 14 + sectionBodyHeight(doc, sec, w, s, text) + pad, -pad)));
    rows.push({
      label: sr.label, differs: sr.differs, height,
      draw: (i, box) => {
        const persona = c.personas[i];
        const cell = sr.cells[i];
        if (!persona || !cell || cell.sections.length === 0) {
          drawText(doc, t('report.comparison.noSection', { section: sr.label }), box, { size: 9, color: '#9ca3af' });
          return;
        }
        const metrics = pages[i]?.metrics ?? { live: null, day: null, targets: persona.expectedMetrics };
        let y = box.y;
        for (const sec of cell.sections) {
          setFont(doc, 9, true, '#111827');
          drawLabel(doc, sec.title || sr.label, box.x, y + 9, box.w);
          const bodyH = Math.min(sectionBodyHeight(doc, sec, box.w, s, text), box.y + box.h - y - 14);
          const body = { x: box.x, y: y + 14, w: box.w, h: bodyH };
          if (bulletTypes.has(sec.type)) shadeDistinct(doc, bulletSpans(doc, sec.data.items, body.w, s), new Set(cell.distinctItemIds), body);
          if (sec.type === 'header') drawText(doc, headerLines(sec.data, text).join('\n'), body, { size: 11 * s, leading: 1.3 });
          else drawSectionBody({ doc, s, accent: persona.accentColor, images, metrics, text }, sec.type, sec.data, body);
          y += 14 + bodyH + pad;
        }
      },
    });
  }
  const rules = c.personas.map((p) => (p.rules.length === 0 ? [t('report.comparison.noRules')] : p.rules.map((r) => ruleText(r, text))));
  rows.push(textRow(t('report.comparison.mappingRules'), rules.some((r) => r.join('\n') !== rules[0]?.join('\n')), rules));
  rows.push(textRow(t('report.comparison.latestMetrics'), false, c.personas.map((_, i) => metricLines(pages[i]?.metrics, text))));
  return rows;
}

// Items no other compared persona has get an amber wash, as the compare view highlights them.
function shadeDistinct(doc: jsPDF, spans: { id: string; y: number; h: number }[], distinct: ReadonlySet<string>, body: Box): void {
  doc.setFillColor(tint(differs, 0.82));
  for (const span of spans) {
    if (!distinct.has(span.id) || span.y + span.h > body.h) continue;
    doc.roundedRect(body.x - 2, body.y + span.y - 1.5, body.w + 4, span.h + 2, 2, 2, 'F');
  }
}

function wrap(doc: jsPDF, text: string, width: number): number {
  return text.trim() === '' ? 1 : (doc.splitTextToSize(text, Math.max(1, width)) as string[]).length;
}

function drawTitle(doc: jsPDF, names: string[], pageW: number, text: ExportText): number {
  drawText(doc, text.t('report.comparison.pdfTitle'), { x: margin, y: margin, w: pageW - 2 * margin, h: 24 }, { size: 18, bold: true, color: '#111827', maxLines: 1 });
  drawText(doc, names.join('  ·  '), { x: margin, y: margin + 24, w: pageW - 2 * margin, h: 16 }, { size: 10, color: '#4b5563', maxLines: 1, ...(text.rtl ? { align: 'right' as const } : {}) });
  setFont(doc, 8, false, '#92400e');
  // As wide as the title leaves free: the legend runs longer in German or French than in English.
  // Right to left the title hangs from the right margin, so the legend goes to the left one.
  drawLabel(doc, text.t('report.comparison.legend'), text.rtl ? margin : pageW - margin, margin + 12, Math.max(260, pageW - 2 * margin - 230), text.rtl ? 'left' : 'right');
  return margin + 48;
}

/** The column heads: photo (or initials), name and role of each persona over an accent rule. */
function drawPersonaHeads(doc: jsPDF, personas: PersonaDoc[], images: PdfImages, colX: (i: number) => number, colW: number, y: number, rtl: boolean): number {
  const h = 40;
  personas.forEach((p, i) => {
    const x = colX(i);
    doc.setFillColor(p.accentColor);
    doc.rect(x, y, colW, 3, 'F');
    // Right to left the photo stands at the column's right and the name hangs from it.
    const px = rtl ? x + colW - 28 : x;
    const photo = { x: px, y: y + 8, w: 28, h: 28 };
    if (!p.photoAssetId || !drawPhoto(doc, images, p.photoAssetId, photo, 'cover', 14)) {
      doc.setFillColor(p.accentColor);
      doc.circle(px + 14, y + 22, 14, 'F');
      setFont(doc, 11, true, '#ffffff');
      drawRuns(doc, initials(p.name), px + 14, y + 26, 'center');
    }
    const tx = rtl ? x + colW - 34 : x + 34;
    const align = rtl ? 'right' as const : 'left' as const;
    setFont(doc, 11, true, '#111827');
    drawLabel(doc, p.name, tx, y + 20, colW - 34, align);
    setFont(doc, 8.5, false, '#4b5563');
    drawLabel(doc, [p.role, p.personaType].filter((t) => t.trim() !== '').join(' · '), tx, y + 32, colW - 34, align);
  });
  return y + h + gap;
}

function drawRowLabel(doc: jsPDF, row: Row, box: Box, text: ExportText): void {
  const rtl = text.rtl;
  fillRounded(doc, box, 4, row.differs ? tint(differs, 0.88) : '#f3f4f6');
  if (row.differs) {
    doc.setFillColor(differs);
    doc.rect(rtl ? box.x + box.w - 3 : box.x, box.y, 3, box.h, 'F');
  }
  const inner = { x: rtl ? box.x + 4 : box.x + 8, y: box.y + pad, w: box.w - 12, h: box.h - pad };
  drawText(doc, row.label, inner, { size: 9, bold: true, color: '#111827', maxLines: 3, ...(rtl ? { align: 'right' as const } : {}) });
  if (row.differs && box.h > 30) {
    setFont(doc, 7.5, false, '#92400e');
    drawLabel(doc, text.t('report.col.differs'), rtl ? box.x + box.w - 8 : box.x + 8, box.y + box.h - pad, box.w - 12, rtl ? 'right' : 'left');
  }
}

function drawFooters(doc: jsPDF, names: string[], size: { w: number; h: number }, text: ExportText): void {
  const count = doc.getNumberOfPages();
  for (let p = 1; p <= count; p++) {
    doc.setPage(p);
    setFont(doc, 8, false, '#9ca3af');
    // Right to left the names hang from the right margin and the page number sits at the left.
    const rtl = text.rtl;
    drawLabel(doc, text.t('report.comparison.footer', { names: names.join(', ') }), rtl ? size.w - margin : margin, size.h - margin + 4, size.w - 2 * margin - 80, rtl ? 'right' : 'left');
    drawLabel(doc, text.t('report.page', { n: p, of: count }), rtl ? margin : size.w - margin, size.h - margin + 4, 80, rtl ? 'left' : 'right');
  }
}
