import { readFileSync } from 'node:fs';
import { jsPDF } from 'jspdf';
import { describe, expect, test } from 'vitest';
import { sequentialIds } from '../persona/ids';
import { createFromTemplate } from '../persona/instantiate';
import { ecommerceTemplate } from '../persona/templates/consumer';
import type { PersonaDoc } from '../persona/document';
import { registerFonts } from './fonts';
import { bodyHeight, cardPad, cardTitleBand } from './personaGrowth';
import { maxTextScale, textScale } from './personaFill';

const doc = new jsPDF({ unit: 'pt' });
registerFonts(doc, {
  regular: readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
});
const persona = createFromTemplate(ecommerceTemplate, { ids: sequentialIds('t'), now: 0, author: 'Sam' });
const goals = persona.sections.find((s) => s.type === 'goals')!;
/** Only the goals card, in a box of the given size (points, one point per canvas pixel). */
const only = (w: number, h: number): [PersonaDoc, Map<string, { x: number; y: number; w: number; h: number }>] =>
  [{ ...persona, sections: [goals] }, new Map([[goals.id, { x: 0, y: 0, w, h }]])];

describe('the text factor of a persona page', () => {
  test('a card with room to spare prints its text at the largest factor', () => {
    expect(textScale(doc, ...only(600, 400), 1)).toBe(maxTextScale);
  });

  test('a card its content just fills keeps the canvas’s text size', () => {
    const w = 300;
    const h = cardTitleBand + cardPad + bodyHeight(doc, goals, w - 2 * cardPad) + 1;
    expect(textScale(doc, ...only(w, h), 1)).toBe(1);
  });

  test('in between, the largest factor at which the card still holds its content', () => {
    const w = 300;
    const h = 1.25 * (cardTitleBand + cardPad + bodyHeight(doc, goals, w - 2 * cardPad));
    const t = textScale(doc, ...only(w, h), 1);
    expect(t).toBeGreaterThan(1);
    expect(t).toBeLessThan(1.3);
    // At that factor the text, wrapped in the narrower width it leaves, still fits the box.
    expect((cardTitleBand + cardPad + bodyHeight(doc, goals, w / t - 2 * cardPad)) * t).toBeLessThanOrEqual(h);
  });

  test('a card whose content does not fit even at the canvas’s size (cut at a page’s end) does not hold the page back', () => {
    const [p, boxes] = only(300, 40);
    expect(textScale(doc, p, boxes, 1)).toBe(maxTextScale);
  });
});
