import { jsPDF } from 'jspdf';
import { stepDetails, stepKindName } from '../journey/describeStep';
import { outputHandles, type FlowNode, type JourneyFlow } from '../journey/flowModel';
import { layoutFlowGraph } from '../journey/layout';
import { pageDiagram, type DiagramPage, type LaidBox } from './flowPaging';
import { registerFonts, type PdfFonts } from './fonts';
import { englishText, type ExportText } from '../i18n/exportText';
import { drawLabel, setFont, textWidth, wrap } from './pdfText';
import { fillRounded } from './pdfShapes';
import { pageSize, type PageOrientation, type PaperSize } from './paper';

/** How to print a flow diagram. */
export interface FlowPdfOptions {
  paper: PaperSize;
  orientation?: PageOrientation;
  fonts: PdfFonts;
  /** The language of the headings and step descriptions (English when not given). */
  text?: ExportText;
}

// A step's box at scale 1, in points; each box is as tall as its text.
const boxW = 190;
const pad = 8;
const kindSize = 8;
const titleSize = 10.5;
const detailSize = 8.5;
const leading = 1.25;
const maxTitleLines = 2;
const maxDetailLines = 6;
/** Below this scale the smallest text prints under 7.2 pt: the diagram goes over several pages instead. */
const minScale = 0.9;
/** A small flow is enlarged to fill the page, up to this. */
const maxScale = 2;
const margin = 30;
const headerH = 30;
const footerH = 16;
const kindColours: Record<FlowNode['kind'], string> = {
  trigger: '#4f46e5', action: '#0891b2', wait: '#ca8a04', condition: '#9333ea', multiSplit: '#9333ea', randomSplit: '#db2777', exit: '#475569', goto: '#16a34a',
};

interface StepText { kind: string; title: string[]; details: string[] }

/** The lines a step prints, wrapped at scale 1 (at scale s everything is s times larger, so they still fit). */
function stepText(doc: jsPDF, node: FlowNode, text: ExportText): StepText {
  const inner = boxW - 2 * pad - 4;
  const kind = stepKindName(node, text);
  setFont(doc, titleSize, true);
  const title = cut(doc, wrap(doc, node.label || kind, inner), maxTitleLines, inner);
  setFont(doc, detailSize);
  const details = cut(doc, stepDetails(node, text).flatMap((d) => wrap(doc, d, inner)), maxDetailLines, inner);
  return { kind: kind.toLocaleUpperCase(text.locale), title, details };
}

function cut(doc: jsPDF, lines: string[], max: number, width: number): string[] {
  if (lines.length <= max) return lines;
  const kept = lines.slice(0, max);
  let last = Array.from(kept[max - 1] ?? '');
  while (last.length > 0 && textWidth(doc, `${last.join('')}…`) > width) last = last.slice(0, -1);
  kept[max - 1] = `${last.join('').trimEnd()}…`;
  return kept;
}

function boxHeight(t: StepText): number {
  return pad + kindSize * leading + t.title.length * titleSize * leading + (t.details.length ? 2 : 0) + t.details.length * detailSize * leading + pad;
}

/**
 * The flow as a layered diagram, top to bottom (the editor's dagre layout), each step a box with its
 * kind, name and content (subject, message, event, wait time, rules). A small flow is enlarged to
 * fill the page; one too big to print readably on one page goes over several, each step whole on one
 * page, and an edge between pages ends in "→ step (page n)" / "from step (page n)". Vector text throughout.
 */
