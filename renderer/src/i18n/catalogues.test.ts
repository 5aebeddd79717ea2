import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '@formatjs/icu-messageformat-parser';
import { checkCatalogue, messageArguments } from '../../../common/i18n/catalogueCheck';
import { locales } from '../../../common/i18n/locales';
import { pseudoMessage } from './pseudo';

// Both catalogue roots: the renderer's areas and the ones main and the export builders read.
const roots = [join(__dirname, 'messages'), join(__dirname, '../../../common/i18n/messages')].filter(existsSync);
const areas = roots.flatMap((root) => readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => join(root, d.name)));
const read = (file: string): Record<string, unknown> => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

describe('catalogues', () => {
  it('has areas to check', () => {
    expect(areas.length).toBeGreaterThan(0);
  });

  for (const area of areas) {
    describe(area.split(/[\\/]/).slice(-3).join('/'), () => {
      const english = read(join(area, 'en.json'));

      it('names every key after its area', () => {
        const name = area.split(/[\\/]/).pop()!;
        expect(Object.keys(english).filter((k) => !k.startsWith(`${name}.`))).toEqual([]);
      });

      it('has one file per shipped locale and nothing else', () => {
        expect(readdirSync(area).sort()).toEqual(locales.map((l) => `${l}.json`).sort());
      });

      for (const locale of locales.filter((l) => l !== 'en')) {
        it(`${locale} has every English key with the same ICU arguments`, () => {
          const file = join(area, `${locale}.json`);
          expect(existsSync(file), `${file} is missing`).toBe(true);
          expect(checkCatalogue(english, read(file), locale)).toEqual([]);
        });
      }

      it('makes a pseudo-locale message of every English one', () => {
        for (const text of Object.values(english)) expect(() => pseudoMessage(String(text))).not.toThrow();
      });
    });
  }
});

describe('checkCatalogue', () => {
  const english = {
    'x.count': '{count, plural, one {# persona} other {# personas}}',
    'x.kind': '{kind, select, persona {Persona} journey {Journey} other {Item}}',
    'x.greet': 'Hello {name}, <b>welcome</b>',
  };

  it('accepts a faithful translation', () => {
    const fr = {
      'x.count': '{count, plural, one {# persona} many {# de personas} other {# personas}}',
      'x.kind': '{kind, select, persona {Persona} journey {Parcours} other {Élément}}',
      'x.greet': 'Bonjour {name}, <b>bienvenue</b>',
    };
    expect(checkCatalogue(english, fr, 'fr')).toEqual([]);
  });

  it('finds each way a translation goes wrong', () => {
    const cases: Array<[Record<string, string | null>, string, RegExp]> = [
      [{ 'x.count': null }, 'x.count', /missing/],
      [{ 'x.count': '{count, plural, one {#} other {#}', 'x.kind': '', 'x.greet': '' }, 'x.count', /not valid ICU/],
      [{ 'x.count': '{total, plural, one {#} other {#}}' }, 'x.count', /arguments/],
      [{ 'x.count': '{count} personas' }, 'x.count', /arguments/],
      [{ 'x.kind': '{kind, select, persona {P} other {I}}' }, 'x.kind', /arguments/],
      [{ 'x.greet': 'Hallo {name}, willkommen' }, 'x.greet', /arguments/],
      [{ 'x.count': '{count, plural, one {#} few {#} other {#}}' }, 'x.count', /plural branch "few"/],
      [{ 'x.greet': '   ' }, 'x.greet', /empty|arguments/],
      [{ 'x.old': 'gone' }, 'x.old', /not in English/],
    ];
    for (const [partial, key, problem] of cases) {
      // null removes the key from the translation.
      const translated = Object.fromEntries(Object.entries({ ...english, ...partial }).filter(([, v]) => v !== null));
      const found = checkCatalogue(english, translated, 'de').filter((p) => p.key === key);
      expect(found.map((p) => p.problem).join('; '), JSON.stringify(partial)).toMatch(problem);
    }
  });
});

describe('pseudoMessage', () => {
  it('accents and lengthens the words but keeps every argument', () => {
    const english = '{count, plural, one {<b># persona</b> saved} other {<b># personas</b> saved}} by {name}';
    const pseudo = pseudoMessage(english);
    expect(messageArguments(pseudo)).toEqual(messageArguments(parse(english)));
    const text = JSON.stringify(pseudo);
    expect(text).toContain('šåṽéð');
    expect(text).not.toMatch(/"value":"[^"]*saved/);
  });
});
