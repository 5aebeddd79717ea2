import { describe, expect, test } from 'vitest';
import { migrations } from '../db/migrations';
import { journeysSchema } from '../db/schemas/journeys';
import { exportJourney, parseJourneyEnvelope } from './envelope';
import { describeRule, ruleMatches, type EventRule } from './eventRules';
import { createJourney, readJourneyDoc } from './journey';
import { applyMapChange } from './mapChanges';

const stage = { id: 'st_a', name: 'Sign up', colour: '#336699', momentOfTruth: false };

describe('stage event rules', () => {
  test('a version-0 journey document migrates to version 1 and reads as before', () => {
    expect(journeysSchema.version).toBeGreaterThanOrEqual(1);
    const old = {
      id: 'j1', name: 'Onboarding', description: '', status: 'draft', tags: [], personaIds: [], publishedVersion: 0,
      map: { stages: [stage], lanes: [], cells: {} }, flow: { nodes: [], edges: [] }, createdAt: 1, updatedAt: 2,
    };
    const migrated = migrations.journeys[1]!(structuredClone(old));
    expect(migrated).toEqual(old);
    const read = readJourneyDoc(migrated);
    expect(read.ok && read.data.map.stages[0]).toEqual(stage);
  });

  test('rules on a stage survive reading the document and the export file (not stripped)', () => {
    const events: EventRule[] = [
      { match: 'oneOf', values: ['signup_completed', 'sso_signup'] },
      { match: 'equals', values: ['checkout'], where: [{ property: 'plan', values: ['pro'] }] },
    ];
    const j = createJourney({ id: 'j1', name: 'J', now: 1, body: { map: { stages: [stage], lanes: [], cells: {} }, flow: { nodes: [], edges: [] } } });
    const changed = applyMapChange(j.map, { type: 'updateStage', stageId: 'st_a', patch: { events } });
    expect(changed.ok).toBe(true);
    const doc = { ...j, map: changed.ok ? changed.data : j.map };
    const read = readJourneyDoc(JSON.parse(JSON.stringify(doc)));
    expect(read.ok && read.data.map.stages[0]!.events).toEqual(events);
    const parsed = parseJourneyEnvelope(JSON.stringify(exportJourney(doc, 5)));
    expect(parsed.ok && parsed.data.snapshot.map.stages[0]!.events).toEqual(events);
  });

  test('malformed rules make the document unreadable rather than half-read', () => {
    for (const bad of [
      [{ match: 'equals', values: [] }],
      [{ match: 'contains', values: ['x'] }],
      [{ match: 'equals', values: [''] }],
      [{ match: 'oneOf', values: Array.from({ length: 201 }, (_, i) => `e${i}`) }],
      Array.from({ length: 21 }, () => ({ match: 'equals', values: ['x'] })),
      [{ match: 'equals', values: ['x'], where: [{ property: 'plan', values: [] }] }],
    ]) {
      const doc = { id: 'j', name: 'J', map: { stages: [{ ...stage, events: bad }], lanes: [], cells: {} }, flow: { nodes: [], edges: [] } };
      expect(readJourneyDoc(doc).ok, JSON.stringify(bad).slice(0, 60)).toBe(false);
    }
  });

  test('matching: equals, starts with, one of, and every property condition', () => {
    const props = (p: Record<string, string>) => (k: string) => p[k] ?? null;
    expect(ruleMatches({ match: 'equals', values: ['a'] }, 'a', props({}))).toBe(true);
    expect(ruleMatches({ match: 'equals', values: ['a'] }, 'A', props({}))).toBe(false);
    expect(ruleMatches({ match: 'startsWith', values: ['page_'] }, 'page_view', props({}))).toBe(true);
    expect(ruleMatches({ match: 'oneOf', values: ['x', 'y'] }, 'y', props({}))).toBe(true);
    const rule: EventRule = { match: 'equals', values: ['buy'], where: [{ property: 'plan', values: ['pro', 'team'] }, { property: 'channel', values: ['web'] }] };
    expect(ruleMatches(rule, 'buy', props({ plan: 'team', channel: 'web' }))).toBe(true);
    expect(ruleMatches(rule, 'buy', props({ plan: 'team' }))).toBe(false);
    expect(describeRule(rule)).toBe('= buy where plan ∈ {pro, team} and channel ∈ {web}');
  });
});
