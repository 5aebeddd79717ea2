import { describe, expect, test } from 'vitest';
import { applyPersonaChange, sectionItems } from './changes';
import { comparePersonas } from './compare';
import { countEvidence, evidenceCoverage } from './evidence';
import { sequentialIds } from './ids';
import { clonePersona, createBlankPersona, createFromTemplate } from './instantiate';
import { builtInTemplates } from './templates/index';

const creation = (prefix: string) => ({ ids: sequentialIds(prefix), now: 1, author: 'ana' });

describe('comparePersonas', () => {
  test('compares two to four personas and refuses other counts', () => {
    const p = createBlankPersona(creation('a'));
    expect(comparePersonas([p])).toBeNull();
    expect(comparePersonas([p, p, p, p, p])).toBeNull();
    expect(comparePersonas([p, p])).not.toBeNull();
  });

  test('aligns sections by type in palette order and marks personas that lack one', () => {
    const shopper = createFromTemplate(builtInTemplates[0]!, creation('a'));
    const admin = createFromTemplate(builtInTemplates[1]!, creation('b'));
    const c = comparePersonas([shopper, admin])!;
    const types = c.sections.map((r) => r.type);
    expect(types.slice(0, 3)).toEqual(['header', 'quote', 'goals']);
    const pie = c.sections.find((r) => r.type === 'pieChart')!;
    expect(pie.missingIn).toEqual([1]);
    expect(pie.cells[1]!.sections).toEqual([]);
  });

  test('a clone matches its original everywhere except what was edited', () => {
    const original = createFromTemplate(builtInTemplates[0]!, creation('a'));
    let copy = clonePersona(original, creation('b'));
    copy = { ...copy, name: original.name };
    const goals = copy.sections.find((s) => s.type === 'goals')!;
    const newItem = { id: 'only-here', text: 'Same-day delivery' };
    copy = applyPersonaChange(copy, { kind: 'addItem', sectionId: goals.id, item: newItem });
    const c = comparePersonas([original, copy])!;
    expect(c.sections.filter((r) => r.differs).map((r) => r.type)).toEqual(['goals']);
    const row = c.sections.find((r) => r.type === 'goals')!;
    expect(row.cells[1]!.distinctItemIds).toEqual(['only-here']);
    expect(row.cells[0]!.distinctItemIds).toEqual([]);
    expect(c.fields.filter((f) => f.differs)).toEqual([]);
  });

  test('item text matching ignores case and spacing', () => {
    const a = createFromTemplate(builtInTemplates[0]!, creation('a'));
    let b = clonePersona(a, creation('b'));
    const goals = b.sections.find((s) => s.type === 'goals')!;
    const first = sectionItems(goals)![0]!;
    b = applyPersonaChange(b, { kind: 'updateItem', sectionId: goals.id, itemId: first.id, patch: { text: `  ${String(first.text).toUpperCase()} ` } });
    const row = comparePersonas([a, b])!.sections.find((r) => r.type === 'goals')!;
    expect(row.cells[1]!.distinctItemIds).toEqual([]);
  });
});

describe('countEvidence', () => {
  test('counts every section and list item once, by evidence kind', () => {
    let p = createBlankPersona(creation('a'));
    p = { ...p, sections: [{ ...p.sections[0]!, evidence: { kind: 'research', source: 'Interviews' } }] };
    p = applyPersonaChange(p, { kind: 'addSection', section: { id: 'g', type: 'goals', title: 'Goals', layout: { x: 0, y: 3, w: 4, h: 4 }, data: { items: [
      { id: 'i1', text: 'a', evidence: { kind: 'data' } },
      { id: 'i2', text: 'b', evidence: { kind: 'assumption' } },
      { id: 'i3', text: 'c' },
    ] } } });
    const counts = countEvidence(p);
    expect(counts).toEqual({ research: 1, data: 1, assumption: 1, untagged: 2, total: 5 });
    expect(evidenceCoverage(counts)).toBeCloseTo(0.4);
  });

  test('an empty persona has no claims and no coverage', () => {
    expect(evidenceCoverage(countEvidence({ sections: [] }))).toBe(0);
  });
});

describe('comparePersonas field highlights', () => {
  test('names the demographic fields that differ between personas', () => {
    const a = createFromTemplate(builtInTemplates[0]!, creation('a'));
    const b = clonePersona(a, creation('b'));
    const demo = b.sections.find((s) => s.type === 'demographics')!;
    const edited = applyPersonaChange(b, { kind: 'updateSection', sectionId: demo.id, data: { ...demo.data, age: '40–50', location: 'Leeds' } });
    const row = comparePersonas([a, edited])!.sections.find((r) => r.type === 'demographics')!;
    expect(row.differingKeys.sort()).toEqual(['age', 'location']);
    expect(comparePersonas([a, b])!.sections.find((r) => r.type === 'demographics')!.differingKeys).toEqual([]);
  });
});
