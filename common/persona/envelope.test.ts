import { describe, expect, test } from 'vitest';
import { validatePersona, type PersonaDoc } from './document';
import { createEnvelope, envelopeType, readEnvelope, serializeEnvelope, type ImportOptions } from './envelope';
import { sequentialIds } from './ids';
import { createBlankPersona, createFromTemplate } from './instantiate';
import { builtInTemplates } from './templates/index';

const now = 1_700_000_000_000;
const personas = (): PersonaDoc[] => builtInTemplates.slice(0, 3).map((t, i) => createFromTemplate(t, { ids: sequentialIds(`p${i}-`), now, author: 'ana' }));
const options = (over: Partial<ImportOptions> = {}): ImportOptions => ({ ids: sequentialIds('imp'), now, existingIds: new Set(), mode: 'copy', ...over });

describe('JSON export and import', () => {
  test('a file written by export reads back to the same personas, rules and mapping included', () => {
    const list = personas();
    list[0]!.rules = [{ id: 'r1', column: 'age', kind: 'range', min: 25, max: 40 }];
    const text = serializeEnvelope(createEnvelope(list, now, { age: 'Q3_age' }));
    const report = readEnvelope(text, options());
    expect(report.problems).toEqual([]);
    expect(report.repairs).toEqual([]);
    expect(report.personas.map((p) => p.persona)).toEqual(list);
    expect(report.personas.every((p) => p.action === 'create')).toBe(true);
    expect(report.mapping).toEqual({ age: 'Q3_age' });
    expect(JSON.parse(text)).toMatchObject({ type: envelopeType, version: 1, exportedAt: now });
  });

  test('never overwrites silently: a persona whose id exists is imported as a copy', () => {
    const list = personas();
    const report = readEnvelope(createEnvelope(list, now), options({ existingIds: new Set([list[1]!.id]) }));
    expect(report.personas.map((p) => p.action)).toEqual(['create', 'create', 'create']);
    expect(report.personas[1]!.persona.id).not.toBe(list[1]!.id);
    expect(report.repairs).toEqual([{ path: 'personas[1].id', message: expect.stringMatching(/already exists.*imported as a copy/) }]);
  });

  test('replaces an existing persona only when the user chose to replace', () => {
    const list = personas();
    const report = readEnvelope(createEnvelope(list, now), options({ existingIds: new Set([list[1]!.id]), mode: 'replace' }));
    expect(report.personas.map((p) => p.action)).toEqual(['create', 'replace', 'create']);
    expect(report.personas[1]!.persona.id).toBe(list[1]!.id);
  });

  test('reports each problem with its path and imports the personas that pass', () => {
    const list = personas();
    const file = JSON.parse(serializeEnvelope(createEnvelope(list, now)));
    file.personas[0].name = '';
    file.personas[2].sections[3].type = 'zodiac';
    file.personas[2].rules = [{ id: 'r', column: 'age', kind: 'between' }];
    const report = readEnvelope(file, options());
    expect(report.personas.map((p) => p.sourceId)).toEqual([list[1]!.id]);
    expect(report.problems.map((p) => p.path)).toEqual(['personas[0].name', 'personas[2].sections[3].type', 'personas[2].rules[0].kind']);
  });

  test('says clearly when a file is not a persona file, is broken, or comes from a newer version', () => {
    const cases: [unknown, RegExp][] = [
      ['{"type": "cx-studio.journeys", "version": 1}', /not a CX Studio persona file/],
      ['{not json', /not valid JSON/],
      [{ type: envelopeType, version: 7, personas: [] }, /newer CX Studio/],
      [{ type: envelopeType, version: 1 }, /no list of personas/],
      [42, /not a CX Studio persona file/],
      [null, /not a CX Studio persona file/],
    ];
    for (const [input, message] of cases) {
      const report = readEnvelope(input, options());
      expect(report.personas, String(input)).toEqual([]);
      expect(report.problems[0]?.message, String(input)).toMatch(message);
    }
  });

  test('restores a bare persona with missing fields, ids and layout, saying what it repaired', () => {
    const report = readEnvelope({ name: '  Old Omar ', sections: [{ type: 'goals', data: { items: [{ text: 'Save time' }] } }, { type: 'quote', title: 'Says' }] }, options());
    expect(report.problems).toEqual([]);
    const p = report.personas[0]!.persona;
    expect(validatePersona(p).ok).toBe(true);
    expect(p.name).toBe('Old Omar');
    expect(p.sections.map((s) => s.type)).toEqual(['goals', 'quote']);
    expect((p.sections[0]!.data.items as { text: string }[])[0]!.text).toBe('Save time');
    expect(report.repairs.map((r) => r.path)).toEqual(['', '[0].id', '[0].sections[0].id', '[0].sections[1].id', '[0]']);
  });

  test('maps the columns of the brief’s cx_personas rows and leaves out what it cannot carry', () => {
    const row = {
      id: 'legacy_1', name: 'Nadia', title: 'Nurse', accent_color: '#112233', persona_type: 'Primary', status: 'active',
      photo_url: 'https://cdn.example/nadia.png', live_metrics: { sat: 80 }, cjm_links: [{ id: 9 }],
      created_at: '2024-05-01T10:00:00Z', mapping_rules: [{ id: 'r1', column: 'role', kind: 'oneOf', values: ['nurse'] }],
      layout_config: { sections: [{ id: 's1', type: 'bio', title: 'Bio', layout: { x: 0, y: 0, w: 6, h: 3 }, data: { text: 'Night shifts.' } }] },
    };
    const report = readEnvelope([row], options());
    expect(report.problems).toEqual([]);
    expect(report.personas[0]!.persona).toMatchObject({ id: 'legacy_1', role: 'Nurse', accentColor: '#112233', status: 'active', createdAt: Date.parse('2024-05-01T10:00:00Z') });
    expect(report.personas[0]!.persona.rules).toHaveLength(1);
    expect(report.repairs.map((r) => r.path)).toEqual(['', '[0].photo_url', '[0].live_metrics', '[0].cjm_links']);
  });

  test('overlapping sections from an older file are rearranged rather than refused', () => {
    const p = createBlankPersona({ ids: sequentialIds('o'), now, author: '' });
    p.sections.push({ ...p.sections[0]!, id: 'twin', type: 'bio', data: { text: '' } });
    const report = readEnvelope(createEnvelope([p], now), options());
    expect(report.problems).toEqual([]);
    expect(report.personas[0]!.persona.sections[1]!.layout.y).toBe(p.sections[0]!.layout.h);
  });

  test('hostile personas are refused one by one without throwing', () => {
    const hostile: unknown[] = [
      null, 'x', 7, [], { name: 'x'.repeat(121) }, { name: 'a', sections: [{ type: '__proto__' }] },
      { name: 'a', sections: [{ type: 'media', data: { kind: 'link', url: 'javascript:alert(1)', assetId: null, caption: '' } }] },
      { name: 'a', sections: [{ type: 'goals', data: { items: 'all' } }] }, { name: 'a', rules: [{}] },
      { name: 'a', tags: [{ toString: 1 }] }, { name: 'a', expectedMetrics: { trust: 1e9 } },
    ];
    const report = readEnvelope({ type: envelopeType, version: 1, exportedAt: now, personas: hostile }, options());
    expect(report.personas).toEqual([]);
    const refused = new Set(report.problems.map((p) => p.path.match(/^personas\[(\d+)\]/)?.[1]));
    expect(refused.size).toBe(hostile.length);
  });
});

describe('the analytics command line and the app read the same files', () => {
  test('the command line’s persona fixture imports into the app without problems, rules and mapping intact', async () => {
    const { readFile } = await import('node:fs/promises');
    const text = await readFile(new URL('../../cli/fixtures/personas.json', import.meta.url), 'utf8');
    const report = readEnvelope(text, options());
    expect(report.problems).toEqual([]);
    const source = JSON.parse(text) as { personas: { id: string; rules: unknown[] }[]; mapping?: unknown };
    expect(report.personas.map((p) => p.persona.id)).toEqual(source.personas.map((p) => p.id));
    expect(report.personas.map((p) => p.persona.rules)).toEqual(source.personas.map((p) => p.rules));
    expect(report.mapping).toEqual(source.mapping);
  });
});
