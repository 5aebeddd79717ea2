/**
 * Runs "Follow data" and drift after each snapshot run: the worker recomputes every followed
 * section from the persona's matched respondents and judges the newest day; this writes sections
 * whose values changed (evidence "data" with dataset and count) and publishes the drift reports.
 */
import type { FollowConfig } from '../../../../common/analytics/follow';
import { followEvidence } from '../../../../common/analytics/follow';
import type { PersonaDoc, PersonaSection } from '../../../../common/persona';
import { ok, type Result } from '../../../../common/result';
import type { Workspace } from '../../db/database';
import type { AnalyticsClient } from '../../workers/analyticsClient';
import type { FollowPersona, FollowSection, FollowValues } from '../../workers/followJob';
import { parsePersona, savePersona } from '../personas/store';
import { driftEntry, publishDrift, readDriftRule, type PersonaDrift } from './driftStore';
import { engineInput, parseAnalyticsPersona } from './personaModel';

/** Section types that can follow data, and how the worker computes them. */
export const followKinds: Record<string, FollowSection['kind']> = { demographics: 'demographics', pieChart: 'chart', barChart: 'chart' };

/** The follow settings of a section, or null when it does not follow data. */
export function followOf(section: PersonaSection): FollowConfig | null {
  const f = (section.data as { follow?: FollowConfig }).follow;
  return f && followKinds[section.type] ? f : null;
}

/** The followed sections of a persona. */
export function followedSections(doc: PersonaDoc): FollowSection[] {
  return doc.sections.flatMap((s) => {
    const config = followOf(s);
    return config ? [{ sectionId: s.id, kind: followKinds[s.type]!, config }] : [];
  });
}

/** The persona with its followed sections rewritten from `values` (the same object when nothing changed). */
export function applyFollowValues(doc: PersonaDoc, values: readonly FollowValues[]): PersonaDoc {
  let changed = false;
  const sections = doc.sections.map((s) => {
    const v = values.find((x) => x.sectionId === s.id);
    const config = followOf(s);
    if (!v || !config || v.kind === 'error') return s;
    const evidence = followEvidence(config, v.matched);
    const data = v.kind === 'chart'
      ? { ...s.data, unit: '%', points: v.points.map((p) => ({ ...p, evidence: { kind: 'data' as const, source: `${config.datasetName}: ${Math.round((p.value * v.answering) / 100)} of ${v.answering} matched respondents answering` } })) }
      : { ...s.data, ...v.lines };
    const next = { ...s, data, evidence };
    if (JSON.stringify(next) === JSON.stringify(s)) return s;
    changed = true;
    return next;
  });
  return changed ? { ...doc, sections } : doc;
}

/** Recomputes followed sections and drift for every persona; returns how many personas were rewritten. */
export async function runFollow(db: Workspace, client: AnalyticsClient, timeZone: string): Promise<Result<{ written: number; problems: string[] }>> {
  const docs = (await db.personas.find().exec()).map((d) => parsePersona(d.toJSON())).flatMap((r) => (r.ok ? [r.data] : []));
  const inputs: FollowPersona[] = docs.flatMap((doc) => {
    const p = parseAnalyticsPersona(doc);
    if (!p.ok) return [];
    const sections = followedSections(doc);
    // Drift is judged for personas that keep daily snapshots or follow data.
    return p.data.snapshotsEnabled || sections.length > 0 ? [{ ...engineInput(p.data), sections }] : [];
  });
  if (inputs.length === 0) return ok({ written: 0, problems: [] });
  const res = await client.follow({ personas: inputs, timeZone, rule: await readDriftRule(db) }).result;
  if (!res.ok) return res;
  let written = 0;
  const problems: string[] = [];
  const now = Date.now();
  const entries: [string, PersonaDrift][] = [];
  for (const r of res.data) {
    const doc = docs.find((d) => d.id === r.personaId);
    if (!doc) continue;
    const own = r.sections.flatMap((s) => (s.kind === 'error' ? [`${doc.sections.find((x) => x.id === s.sectionId)?.title ?? 'A section'}: ${s.message}`] : []));
    problems.push(...own.map((m) => `${doc.name}: ${m}`));
    entries.push([r.personaId, driftEntry(r.drift, (c) => c, own, now)]);
    const next = applyFollowValues(doc, r.sections);
    if (next !== doc) {
      const saved = await savePersona(db, next, now);
      if (saved.ok) written++;
      else problems.push(`${doc.name}: ${saved.message}`);
    }
  }
  publishDrift(entries);
  return ok({ written, problems });
}
