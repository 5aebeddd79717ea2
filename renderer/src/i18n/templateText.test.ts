import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtInTemplates as journeyTemplates } from '../../../common/journey/templates/index';
import { builtInTemplates as personaTemplates } from '../../../common/persona';
import { templateTexts } from '../../../common/i18n/templateText';
import { locales } from '../../../common/i18n/locales';

const dir = join(__dirname, 'templates');
const tables = readdirSync(dir).filter((f) => f.endsWith('.json'));
const templates = [...journeyTemplates(), ...personaTemplates];
// Values in text-named fields that are not prose: an edge's source step id, a rule's source kind.
// Languages with their own punctuation: Japanese and Chinese write full-width marks (？：、（）),
// Arabic its own comma and question mark (، ؟); the ASCII ones in these tables are slips.
const punctuation: Record<string, RegExp> = { ja: /[?!:;,()]/, 'zh-CN': /[?!:;,()]/, ar: /[?,;]/ };
const notProse = (text: string, ids: Set<string>) => ids.has(text) || ['response', 'attribute', 'personaMatch'].includes(text);

describe('built-in template text tables', () => {
  it('exist for every language of the app but English (the source)', () => {
    expect(locales.filter((l) => l !== 'en').map((l) => `${l}.json`).filter((f) => !tables.includes(f))).toEqual([]);
  });
  for (const file of tables) {
    it(`${file} translates every text of every built-in template, and nothing else`, () => {
      const table = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, string>;
      const all = new Set<string>();
      for (const tpl of templates) {
        const ids = new Set('body' in tpl && 'flow' in tpl.body ? tpl.body.flow.nodes.map((n) => n.id) : []);
        for (const text of templateTexts(tpl)) if (!notProse(text, ids)) all.add(text);
      }
      expect([...all].filter((text) => !(text in table))).toEqual([]);
      expect(Object.keys(table).filter((text) => !all.has(text))).toEqual([]);
      expect(Object.entries(table).filter(([, v]) => typeof v !== 'string' || v.trim() === '')).toEqual([]);
      // Brand names, 'NPS' or 'SaaS' stay as they are; a table mostly equal to English was copied, not written.
      const kept = Object.entries(table).filter(([en, v]) => en === v).length;
      expect(kept / Object.keys(table).length).toBeLessThan(0.1);
      const asciiPunctuation = punctuation[file.replace(/\.json$/, '')];
      if (asciiPunctuation) expect(Object.values(table).filter((v) => asciiPunctuation.test(v))).toEqual([]);
    });
  }
});
