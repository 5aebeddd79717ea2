import { describe, expect, test } from 'vitest';
import { countEvidence } from './evidence';
import { sequentialIds } from './ids';
import { clonePersona, createBlankPersona, createFromTemplate, templateFromPersona } from './instantiate';
import { validatePersona } from './document';
import { builtInTemplates } from './templates/index';
import { sectionItems } from './changes';

const creation = () => ({ ids: sequentialIds('n'), now: 1_700_000_000_000, author: 'ana' });

function allIds(doc: { id: string; sections: { id: string }[] }): string[] {
  return [doc.id, ...doc.sections.flatMap((s) => [s.id, ...(sectionItems(s as never) ?? []).map((i) => i.id)])];
}

describe('built-in templates', () => {
  test('the gallery offers at least eight templates including the six industry presets', () => {
    expect(builtInTemplates.length).toBeGreaterThanOrEqual(8);
    const domains = builtInTemplates.map((t) => t.body.domain);
    for (const d of ['E-commerce', 'SaaS', 'Healthcare', 'Banking', 'B2B', 'Education']) expect(domains).toContain(d);
    expect(new Set(builtInTemplates.map((t) => t.id)).size).toBe(builtInTemplates.length);
  });

  test('every template creates a persona that passes validation', () => {
    for (const t of builtInTemplates) {
      const checked = validatePersona(createFromTemplate(t, creation()));
      expect(checked.ok ? [] : checked.problems, t.name).toEqual([]);
    }
  });

  test('example content is marked as an assumption so nobody mistakes it for research', () => {
    for (const t of builtInTemplates.filter((x) => x.category === 'Industry')) {
      const counts = countEvidence(t.body);
      expect(counts.assumption, t.name).toBeGreaterThan(0);
      expect(counts.research + counts.data, t.name).toBe(0);
    }
  });

  test('a persona from a template gets fresh ids throughout and starts as a draft owned by its creator', () => {
    const t = builtInTemplates[0]!;
    const p = createFromTemplate(t, creation());
    const templateIds = new Set(allIds({ id: t.id, sections: t.body.sections }));
    for (const id of allIds(p)) expect(templateIds.has(id)).toBe(false);
    expect(new Set(allIds(p)).size).toBe(allIds(p).length);
    expect(p.status).toBe('draft');
    expect(p.owner).toBe('ana');
  });

  test('creating from a template does not let later edits leak back into the template', () => {
    const t = builtInTemplates[1]!;
    const before = JSON.stringify(t.body);
    const p = createFromTemplate(t, creation());
    (p.sections[0]!.data as Record<string, unknown>).tagline = 'changed';
    p.tags.push('x');
    expect(JSON.stringify(t.body)).toBe(before);
  });
});

describe('blank personas, clones and custom templates', () => {
  test('a blank persona is a valid draft with an identity header', () => {
    const p = createBlankPersona(creation());
    expect(validatePersona(p).ok).toBe(true);
    expect(p.sections.map((s) => s.type)).toEqual(['header']);
  });

  test('a clone has new ids, the same content, a "(copy)" name and no journey links', () => {
    const original = { ...createFromTemplate(builtInTemplates[2]!, creation()), status: 'active' as const, journeyIds: ['j1'] };
    const copy = clonePersona(original, { ...creation(), ids: sequentialIds('c') });
    expect(copy.name).toBe(`${original.name} (copy)`);
    expect(copy.status).toBe('draft');
    expect(copy.journeyIds).toEqual([]);
    expect(copy.sections.map((s) => s.data.text ?? s.title)).toEqual(original.sections.map((s) => s.data.text ?? s.title));
    const originalIds = new Set(allIds(original));
    for (const id of allIds(copy)) expect(originalIds.has(id)).toBe(false);
    expect(validatePersona(copy).ok).toBe(true);
  });

  test('cloning a persona with a maximum-length name still gives a valid name', () => {
    const long = { ...createBlankPersona(creation()), name: 'x'.repeat(120) };
    expect(validatePersona(clonePersona(long, creation())).ok).toBe(true);
  });

  test('a persona saved as a template recreates its sections and leaves links behind', () => {
    const p = { ...createFromTemplate(builtInTemplates[3]!, creation()), journeyIds: ['j1'], datasetIds: ['d1'] };
    const t = templateFromPersona(p, { id: 'custom1', name: 'Our banking persona', description: 'From workshop 2' });
    expect(t.builtIn).toBe(false);
    expect(t.body.journeyIds).toEqual([]);
    const again = createFromTemplate(t, { ...creation(), ids: sequentialIds('z') });
    expect(again.sections.map((s) => s.type)).toEqual(p.sections.map((s) => s.type));
    expect(validatePersona(again).ok).toBe(true);
  });
});
