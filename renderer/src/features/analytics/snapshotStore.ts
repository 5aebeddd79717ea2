/**
 * Writing persona snapshots. Ids are deterministic (persona, day, inputs), so upserting the same
 * day twice — here or on a teammate's laptop — writes the same document. After a day is recomputed
 * with new inputs, its older snapshots are removed so each day keeps one current figure.
 */
import { dayOf } from '../../../../common/analytics/days';
import type { PersonaSnapshotDoc } from '../../../../common/analytics/snapshots';
import { err, ok, type Result } from '../../../../common/result';
import type { Workspace } from '../../db/database';
import type { AnalyticsClient } from '../../workers/analyticsClient';
import type { SnapshotRun } from '../../workers/snapshotJob';
import { creationDay, engineInput, type AnalyticsPersona } from './personaModel';

/** Reads a stored persona snapshot. */
export function parseSnapshot(doc: unknown): Result<PersonaSnapshotDoc> {
  const d = doc as Partial<PersonaSnapshotDoc> | null;
  if (!d || d.entity !== 'persona' || typeof d.entityId !== 'string' || typeof d.day !== 'string' || typeof d.metrics !== 'object') {
    return err('invalid-document', 'Not a persona snapshot.');
  }
  return ok({ ...d, inputsDigest: d.inputsDigest ?? '' } as PersonaSnapshotDoc);
}

/** Computes and writes the missing or stale snapshots; returns the run (digests for evolution). */
export async function runSnapshots(
  db: Workspace, client: AnalyticsClient, personas: readonly AnalyticsPersona[], timeZone: string, backfill: boolean,
): Promise<Result<SnapshotRun & { written: number }>> {
  const now = Date.now();
  const stored = await db.snapshots.find({ selector: { entity: 'persona' } }).exec();
  const byPersona = new Map<string, { id: string; day: string; inputsDigest: string }[]>();
  for (const doc of stored) {
    const s = parseSnapshot(doc.toJSON());
    if (!s.ok) continue;
    const list = byPersona.get(s.data.entityId) ?? [];
    list.push({ id: s.data.id, day: s.data.day, inputsDigest: s.data.inputsDigest });
    byPersona.set(s.data.entityId, list);
  }
  const res = await client.snapshots({
    personas: personas.map((p) => ({
      ...engineInput(p), enabled: p.snapshotsEnabled, firstDay: creationDay(p, timeZone, now), existing: byPersona.get(p.id) ?? [],
    })),
    timeZone, today: dayOf(now, timeZone), now, backfill,
  }).result;
  if (!res.ok) return res;
  const docs = res.data.docs;
  for (let i = 0; i < docs.length; i += 200) await db.snapshots.bulkUpsert(docs.slice(i, i + 200).map((d) => ({ ...d })));
  const fresh = new Set(docs.map((d) => `${d.entityId}|${d.day}`));
  const freshIds = new Set(docs.map((d) => d.id));
  const staleIds = [...byPersona.entries()].flatMap(([personaId, list]) =>
    list.filter((s) => fresh.has(`${personaId}|${s.day}`) && !freshIds.has(s.id)).map((s) => s.id));
  if (staleIds.length > 0) await db.snapshots.bulkRemove(staleIds);
  return ok({ ...res.data, written: docs.length });
}
