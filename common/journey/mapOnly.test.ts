import { describe, expect, test } from 'vitest';
import { diffBodies } from './diff';
import { detailText } from './diffWords';
import { createJourney, type JourneyDoc } from './journey';
import { builtInTemplates, createFromTemplate } from './templates/index';
import { hasUnpublishedChanges, keepDraftEntry, publishJourney, readKeptDraft, readPublishedEntry, restoreVersion } from './versions';

const mapOnly = (): JourneyDoc => {
  const j = createJourney({ id: 'j_map', name: 'Map only', now: 1000 });
  return { ...j, map: { ...j.map, stages: [{ id: 's1', name: 'Discover', colour: '#3366cc', momentOfTruth: false }] } };
};
const words = (a: JourneyDoc, b: JourneyDoc) => diffBodies(a, b).flatMap((e) => (e.details ?? []).map(detailText));

describe('a journey that is only a map', () => {
  test('publishes as version 1: the flow needs a trigger only once it has steps', () => {
    const r = publishJourney(mapOnly(), { now: 2000, author: 'ana', summary: '' });
    if (!r.ok) throw new Error(r.message);
    expect(r.data.journey).toMatchObject({ status: 'active', publishedVersion: 1 });
  });

  test('shows unpublished changes exactly while its draft differs from the active version', () => {
    const r = publishJourney(mapOnly(), { now: 2000, author: 'ana', summary: '' });
    if (!r.ok) throw new Error(r.message);
    const { journey, entry } = r.data;
    expect(hasUnpublishedChanges(journey, entry)).toBe(false);
    // A save stamp or a status is no content change.
    expect(hasUnpublishedChanges({ ...journey, updatedAt: 9999, status: 'archived' }, entry)).toBe(false);
    const renamed = { ...journey, map: { ...journey.map, stages: [{ ...journey.map.stages[0]!, name: 'Discovery' }] } };
    expect(hasUnpublishedChanges(renamed, entry)).toBe(true);
    // Never published, or its version not synced in yet: nothing to compare with.
    expect(hasUnpublishedChanges(mapOnly(), null)).toBe(false);
    expect(hasUnpublishedChanges(renamed, null)).toBe(false);
  });
});

describe('diffs in words', () => {
  test('a renamed stage reads old → new, a flag reads yes/no', () => {
    const a = mapOnly();
    const b = { ...a, map: { ...a.map, stages: [{ ...a.map.stages[0]!, name: 'Discovery', momentOfTruth: true }] } };
    expect(words(a, b)).toEqual(['moment of truth no → yes', 'name "Discover" → "Discovery"']);
  });

  test('no diff of a template edit shows an asset id, an id-keyed record or JSON', () => {
    const a = createFromTemplate(builtInTemplates()[0]!, { id: 'j_1', now: 1 });
    const b = structuredClone(a);
    const lane = b.map.lanes.find((l) => l.type !== 'emotion' && l.type !== 'metric');
    const stage = b.map.stages[0]!;
    if (!lane) throw new Error('template without a card lane');
    b.map.cells[lane.id] = { ...b.map.cells[lane.id], [stage.id]: [{ id: 'c_new', text: 'Reads the welcome mail', assetId: 'asset_123456' }] };
    for (const l of b.map.lanes) if (l.type === 'emotion') for (const c of l.curves) c.points[stage.id] = 3;
    let emails = 0;
    for (const n of b.flow.nodes) {
      if (n.kind === 'action' && n.config.type === 'email') {
        n.config = { ...n.config, subject: 'Welcome aboard' };
        emails++;
      }
    }
    expect(emails).toBeGreaterThan(0);
    const text = diffBodies(a, b).map((e) => `${e.label}: ${(e.details ?? []).map(detailText).join('; ')}`).join('\n');
    expect(text).toContain('"Reads the welcome mail"');
    expect(text).toContain('"Welcome aboard"');
    expect(text).not.toMatch(/asset_|[{}[\]]|c_new/);
  });
});

describe('kept drafts', () => {
  test('restoring keeps the replaced draft in a readable history entry that restores it back', () => {
    const draft = mapOnly();
    const kept = keepDraftEntry(draft, { id: 'h_1', now: 3000, author: 'ana', summary: 'Draft before restoring version 1' });
    const read = readKeptDraft(JSON.parse(JSON.stringify(kept)));
    if (!read.ok) throw new Error(read.message);
    expect(read.data).toMatchObject({ kind: 'version', entity: 'journey', entityId: 'j_map', summary: 'Draft before restoring version 1' });
    // Not mistaken for a published version, and a published one is not a kept draft.
    expect(readPublishedEntry(kept).ok).toBe(false);
    const other = { ...draft, map: { ...draft.map, stages: [] } };
    const back = restoreVersion(other, read.data, 4000);
    if (!back.ok) throw new Error(back.message);
    expect(back.data.map.stages.map((s) => s.name)).toEqual(['Discover']);
    expect(readKeptDraft({ ...kept, snapshot: { name: 1 } }).ok).toBe(false);
  });
});
