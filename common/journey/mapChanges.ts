import { err, ok, type Result } from '../result';
import { patchAnalyticsSettings, type JourneyAnalyticsSettings } from './analyticsSettings';
import {
  clampToScale, emotionLimits, type Card, type Curve, type JourneyMap, type Lane, type MetricValue, type Stage,
} from './mapModel';

/**
 * Map edits as data: a gesture becomes one of these objects and `applyMapChange` turns a map into
 * the next map. Nothing is mutated, so keeping old maps is all undo and redo need.
 */
export type MapChange =
  | { type: 'addStage'; stage: Stage; index?: number }
  | { type: 'updateStage'; stageId: string; patch: Partial<Omit<Stage, 'id'>> }
  | { type: 'moveStage'; stageId: string; toIndex: number }
  | { type: 'removeStage'; stageId: string }
  | { type: 'addLane'; lane: Lane; index?: number }
  | { type: 'renameLane'; laneId: string; name: string }
  | { type: 'setEmotionScale'; laneId: string; scale: 'bipolar' | 'ten' }
  | { type: 'setMetricKind'; laneId: string; metric: 'nps' | 'csat' | 'ces' | 'custom'; unit?: string }
  | { type: 'moveLane'; laneId: string; toIndex: number }
  | { type: 'removeLane'; laneId: string }
  | { type: 'setCell'; laneId: string; stageId: string; cards: Card[] }
  | { type: 'addCurve'; laneId: string; curve: Curve }
  | { type: 'updateCurve'; laneId: string; curveId: string; patch: Partial<Omit<Curve, 'id' | 'points'>> }
  | { type: 'removeCurve'; laneId: string; curveId: string }
  | { type: 'setCurvePoint'; laneId: string; curveId: string; stageId: string; value: number | null }
  | { type: 'setMetricValue'; laneId: string; stageId: string; value: MetricValue | null }
  | { type: 'setAnalytics'; patch: { [K in keyof JourneyAnalyticsSettings]?: JourneyAnalyticsSettings[K] | null } };

/** Moves one item of a list to a new index (clamped), returning a new list. */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const out = list.slice();
  const [item] = out.splice(from, 1);
  if (item === undefined) return out;
  out.splice(Math.max(0, Math.min(out.length, to)), 0, item);
  return out;
}

function insertAt<T>(list: readonly T[], item: T, index: number | undefined): T[] {
  const out = list.slice();
  out.splice(index === undefined ? out.length : Math.max(0, Math.min(out.length, index)), 0, item);
  return out;
}

function withoutKey<V>(record: Record<string, V>, key: string): Record<string, V> {
  const { [key]: _dropped, ...rest } = record;
  return rest;
}

const missing = (what: string, id: string) => err('not-found', `The ${what} "${id}" is not on this map any more.`);

