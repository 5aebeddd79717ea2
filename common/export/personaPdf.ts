import { jsPDF } from 'jspdf';
import type { PersonaDoc, PersonaSection } from '../persona/document';
import { gridColumns } from '../persona/layout';
import { initials } from '../persona/initials';
import { registerFonts, type PdfFonts } from './fonts';
import { drawText, drawLabel, setFont, textWidth, type Box } from './pdfText';
import { drawRuns } from './pdfRuns';
import { fillRounded, tint } from './pdfShapes';
import { drawPhoto, type PdfImages } from './pdfImages';
import { drawSectionBody, type SectionContext } from './personaSectionsPdf';
import type { LiveMetricsInput } from './liveMetricsPdf';
import { englishText, type ExportText } from '../i18n/exportText';
import type { PageOrientation } from './paper';
import { pageMargin, planPersonaPages, type CanvasSlice, type PagePlan } from './personaPaging';
import { cardPad, cardTitleBand, grid, grownPersona } from './personaGrowth';
import { headerPad, textScale } from './personaFill';

/** Paper sizes a persona page is offered in. */
export type PersonaPaper = 'a4' | 'letter' | 'a3';

/** One persona to print, with the live metrics its metrics block shows. */
export interface PersonaPdfPage {
  persona: PersonaDoc;
  /** Latest snapshot figures; absent prints "no data yet". */
  metrics?: LiveMetricsInput;
}

/** How to print. */
export interface PersonaPdfOptions {
  paper: PersonaPaper;
  /** Absent: each page follows its persona's canvas orientation. */
  orientation?: PageOrientation;
  fonts: PdfFonts;
  /** Photos and media images by asset id. */
  images: PdfImages;
  /** Document title in the PDF's properties; the persona's name by default. */
  title?: string;
  /** The language of the words the PDF adds (cover, footer, field names, metric cards) and of its numbers and dates; English by default. */
  text?: ExportText;
}

// The editor's react-grid-layout geometry (renderer/src/features/personas/editor/Canvas.tsx), so a
// page keeps the canvas's proportions. A landscape canvas is 12 columns of this width, portrait 6.
const canvas = grid;

/** A section's rectangle in canvas pixels, as react-grid-layout places it. */
export function canvasRect(section: Pick<PersonaSection, 'layout'>): Box {
  const { colWidth, rowHeight, margin } = canvas;
  const { x, y, w, h } = section.layout;
  return { x: margin + x * (colWidth + margin), y: margin + y * (rowHeight + margin), w: w * colWidth + (w - 1) * margin, h: h * rowHeight + (h - 1) * margin };
}

/** The size of a persona's canvas in pixels. */
export function canvasSize(persona: PersonaDoc): { w: number; h: number } {
  const cols = gridColumns[persona.orientation];
  const rows = persona.sections.reduce((m, s) => Math.max(m, s.layout.y + s.layout.h), 1);
  return { w: cols * (canvas.colWidth + canvas.margin) + canvas.margin, h: rows * (canvas.rowHeight + canvas.margin) + canvas.margin };
}

/**
 * Builds a PDF with one page per persona, each laid out like its canvas (the same sections in the same
 * places, scaled to fit the page) with all text as real, selectable PDF text in an embedded Unicode
 * font, charts and scales as vector shapes, and photos embedded once per document. Pure: the same
 * input gives the same pages in the renderer, a worker or Node.
 */
export function buildPersonaPdf(given: readonly PersonaPdfPage[], options: PersonaPdfOptions): Uint8Array {
  if (given.length === 0) throw new Error('buildPersonaPdf needs at least one persona.');
  const text = options.text ?? englishText;
  // Measured with a scratch document: the real one's first page size depends on the grown layout.
  const measure = new jsPDF({ unit: 'pt', compress: true });
  registerFonts(measure, options.fonts);
  const pages = given.map((p) => ({ ...p, persona: grownPersona(measure, p.persona) }));
  const first = pages[0]!;
  const plans = pages.map((p) => planPersonaPages(p.persona, options.paper, canvasSize(p.persona), p.persona.sections.map(canvasRect), options.orientation));
  // Text as large as the fullest card allows, measured on each page's own card boxes.
  const texts = pages.map((p, i) => {
    const { sx, sy, s } = plans[i]!;
    const boxes = new Map(p.persona.sections.map((sec) => {
      const r = canvasRect(sec);
      return [sec.id, { x: 0, y: 0, w: r.w * sx, h: r.h * sy }];
    }));
    return textScale(measure, p.persona, boxes, s);
  });
  const plan0 = plans[0]!;
  const doc = new jsPDF({ unit: 'pt', format: [plan0.size.w, plan0.size.h], orientation: plan0.orientation, compress: true, putOnlyUsedFonts: true });
  registerFonts(doc, options.fonts);
  doc.setProperties({ title: options.title ?? first.persona.name, creator: 'CX Studio' });
  // A deck (two personas or more) opens with a cover listing them and numbers its pages deck-wide,
  // so a printed stack can be put back in order; a single persona numbers only its own pages.
  const deck = pages.length > 1;
  const total = plans.reduce((n, p) => n + p.slices.length, 0) + (deck ? 1 : 0);
  let pageNo = 0;
  if (deck) {
    pageNo = 1;
    drawCover(doc, options.title ?? text.t('report.persona.deck'), pages, plan0.size, total, text);
  }
  pages.forEach((page, i) => {
    const plan = plans[i]!;
    plan.slices.forEach((slice, n) => {
      if (pageNo > 0) doc.addPage([plan.size.w, plan.size.h], plan.orientation);
      pageNo += 1;
      drawPersonaPage(doc, page, plan, slice, texts[i]!, options.images, text);
      const note = deck ? text.t('report.page', { n: pageNo, of: total }) : plan.slices.length > 1 ? text.t('report.page', { n: n + 1, of: plan.slices.length }) : '';
      drawFooter(doc, page.persona, plan.size, plan.ox, note, text);
    });
  });
  return new Uint8Array(doc.output('arraybuffer'));
}

