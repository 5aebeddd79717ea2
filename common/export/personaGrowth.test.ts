import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jsPDF } from 'jspdf';
import { describe, expect, test } from 'vitest';
import { isValidLayout, gridColumns } from '../persona/layout';
import { registerFonts } from './fonts';
import { buildPersonaPdf } from './personaPdf';
import { grownPersona } from './personaGrowth';
import { samplePersona, samplePhoto } from './samplePersona';

const fonts = {
  regular: readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
};
const images = new Map([['photo-1', samplePhoto]]);
const dir = mkdtempSync(join(tmpdir(), 'cx-grow-'));

/** Each text line of page 1 with its top edge, in points. */
function lines(bytes: Uint8Array): { text: string; y: number }[] {
  const file = join(dir, `g${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, bytes);
  const xml = execFileSync('pdftotext', ['-bbox-layout', '-f', '1', '-l', '1', file, '-']).toString('utf8');
  return [...xml.matchAll(/<line xMin="[\d.]+" yMin="([\d.]+)"[^>]*>([\s\S]*?)<\/line>/g)].map((m) => ({
    y: Number(m[1]), text: [...(m[2] ?? '').matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => w[1]).join(' '),
  }));
}
const measureDoc = () => { const d = new jsPDF({ unit: 'pt' }); registerFonts(d, fonts); return d; };

describe('persona cards grow on paper as on screen', () => {
  const longGoals = () => {
    const persona = samplePersona();
    const goals = persona.sections.find((s) => s.id === 's-goals')!;
    goals.data = { items: Array.from({ length: 9 }, (_, i) => ({ id: `g${i}`, text: `Goal number ${i + 1}: a goal written out in a full sentence at the workshop` })) };
    return persona;
  };

  test('a list longer than its card prints every item, and the sections below move down instead of being covered', () => {
    const persona = longGoals();
    const text = lines(buildPersonaPdf([{ persona }], { paper: 'a3', orientation: 'landscape', fonts, images }));
    const all = text.map((l) => l.text).join(' ');
    for (let i = 1; i <= 9; i++) expect(all).toContain(`Goal number ${i}:`);
    expect(all).not.toContain('…');
    // Frustrations sat right under Goals: its title must now be below Goals' last line.
    const lastGoal = Math.max(...text.filter((l) => /workshop|Goal number 9/.test(l.text)).map((l) => l.y));
    const frustrations = text.find((l) => l.text === 'Frustrations')!;
    expect(frustrations.y).toBeGreaterThan(lastGoal);
  });

  test('the grown layout is valid (inside the grid, no overlaps), keeps every card at least its stored size, and leaves a fitting persona alone', () => {
    const persona = longGoals();
    const grown = grownPersona(measureDoc(), persona);
    expect(isValidLayout(grown.sections.map((s) => ({ id: s.id, ...s.layout })), gridColumns.landscape)).toBe(true);
    const before = new Map(persona.sections.map((s) => [s.id, s.layout]));
    for (const s of grown.sections) {
      expect(s.layout.h).toBeGreaterThanOrEqual(before.get(s.id)!.h);
      expect(s.layout.x).toBe(before.get(s.id)!.x);
    }
    expect(grown.sections.find((s) => s.id === 's-goals')!.layout.h).toBeGreaterThan(3);
    const fitting = samplePersona();
    expect(grownPersona(measureDoc(), fitting)).toBe(fitting);
  });

  test('a long demographics value wraps in its column instead of being cut', () => {
    const persona = samplePersona();
    const demo = persona.sections.find((s) => s.id === 's-demo')!;
    demo.data = { ...demo.data, occupation: 'Head of operations and procurement for a regional pharmacy chain' };
    const all = lines(buildPersonaPdf([{ persona }], { paper: 'a3', orientation: 'landscape', fonts, images })).map((l) => l.text).join(' ');
    expect(all).toContain('regional pharmacy chain');
  });
});