/** Applies one edit to a map. Unknown ids and broken limits are expected failures, not exceptions. */
export function applyMapChange(map: JourneyMap, change: MapChange): Result<JourneyMap> {
  switch (change.type) {
    case 'setAnalytics': {
      const { analytics: _old, ...rest } = map;
      const analytics = patchAnalyticsSettings(map.analytics, change.patch);
      return ok(analytics ? { ...rest, analytics } : rest);
    }
    case 'addStage':
      if (map.stages.some((s) => s.id === change.stage.id)) return err('conflict', 'A stage with this id already exists.');
      return ok({ ...map, stages: insertAt(map.stages, change.stage, change.index) });
    case 'updateStage': {
      if (!map.stages.some((s) => s.id === change.stageId)) return missing('stage', change.stageId);
      return ok({ ...map, stages: map.stages.map((s) => (s.id === change.stageId ? { ...s, ...change.patch, id: s.id } : s)) });
    }
    case 'moveStage': {
      const from = map.stages.findIndex((s) => s.id === change.stageId);
      if (from < 0) return missing('stage', change.stageId);
      return ok({ ...map, stages: moveItem(map.stages, from, change.toIndex) });
    }
    case 'removeStage':
      if (!map.stages.some((s) => s.id === change.stageId)) return missing('stage', change.stageId);
      return ok(removeStage(map, change.stageId));
    case 'addLane':
      if (map.lanes.some((l) => l.id === change.lane.id)) return err('conflict', 'A lane with this id already exists.');
      return ok({ ...map, lanes: insertAt(map.lanes, change.lane, change.index) });
    case 'renameLane':
      return updateLane(map, change.laneId, (l) => ok({ ...l, name: change.name }));
    case 'setEmotionScale':
      return updateLane(map, change.laneId, (l) => {
        if (l.type !== 'emotion') return err('invalid-argument', 'Only an emotion lane has a scale.');
        // Values are rescaled linearly so a curve keeps its shape when the scale changes.
        const from = l.scale === 'bipolar' ? [-2, 2] : [1, 10];
        const to = change.scale === 'bipolar' ? [-2, 2] : [1, 10];
        const rescale = (x: number) => round1(to[0]! + ((x - from[0]!) * (to[1]! - to[0]!)) / (from[1]! - from[0]!));
        const curves = l.curves.map((c) => ({
          ...c,
          points: Object.fromEntries(Object.entries(c.points).map(([k, x]) => [k, clampToScale(change.scale, rescale(x))])),
        }));
        return ok({ ...l, scale: change.scale, curves });
      });
    case 'setMetricKind':
      return updateLane(map, change.laneId, (l) =>
        l.type === 'metric'
          ? ok({ ...l, metric: change.metric, ...(change.unit !== undefined ? { unit: change.unit } : {}) })
          : err('invalid-argument', 'Only a metric lane has a metric.'));
    case 'moveLane': {
      const from = map.lanes.findIndex((l) => l.id === change.laneId);
      if (from < 0) return missing('lane', change.laneId);
      return ok({ ...map, lanes: moveItem(map.lanes, from, change.toIndex) });
    }
    case 'removeLane':
      if (!map.lanes.some((l) => l.id === change.laneId)) return missing('lane', change.laneId);
      return ok({ ...map, lanes: map.lanes.filter((l) => l.id !== change.laneId), cells: withoutKey(map.cells, change.laneId) });
    case 'setCell': {
      const lane = map.lanes.find((l) => l.id === change.laneId);
      if (!lane) return missing('lane', change.laneId);
      if (lane.type === 'emotion' || lane.type === 'metric') return err('invalid-argument', 'Curve and metric lanes hold no cards.');
      if (!map.stages.some((s) => s.id === change.stageId)) return missing('stage', change.stageId);
      const row = map.cells[change.laneId] ?? {};
      const nextRow = change.cards.length === 0 ? withoutKey(row, change.stageId) : { ...row, [change.stageId]: change.cards };
      return ok({ ...map, cells: { ...map.cells, [change.laneId]: nextRow } });
    }
    case 'addCurve':
      return updateEmotion(map, change.laneId, (l) => {
        const curves = [...l.curves, change.curve];
        const problem = curveLimitProblem(curves);
        return problem ? err('invalid-argument', problem) : ok({ ...l, curves });
      });
    case 'updateCurve':
      return updateCurve(map, change.laneId, change.curveId, (c) => ok({ ...c, ...change.patch }), true);
    case 'removeCurve':
      return updateEmotion(map, change.laneId, (l) =>
        l.curves.some((c) => c.id === change.curveId)
          ? ok({ ...l, curves: l.curves.filter((c) => c.id !== change.curveId) })
          : missing('curve', change.curveId));
    case 'setCurvePoint':
      if (!map.stages.some((s) => s.id === change.stageId)) return missing('stage', change.stageId);
      return updateCurve(map, change.laneId, change.curveId, (c, lane) => {
        const value = change.value;
        if (value === null) return ok({ ...c, points: withoutKey(c.points, change.stageId) });
        if (!Number.isFinite(value)) return err('invalid-argument', 'A curve point must be a number.');
        return ok({ ...c, points: { ...c.points, [change.stageId]: clampToScale(lane.scale, value) } });
      }, false);
    case 'setMetricValue':
      if (!map.stages.some((s) => s.id === change.stageId)) return missing('stage', change.stageId);
      return updateLane(map, change.laneId, (l) => {
        if (l.type !== 'metric') return err('invalid-argument', 'Only a metric lane holds metric values.');
        const values = change.value === null ? withoutKey(l.values, change.stageId) : { ...l.values, [change.stageId]: change.value };
        return ok({ ...l, values });
      });
  }
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Why a set of curves breaks the five-personas × two-curves limit, or null when it does not. */
export function curveLimitProblem(curves: readonly Curve[]): string | null {
  const perPersona = new Map<string, number>();
  for (const c of curves) {
    const key = c.personaId ?? '';
    perPersona.set(key, (perPersona.get(key) ?? 0) + 1);
  }
  if (perPersona.size > emotionLimits.personas) return `An emotion lane shows at most ${emotionLimits.personas} personas.`;
  for (const n of perPersona.values()) {
    if (n > emotionLimits.curvesPerPersona) return `Each persona has at most ${emotionLimits.curvesPerPersona} curves (as-is and to-be).`;
  }
  return null;
}

function removeStage(map: JourneyMap, stageId: string): JourneyMap {
  const cells = Object.fromEntries(Object.entries(map.cells).map(([laneId, row]) => [laneId, withoutKey(row, stageId)]));
  const lanes = map.lanes.map((l): Lane => {
    if (l.type === 'emotion') return { ...l, curves: l.curves.map((c) => ({ ...c, points: withoutKey(c.points, stageId) })) };
    if (l.type === 'metric') return { ...l, values: withoutKey(l.values, stageId) };
    return l;
  });
  return { stages: map.stages.filter((s) => s.id !== stageId), lanes, cells };
}

function updateLane(map: JourneyMap, laneId: string, f: (lane: Lane) => Result<Lane>): Result<JourneyMap> {
  const lane = map.lanes.find((l) => l.id === laneId);
  if (!lane) return missing('lane', laneId);
  const next = f(lane);
  if (!next.ok) return next;
  return ok({ ...map, lanes: map.lanes.map((l) => (l.id === laneId ? next.data : l)) });
}

type Emotion = Extract<Lane, { type: 'emotion' }>;

function updateEmotion(map: JourneyMap, laneId: string, f: (lane: Emotion) => Result<Emotion>): Result<JourneyMap> {
  return updateLane(map, laneId, (l) => (l.type === 'emotion' ? f(l) : err('invalid-argument', 'This lane has no curves.')));
}

function updateCurve(
  map: JourneyMap, laneId: string, curveId: string, f: (c: Curve, lane: Emotion) => Result<Curve>, checkLimits: boolean,
): Result<JourneyMap> {
  return updateEmotion(map, laneId, (l) => {
    const curve = l.curves.find((c) => c.id === curveId);
    if (!curve) return missing('curve', curveId);
    const next = f(curve, l);
    if (!next.ok) return next;
    const curves = l.curves.map((c) => (c.id === curveId ? { ...next.data, id: c.id } : c));
    const problem = checkLimits ? curveLimitProblem(curves) : null;
    return problem ? err('invalid-argument', problem) : ok({ ...l, curves });
  });
}
