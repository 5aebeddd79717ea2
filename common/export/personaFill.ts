/**
 * How much larger than the canvas's own proportions a persona page prints its text. The screen's
 * list items are boxed text fields with padding and its card grid is sized for them, so the same text
 * printed as plain lines at the canvas's scale left most cards half empty on paper. Every card's text
 * is printed larger by one common factor (one text size on the page, as on screen), as large as the
 * fullest card still holds its content at.
 */
import type { jsPDF } from 'jspdf';
import type { PersonaDoc, PersonaSection } from '../persona/document';
import { bodyHeight, cardPad, cardTitleBand } from './personaGrowth';
import { setFont, wrap, type Box } from './pdfText';

/** The largest factor: 11 px body text at the usual one-page scales prints at 5–8 pt. */
export const maxTextScale = 1.5;
const steps = 10;

/** Padding of the header card, in canvas pixels (personaPdf's drawHeader). */
export const headerPad = 14;
/** The live metrics block draws cards 64 px tall whatever its box (liveMetricsPdf). */
const liveMetricsBody = 64;

/**
 * The height the header's text needs at width `w` (canvas pixels, beside the photo): the name on one
 * line, the role, up to two lines of tagline and the market size, as drawHeader lays them out.
 */
function headerTextHeight(doc: jsPDF, persona: PersonaDoc, section: PersonaSection, w: number): number {
  const tagline = typeof section.data.tagline === 'string' ? section.data.tagline.trim() : '';
  const market = typeof section.data.marketSize === 'string' ? section.data.marketSize.trim() : '';
  const role = [persona.role, persona.personaType].some((t) => t.trim() !== '');
  let h = 24 * 1.4 + (role ? 13 * 1.25 : 0);
  if (tagline) {
    setFont(doc, 11);
    h += 8 + Math.min(2, wrap(doc, tagline, w).length) * 11 * 1.25;
  }
  return h + (market ? 2 + 10 * 1.25 : 0);
}

/** Whether a card drawn in `box` (points) with text at `ts` points per canvas pixel holds its content. */
function holds(doc: jsPDF, persona: PersonaDoc, section: PersonaSection, box: Box, ts: number): boolean {
  if (section.type === 'header') {
    const pad = headerPad * ts;
    const photo = Math.min(box.h - 2 * pad, 120 * ts, box.w * 0.3);
    const textW = box.w - 2 * pad - photo - 16 * ts;
    return textW > 0 && headerTextHeight(doc, persona, section, textW / ts) * ts <= box.h - 2 * pad;
  }
  const w = box.w - 2 * cardPad * ts;
  const h = box.h - (cardTitleBand + cardPad) * ts;
  const need = section.type === 'liveMetrics' ? liveMetricsBody : bodyHeight(doc, section, w / ts);
  return w > 0 && need * ts <= h;
}

/**
 * The factor (1 to `maxTextScale`) by which the page's text is printed larger than `s`, given each
 * section's box on paper. Cards that do not hold their content at 1 either (cut at a page's end, or
 * boxes that draw to any size: media, live metrics) do not limit it.
 */
export function textScale(doc: jsPDF, persona: PersonaDoc, boxes: ReadonlyMap<string, Box>, s: number): number {
  const limiting = persona.sections.filter((sec) => {
    const box = boxes.get(sec.id);
    if (!box) return false;
    if (sec.type !== 'header' && sec.type !== 'liveMetrics' && bodyHeight(doc, sec, 1000) === 0) return false;
    return holds(doc, persona, sec, box, s);
  });
  for (let k = steps; k > 0; k -= 1) {
    const t = 1 + ((maxTextScale - 1) * k) / steps;
    if (limiting.every((sec) => holds(doc, persona, sec, boxes.get(sec.id)!, s * t))) return t;
  }
  return 1;
}
