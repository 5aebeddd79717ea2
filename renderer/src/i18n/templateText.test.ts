import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtInTemplates as journeyTemplates } from '../../../common/journey/templates/index';
import { builtInTemplates as personaTemplates } from '../../../common/persona';
import { templateTexts } from '../../../common/i18n/templateText';

const dir = join(__dirname, 'templates');
const tables = readdirSync(dir).filter((f) => f.endsWith('.json'));
const templates = [...journeyTemplates(), ...personaTemplates];
// Values in text-named fields that are not prose: an edge's source step id, a rule's source kind.
const notProse = (text: string, ids: Set<string>) => ids.has(text) || ['response', 'attribute', 'personaMatch'].includes(text);

describe('built-in template text tables', () => {
  it('exist (French at least)', () => expect(tables).toContain('fr.json'));
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
    });
  }
});
