import { describe, expect, test } from 'vitest';
import { applyChanges, type JourneyBody, type JourneyChange } from './changes';
import { diffBodies, sameData } from './diff';
import { cloneJourney, createJourney, filterJourneys, setArchived, type JourneyDoc } from './journey';
import { builtInTemplates, createFromTemplate } from './templates/index';
import { publishJourney, readPublishedEntry, restoreVersion, sortVersions, type PublishedEntry } from './versions';

const fromTemplate = (i = 0): JourneyDoc => createFromTemplate(builtInTemplates()[i]!, { id: 'j_1', now: 1000 });
const edit = (j: JourneyDoc, ...changes: JourneyChange[]): JourneyDoc => {
  const r = applyChanges(j, changes);
  if (!r.ok) throw new Error(r.message);
  return { ...j, ...r.data };
};
const publish = (j: JourneyDoc, now: number) => {
  const r = publishJourney(j, { now, author: 'ana', summary: `at ${now}` });
  if (!r.ok) throw new Error(r.message);
  return r.data;
};

describe('publishing', () => {
  test('publishing numbers versions 1, 2, … and makes the journey active', () => {
    const first = publish(fromTemplate(), 2000);
    expect(first.journey).toMatchObject({ status: 'active', publishedVersion: 1, publishedAt: 2000 });
    expect(first.entry).toMatchObject({ kind: 'published', entity: 'journey', entityId: 'j_1', number: 1, author: 'ana' });
    const second = publish(first.journey, 3000);
    expect(second.entry.number).toBe(2);
    expect(second.entry.id).not.toBe(first.entry.id);
  });

  test('the next number moves past versions already in history, so a half-finished publish never collides', () => {
    const { entry } = publish(fromTemplate(), 2000);
    const again = publishJourney(fromTemplate(), { now: 3000, author: 'ana', summary: '', latestNumber: entry.number });
    if (!again.ok) throw new Error(again.message);
    expect(again.data.entry.number).toBe(2);
    expect(again.data.entry.id).not.toBe(entry.id);
  });

  test('a published version does not change when the draft is edited afterwards', () => {
    const { journey, entry } = publish(fromTemplate(), 2000);
    const frozen = JSON.stringify(entry);
    const edited = edit(journey, { type: 'updateStage', stageId: journey.map.stages[0]!.id, patch: { name: 'Changed' } });
    edited.map.stages[1]!.name = 'mutated in place by a careless caller';
    expect(JSON.stringify(entry)).toBe(frozen);
  });

  test('a flow with blocking problems cannot be published, and the problems come back', () => {
    const j = fromTemplate();
    const broken = edit(j, { type: 'removeEdges', edgeIds: [j.flow.edges[0]!.id] });
    const r = publishJourney(broken, { now: 1, author: 'a', summary: '' });
    expect(r.ok).toBe(false);
    if (!r.ok && 'problems' in r) expect(r.problems.some((p) => p.code === 'unreachable')).toBe(true);
  });

  test('an archived journey must be restored before publishing; un-archiving brings back its status', () => {
    const never = fromTemplate();
    expect(publishJourney(setArchived(never, true, 5), { now: 6, author: 'a', summary: '' }).ok).toBe(false);
    expect(setArchived(setArchived(never, true, 5), false, 6).status).toBe('draft');
    const published = publish(never, 7).journey;
    expect(setArchived(setArchived(published, true, 8), false, 9).status).toBe('active');
  });
});

describe('restoring', () => {
  test('restoring an old version makes it the draft and keeps the version count', () => {
    const v1 = publish(fromTemplate(), 2000);
    const changed = edit(v1.journey, { type: 'removeStage', stageId: v1.journey.map.stages[0]!.id });
    const v2 = publish(changed, 3000);
    const restored = restoreVersion(v2.journey, v1.entry, 4000);
    if (!restored.ok) throw new Error(restored.message);
    expect(sameData(restored.data.map, v1.entry.snapshot.map)).toBe(true);
    expect(restored.data).toMatchObject({ publishedVersion: 2, status: 'active', updatedAt: 4000 });
    expect(diffBodies(restored.data, v1.entry.snapshot)).toEqual([]);
  });

  test('a version of another journey cannot be restored', () => {
    const { entry } = publish(fromTemplate(), 2000);
    expect(restoreVersion({ ...fromTemplate(), id: 'j_other' }, entry, 3).ok).toBe(false);
  });

  test('history documents that are not readable journey versions are refused', () => {
    const { entry } = publish(fromTemplate(), 2000);
    const bad: unknown[] = [
      null, 'x', { ...entry, kind: 'version' }, { ...entry, entity: 'persona' },
      { ...entry, snapshot: { ...entry.snapshot, map: { stages: 'x' } } }, { ...entry, number: 'one' },
    ];
    for (const doc of bad) expect(readPublishedEntry(doc).ok).toBe(false);
    expect(readPublishedEntry(JSON.parse(JSON.stringify(entry))).ok).toBe(true);
  });

  test('versions sort newest first and duplicates of a number appear once', () => {
    const e = (n: number, id: string) => ({ id, number: n }) as PublishedEntry;
    expect(sortVersions([e(1, 'a'), e(3, 'b'), e(2, 'c'), e(3, 'd')]).map((x) => x.id)).toEqual(['b', 'c', 'a']);
  });
});

