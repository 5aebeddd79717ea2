import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { addSectionChange, applyPersonaChange, applyPersonaChanges, sectionItems } from './changes';
import { diffPersonas, isEmptyDiff } from './diff';
import { sequentialIds } from './ids';
import { createFromTemplate } from './instantiate';
import { sectionTypes } from './sections/catalogue';
import { summarizeDiff } from './summary';
import { builtInTemplates } from './templates/index';

const sample = () => createFromTemplate(builtInTemplates[0]!, { ids: sequentialIds('n'), now: 1, author: 'ana' });

describe('diffPersonas', () => {
  test('finds nothing between a persona and itself or its deep copy', () => {
    const p = sample();
    expect(isEmptyDiff(diffPersonas(p, p))).toBe(true);
    expect(isEmptyDiff(diffPersonas(p, structuredClone(p)))).toBe(true);
    expect(summarizeDiff(diffPersonas(p, p))).toBe('No changes');
  });

  test('ignores timestamps and author, which change on every save', () => {
    const p = sample();
    expect(isEmptyDiff(diffPersonas(p, { ...p, updatedAt: 99, updatedBy: 'bo' }))).toBe(true);
  });

  test('reports fields, added and removed sections, and list items by id', () => {
    const before = sample();
    const goals = before.sections.find((s) => s.type === 'goals')!;
    const [g1, g2] = sectionItems(goals)!;
    const quote = before.sections.find((s) => s.type === 'quote')!;
    const after = applyPersonaChanges(before, [
      { kind: 'setFields', fields: { name: 'Maya B.', status: 'active', tags: ['vip'] } },
      addSectionChange(before, 'bio', sequentialIds('b')),
      { kind: 'removeSection', sectionId: quote.id },
      { kind: 'addItem', sectionId: goals.id, item: { id: 'g-new', text: 'Gift wrapping' } },
      { kind: 'updateItem', sectionId: goals.id, itemId: g1!.id, patch: { text: 'Cheapest price' } },
      { kind: 'removeItem', sectionId: goals.id, itemId: g2!.id },
    ]);
    const diff = diffPersonas(before, after);
    expect(diff.fields.map((f) => f.field)).toEqual(['name', 'status', 'tags']);
    expect(diff.addedSections.map((s) => s.type)).toEqual(['bio']);
    expect(diff.removedSections.map((s) => s.id)).toEqual([quote.id]);
    const goalsChange = diff.changedSections.find((c) => c.id === goals.id)!;
    expect(goalsChange.items!.added.map((i) => i.id)).toEqual(['g-new']);
    expect(goalsChange.items!.removed.map((i) => i.id)).toEqual([g2!.id]);
    expect(goalsChange.items!.changed.map((c) => [c.before.text, c.after.text])).toEqual([[g1!.text, 'Cheapest price']]);
    expect(summarizeDiff(diff)).toBe(
      `Renamed "${before.name}" to "Maya B."; status draft → active; changed tags; added Bio; removed Quote; edited Goals (1 added, 1 removed, 1 changed); rearranged the canvas`,
    );
  });

  test('a reorder of list items is reported as a reorder, not as edits', () => {
    const before = sample();
    const goals = before.sections.find((s) => s.type === 'goals')!;
    const after = applyPersonaChange(before, { kind: 'moveItem', sectionId: goals.id, itemId: sectionItems(goals)![0]!.id, toIndex: 2 });
    const change = diffPersonas(before, after).changedSections[0]!;
    expect(change.items).toMatchObject({ added: [], removed: [], changed: [], reordered: true });
    expect(summarizeDiff(diffPersonas(before, after))).toBe('Edited Goals (reordered)');
  });

  test('adding a section of any type shows up as exactly that section added', () => {
    const base = sample();
    fc.assert(
      fc.property(fc.constantFrom(...sectionTypes), (type) => {
        const after = applyPersonaChange(base, addSectionChange(base, type, sequentialIds('x')));
        const diff = diffPersonas(base, after);
        expect(diff.addedSections.map((s) => s.type)).toEqual([type]);
        expect(diff.removedSections).toEqual([]);
        expect(diff.fields).toEqual([]);
      }),
    );
  });

  test('keeps a summary within the history limit however much changed', () => {
    const before = sample();
    const after = { ...before, sections: [], name: 'x'.repeat(120) };
    const many = { ...before, sections: Array.from({ length: 100 }, (_, i) => ({ ...before.sections[0]!, id: `s${i}`, title: 'T'.repeat(200) })) };
    expect(summarizeDiff(diffPersonas(many, after)).length).toBeLessThanOrEqual(2000);
  });
});
