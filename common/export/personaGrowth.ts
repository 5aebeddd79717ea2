/**
 * Cards grow on paper as they do on screen: a section whose content needs more height than its
 * stored rows is printed taller and the sections below move down (the canvas's own compaction),
 * instead of its last items being cut off with an ellipsis. The stored layout stays the minimum, so
 * a sparse card keeps the size the user gave it. Heights are measured with the PDF's own font
 * metrics at one point per canvas pixel (every drawer scales linearly, so the wrap is the same at
 * any scale).
 */
import type { jsPDF } from 'jspdf';
import type { PersonaDoc, PersonaSection } from '../persona/document';
import { gridColumns } from '../persona/layout';
import { compact } from '../persona/layout';
import type { ListItem } from '../persona/fields';
import { demographicFields } from '../persona/sections/profileSections';
import { setFont, wrap } from './pdfText';

/** The editor's grid geometry (renderer's Canvas.tsx), in canvas pixels. */
export const grid = { colWidth: 80, rowHeight: 44, margin: 12 };
/** A card's title band above its body, and the padding below and beside the body. */
export const cardTitleBand = 32;
export const cardPad = 12;

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const items = (v: unknown): Partial<ListItem>[] => (Array.isArray(v) ? v.filter((x): x is Partial<ListItem> => typeof x === 'object' && x !== null) : []);
const count = (v: unknown): number => (Array.isArray(v) ? v.length : 0);

function lines(doc: jsPDF, text: string, width: number, size: number, bold = false): number {
  if (text.trim() === '') return 0;
  setFont(doc, size, bold);
  return wrap(doc, text, width).length;
}

/** Body height of a bullet list, as `bullets` in personaSectionsPdf draws it. */
function bulletsHeight(doc: jsPDF, data: Record<string, unknown>, w: number): number {
  return items(data.items).reduce((h, item) => {
    const n = lines(doc, str(item.text), w - 10, 11);
    return n === 0 ? h : h + n * 11 * 1.25 + 3;
  }, 0);
}

/** Height of one demographics row whose value wraps in 60 % of the width. */
export function demographicRowHeight(doc: jsPDF, value: string, w: number): number {
  return Math.max(17, lines(doc, value, w * 0.6, 11) * 11 * 1.25 + 4);
}

/**
 * The body height (below the title band) a section's content needs at width `w`, in canvas pixels;
 * 0 for blocks that fit any box (media, live metrics, the header).
 */
export function bodyHeight(doc: jsPDF, section: Pick<PersonaSection, 'type' | 'data'>, w: number): number {
  const d = section.data;
  switch (section.type) {
    case 'goals': case 'frustrations': case 'motivations': case 'needs': case 'brands':
      return bulletsHeight(doc, d, w);
    case 'bio': case 'challenges': case 'context': case 'scenarios': case 'expectations': case 'custom': {
      const text = lines(doc, str(d.text), w, 11) * 11 * 1.35;
      return text + (text > 0 ? 4 : 0) + bulletsHeight(doc, d, w);
    }
    case 'quote':
      return lines(doc, str(d.text), w - 22, 14) * 14 * 1.3 + (str(d.attribution) ? 4 + 10 * 1.25 : 0) + 16;
    case 'demographics':
      return demographicFields.reduce((h, f) => (str(d[f]) ? h + demographicRowHeight(doc, str(d[f]), w) : h), 0);
    case 'personality': case 'technology': return count(d.items) * 26;
    case 'channels': return count(d.channels) * 19;
    case 'scales': return count(d.scales) * 30;
    case 'pieChart': return count(d.points) * 15;
    case 'barChart': return count(d.points) * 16;
    default: return 0;
  }
}

/** Grid rows a card of `px` pixels spans. */
function rowsFor(px: number): number {
  return Math.ceil((px + grid.margin) / (grid.rowHeight + grid.margin));
}

/**
 * The persona with each section as tall as its content needs on paper (never shorter than stored),
 * compacted so nothing overlaps. `doc` must have the export fonts registered.
 */
export function grownPersona(doc: jsPDF, persona: PersonaDoc): PersonaDoc {
  let grew = false;
  const layout = persona.sections.map((s) => {
    const w = s.layout.w * grid.colWidth + (s.layout.w - 1) * grid.margin - 2 * cardPad;
    const body = bodyHeight(doc, s, w);
    const h = body > 0 ? Math.max(s.layout.h, rowsFor(cardTitleBand + body + cardPad)) : s.layout.h;
    if (h !== s.layout.h) grew = true;
    return { id: s.id, ...s.layout, h };
  });
  if (!grew) return persona;
  const placed = new Map(compact(layout, gridColumns[persona.orientation]).map((l) => [l.id, l]));
  return {
    ...persona,
    sections: persona.sections.map((s) => {
      const l = placed.get(s.id);
      return l ? { ...s, layout: { x: l.x, y: l.y, w: l.w, h: l.h } } : s;
    }),
  };
}
