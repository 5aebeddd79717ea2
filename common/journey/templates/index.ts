import * as v from 'valibot';
import { err, ok, type Result } from '../../result';
import { checkIntegrity } from '../integrity';
import { createJourney, journeySnapshotSchema, snapshotOf, type JourneyDoc, type JourneySnapshot } from '../journey';
import { buildTemplate, type TemplateSpec } from './builder';
import { firstPurchase, onboarding, supportRecovery } from './builtinsA';
import { npsFollowUp, renewal, winBack } from './builtinsB';

/** A journey template, built in or saved by a user. */
export interface JourneyTemplate {
  /** Template id; built-ins start with `tpl_`. */
  id: string;
  /** Display name. */
  name: string;
  /** When to use it. */
  description: string;
  /** Gallery grouping. */
  category: string;
  /** Whether it ships with the app (built-ins cannot be deleted). */
  builtIn: boolean;
  /** The journey content it creates. */
  body: JourneySnapshot;
}

const specs: TemplateSpec[] = [onboarding, firstPurchase, supportRecovery, npsFollowUp, renewal, winBack];

/** The templates that ship with the app, built once on first use. */
export const builtInTemplates: () => readonly JourneyTemplate[] = (() => {
  let cache: JourneyTemplate[] | undefined;
  return () => (cache ??= specs.map((s) => ({
    id: s.id, name: s.name, description: s.description, category: s.category, builtIn: true, body: buildTemplate(s),
  })));
})();

/** A new draft journey from a template. Ids inside the body are local to a journey, so they are kept. */
export function createFromTemplate(template: JourneyTemplate, input: { id: string; now: number; name?: string; author?: string }): JourneyDoc {
  const body = structuredClone(template.body);
  return createJourney({
    ...body, id: input.id, now: input.now, name: input.name ?? template.name, body, templateId: template.id,
    ...(input.author ? { author: input.author } : {}),
  });
}

/** A document for the `templates` collection (common/db/schemas/templates.ts). */
export interface TemplateDoc {
  /** Primary key. */
  id: string;
  /** Always `journey` for journey templates. */
  entity: 'journey';
  /** Display name. */
  name: string;
  /** When to use it. */
  description: string;
  /** Gallery grouping. */
  category: string;
  /** The journey content. */
  body: JourneySnapshot;
  /** Creation time. */
  createdAt: number;
  /** Last change. */
  updatedAt: number;
}

/** Saves a journey's content as a custom template; persona links are dropped because a template is generic. */
export function templateFromJourney(
  journey: JourneyDoc, input: { id: string; name: string; description?: string; category?: string; now: number },
): TemplateDoc {
  const body = { ...structuredClone(snapshotOf(journey)), name: input.name, personaIds: [] };
  return {
    id: input.id, entity: 'journey', name: input.name.slice(0, 200), description: (input.description ?? journey.description).slice(0, 2000),
    category: (input.category ?? 'Custom').slice(0, 60), body, createdAt: input.now, updatedAt: input.now,
  };
}

/** Reads a stored template document; templates replicate from teammates, so the body is checked. */
export function readTemplateDoc(doc: unknown): Result<JourneyTemplate> {
  if (typeof doc !== 'object' || doc === null) return err('invalid-document', 'Not a template document.');
  const d = doc as Record<string, unknown>;
  if (d.entity !== 'journey' || typeof d.id !== 'string' || typeof d.name !== 'string') return err('invalid-document', 'Not a journey template.');
  const body = v.safeParse(journeySnapshotSchema, d.body);
  if (!body.success) return err('newer-schema', `The template "${d.name}" cannot be read by this app; update CX Studio.`);
  if (checkIntegrity(body.output, 'body').length > 0) return err('invalid-document', `The template "${d.name}" is damaged.`);
  return ok({
    id: d.id, name: d.name, description: typeof d.description === 'string' ? d.description : '',
    category: typeof d.category === 'string' ? d.category : 'Custom', builtIn: false, body: body.output,
  });
}
