import { describe, expect, test } from 'vitest';
import { migrations } from '../db/migrations';
import { journeysSchema } from '../db/schemas/journeys';
import { checkContent } from '../workspaceFile/check';
import { emptyCollections } from '../workspaceFile/format';
import { exportJourney, parseJourneyEnvelope } from './envelope';
import type { EventRule } from './eventRules';
import { createJourney, readJourneyDoc } from './journey';
import { applyMapChange } from './mapChanges';
import type { JourneyMap } from './mapModel';

const stage = { id: 'st_a', name: 'Sign up', colour: '#336699', momentOfTruth: false };
const lane = { id: 'ln_t', type: 'touchpoints' as const, name: 'Touchpoints' };
const mapWith = (card: Record<string, unknown>): JourneyMap => ({ stages: [stage], lanes: [lane], cells: { ln_t: { st_a: [card as JourneyMap['cells'][string][string][number]] } } });
const rules: EventRule[] = [
  { match: 'startsWith', values: ['help_'] },
  { match: 'equals', values: ['chat_opened'], where: [{ property: 'channel', values: ['app', 'web'] }] },
];

describe('touchpoint card event rules', () => {
  test('a version-2 journey document migrates to version 3 and reads as before (cards without rules)', () => {
    expect(journeysSchema.version).toBeGreaterThanOrEqual(3);
    const old = {
      id: 'j1', name: 'Onboarding', description: '', status: 'draft', tags: [], personaIds: [], publishedVersion: 0,
      map: mapWith({ id: 'cd_1', text: 'Help centre' }), flow: { nodes: [], edges: [] }, createdAt: 1, updatedAt: 2,
    };
    const migrated = migrations.journeys[3]!(structuredClone(old));
    expect(migrated).toEqual(old);
    const read = readJourneyDoc(migrated);
    expect(read.ok && read.data.map.cells.ln_t!.st_a![0]).toEqual({ id: 'cd_1', text: 'Help centre' });
  });

  test('rules on a card survive the document, the journey export and a workspace file check', () => {
    const j = createJourney({ id: 'j1', name: 'J', now: 1, body: { map: mapWith({ id: 'cd_1', text: 'Help centre' }), flow: { nodes: [], edges: [] } } });
    const changed = applyMapChange(j.map, { type: 'setCell', laneId: 'ln_t', stageId: 'st_a', cards: [{ id: 'cd_1', text: 'Help centre', events: rules }] });
    expect(changed.ok).toBe(true);
    const doc = { ...j, map: changed.ok ? changed.data : j.map };
    const read = readJourneyDoc(JSON.parse(JSON.stringify(doc)));
    expect(read.ok && read.data.map.cells.ln_t!.st_a![0]!.events).toEqual(rules);
    const parsed = parseJourneyEnvelope(JSON.stringify(exportJourney(doc, 5)));
    expect(parsed.ok && parsed.data.snapshot.map.cells.ln_t!.st_a![0]!.events).toEqual(rules);
    const checked = checkContent(JSON.parse(JSON.stringify({ name: 'w', createdAt: 1, collections: { ...emptyCollections(), journeys: [doc] } })));
    expect(checked.problems).toEqual([]);
    expect((checked.content?.collections.journeys[0]!.map as JourneyMap).cells.ln_t!.st_a![0]!.events).toEqual(rules);
  });

  test('malformed card rules make the document, the export and the workspace file refused, with a path', () => {
    for (const bad of [
      [{ match: 'equals', values: [''] }],
      [{ match: 'equals', values: [] }],
      [{ match: 'like', values: ['x'] }],
      Array.from({ length: 21 }, () => ({ match: 'equals', values: ['x'] })),
      [{ match: 'equals', values: ['x'], where: [{ property: '', values: ['a'] }] }],
      'help_',
    ]) {
      const label = JSON.stringify(bad).slice(0, 60);
      const doc = { ...createJourney({ id: 'j1', name: 'J', now: 1 }), map: mapWith({ id: 'cd_1', text: 'Help', events: bad }) };
      expect(readJourneyDoc(doc).ok, label).toBe(false);
      const parsed = parseJourneyEnvelope({ ...exportJourney(doc, 5) });
      expect(parsed.ok, label).toBe(false);
      if (!parsed.ok) expect(parsed.problems[0]!.path, label).toMatch(/^journey\.map\.cells\.ln_t\.st_a\[0\]\.events/);
      expect(checkContent({ name: 'w', createdAt: 1, collections: { ...emptyCollections(), journeys: [doc] } }).problems.length, label).toBeGreaterThan(0);
    }
  });
});
