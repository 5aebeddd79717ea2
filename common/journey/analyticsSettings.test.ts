import { describe, expect, test } from 'vitest';
import { migrations } from '../db/migrations';
import { journeysSchema } from '../db/schemas/journeys';
import { exportJourney, parseJourneyEnvelope } from './envelope';
import { createJourney, readJourneyDoc } from './journey';
import { applyMapChange } from './mapChanges';

const stage = { id: 'st_a', name: 'Sign up', colour: '#336699', momentOfTruth: false };
const body = () => ({ map: { stages: [stage], lanes: [], cells: {} }, flow: { nodes: [], edges: [] } });

describe('journey analytics settings', () => {
  test('a version-1 journey document migrates to version 2 and reads as before', () => {
    expect(journeysSchema.version).toBeGreaterThanOrEqual(2);
    const old = {
      id: 'j1', name: 'Onboarding', description: '', status: 'draft', tags: [], personaIds: [], publishedVersion: 0,
      map: { stages: [{ ...stage, events: [{ match: 'equals', values: ['signup'] }] }], lanes: [], cells: {} }, flow: { nodes: [], edges: [] }, createdAt: 1, updatedAt: 2,
    };
    const migrated = migrations.journeys[2]!(structuredClone(old));
    expect(migrated).toEqual(old);
    const read = readJourneyDoc(migrated);
    expect(read.ok && read.data.map.analytics).toBeUndefined();
  });

  test('settings are set, cleared and survive the document and the export file', () => {
    const j = createJourney({ id: 'j1', name: 'J', now: 1, body: body() });
    const set = applyMapChange(j.map, { type: 'setAnalytics', patch: { eventDatasetId: 'ev_1', surveyDatasetId: 'sv_1', surveyIdColumn: 'customer_id', stageQuestions: { st_a: 'q_signup' } } });
    expect(set.ok).toBe(true);
    const map = set.ok ? set.data : j.map;
    const doc = { ...j, map };
    const read = readJourneyDoc(JSON.parse(JSON.stringify(doc)));
    expect(read.ok && read.data.map.analytics).toEqual({ eventDatasetId: 'ev_1', surveyDatasetId: 'sv_1', surveyIdColumn: 'customer_id', stageQuestions: { st_a: 'q_signup' } });
    const parsed = parseJourneyEnvelope(JSON.stringify(exportJourney(doc, 5)));
    expect(parsed.ok && parsed.data.snapshot.map.analytics?.surveyIdColumn).toBe('customer_id');

    const cleared = applyMapChange(map, { type: 'setAnalytics', patch: { surveyDatasetId: null, surveyIdColumn: null, stageQuestions: {} } });
    expect(cleared.ok && cleared.data.analytics).toEqual({ eventDatasetId: 'ev_1' });
    const none = applyMapChange(cleared.ok ? cleared.data : map, { type: 'setAnalytics', patch: { eventDatasetId: null } });
    expect(none.ok && 'analytics' in none.data).toBe(false);
  });

  test('malformed settings make the document unreadable rather than half-read', () => {
    for (const analytics of [
      { eventDatasetId: 'has space' },
      { surveyIdColumn: '' },
      { stageQuestions: { st_a: 'bad key!' } },
      { stageQuestions: Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`s${i}`, 'q'])) },
    ]) {
      const j = createJourney({ id: 'j1', name: 'J', now: 1, body: body() });
      const read = readJourneyDoc({ ...j, map: { ...j.map, analytics } });
      expect(read.ok, JSON.stringify(analytics).slice(0, 60)).toBe(false);
    }
  });
});
