import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { canonicalJson, mergeVersions } from './merge';

const persona = (over: Record<string, unknown> = {}) => ({
  id: 'p1',
  name: 'Ana',
  tags: ['retail'],
  updatedAt: 100,
  sections: [
    { id: 's1', type: 'goals', data: { items: [{ id: 'i1', text: 'Save time' }, { id: 'i2', text: 'Pay less' }] } },
    { id: 's2', type: 'quote', data: { text: 'I want it now' } },
  ],
  ...over,
});

describe('element-by-element merge', () => {
  test('two people editing different sections both keep their work', () => {
    const base = persona();
    const a = persona({ updatedAt: 200, sections: [{ ...base.sections[0]!, data: { items: [{ id: 'i1', text: 'Save a lot of time' }, { id: 'i2', text: 'Pay less' }] } }, base.sections[1]!] });
    const b = persona({ updatedAt: 150, sections: [base.sections[0]!, { ...base.sections[1]!, data: { text: 'Now, please' } }] });
    const { merged, conflicts } = mergeVersions(base, a, b);
    expect(conflicts).toEqual([]);
    expect(merged.sections[0]!.data).toEqual({ items: [{ id: 'i1', text: 'Save a lot of time' }, { id: 'i2', text: 'Pay less' }] });
    expect(merged.sections[1]!.data).toEqual({ text: 'Now, please' });
    expect(merged.updatedAt).toBe(200);
  });

  test('items added on both sides are all kept', () => {
    const base = persona();
    const items = (extra: { id: string; text: string }) => [{ id: 'i1', text: 'Save time' }, { id: 'i2', text: 'Pay less' }, extra];
    const a = persona({ sections: [{ ...base.sections[0]!, data: { items: items({ id: 'a1', text: 'From A' }) } }, base.sections[1]!] });
    const b = persona({ sections: [{ ...base.sections[0]!, data: { items: items({ id: 'b1', text: 'From B' }) } }, base.sections[1]!] });
    const merged = mergeVersions(base, a, b).merged as ReturnType<typeof persona>;
    const ids = (merged.sections[0]!.data as { items: { id: string }[] }).items.map((i) => i.id);
    expect(ids.slice(0, 2)).toEqual(['i1', 'i2']);
    expect([...ids].sort()).toEqual(['a1', 'b1', 'i1', 'i2']);
  });

  test('the same value edited on both sides goes to the later edit, and the conflict is reported', () => {
    const base = persona();
    const a = persona({ name: 'Ana Lopes', updatedAt: 300 });
    const b = persona({ name: 'Ana L.', updatedAt: 200 });
    const result = mergeVersions(base, a, b);
    expect(result.merged.name).toBe('Ana Lopes');
    expect(result.winner).toBe('a');
    expect(result.conflicts).toEqual([{ path: 'name', kind: 'both-edited' }]);
    expect(mergeVersions(base, b, a).merged.name).toBe('Ana Lopes');
  });

  test('an edit to something deleted on the other side survives and is reported', () => {
    const base = persona();
    const deleted = persona({ updatedAt: 500, sections: [base.sections[0]!] });
    const edited = persona({ updatedAt: 200, sections: [base.sections[0]!, { ...base.sections[1]!, data: { text: 'Edited offline' } }] });
    const result = mergeVersions(base, deleted, edited);
    expect(result.merged.sections.map((s) => s.id)).toEqual(['s1', 's2']);
    expect(result.merged.sections[1]!.data).toEqual({ text: 'Edited offline' });
    expect(result.conflicts).toEqual([{ path: 'sections[id=s2]', kind: 'edit-vs-delete' }]);
  });

  test('a deletion with no competing edit is applied', () => {
    const base = persona();
    const deleted = persona({ sections: [base.sections[0]!] });
    expect(mergeVersions(base, deleted, base).merged.sections.map((s) => s.id)).toEqual(['s1']);
    expect(mergeVersions(base, base, deleted).merged.sections.map((s) => s.id)).toEqual(['s1']);
  });

  test('a reorder on one side and an edit on the other both land', () => {
    const base = persona();
    const reordered = persona({ sections: [base.sections[1]!, base.sections[0]!] });
    const edited = persona({ updatedAt: 900, sections: [{ ...base.sections[0]!, type: 'goals-edited' }, base.sections[1]!] });
    const merged = mergeVersions(base, reordered, edited).merged;
    expect(merged.sections.map((s) => `${s.id}:${s.type}`)).toEqual(['s2:quote', 's1:goals-edited']);
  });
});

// Small JSON documents shaped like ours: objects, id lists, primitives.
const leaf = fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constantFrom('x', 'y', 'z'), fc.boolean());
const item = fc.record({ id: fc.constantFrom('e1', 'e2', 'e3', 'e4'), v: leaf });
const doc = fc.record({
  updatedAt: fc.integer({ min: 0, max: 5 }),
  title: leaf,
  list: fc.uniqueArray(item, { selector: (i) => i.id, maxLength: 4 }),
  nested: fc.record({ a: leaf, b: fc.option(leaf, { nil: undefined }) }),
});

describe('merge properties', () => {
  test('every laptop computes the same result whichever side it calls local', () => {
    fc.assert(
      fc.property(doc, doc, doc, (base, a, b) => {
        expect(canonicalJson(mergeVersions(base, a, b).merged)).toBe(canonicalJson(mergeVersions(base, b, a).merged));
      }),
    );
  });

  test('a side that changed nothing takes the other side whole', () => {
    fc.assert(
      fc.property(doc, doc, (base, b) => {
        const merged = mergeVersions(base, base, b);
        expect(canonicalJson(merged.merged)).toBe(canonicalJson(b));
        expect(merged.conflicts).toEqual([]);
      }),
    );
  });

  test('no list item edited on either side is ever lost', () => {
    fc.assert(
      fc.property(doc, doc, doc, (base, a, b) => {
        const { merged } = mergeVersions(base, a, b);
        const baseItems = new Map(base.list.map((i) => [i.id, canonicalJson(i)]));
        for (const side of [a, b]) {
          for (const it of side.list) {
            const changedOrNew = baseItems.get(it.id) !== canonicalJson(it);
            if (changedOrNew) expect(merged.list.some((m) => m.id === it.id)).toBe(true);
          }
        }
      }),
    );
  });
});
