import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { addSectionChange, applyPersonaChange, applyPersonaChanges, duplicateSectionChange, moveSectionChange, sectionItems, type PersonaChange } from './changes';
import { validatePersona, type PersonaDoc } from './document';
import { sequentialIds } from './ids';
import { createFromTemplate } from './instantiate';
import { isValidLayout } from './layout';
import { sectionTypes } from './sections/catalogue';
import { builtInTemplates } from './templates/index';

const creation = () => ({ ids: sequentialIds('n'), now: 1_700_000_000_000, author: 'ana' });
const sample = (): PersonaDoc => createFromTemplate(builtInTemplates[0]!, creation());

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

const goalsOf = (p: PersonaDoc) => p.sections.find((s) => s.type === 'goals')!;

describe('applyPersonaChange', () => {
  test('adds, edits, moves and removes list items by id', () => {
    const p = deepFreeze(sample());
    const goals = goalsOf(p);
    const [first, second] = sectionItems(goals)!;
    const changes: PersonaChange[] = [
      { kind: 'addItem', sectionId: goals.id, item: { id: 'new1', text: 'Pay in instalments' }, index: 0 },
      { kind: 'updateItem', sectionId: goals.id, itemId: second!.id, patch: { text: 'Track the parcel', id: 'hijack' } },
      { kind: 'moveItem', sectionId: goals.id, itemId: first!.id, toIndex: 99 },
      { kind: 'removeItem', sectionId: goals.id, itemId: second!.id },
    ];
    const items = sectionItems(goalsOf(applyPersonaChanges(p, changes)))!;
    expect(items.map((i) => i.id)).toEqual(['new1', sectionItems(goals)![2]!.id, first!.id]);
    expect(items.some((i) => i.id === 'hijack')).toBe(false);
  });

  test('adding a section of every type keeps the persona valid and the layout free of overlaps', () => {
    let p = sample();
    const ids = sequentialIds('add');
    for (const type of sectionTypes) p = applyPersonaChange(p, addSectionChange(p, type, ids));
    expect(validatePersona(p).ok).toBe(true);
    expect(p.sections).toHaveLength(sample().sections.length + sectionTypes.length);
  });

  test('duplicating a section copies its content under new section and item ids', () => {
    const p = sample();
    const goals = goalsOf(p);
    const change = duplicateSectionChange(p, goals.id, sequentialIds('dup'))!;
    const next = applyPersonaChange(p, change);
    const copies = next.sections.filter((s) => s.type === 'goals');
    expect(copies).toHaveLength(2);
    expect(sectionItems(copies[1]!)!.map((i) => i.text)).toEqual(sectionItems(copies[0]!)!.map((i) => i.text));
    expect(sectionItems(copies[1]!)!.some((i) => sectionItems(goals)!.some((g) => g.id === i.id))).toBe(false);
    expect(validatePersona(next).ok).toBe(true);
  });

  test('switching orientation reflows the canvas into the new column count', () => {
    const p = applyPersonaChange(sample(), { kind: 'setOrientation', orientation: 'portrait' });
    expect(p.orientation).toBe('portrait');
    expect(p.sections.every((s) => s.layout.x + s.layout.w <= 6)).toBe(true);
    expect(validatePersona(p).ok).toBe(true);
  });

  test('a dragged layout is compacted: a section dropped far below settles under the others', () => {
    const p = sample();
    const [a, b] = p.sections;
    const next = applyPersonaChange(p, { kind: 'setLayout', layout: [{ id: b!.id, x: 0, y: 0, w: 12, h: 2 }, { id: a!.id, x: 0, y: 50, w: 12, h: 3 }] });
    const header = next.sections[0]!.layout;
    const others = next.sections.slice(1).map((s) => s.layout);
    expect(next.sections[1]!.layout).toEqual({ x: 0, y: 0, w: 12, h: 2 });
    expect(header.y).toBe(Math.max(...others.map((l) => l.y + l.h)));
    expect(isValidLayout(next.sections.map((s) => ({ id: s.id, ...s.layout })), 12)).toBe(true);
  });

  test('sets and clears evidence on a section', () => {
    const p = sample();
    const id = p.sections[0]!.id;
    const tagged = applyPersonaChange(p, { kind: 'updateSection', sectionId: id, evidence: { kind: 'research', source: 'Interviews, May' } });
    expect(tagged.sections[0]!.evidence).toEqual({ kind: 'research', source: 'Interviews, May' });
    expect('evidence' in applyPersonaChange(tagged, { kind: 'updateSection', sectionId: id, evidence: null }).sections[0]!).toBe(false);
  });

  test('a change aimed at a section or item that is gone leaves the document as it was', () => {
    const p = sample();
    const gone: PersonaChange[] = [
      { kind: 'removeSection', sectionId: 'nope' },
      { kind: 'updateSection', sectionId: 'nope', title: 'x' },
      { kind: 'addItem', sectionId: 'nope', item: { id: 'x', text: 'x' } },
      { kind: 'updateItem', sectionId: goalsOf(p).id, itemId: 'nope', patch: { text: 'x' } },
      { kind: 'moveItem', sectionId: goalsOf(p).id, itemId: 'nope', toIndex: 0 },
      { kind: 'addSection', section: { ...p.sections[0]! } },
    ];
    for (const change of gone) expect(JSON.stringify(applyPersonaChange(p, change)), change.kind).toBe(JSON.stringify(p));
  });

  test('never mutates its input, whatever sequence of changes is applied', () => {
    const base = sample();
    const goals = goalsOf(base);
    const ids = sequentialIds('p');
    const arbChange = fc.oneof(
      fc.constantFrom(...sectionTypes).map((type): PersonaChange => addSectionChange(base, type, ids)),
      fc.constantFrom(...base.sections.map((s) => s.id)).map((sectionId): PersonaChange => ({ kind: 'removeSection', sectionId })),
      fc.string({ maxLength: 30 }).map((text): PersonaChange => ({ kind: 'addItem', sectionId: goals.id, item: { id: ids(), text } })),
      fc.constantFrom<'portrait' | 'landscape'>('portrait', 'landscape').map((orientation): PersonaChange => ({ kind: 'setOrientation', orientation })),
      fc.string({ maxLength: 30 }).map((name): PersonaChange => ({ kind: 'setFields', fields: { name: `n${name}` } })),
    );
    fc.assert(
      fc.property(fc.array(arbChange, { maxLength: 15 }), (changes) => {
        const frozen = deepFreeze(structuredClone(base));
        const out = applyPersonaChanges(frozen, changes);
        expect(isValidLayout(out.sections.map((s) => ({ id: s.id, ...s.layout })), out.orientation === 'portrait' ? 6 : 12)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

describe('moveSectionChange', () => {
  const order = (p: PersonaDoc) => [...p.sections].sort((a, b) => a.layout.y - b.layout.y || a.layout.x - b.layout.x).map((s) => s.id);

  test('moves a section before its neighbour in reading order, then after it again', () => {
    const p = sample();
    const ids = order(p);
    const moved = applyPersonaChange(p, moveSectionChange(p, ids[2]!, 'earlier')!);
    expect(order(moved).slice(0, 3)).toEqual([ids[0], ids[2], ids[1]]);
    const back = order(applyPersonaChange(moved, moveSectionChange(moved, ids[2]!, 'later')!));
    expect(back.indexOf(ids[2]!)).toBeGreaterThan(back.indexOf(ids[1]!));
  });

  test('there is nothing earlier than the first section or later than the last', () => {
    const p = sample();
    const ids = order(p);
    expect(moveSectionChange(p, ids[0]!, 'earlier')).toBeNull();
    expect(moveSectionChange(p, ids.at(-1)!, 'later')).toBeNull();
  });

  test('any sequence of moves keeps the layout inside the grid and free of overlaps', () => {
    const base = sample();
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(30), fc.boolean()), { maxLength: 20 }), fc.boolean(), (moves, portrait) => {
        let p = portrait ? applyPersonaChange(base, { kind: 'setOrientation', orientation: 'portrait' }) : base;
        for (const [i, earlier] of moves) {
          const id = p.sections[i % p.sections.length]!.id;
          const change = moveSectionChange(p, id, earlier ? 'earlier' : 'later');
          if (change) p = applyPersonaChange(p, change);
        }
        expect(validatePersona(p).ok).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