export function buildFlowPdf(journey: { name: string; flow: JourneyFlow }, options: FlowPdfOptions): Uint8Array {
  const orientation = options.orientation ?? 'landscape';
  const size = pageSize(options.paper, orientation);
  const doc = new jsPDF({ unit: 'pt', format: [size.w, size.h], orientation, compress: true, putOnlyUsedFonts: true });
  registerFonts(doc, options.fonts);
  const text = options.text ?? englishText;
  const { t } = text;
  const title = t('report.flow.title', { name: journey.name });
  doc.setProperties({ title, creator: 'CX Studio' });
  const { nodes, edges } = journey.flow;
  if (nodes.length === 0) {
    header(doc, text, title, size.w, 1, 1);
    setFont(doc, 11, false, '#6b7280');
    drawLabel(doc, t('report.flow.none'), margin, margin + headerH + 14, size.w - 2 * margin);
    return new Uint8Array(doc.output('arraybuffer'));
  }
  const texts = new Map(nodes.map((n) => [n.id, stepText(doc, n, text)]));
  const { boxes, bends } = layoutFlowGraph(nodes, edges, (n) => ({ width: boxW, height: boxHeight(texts.get(n.id)!) }), { layerGap: 46, nodeGap: 26 });
  const minX = Math.min(...Object.values(boxes).map((b) => b.x));
  const minY = Math.min(...Object.values(boxes).map((b) => b.y));
  const w = Math.max(...Object.values(boxes).map((b) => b.x + b.width)) - minX;
  const h = Math.max(...Object.values(boxes).map((b) => b.y + b.height)) - minY;
  const area = { x: margin, y: margin + headerH, w: size.w - 2 * margin, h: size.h - 2 * margin - headerH - footerH };
  const fit = Math.min(area.w / w, area.h / h);
  let s: number;
  let pages: DiagramPage[];
  let centre = { x: 0, y: 0 };
  if (fit >= minScale) {
    s = Math.min(fit, maxScale);
    pages = [{ origin: { x: minX, y: minY }, ids: nodes.map((n) => n.id) }];
    centre = { x: (area.w - w * s) / 2, y: (area.h - h * s) / 2 };
  } else {
    // Readable first: full size when the width allows, else as wide as the page at no less than minScale.
    s = Math.max(minScale, Math.min(1, area.w / w));
    // Room above the first row of each page for "from … (page n)" lines.
    area.y += 14;
    area.h -= 14;
    pages = pageDiagram(boxes, { width: area.w / s, height: area.h / s });
  }
  const pageOf = new Map<string, number>();
  pages.forEach((p, i) => p.ids.forEach((id) => pageOf.set(id, i)));
  const byId = new Map(nodes.map((n) => [n.id, n]));

  pages.forEach((page, i) => {
    if (i > 0) doc.addPage([size.w, size.h], orientation);
    header(doc, text, title, size.w, i + 1, pages.length);
    const at = (p: { x: number; y: number }) => ({ x: area.x + centre.x + (p.x - page.origin.x) * s, y: area.y + centre.y + (p.y - page.origin.y) * s });
    const onPage = new Set(page.ids);
    // Off-page edges leaving one step are listed one under another below it.
    const offPage = new Map<string, number>();
    doc.setLineWidth(Math.max(0.6, s));
    for (const e of edges) {
      const a = byId.get(e.source);
      const b = byId.get(e.target);
      if (!a || !b || e.source === e.target || (!onPage.has(a.id) && !onPage.has(b.id))) continue;
      const sb = boxes[a.id]!;
      const tb = boxes[b.id]!;
      const outs = outputHandles(a);
      const slot = Math.max(0, outs.indexOf(e.sourceHandle));
      const start = at({ x: sb.x + (sb.width * (slot + 1)) / (outs.length + 1), y: sb.y + sb.height });
      const end = at({ x: tb.x + tb.width / 2, y: tb.y });
      const label = e.sourceHandle === 'out' ? '' : handleLabel(a, e.sourceHandle, text);
      if (onPage.has(a.id) && onPage.has(b.id)) {
        polyline(doc, [start, ...(bends[e.id] ?? []).map(at), end], s);
        if (label) edgeLabel(doc, label, start.x + 3 * s, start.y + 9 * s, s);
      } else if (onPage.has(a.id)) {
        const k = offPage.get(a.id) ?? 0;
        offPage.set(a.id, k + 1);
        const baseline = start.y + (14 + k * detailSize * leading) * s;
        if (k === 0) polyline(doc, [start, { x: start.x, y: start.y + 8 * s }], s);
        setFont(doc, detailSize * s, false, '#374151');
        const to = t('report.flow.toPage', { step: b.label || stepKindName(b, text), page: (pageOf.get(b.id) ?? 0) + 1 });
        drawLabel(doc, label ? t('report.flow.labelled', { label, text: to }) : to, at(sb).x, baseline, sb.width * s);
      } else {
        setFont(doc, detailSize * s, false, '#374151');
        const from = { step: a.label || stepKindName(a, text), page: (pageOf.get(a.id) ?? 0) + 1 };
        drawLabel(doc, label ? t('report.flow.fromPageVia', { ...from, label }) : t('report.flow.fromPage', from), at(tb).x, end.y - 4 * s, tb.width * s);
      }
    }
    for (const id of page.ids) drawStep(doc, byId.get(id)!, texts.get(id)!, boxes[id]!, at, s, text.rtl);
  });
  return new Uint8Array(doc.output('arraybuffer'));
}

