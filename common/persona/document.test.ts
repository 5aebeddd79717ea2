import { Validator } from '@cfworker/json-schema';
import type { Schema } from '@cfworker/json-schema';
import { describe, expect, test } from 'vitest';
import { personasSchema } from '../db/schemas/personas';
import { validatePersona, validateSection, type PersonaDoc } from './document';
import { sequentialIds } from './ids';
import { createBlankPersona, createFromTemplate } from './instantiate';
import { builtInTemplates } from './templates/index';

const creation = () => ({ ids: sequentialIds('n'), now: 1_700_000_000_000, author: 'ana' });
const sample = (): PersonaDoc => createFromTemplate(builtInTemplates[0]!, creation());

function problemsOf(input: unknown) {
  const checked = validatePersona(input);
  return checked.ok ? [] : checked.problems;
}

describe('validatePersona', () => {
  test('accepts a persona made from a template and returns it unchanged', () => {
    const p = sample();
    const checked = validatePersona(p);
    expect(checked.ok && checked.value).toEqual(p);
  });

  test('refuses an empty or blank name with a message on the name', () => {
    for (const name of ['', '   ', '\n\t']) {
      expect(problemsOf({ ...sample(), name })).toEqual([{ path: 'name', message: 'Give the persona a name.' }]);
    }
  });

  test('names the exact path of over-long text inside a section', () => {
    const p = sample();
    const goals = p.sections.findIndex((s) => s.type === 'goals');
    const items = p.sections[goals]!.data.items as { text: string }[];
    items[1]!.text = 'x'.repeat(501);
    expect(problemsOf(p)).toEqual([
      { path: `sections[${goals}].data.items[1].text`, message: 'Must be at most 500 characters.' },
    ]);
  });

  test('names an unknown section type and lists the known ones', () => {
    const p = sample();
    p.sections[2] = { ...p.sections[2]!, type: 'horoscope' };
    const problems = problemsOf(p);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.path).toBe('sections[2].type');
    expect(problems[0]!.message).toMatch(/^Unknown section type "horoscope"\. Known types: header, quote, goals/);
  });

  test('reports rule problems from the analytics validator under rules', () => {
    const p = { ...sample(), rules: [{ id: 'r1', column: 'age', kind: 'range', min: 50, max: 20 }] };
    expect(problemsOf(p)).toEqual([{ path: 'rules[0].max', message: 'Maximum is below the minimum.' }]);
  });

  test('refuses overlapping sections and sections outside the grid', () => {
    const overlap = sample();
    overlap.sections[1]!.layout = { ...overlap.sections[0]!.layout };
    expect(problemsOf(overlap).map((p) => p.path)).toEqual(['sections']);
    const outside = sample();
    outside.sections[0]!.layout = { x: 10, y: 0, w: 12, h: 3 };
    expect(problemsOf(outside).map((p) => p.path)).toEqual(['sections']);
  });

  test('refuses repeated section ids and repeated item ids', () => {
    const p = sample();
    p.sections[1]!.id = p.sections[0]!.id;
    expect(problemsOf(p)).toContainEqual({ path: 'sections[1].id', message: 'Section ids must be unique.' });
    const q = sample();
    const goals = q.sections.find((s) => s.type === 'goals')!;
    const items = goals.data.items as { id: string }[];
    items[1]!.id = items[0]!.id;
    expect(problemsOf(q).map((x) => x.message)).toContain('Item ids must be unique.');
  });

  test('refuses media links that are not plain web addresses', () => {
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'smb://host/share', 'www.example.com']) {
      const p = createBlankPersona(creation());
      p.sections.push({ id: 'm1', type: 'media', title: 'Board', layout: { x: 0, y: 3, w: 4, h: 4 }, data: { kind: 'link', assetId: null, url, caption: '' } });
      expect(problemsOf(p).map((x) => x.path), url).toEqual(['sections[1].data.url']);
    }
  });

  test('never accepts hostile or malformed input, and never throws on it', () => {
    const hostile: unknown[] = [
      null, undefined, 42, 'persona', [], {}, { ...sample(), sections: 'x' }, { ...sample(), sections: [null] },
      { ...sample(), id: '../../etc' }, { ...sample(), id: 'a'.repeat(65) }, { ...sample(), status: 'deleted' },
      { ...sample(), accentColor: 'red' }, { ...sample(), tags: ['ok', ''] }, { ...sample(), tags: Array(51).fill('t') },
      { ...sample(), createdAt: -1 }, { ...sample(), updatedAt: Number.NaN }, { ...sample(), expectedMetrics: { satisfaction: 101 } },
      { ...sample(), sections: Array.from({ length: 101 }, (_, i) => ({ ...sample().sections[0]!, id: `s${i}`, layout: { x: 0, y: i * 3, w: 12, h: 3 } })) },
      { ...sample(), rules: 'all' }, { ...sample(), orientation: 'diagonal' }, { ...sample(), photoAssetId: 'a/b' },
      JSON.parse('{"__proto__": {"polluted": true}, "name": "x"}'),
    ];
    for (const input of hostile) expect(validatePersona(input).ok, JSON.stringify(input)?.slice(0, 80)).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('every persona it accepts also passes the personas collection schema', () => {
    const personas = [createBlankPersona(creation()), ...builtInTemplates.map((t) => createFromTemplate(t, creation()))];
    for (const p of personas) {
      const { primaryKey: _k, indexes: _i, version: _v, ...schema } = personasSchema;
      // The validator the app's database uses (renderer/src/db/validation.ts).
      const result = new Validator(JSON.parse(JSON.stringify(schema)) as Schema, '7', false).validate(JSON.parse(JSON.stringify(p)));
      expect(result.valid ? [] : result.errors, p.name).toEqual([]);
    }
  });
});

describe('validateSection', () => {
  test('names an unknown type even when the rest of the section is missing', () => {
    expect(validateSection({ type: 'zodiac' }, 'sections[4]')).toEqual({
      ok: false, problems: [{ path: 'sections[4].type', message: expect.stringMatching(/^Unknown section type "zodiac"/) }],
    });
  });

  test('says plainly which fields are missing', () => {
    const checked = validateSection({ type: 'goals', id: 'g1' });
    expect(checked.ok ? [] : checked.problems).toEqual([
      { path: 'title', message: 'This field is missing.' },
      { path: 'layout', message: 'This field is missing.' },
      { path: 'data', message: 'This field is missing.' },
    ]);
  });
});
