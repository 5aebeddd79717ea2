import { describe, expect, test } from 'vitest';
import { buildFeatures } from './features';
import { findPersonas } from './findPersonas';
import { plantedSurvey } from './generate';
import { adjustedRandIndex } from './quality';
import { profileClusters } from './profile';
import { deriveRules, recovery } from './rules';
import { termsOf, topPhrases } from './phrases';

describe('finding personas in survey data', () => {
  test('proposes the planted k from the silhouette, profiles each cluster and derives rules that recover it', async () => {
    const { table, labels, columns } = plantedSurvey({ rows: 2000, personas: 4, seed: 21, text: true });
    const progress: number[] = [];
    const found = await findPersonas(table, { columns: [...columns, 'comment'], kFrom: 2, kTo: 6, onProgress: (p) => progress.push(p) });
    expect(found.proposed.k).toBe(4);
    expect(found.evidence.map((e) => e.k)).toEqual([2, 3, 4, 5, 6]);
    expect(found.problems).toEqual([{ column: 'comment', code: 'freeText', message: expect.stringContaining('free text') }]);
    expect(progress.at(-1)).toBe(1);
    expect(adjustedRandIndex(found.proposed.assignments, labels)).toBeGreaterThanOrEqual(0.9);

    const profiles = profileClusters(table, found.features, found.proposed, { gamma: found.gamma, textColumns: ['comment'] });
    expect(profiles.reduce((s, p) => s + p.size, 0)).toBe(2000);
    for (const p of profiles) {
      expect(p.over.length).toBeGreaterThan(0);
      expect(p.over.every((o) => o.lift >= 1.2)).toBe(true);
      expect(p.representatives).toHaveLength(3);
      expect(p.representatives.every((r) => found.proposed.assignments[r.row] === p.cluster && /^R_\d+$/.test(r.id ?? ''))).toBe(true);
      expect(p.phrases.length).toBeGreaterThan(0);
    }
    const rules = deriveRules(found.features, found.proposed.assignments, profiles);
    for (const [c, list] of rules.entries()) {
      expect(list.length).toBeGreaterThan(1);
      const r = recovery(table, list, found.proposed.assignments, c);
      expect(r.strongInCluster, `cluster ${c}`).toBeGreaterThanOrEqual(0.6);
      expect(r.strongElsewhere, `cluster ${c}`).toBeLessThan(r.strongInCluster / 3);
    }
  });

  test('says why it cannot run: no usable columns, too few responses, a k that does not fit', async () => {
    const { table } = plantedSurvey({ rows: 200, personas: 2, seed: 1, text: true });
    await expect(findPersonas(table, { columns: ['comment', 'respondentId'] })).rejects.toThrow(/None of the chosen columns/);
    await expect(findPersonas(plantedSurvey({ rows: 20, personas: 2, seed: 1 }).table, { columns: ['score1'] })).rejects.toThrow(/at least 30 responses/);
    await expect(findPersonas(table, { columns: ['score1'], k: 1 })).rejects.toThrow(/between 2 and/);
    // More columns than one grouping takes is refused, never cut silently.
    await expect(findPersonas(table, { columns: Array.from({ length: 61 }, () => 'score1') })).rejects.toThrow('Group by at most 60 columns; 61 are chosen.');
    expect(buildFeatures(table, ['nope']).problems[0]!.message).toMatch(/no column "nope"/);
  });

  test('stops when asked', async () => {
    const { table, columns } = plantedSurvey({ rows: 500, personas: 3, seed: 2 });
    let calls = 0;
    await expect(findPersonas(table, { columns, shouldStop: () => ++calls > 3 })).rejects.toThrow(/cancelled/);
  });
});

describe('phrases', () => {
  test('words and pairs in any script, stop words left out', () => {
    expect([...termsOf('The delivery was SLOW, slow delivery!')].sort()).toEqual(['delivery', 'slow', 'slow delivery', 'slow slow']);
    expect([...termsOf('Café très lent')].sort()).toEqual(['café', 'café très', 'lent', 'très', 'très lent']);
  });

  test('a phrase typical of one group ranks first there and not elsewhere', () => {
    const texts = [...Array(50).fill('hidden fees again'), ...Array(50).fill('fast checkout today')];
    const groups = [...Array(50).fill(0), ...Array(50).fill(1)];
    const [a, b] = topPhrases(texts, groups, 2);
    expect(a![0]!.phrase).toBe('hidden fees');
    expect(b![0]!.phrase).toBe('fast checkout');
    expect(a!.some((p) => p.phrase.includes('checkout'))).toBe(false);
  });
});
