import { describe, expect, test } from 'vitest';
import { applyPersonaChange } from './changes';
import { sequentialIds } from './ids';
import { createFromTemplate } from './instantiate';
import { builtInTemplates } from './templates/index';
import { createVersionEntry, restoreFromVersion } from './versions';

const v = (now: number) => ({ ids: sequentialIds(`v${now}-`), now, author: 'ana' });
const sample = () => createFromTemplate(builtInTemplates[0]!, { ids: sequentialIds('n'), now: 1, author: 'ana' });

describe('persona versions', () => {
  test('numbers versions in sequence and summarises what changed since the previous one', () => {
    const doc = sample();
    const first = createVersionEntry(doc, null, { ...v(10), note: 'Created from template E-commerce shopper' });
    const edited = applyPersonaChange(doc, { kind: 'setFields', fields: { status: 'active' } });
    const second = createVersionEntry(edited, first, v(20));
    expect([first.number, second.number]).toEqual([1, 2]);
    expect(first.summary).toBe('Created from template E-commerce shopper');
    expect(second.summary).toBe('Status draft → active');
    expect(second.entityId).toBe(doc.id);
  });

  test('a version keeps its snapshot even when the persona is edited afterwards', () => {
    const doc = sample();
    const entry = createVersionEntry(doc, null, v(10));
    doc.tags.push('later');
    expect(entry.snapshot.tags).not.toContain('later');
  });

  test('restoring a version brings back its content under the same persona, stamped now', () => {
    const doc = sample();
    const entry = createVersionEntry(doc, null, v(10));
    const current = { ...applyPersonaChange(doc, { kind: 'removeSection', sectionId: doc.sections[1]!.id }), journeyIds: ['j1'] };
    const restored = restoreFromVersion(current, entry, v(99));
    expect(restored.ok).toBe(true);
    if (!restored.ok) return;
    expect(restored.value.id).toBe(doc.id);
    expect(restored.value.sections).toEqual(doc.sections);
    expect(restored.value.updatedAt).toBe(99);
    expect(restored.value.journeyIds).toEqual(['j1']);
  });

  test('a damaged snapshot is refused with the path of the problem', () => {
    const doc = sample();
    const result = restoreFromVersion(doc, { snapshot: { ...doc, name: '' } }, v(5));
    expect(result.ok ? [] : result.problems).toEqual([{ path: 'snapshot.name', message: 'Give the persona a name.' }]);
  });
});