describe('diff', () => {
  const base = (): JourneyBody => structuredClone(builtInTemplates()[0]!.body);
  const d = (before: JourneyBody, ...changes: JourneyChange[]) => {
    const r = applyChanges(before, changes);
    if (!r.ok) throw new Error(r.message);
    return diffBodies(before, r.data).map((x) => `${x.subject}:${x.change}:${x.id}${x.fields ? `:${x.fields.join(',')}` : ''}`);
  };

  test('identical bodies have no differences', () => {
    expect(diffBodies(base(), base())).toEqual([]);
  });

  test('each kind of edit shows up as the matching entry', () => {
    const b = base();
    const [s0, s1] = [b.map.stages[0]!.id, b.map.stages[1]!.id];
    const lane = b.map.lanes[0]!.id;
    const node = b.flow.nodes[1]!;
    expect(d(b, { type: 'updateStage', stageId: s0, patch: { name: 'X', colour: '#000000' } })).toEqual([`stage:changed:${s0}:colour,name`]);
    expect(d(b, { type: 'addStage', stage: { id: 'st_new', name: 'N', colour: '#000000', momentOfTruth: false }, index: 0 })).toEqual(['stage:added:st_new']);
    expect(d(b, { type: 'moveStage', stageId: s0, toIndex: 1 })).toEqual([`stage:moved:${s1}`, `stage:moved:${s0}`]);
    expect(d(b, { type: 'setCell', laneId: lane, stageId: s0, cards: [{ id: 'c', text: 'new' }] })).toEqual([`cell:changed:${lane}/${s0}:cards`]);
    expect(d(b, { type: 'updateNode', nodeId: node.id, patch: { label: 'Renamed' } })).toEqual([`node:changed:${node.id}:label`]);
    expect(d(b, { type: 'moveNodes', positions: { [node.id]: { x: 999, y: 999 } } })).toEqual([]);
    const removed = d(b, { type: 'removeNodes', nodeIds: [node.id] });
    expect(removed).toContain(`node:removed:${node.id}`);
    expect(removed.filter((x) => x.startsWith('edge:removed')).length).toBe(b.flow.edges.filter((e) => e.source === node.id || e.target === node.id).length);
  });

  test('curve points and metric values show as lane changes', () => {
    const b = base();
    const emotion = b.map.lanes.find((l) => l.type === 'emotion')!.id;
    expect(d(b, { type: 'setCurvePoint', laneId: emotion, curveId: 'cv_asis', stageId: b.map.stages[0]!.id, value: -2 }))
      .toEqual([`lane:changed:${emotion}:curves`]);
  });
});

describe('journey list helpers', () => {
  test('a clone is a fresh draft with the same content', () => {
    const published = publish(fromTemplate(), 2000).journey;
    const copy = cloneJourney(published, 'j_2', 3000);
    expect(copy).toMatchObject({ id: 'j_2', status: 'draft', publishedVersion: 0, createdAt: 3000 });
    expect(diffBodies(copy, published)).toEqual([]);
  });

  test('filters combine search text, status, tag and persona', () => {
    const a = { ...createJourney({ id: 'a', name: 'Onboarding', now: 1, tags: ['saas'] }), personaIds: ['p1'] };
    const b = { ...createJourney({ id: 'b', name: 'Renewal', now: 1, description: 'Keep onboarding customers' }), status: 'active' as const };
    expect(filterJourneys([a, b], { text: 'ONBOARD' }).map((j) => j.id)).toEqual(['a', 'b']);
    expect(filterJourneys([a, b], { text: 'onboard', status: 'active' }).map((j) => j.id)).toEqual(['b']);
    expect(filterJourneys([a, b], { tag: 'saas' }).map((j) => j.id)).toEqual(['a']);
    expect(filterJourneys([a, b], { personaId: 'p1', status: 'all' }).map((j) => j.id)).toEqual(['a']);
  });
});
