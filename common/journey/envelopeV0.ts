import type { PathProblem } from './integrity';

/**
 * Format 0 is the shape journeys had in the platform this app grew from (the brief's
 * `journey_versions.definition`): `{ name, description, definition: { nodes, edges, map } }`,
 * with map `rows` instead of lanes, `color` instead of `colour`, stages carrying an `order`
 * number and cells as plain strings. Files in that shape are read, converted and checked like any other.
 */

const rowTypes: Record<string, string> = {
  touchpoint: 'touchpoints', touchpoints: 'touchpoints', channel: 'channels', channels: 'channels',
  goal: 'goals', goals: 'goals', pain: 'pains', pains: 'pains', opportunity: 'opportunities',
  opportunities: 'opportunities', action: 'actions', actions: 'actions', text: 'text', graph: 'emotion', metric: 'metric',
};

/** Converts a format-0 envelope's journey to the current shape; unknown row types become text lanes, with a warning. */
export function migrateEnvelopeV0(envelope: Record<string, unknown>, warnings: PathProblem[]): unknown {
  const j = envelope.journey;
  if (!isRecord(j)) return j;
  const def = isRecord(j.definition) ? j.definition : {};
  const map = isRecord(def.map) ? def.map : {};
  const stagesIn = Array.isArray(map.stages) ? map.stages.filter(isRecord) : [];
  const stages = [...stagesIn]
    .sort((a, b) => num(a.order) - num(b.order))
    .map((s) => ({ id: s.id, name: s.name, colour: s.color ?? s.colour, momentOfTruth: s.momentOfTruth === true }));
  const cells: Record<string, Record<string, unknown>> = {};
  const rows = Array.isArray(map.rows) ? map.rows.filter(isRecord) : [];
  const lanes = rows.map((r, i) => {
    const rawType = typeof r.type === 'string' ? r.type : '';
    let type = rowTypes[rawType];
    if (!type) {
      type = 'text';
      warnings.push({ path: `journey.definition.map.rows[${i}].type`, message: `Unknown row type "${rawType}" imported as a text lane.` });
    }
    const id = r.id;
    const rowCells = isRecord(r.cells) ? r.cells : {};
    if (type === 'emotion') {
      const points = Object.fromEntries(Object.entries(rowCells).filter(([, x]) => typeof x === 'number'));
      return { id, type, name: r.name ?? 'Emotions', scale: 'bipolar', curves: [{ id: `${String(id)}_c`, variant: 'as-is', label: 'Customer', colour: '#4f7cac', points }] };
    }
    if (type === 'metric') {
      const values = Object.fromEntries(Object.entries(rowCells).filter(([, x]) => typeof x === 'number').map(([k, x]) => [k, { value: x }]));
      return { id, type, name: r.name ?? 'Metric', metric: 'custom', values };
    }
    if (typeof id === 'string') {
      cells[id] = Object.fromEntries(Object.entries(rowCells).map(([stageId, items]) => [
        stageId,
        (Array.isArray(items) ? items : [items]).map((text, k) => ({ id: `${id}_${stageId}_${k}`.slice(0, 64), text: String(text) })),
      ]));
    }
    return { id, type, name: r.name ?? rawType };
  });
  warnings.push({ path: 'version', message: 'An older export format (0) was converted.' });
  return {
    id: j.id,
    name: j.name,
    description: j.description,
    tags: j.tags,
    personaIds: j.personaIds,
    map: { stages, lanes, cells },
    flow: { nodes: def.nodes ?? [], edges: def.edges ?? [] },
  };
}

function num(x: unknown): number {
  return typeof x === 'number' ? x : 0;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