// A right-to-left export puts the title on the right and the page number on the left.
function header(doc: jsPDF, text: ExportText, title: string, pageW: number, n: number, of: number): void {
  setFont(doc, 16, true, '#111827');
  drawLabel(doc, title, text.rtl ? pageW - margin : margin, margin + 14, pageW - 2 * margin - 90, text.rtl ? 'right' : 'left');
  if (of > 1) {
    setFont(doc, 9, false, '#6b7280');
    drawLabel(doc, text.t('report.page', { n, of }), text.rtl ? margin : pageW - margin, margin + 12, 90, text.rtl ? 'left' : 'right');
  }
}

function drawStep(doc: jsPDF, node: FlowNode, t: StepText, b: LaidBox, at: (p: { x: number; y: number }) => { x: number; y: number }, s: number, rtl: boolean): void {
  const p = at(b);
  const box = { x: p.x, y: p.y, w: b.width * s, h: b.height * s };
  const colour = kindColours[node.kind];
  fillRounded(doc, box, 6 * s, '#ffffff', colour);
  doc.setFillColor(colour);
  doc.rect(box.x, box.y + 5 * s, 3.5 * s, box.h - 10 * s, 'F');
  const width = box.w - (2 * pad + 4) * s;
  // Right-to-left step text hangs from the box's right edge (the colour bar stays on the left).
  const align = rtl ? 'right' : 'left';
  const x = rtl ? box.x + box.w - pad * s : box.x + (pad + 4) * s;
  let y = box.y + pad * s + kindSize * s * 0.85;
  setFont(doc, kindSize * s, true, colour);
  drawLabel(doc, t.kind, x, y, width, align);
  y += kindSize * leading * s;
  setFont(doc, titleSize * s, true, '#111827');
  for (const line of t.title) {
    drawLabel(doc, line, x, y + titleSize * s * 0.85, width, align);
    y += titleSize * leading * s;
  }
  y += 2 * s;
  setFont(doc, detailSize * s, false, '#374151');
  for (const line of t.details) {
    drawLabel(doc, line, x, y + detailSize * s * 0.85, width, align);
    y += detailSize * leading * s;
  }
}

function polyline(doc: jsPDF, pts: Array<{ x: number; y: number }>, s: number): void {
  doc.setDrawColor('#9ca3af');
  for (let i = 1; i < pts.length; i++) doc.line(pts[i - 1]!.x, pts[i - 1]!.y, pts[i]!.x, pts[i]!.y);
  const a = pts[pts.length - 2]!;
  const b = pts[pts.length - 1]!;
  const ang = Math.atan2(b.y - a.y, b.x - a.x);
  const head = 6 * s;
  doc.setFillColor('#6b7280');
  doc.triangle(b.x, b.y, b.x - head * Math.cos(ang - 0.4), b.y - head * Math.sin(ang - 0.4), b.x - head * Math.cos(ang + 0.4), b.y - head * Math.sin(ang + 0.4), 'F');
}

function edgeLabel(doc: jsPDF, text: string, x: number, y: number, s: number): void {
  setFont(doc, 8 * s, true, '#4b5563');
  drawLabel(doc, text, x, y, 80 * s);
}

/** The word printed on an edge: yes/no, timeout, else, or the branch's own label. */
export function handleLabel(node: FlowNode, handle: string, text: ExportText = englishText): string {
  if (node.kind === 'multiSplit' || node.kind === 'randomSplit') {
    const branch = (node.config.branches as { id: string; label: string }[]).find((b) => b.id === handle);
    if (branch) return branch.label;
  }
  return text.t('report.flow.handle', { handle });
}
