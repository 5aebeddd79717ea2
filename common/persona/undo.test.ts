import { describe, expect, test } from 'vitest';
import { sectionItems } from './changes';
import { sequentialIds } from './ids';
import { createFromTemplate } from './instantiate';
import { builtInTemplates } from './templates/index';
import { coalesceMs, rebase, recordEdit, redo, startHistory, undo } from './undo';

const sample = () => createFromTemplate(builtInTemplates[0]!, { ids: sequentialIds('n'), now: 1, author: 'ana' });

describe('undo history', () => {
  test('typing a name letter by letter is one undo step', () => {
    let h = startHistory(sample());
    const original = h.present.name;
    let t = 1000;
    for (const name of ['M', 'Ma', 'Max']) h = recordEdit(h, { kind: 'setFields', fields: { name } }, (t += 200));
    expect(h.present.name).toBe('Max');
    expect(undo(h).present.name).toBe(original);
  });

  test('a pause longer than the coalescing window starts a new step', () => {
    let h = startHistory(sample());
    h = recordEdit(h, { kind: 'setFields', fields: { name: 'A' } }, 1000);
    h = recordEdit(h, { kind: 'setFields', fields: { name: 'AB' } }, 1000 + coalesceMs + 1);
    expect(undo(h).present.name).toBe('A');
  });

  test('editing another field is a separate step even when quick', () => {
    let h = startHistory(sample());
    h = recordEdit(h, { kind: 'setFields', fields: { name: 'A' } }, 1000);
    h = recordEdit(h, { kind: 'setFields', fields: { role: 'Buyer' } }, 1010);
    expect(undo(h).present).toMatchObject({ name: 'A' });
    expect(undo(h).present.role).not.toBe('Buyer');
  });

  test('undo then redo returns to the same document, and a new edit clears redo', () => {
    const p = sample();
    const goals = p.sections.find((s) => s.type === 'goals')!;
    let h = startHistory(p);
    h = recordEdit(h, { kind: 'removeItem', sectionId: goals.id, itemId: sectionItems(goals)![0]!.id }, 10);
    h = recordEdit(h, { kind: 'removeSection', sectionId: p.sections[0]!.id }, 20);
    const after = h.present;
    h = undo(undo(h));
    expect(h.present).toBe(p);
    h = redo(redo(h));
    expect(h.present).toBe(after);
    const branched = recordEdit(undo(h), { kind: 'setFields', fields: { tags: ['x'] } }, 30);
    expect(redo(branched)).toBe(branched);
  });

  test('undo and redo at the ends do nothing', () => {
    const h = startHistory(sample());
    expect(undo(h)).toBe(h);
    expect(redo(h)).toBe(h);
  });

  test('an edit that changes nothing records no step', () => {
    const h = startHistory(sample());
    expect(recordEdit(h, { kind: 'removeSection', sectionId: 'gone' }, 5)).toBe(h);
  });

  test('a document arriving from sync drops the undo steps so they cannot revert it', () => {
    let h = recordEdit(startHistory(sample()), { kind: 'setFields', fields: { name: 'Mine' } }, 5);
    const theirs = { ...h.present, name: 'Theirs' };
    h = rebase(h, theirs);
    expect(undo(h).present.name).toBe('Theirs');
  });
});