// Draws the sections whose top edge lies in the page's band of the canvas; a section taller than the
// rest of the page is cut at the band's bottom. The card grid is stretched to the page (sx, sy); what
// is drawn in a card (text, its title band and padding) is sized by `s` times the text factor.
function drawPersonaPage(doc: jsPDF, page: PersonaPdfPage, plan: PagePlan, slice: CanvasSlice, scale: number, images: PdfImages, text: ExportText): void {
  const { persona } = page;
  const { sx, sy, ox } = plan;
  const oy = pageMargin;
  const pageBottom = oy + (plan.size.h - 2 * pageMargin - 16);
  const metrics = page.metrics ?? { live: null, day: null, targets: persona.expectedMetrics };
  const ctx: SectionContext = { doc, s: plan.s * scale, accent: persona.accentColor, images, metrics, text };
  for (const section of persona.sections) {
    const r = canvasRect(section);
    if (r.y < slice.top || r.y >= slice.bottom) continue;
    const y = oy + (r.y - slice.top) * sy;
    const box = { x: ox + r.x * sx, y, w: r.w * sx, h: Math.min(r.h * sy, pageBottom - y) };
    if (section.type === 'header') drawHeader(ctx, persona, section, box);
    else drawSection(ctx, section, box);
  }
}

function drawSection(ctx: SectionContext, section: PersonaSection, box: Box): void {
  const { doc, s } = ctx;
  fillRounded(doc, box, 8 * s, '#ffffff', '#e5e7eb');
  doc.setFillColor(ctx.accent);
  // Right to left, the accent mark and the title hang from the card's right edge, as on the canvas.
  const rtl = ctx.text.rtl;
  doc.rect(rtl ? box.x + box.w - 15 * s : box.x + 12 * s, box.y + 10 * s, 3 * s, 13 * s, 'F');
  setFont(doc, 12 * s, true, '#111827');
  drawLabel(doc, section.title, rtl ? box.x + box.w - 20 * s : box.x + 20 * s, box.y + 21 * s, box.w - 32 * s, rtl ? 'right' : 'left');
  const pad = cardPad * s;
  drawSectionBody(ctx, section.type, section.data, { x: box.x + pad, y: box.y + cardTitleBand * s, w: box.w - 2 * pad, h: box.h - cardTitleBand * s - pad });
}

