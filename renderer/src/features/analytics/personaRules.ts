/**
 * Writes a persona's analytics settings (rules, datasets, snapshot switch). Rules are validated by
 * the engine's validator before anything is written; `updatedAt` is bumped so sync and the persona
 * list see the change.
 */
import { validateRules, type Rule, type RuleContext } from '../../../../common/analytics/rules';
import { err, ok, type Result } from '../../../../common/result';
import type { Workspace } from '../../db/database';
import { translate } from '../../i18n';

/** What the rules panel saves. */
export interface PersonaAnalyticsPatch { rules: Rule[]; datasetIds: string[]; snapshotsEnabled: boolean }

/** Validates and writes; returns the number of rules saved. */
export async function savePersonaAnalytics(db: Workspace, personaId: string, patch: PersonaAnalyticsPatch, context: RuleContext): Promise<Result<number>> {
  const problems = validateRules(patch.rules, context);
  if (problems.length > 0) return err('invalid-argument', translate('problems.rule', { ...problems[0]!, path: undefined, message: undefined }));
  const doc = await db.personas.findOne(personaId).exec();
  if (!doc) return err('not-found', translate('analytics.personaGone'));
  // JSON round trip: RxDB's validator refuses fields set to `undefined`.
  const clean = JSON.parse(JSON.stringify(patch)) as PersonaAnalyticsPatch;
  await doc.incrementalPatch({ ...clean, updatedAt: Date.now() });
  return ok(patch.rules.length);
}

/** Turns a persona's daily snapshots on or off (the switch the Evolution panel offers when they are off). */
export async function setSnapshotsEnabled(db: Workspace, personaId: string, enabled: boolean): Promise<Result<boolean>> {
  const doc = await db.personas.findOne(personaId).exec();
  if (!doc) return err('not-found', translate('analytics.personaGone'));
  await doc.incrementalPatch({ snapshotsEnabled: enabled, updatedAt: Date.now() });
  return ok(enabled);
}
