/**
 * Reading and writing segments (the `segments` collection). Documents are checked with
 * `validateSegment` both ways, so a malformed one synced from elsewhere is skipped, not shown.
 */
import { newId } from '../../../../common/persona';
import { err, ok, type Result } from '../../../../common/result';
import type { Rule } from '../../../../common/analytics/rules';
import { segmentFromRules, segmentLimits, validateSegment, type SegmentDoc } from '../../../../common/segments/segment';
import type { Workspace } from '../../db/database';

/** Parses a stored segment. */
export const parseSegment = (doc: unknown): Result<SegmentDoc> => validateSegment(doc);

/** Writes a new segment; refused past the workspace's limit or with a name already used. */
export async function addSegment(db: Workspace, segment: SegmentDoc): Promise<Result<SegmentDoc>> {
  const checked = validateSegment(segment);
  if (!checked.ok) return checked;
  const existing = (await db.segments.find().exec()).map((d) => d.toJSON() as { name?: unknown });
  if (existing.length >= segmentLimits.segments) return err('too-large', `A workspace holds at most ${segmentLimits.segments} segments: delete one first.`);
  if (existing.some((d) => typeof d.name === 'string' && d.name.trim().toLowerCase() === checked.data.name.toLowerCase())) {
    return err('conflict', `A segment named “${checked.data.name}” exists already: choose another name.`);
  }
  await db.segments.insert({ ...checked.data, rules: JSON.parse(JSON.stringify(checked.data.rules)) as SegmentDoc['rules'] });
  return ok(checked.data);
}

/** Saves a "Find personas" group's derived rules as a segment over its dataset. */
export async function addGroupSegment(db: Workspace, rules: Rule[], label: string, datasetId: string): Promise<Result<SegmentDoc>> {
  const made = segmentFromRules(rules, label, label.slice(0, 120), [datasetId], newId(), Date.now());
  return made.ok ? addSegment(db, made.data) : made;
}

/** Deletes a segment (its members were never stored). */
export async function removeSegment(db: Workspace, id: string): Promise<void> {
  await db.segments.findOne(id).remove();
}

export { newId };
