import type { JourneyMap } from '../../../../common/journey/mapModel';
import type { Workspace } from '../../db/database';
import { readPersonas } from './gather';

/**
 * The names of the personas a journey's emotion curves speak for, by id, so the poster's legend
 * can print them. Only those personas are read; a persona deleted since is left out (the legend
 * then says so rather than printing an id).
 */
export async function curvePersonaNames(db: Workspace, map: JourneyMap): Promise<Record<string, string>> {
  const ids = new Set<string>();
  for (const lane of map.lanes) if (lane.type === 'emotion') for (const c of lane.curves) if (c.personaId) ids.add(c.personaId);
  if (ids.size === 0) return {};
  const personas = await readPersonas(db, [...ids]);
  return Object.fromEntries(personas.map((p) => [p.id, p.name]));
}
