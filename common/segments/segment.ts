/**
 * Saved segments: a named set of respondents defined by mapping rules. A segment made from a persona
 * follows that persona's current rules (a rules edit moves its members) and keeps a copy of the
 * rules as last saved, so deleting the persona leaves a segment that still works and says why its
 * rules no longer change. A segment made from a "Find personas" group keeps the group's derived rules.
 * Members are never stored: they are recomputed from the data (a respondent's answers can change or
 * be purged).
 */
import { validateRules, type Rule } from '../analytics/rules';
import { err, ok, type Result } from '../result';

/** Which scores make a respondent a member: strong (≥ 70) or covered (≥ 50, strong or moderate). */
export type MatchLevel = 'strong' | 'covered';

/** The score (percent) each match level needs. */
export const matchPercent: Record<MatchLevel, number> = { strong: 70, covered: 50 };

/** How each match level reads on screen and in evidence notes. */
export const matchWords: Record<MatchLevel, string> = { strong: 'strong match (score ≥ 70)', covered: 'strong or moderate match (score ≥ 50)' };

/** A segment as stored in the `segments` collection. */
export interface SegmentDoc {
  id: string;
  name: string;
  sourceKind: 'persona' | 'cluster';
  /** The source persona's id (`persona` segments); empty for `cluster`. */
  personaId: string;
  /** Words naming the source when the segment was saved. */
  sourceLabel: string;
  /** The rules as last saved (a persona segment uses the persona's current rules while it exists). */
  rules: Rule[];
  match: MatchLevel;
  /** Datasets whose respondents can be members; empty means all. */
  datasetIds: string[];
  createdAt: number;
  updatedAt: number;
}

/** Limits on segments and their use. */
export const segmentLimits = {
  name: 120,
  /** Segments per workspace (the overlap matrix is segments², computed on every data change). */
  segments: 50,
  /** Segments in one Venn view. */
  venn: 3,
  /** Columns in a member export beside the id. */
  exportColumns: 60,
  /** Members in one XLSX export (Excel's sheet holds 1,048,576 rows; one is the header). */
  xlsxRows: 1_048_575,
} as const;

/** Checks a stored or typed segment; the message says what to fix. */
export function validateSegment(input: unknown): Result<SegmentDoc> {
  const d = input as Partial<SegmentDoc> | null;
  if (!d || typeof d !== 'object') return err('invalid-document', 'Not a segment.');
  if (typeof d.id !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(d.id)) return err('invalid-document', 'The segment has no valid id.');
  if (typeof d.name !== 'string' || d.name.trim() === '') return err('invalid-document', 'Give the segment a name.');
  if (d.name.length > segmentLimits.name) return err('invalid-document', `A segment name can have at most ${segmentLimits.name} characters.`);
  if (d.sourceKind !== 'persona' && d.sourceKind !== 'cluster') return err('invalid-document', 'A segment comes from a persona or a group.');
  if (typeof d.personaId !== 'string' || (d.sourceKind === 'persona' && d.personaId === '')) return err('invalid-document', 'A persona segment must name its persona.');
  if (typeof d.sourceLabel !== 'string' || d.sourceLabel.length > 200) return err('invalid-document', 'The segment’s source label is missing or too long.');
  if (!Array.isArray(d.rules) || d.rules.length === 0) {
    return err('invalid-document', 'This segment has no rules, so nobody could be a member: add mapping rules to the persona first.');
  }
  const problems = validateRules(d.rules);
  if (problems.length > 0) return err('invalid-document', `The segment’s rules are not valid: ${problems[0]!.message}`);
  if (d.match !== 'strong' && d.match !== 'covered') return err('invalid-document', 'Members are strong matches or strong and moderate matches.');
  if (!Array.isArray(d.datasetIds) || d.datasetIds.length > 200 || d.datasetIds.some((x) => typeof x !== 'string')) return err('invalid-document', 'The segment’s datasets are not a list of ids.');
  if (typeof d.createdAt !== 'number' || typeof d.updatedAt !== 'number') return err('invalid-document', 'The segment has no times.');
  return ok({
    id: d.id, name: d.name.trim(), sourceKind: d.sourceKind, personaId: d.personaId, sourceLabel: d.sourceLabel, rules: d.rules as Rule[],
    match: d.match, datasetIds: [...d.datasetIds], createdAt: d.createdAt, updatedAt: d.updatedAt,
  });
}

/** A persona as a segment source. */
export interface SegmentPersona { id: string; name: string; rules: Rule[]; datasetIds: string[] }

/**
 * Why a segment scores with its own saved rules rather than its persona's: a code and the persona's
 * name, worded by the app in the reader's language (renderer catalogue `problems.segment`).
 */
export type SegmentNotice = { code: 'personaDeleted' | 'noValidRules'; persona: string };

/** The rules a segment uses now, and a notice when they are not its persona's current ones. */
export interface EffectiveSegment {
  segment: SegmentDoc;
  rules: Rule[];
  datasetIds: string[];
  /** Set when the segment cannot follow its persona (deleted, or left without rules). */
  notice: SegmentNotice | null;
}

/**
 * The rules a segment scores with: its persona's current rules and datasets while the persona exists
 * and has rules, otherwise the copy saved with the segment (and a notice saying so).
 */
export function effectiveSegment(segment: SegmentDoc, personas: readonly SegmentPersona[]): EffectiveSegment {
  if (segment.sourceKind !== 'persona') return { segment, rules: segment.rules, datasetIds: segment.datasetIds, notice: null };
  const persona = personas.find((p) => p.id === segment.personaId);
  if (!persona) {
    return { segment, rules: segment.rules, datasetIds: segment.datasetIds, notice: { code: 'personaDeleted', persona: segment.sourceLabel } };
  }
  if (persona.rules.length === 0 || validateRules(persona.rules).length > 0) {
    return { segment, rules: segment.rules, datasetIds: segment.datasetIds, notice: { code: 'noValidRules', persona: persona.name } };
  }
  return { segment, rules: persona.rules, datasetIds: persona.datasetIds, notice: null };
}

/** A new segment from a persona's rules; refused when the persona has none. */
export function segmentFromPersona(persona: SegmentPersona, name: string, match: MatchLevel, id: string, now: number): Result<SegmentDoc> {
  return validateSegment({
    id, name, sourceKind: 'persona', personaId: persona.id, sourceLabel: `Persona ${persona.name}`.slice(0, 200), rules: persona.rules,
    match, datasetIds: persona.datasetIds, createdAt: now, updatedAt: now,
  });
}

/** A new segment from a group's derived rules. */
export function segmentFromRules(rules: Rule[], label: string, name: string, datasetIds: string[], id: string, now: number): Result<SegmentDoc> {
  return validateSegment({ id, name, sourceKind: 'cluster', personaId: '', sourceLabel: label.slice(0, 200), rules, match: 'strong', datasetIds, createdAt: now, updatedAt: now });
}
