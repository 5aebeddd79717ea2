import { jsPDF } from 'jspdf';
import type { FlowNode, JourneyFlow } from '../journey/flowModel';
import { registerFonts, type PdfFonts } from './fonts';
import { drawLabel, drawText, setFont } from './pdfText';
import { fillRounded } from './pdfShapes';
import { pageSize, type PageOrientation, type PaperSize } from './paper';

/** How to print a flow diagram. */
export interface FlowPdfOptions {
  paper: PaperSize;
  orientation?: PageOrientation;
  fonts: PdfFonts;
}

// The flow editor's node box (common/journey/layout.ts spaces nodes for 220 × 72).
const nodeW = 220;
const nodeH = 72;
const margin = 36;
const kindColours: Record<FlowNode['kind'], string> = {
  trigger: '#4f46e5', action: '#0891b2', wait: '#ca8a04', condition: '#9333ea', multiSplit: '#9333ea', randomSplit: '#db2777', exit: '#475569', goto: '#16a34a',
};

/**
 * The flow as a diagram fitted to one page: nodes as labelled boxes at their canvas positions, edges as
 * arrows labelled with the handle they leave by (yes/no, branch), all vector with selectable text.
 */
export function buildFlowPdf(journey: { name: string; flow: JourneyFlow }, options: FlowPdfOptions): Uint8Array {
  const orientation = options.orientation ?? 'landscape';
  const size = pageSize(options.paper, orientation);
  const doc = new jsPDF({ unit: 'pt', format: [size.w, size.h], orientation, compress: true, putOnlyUsedFonts: true });
  registerFonts(doc, options.fonts);
  doc.setProperties({ title: `${journey.name} — flow`, creator: 'CX Studio' });
  setFont(doc, 18, true, '#111827');
  drawLabel(doc, `${journey.name} — flow`, margin, margin + 14, size.w - 2 * margin);
  const { nodes, edges } = journey.flow;
  if (nodes.length === 0) {
    setFont(doc, 11, false, '#6b7280');
    doc.text('This journey has no flow yet.', margin, margin + 44);
    return new Uint8Array(doc.output('arraybuffer'));
  }
  const minX = Math.min(...nodes.map((n) => n.position.x));
  const minY = Math.min(...nodes.map((n) => n.position.y));
  const w = Math.max(...nodes.map((n) => n.position.x)) - minX + nodeW;
  const h = Math.max(...nodes.map((n) => n.position.y)) - minY + nodeH;
  const top = margin + 30;
  // Fit the whole diagram, never enlarging past 1:1 so a small flow does not print in giant boxes.
  const s = Math.min(1, (size.w - 2 * margin) / w, (size.h - top - margin) / h);
  const at = (n: FlowNode) => ({ x: margin + (n.position.x - minX) * s, y: top + (n.position.y - minY) * s });
  const byId = new Map(nodes.map((n) => [n.id, n]));
  doc.setLineWidth(Math.max(0.5, 1.2 * s));
  for (const e of edges) {
    const a = byId.get(e.source);
    const b = byId.get(e.target);
    if (!a || !b) continue;
    const p = at(a);
    const q = at(b);
    const x1 = p.x + nodeW * s;
    const y1 = p.y + (nodeH * s) / 2;
    const x2 = q.x;
    const y2 = q.y + (nodeH * s) / 2;
    doc.setDrawColor('#9ca3af');
    doc.line(x1, y1, x2, y2);
    const ang = Math.atan2(y2 - y1, x2 - x1);
    const head = 7 * s;
    doc.setFillColor('#9ca3af');
    doc.triangle(x2, y2, x2 - head * Math.cos(ang - 0.4), y2 - head * Math.sin(ang - 0.4), x2 - head * Math.cos(ang + 0.4), y2 - head * Math.sin(ang + 0.4), 'F');
    if (e.sourceHandle !== 'out') {
      setFont(doc, 9 * s, false, '#4b5563');
      doc.text(handleLabel(a, e.sourceHandle), (x1 + x2) / 2, (y1 + y2) / 2 - 3 * s, { align: 'center' });
    }
  }
  for (const n of nodes) {
    const p = at(n);
    const box = { x: p.x, y: p.y, w: nodeW * s, h: nodeH * s };
    fillRounded(doc, box, 8 * s, '#ffffff', kindColours[n.kind]);
    doc.setFillColor(kindColours[n.kind]);
    doc.rect(box.x, box.y + 6 * s, 4 * s, box.h - 12 * s, 'F');
    setFont(doc, 8 * s, false, kindColours[n.kind]);
    drawLabel(doc, n.kind, box.x + 12 * s, box.y + 16 * s, box.w - 20 * s);
    drawText(doc, n.label || n.kind, { x: box.x + 12 * s, y: box.y + 22 * s, w: box.w - 20 * s, h: box.h - 26 * s }, { size: 11 * s, bold: true, color: '#111827' });
  }
  return new Uint8Array(doc.output('arraybuffer'));
}

/** The word printed on an edge: yes/no, timeout, else, or the branch's own label. */
export function handleLabel(node: FlowNode, handle: string): string {
  if (node.kind === 'multiSplit' || node.kind === 'randomSplit') {
    const branch = (node.config.branches as { id: string; label: string }[]).find((b) => b.id === handle);
    if (branch) return branch.label;
  }
  return handle;
}