function drawHeader(ctx: SectionContext, persona: PersonaDoc, section: PersonaSection, box: Box): void {
  const { doc, s } = ctx;
  fillRounded(doc, box, 8 * s, tint(persona.accentColor, 0.88));
  const pad = headerPad * s;
  // A narrow (portrait) header keeps most of its width for the name.
  const photoSide = Math.min(box.h - 2 * pad, 120 * s, box.w * 0.3);
  // Right to left (as the canvas cell with dir="rtl") the photo stands at the right and the words hang from it.
  const rtl = ctx.text.rtl;
  const photo = { x: rtl ? box.x + box.w - pad - photoSide : box.x + pad, y: box.y + pad, w: photoSide, h: photoSide };
  if (!persona.photoAssetId || !drawPhoto(doc, ctx.images, persona.photoAssetId, photo, 'cover', photoSide / 2)) {
    doc.setFillColor(persona.accentColor);
    doc.circle(photo.x + photoSide / 2, photo.y + photoSide / 2, photoSide / 2, 'F');
    setFont(doc, photoSide * 0.4, true, '#ffffff');
    drawRuns(doc, initials(persona.name), photo.x + photoSide / 2, photo.y + photoSide * 0.64, 'center');
  }
  const tx = rtl ? box.x + pad : photo.x + photoSide + 16 * s;
  const text = { x: tx, y: box.y + pad, w: rtl ? photo.x - 16 * s - tx : box.x + box.w - pad - tx, h: box.h - 2 * pad };
  const align = rtl ? { align: 'right' as const } : {};
  let y = text.y;
  // The name shrinks to fit its line (down to half size) rather than losing letters to an ellipsis.
  setFont(doc, 24 * s, true);
  const nameSize = Math.max(12 * s, Math.min(24 * s, (24 * s * text.w) / Math.max(1, textWidth(doc, persona.name))));
  y += drawText(doc, persona.name, { ...text, y, h: nameSize * 1.4 }, { size: nameSize, bold: true, color: '#111827', maxLines: 1, ...align });
  const role = [persona.role, persona.personaType].filter((t) => t.trim() !== '').join(' · ');
  if (role) y += drawText(doc, role, { ...text, y, h: 20 * s }, { size: 13 * s, color: '#374151', maxLines: 1, ...align });
  const tagline = typeof section.data.tagline === 'string' ? section.data.tagline : '';
  const market = typeof section.data.marketSize === 'string' ? section.data.marketSize : '';
  if (tagline) y += drawText(doc, tagline, { ...text, y: y + 4 * s, h: text.y + text.h - y }, { size: 11 * s, color: '#4b5563', maxLines: 2, ...align }) + 4 * s;
  if (market) drawText(doc, ctx.text.t('report.section.marketSizeLine', { value: market }), { ...text, y: y + 2 * s, h: 16 * s }, { size: 10 * s, color: '#6b7280', maxLines: 1, ...align });
}

/** The deck's cover: its title, how many personas, and each persona's name and role in order. */
function drawCover(doc: jsPDF, title: string, pages: readonly PersonaPdfPage[], size: { w: number; h: number }, total: number, text: ExportText): void {
  const { t, rtl } = text;
  const left = pageMargin * 2;
  const width = size.w - 2 * left;
  // Right to left, every line hangs from the right margin and the colour dots stand on the right.
  const align = rtl ? 'right' as const : 'left' as const;
  let y = size.h * 0.22;
  y += drawText(doc, title, { x: left, y, w: width, h: 80 }, { size: 30, bold: true, color: '#111827', maxLines: 2, align });
  const newest = pages.reduce((m, p) => Math.max(m, p.persona.updatedAt), 0);
  const summary = [t('report.persona.title', { count: pages.length }), t('report.persona.pages', { count: total }), t('report.persona.updated', { date: text.fmt.date(newest) })].join(' · ');
  y += drawText(doc, summary, { x: left, y: y + 6, w: width, h: 24 }, { size: 12, color: '#4b5563', maxLines: 1, align }) + 24;
  const lineH = 22;
  const fit = Math.max(1, Math.floor((size.h - pageMargin * 2 - y) / lineH));
  const lineX = rtl ? left : left + 18;
  pages.slice(0, fit).forEach((p, i) => {
    doc.setFillColor(p.persona.accentColor);
    doc.circle(rtl ? left + width - 5 : left + 5, y + i * lineH + 7, 5, 'F');
    const role = [p.persona.role, p.persona.personaType].filter((r) => r.trim() !== '').join(' · ');
    drawText(doc, role ? `${p.persona.name} — ${role}` : p.persona.name, { x: lineX, y: y + i * lineH, w: width - 18, h: lineH }, { size: 12, color: '#111827', maxLines: 1, align });
  });
  if (pages.length > fit) drawText(doc, t('report.persona.more', { count: pages.length - fit }), { x: lineX, y: y + fit * lineH, w: width - 18, h: lineH }, { size: 11, color: '#6b7280', maxLines: 1, align });
  setFont(doc, 8, false, '#9ca3af');
  drawLabel(doc, t('report.page', { n: 1, of: total }), rtl ? left + width : left, size.h - pageMargin + 4, width, align);
}

// The footer lines up with the canvas, not the page edge, so it reads as part of the layout.
function drawFooter(doc: jsPDF, persona: PersonaDoc, size: { w: number; h: number }, left: number, pageNote: string, text: ExportText): void {
  setFont(doc, 8, false, '#9ca3af');
  const status = text.t(`report.persona.status.${persona.status}`);
  const parts = [persona.name, status, persona.tags.join(', '), text.fmt.date(persona.updatedAt), pageNote];
  // Right to left the line reads as Arabic even when it opens with a Latin name or tag: an RLM before
  // each part sets the direction and keeps a date after Latin tags from joining their run.
  const line = parts.filter((p) => p).map((p) => (text.rtl ? `\u200f${p}` : p)).join(' · ');
  drawLabel(doc, line, text.rtl ? size.w - left : left, size.h - pageMargin + 4, size.w - 2 * left, text.rtl ? 'right' : 'left');
}

/** The one initials helper of the app (common/persona/initials), here for the comparison PDF's import. */
export { initials };
