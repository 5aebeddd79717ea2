import { describe, expect, test } from 'vitest';
import { addSectionChange, applyPersonaChanges, createBlankPersona, validatePersona, type PersonaDoc } from '../../../../common/persona';
import { applyFollowValues, followedSections } from './followRun';

let n = 0;
const c = { ids: () => `id${n++}`, now: 1, author: 'test' };

function personaWith(type: string, data: Record<string, unknown>): { doc: PersonaDoc; sectionId: string } {
  const doc = createBlankPersona(c, 'P');
  const add = addSectionChange(doc, type, c.ids);
  if (add.kind !== 'addSection') throw new Error('no section');
  const next = applyPersonaChanges(doc, [add, { kind: 'updateSection', sectionId: add.section.id, data: { ...add.section.data, ...data } }]);
  return { doc: next, sectionId: add.section.id };
}

const follow = { datasetId: 'd1', datasetName: 'Wave 1', match: 'strong' as const, column: 'channel' };

describe('follow data on a persona', () => {
  test('rewrites a followed chart with data evidence, and nothing when the values are unchanged', () => {
    const { doc, sectionId } = personaWith('barChart', { follow });
    expect(followedSections(doc)).toEqual([{ sectionId, kind: 'chart', config: follow }]);
    const values = [{ sectionId, kind: 'chart' as const, points: [{ id: 'fa', label: 'Web', value: 75 }, { id: 'fb', label: 'App', value: 25 }], matched: 8, answering: 4 }];
    const next = applyFollowValues(doc, values);
    const section = next.sections.find((s) => s.id === sectionId)!;
    expect(section.evidence).toEqual({ kind: 'data', source: 'Wave 1: 8 matched respondents (strong matches), followed' });
    expect(section.data).toMatchObject({ unit: '%', follow, points: [{ label: 'Web', value: 75, evidence: { kind: 'data', source: 'Wave 1: 3 of 4 matched respondents answering' } }, { label: 'App' }] });
    // The written persona passes the model's validation (follow included) and a second pass is a no-op.
    expect(validatePersona(next).ok).toBe(true);
    expect(applyFollowValues(next, values)).toBe(next);
  });

  test('keeps the last values when the worker reports a problem, and ignores sections that do not follow', () => {
    const { doc, sectionId } = personaWith('demographics', { age: '30–40', follow: { ...follow, column: undefined, columns: { age: 'age' } } });
    expect(applyFollowValues(doc, [{ sectionId, kind: 'error', message: 'No respondent matches' }])).toBe(doc);
    const plain = personaWith('pieChart', {});
    expect(followedSections(plain.doc)).toEqual([]);
    expect(applyFollowValues(plain.doc, [{ sectionId: plain.sectionId, kind: 'chart', points: [], matched: 1, answering: 1 }])).toBe(plain.doc);
    const lines = applyFollowValues(doc, [{ sectionId, kind: 'demographics', lines: { age: '20–50 (mean 35)' }, matched: 3 }]);
    expect(lines.sections.find((s) => s.id === sectionId)!.data).toMatchObject({ age: '20–50 (mean 35)' });
  });
});
