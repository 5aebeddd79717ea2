import type { JourneyBody } from './changes';
import { outputHandles } from './flowModel';
import { curveLimitProblem } from './mapChanges';

/** A problem found in imported or replicated data, with the path of the offending value. */
export interface PathProblem {
  /** Where, as `journey.map.stages[2].colour`. */
  path: string;
  /** What is wrong and, where possible, what to do. */
  message: string;
}

/**
 * Checks what a schema cannot: ids unique within their list, and every reference (cells, curve
 * points, metric values, node stage ties, edges and their handles) pointing at something that exists.
 * `at` prefixes the paths, e.g. `journey`.
 */
export function checkIntegrity(body: JourneyBody, at: string): PathProblem[] {
  const problems: PathProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path: `${at}.${path}`, message });
  const unique = (list: ReadonlyArray<{ id: string }>, path: string, what: string) => {
    const seen = new Set<string>();
    list.forEach((x, i) => {
      if (seen.has(x.id)) add(`${path}[${i}].id`, `Another ${what} already has the id "${x.id}".`);
      seen.add(x.id);
    });
    return seen;
  };
  const stages = unique(body.map.stages, 'map.stages', 'stage');
  const lanes = unique(body.map.lanes, 'map.lanes', 'lane');
  const nodes = unique(body.flow.nodes, 'flow.nodes', 'node');
  unique(body.flow.edges, 'flow.edges', 'edge');
  const laneType = new Map(body.map.lanes.map((l) => [l.id, l.type]));

  for (const [laneId, row] of Object.entries(body.map.cells)) {
    const type = laneType.get(laneId);
    if (!lanes.has(laneId)) add(`map.cells.${laneId}`, 'These cells belong to a lane that does not exist.');
    else if (type === 'emotion' || type === 'metric') add(`map.cells.${laneId}`, 'Curve and metric lanes hold no cards.');
    for (const stageId of Object.keys(row)) {
      if (!stages.has(stageId)) add(`map.cells.${laneId}.${stageId}`, 'This cell belongs to a stage that does not exist.');
    }
  }
  body.map.lanes.forEach((lane, li) => {
    if (lane.type === 'emotion') {
      const limit = curveLimitProblem(lane.curves);
      if (limit) add(`map.lanes[${li}].curves`, limit);
      unique(lane.curves, `map.lanes[${li}].curves`, 'curve');
      lane.curves.forEach((c, ci) => {
        for (const stageId of Object.keys(c.points)) {
          if (!stages.has(stageId)) add(`map.lanes[${li}].curves[${ci}].points.${stageId}`, 'This point belongs to a stage that does not exist.');
        }
      });
    } else if (lane.type === 'metric') {
      for (const stageId of Object.keys(lane.values)) {
        if (!stages.has(stageId)) add(`map.lanes[${li}].values.${stageId}`, 'This value belongs to a stage that does not exist.');
      }
    }
  });
  body.flow.nodes.forEach((n, i) => {
    if (n.stageId !== undefined && !stages.has(n.stageId)) add(`flow.nodes[${i}].stageId`, 'This node is tied to a stage that does not exist.');
  });
  const byId = new Map(body.flow.nodes.map((n) => [n.id, n]));
  body.flow.edges.forEach((e, i) => {
    if (!nodes.has(e.source)) add(`flow.edges[${i}].source`, `No node has the id "${e.source}".`);
    if (!nodes.has(e.target)) add(`flow.edges[${i}].target`, `No node has the id "${e.target}".`);
    const source = byId.get(e.source);
    if (source && !outputHandles(source).includes(e.sourceHandle)) {
      add(`flow.edges[${i}].sourceHandle`, `The node "${source.label}" has no output "${e.sourceHandle}".`);
    }
  });
  return problems;
}
