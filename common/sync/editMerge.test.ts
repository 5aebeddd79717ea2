import { describe, expect, test } from 'vitest';
import { mergeDocuments, mergeForSave, takeIn } from './editMerge';

interface Doc { id: string; name: string; updatedAt: number; updatedBy?: string; sections: { id: string; text: string }[] }
const doc = (over: Partial<Doc> = {}): Doc => ({
  id: 'p1', name: 'Ana', updatedAt: 100, updatedBy: 'ana',
  sections: [{ id: 's1', text: 'goals' }, { id: 's2', text: 'quote' }],
  ...over,
});
const withSection = (d: Doc, id: string, text: string, over: Partial<Doc> = {}): Doc =>
  ({ ...d, ...over, sections: d.sections.map((s) => (s.id === id ? { ...s, text } : s)) });

describe('what a save writes', () => {
  test('when nobody wrote since the editor read, the editor’s version is written as it is', () => {
    const base = doc();
    const ours = withSection(base, 's1', 'mine', { updatedAt: 200 });
    expect(mergeForSave(base, ours, base)).toEqual({ doc: ours, lost: null, conflicts: [] });
  });

  test('a teammate’s edit of another section that arrived between read and write is kept', () => {
    const base = doc();
    const ours = withSection(base, 's1', 'mine', { updatedAt: 200, updatedBy: 'me' });
    const theirs = withSection(base, 's2', 'theirs', { updatedAt: 150, updatedBy: 'bo' });
    const r = mergeForSave(base, ours, theirs);
    expect(r.doc.sections).toEqual([{ id: 's1', text: 'mine' }, { id: 's2', text: 'theirs' }]);
    expect(r.lost).toBeNull();
    // Different authors saving is bookkeeping, not a conflict.
    expect(r.conflicts).toEqual([]);
    expect(r.doc.updatedBy).toBe('me');
  });

  test('the same section edited on both goes to the later stamp whichever side saves, and the other is returned as lost', () => {
    const base = doc();
    const early = withSection(base, 's1', 'early', { updatedAt: 150, updatedBy: 'bo' });
    const late = withSection(base, 's1', 'late', { updatedAt: 200, updatedBy: 'me' });
    for (const [ours, theirs] of [[late, early], [early, late]] as const) {
      const r = mergeForSave(base, ours, theirs);
      expect(r.doc.sections[0]!.text).toBe('late');
      expect(r.lost).toBe(early);
      expect(r.conflicts).toEqual([{ path: 'sections[id=s1].text', kind: 'both-edited' }]);
    }
  });

  test('with the base unknown everything either side has is kept', () => {
    const ours = doc({ updatedAt: 200, sections: [{ id: 's1', text: 'goals' }] });
    const theirs = doc({ updatedAt: 150, sections: [{ id: 's1', text: 'goals' }, { id: 's3', text: 'new' }] });
    expect(mergeForSave(undefined, ours, theirs).doc.sections.map((s) => s.id)).toEqual(['s1', 's3']);
  });

  test('updatedBy follows the winner and is never reported', () => {
    const r = mergeDocuments(doc(), doc({ updatedAt: 300, updatedBy: 'a' }), doc({ updatedAt: 200, updatedBy: 'b' }));
    expect(r.conflicts).toEqual([]);
    expect(r.merged.updatedBy).toBe('a');
  });
});

describe('taking a teammate’s version into an editor', () => {
  const base = doc();
  const e1 = withSection(base, 's1', 'first edit');
  const e2 = withSection(e1, 's1', 'second edit');
  const incoming = withSection(base, 's2', 'from Bo', { updatedAt: 400, updatedBy: 'bo' });

  test('unwritten edits are kept and the teammate’s change is shown', () => {
    const next = takeIn({ past: [base, e1], present: e2, future: [] }, base, incoming, false);
    expect(next.present.sections).toEqual([{ id: 's1', text: 'second edit' }, { id: 's2', text: 'from Bo' }]);
  });

  test('undo steps keep the teammate’s change: undoing takes back only our own edits', () => {
    const next = takeIn({ past: [base, e1], present: e2, future: [] }, base, incoming, false);
    expect(next.past.map((s) => s.sections.map((x) => x.text))).toEqual([['goals', 'from Bo'], ['first edit', 'from Bo']]);
  });

  test('where both changed the same value, the shown state keeps ours and undo states take theirs', () => {
    const clash = withSection(base, 's1', 'Bo’s goals', { updatedAt: 400 });
    const next = takeIn({ past: [e1], present: e2, future: [withSection(base, 's1', 'redo me')] }, base, clash, false);
    expect(next.present.sections[0]!.text).toBe('second edit');
    expect(next.past[0]!.sections[0]!.text).toBe('Bo’s goals');
    expect(next.future[0]!.sections[0]!.text).toBe('Bo’s goals');
  });

  test('with nothing unwritten the shown state becomes the teammate’s version', () => {
    const next = takeIn({ past: [base], present: e1, future: [] }, e1, incoming, true);
    expect(next.present).toBe(incoming);
  });
});
