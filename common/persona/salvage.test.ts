import { describe, expect, test } from 'vitest';
import { salvagePersona } from './salvage';
import { sequentialIds } from './ids';
import { createFromTemplate } from './instantiate';
import { builtInTemplates } from './templates/index';

const samplePersonaDoc = () => createFromTemplate(builtInTemplates[0]!, { ids: sequentialIds('n'), now: 1, author: 'ana' });

describe('salvagePersona', () => {
  test('a valid document is written as it is', () => {
    const doc = samplePersonaDoc();
    expect(salvagePersona(doc, doc)).toEqual({ doc, held: [] });
  });

  test('a cleared name keeps the stored name while every other edit is written', () => {
    const stored = samplePersonaDoc();
    const goals = stored.sections.find((s) => s.type === 'goals')!;
    const edited = {
      ...stored, name: '', role: 'New role',
      sections: stored.sections.map((s) => (s.id === goals.id ? { ...s, title: 'Goals, edited' } : s)),
    };
    const r = salvagePersona(edited, stored);
    expect(r.held.map((p) => p.path)).toEqual(['name']);
    expect(r.doc).toMatchObject({ name: stored.name, role: 'New role' });
    expect(r.doc?.sections.find((s) => s.id === goals.id)?.title).toBe('Goals, edited');
  });

  test('an invalid section falls back to its stored form; an invalid new section is held back alone', () => {
    const stored = samplePersonaDoc();
    const [first] = stored.sections;
    const broken = { ...first!, title: 'x'.repeat(500) };
    const fresh = { ...first!, id: 'sec_new', title: 'y'.repeat(500), layout: { ...first!.layout, y: 99 } };
    const r = salvagePersona({ ...stored, role: 'Kept', sections: [broken, ...stored.sections.slice(1), fresh] }, stored);
    expect(r.held.map((p) => p.path)).toEqual(['sections[0].title', `sections[${stored.sections.length}].title`]);
    expect(r.doc?.role).toBe('Kept');
    expect(r.doc?.sections).toEqual(stored.sections);
  });

  test('hostile values in every top-level field never make the whole document unsavable', () => {
    const stored = samplePersonaDoc();
    for (const [field, value] of [['name', ' '], ['role', 'r'.repeat(999)], ['tags', 'not a list'], ['accentColor', 'red'], ['status', 'gone'], ['sections', {}]] as const) {
      const r = salvagePersona({ ...stored, owner: 'Still saved', [field]: value } as never, stored);
      expect(r.held.length, field).toBeGreaterThan(0);
      expect(r.doc?.owner, field).toBe('Still saved');
    }
  });
});
