import { reidSection } from './changes';
import { blankBody, personaFromBody, type PersonaBody, type PersonaDoc } from './document';
import type { IdSource } from './ids';
import { gridColumns, sizeFor } from './layout';
import { personaLimits } from './limits';
import { getSectionDef } from './sections/catalogue';
import type { PersonaTemplate } from './templates/build';

/** Who creates and when; ids come from outside so creation stays a pure function. */
export interface Creation {
  ids: IdSource;
  now: number;
  author: string;
}

/** A blank persona: draft, landscape, with an identity header so the canvas is never empty. */
export function createBlankPersona(c: Creation, name = 'Untitled persona'): PersonaDoc {
  const body = blankBody(name);
  const def = getSectionDef('header')!;
  const size = sizeFor(def.defaultSize, body.orientation);
  body.sections = [{ id: c.ids(), type: 'header', title: def.defaultTitle, layout: { x: 0, y: 0, ...size }, data: def.defaultData(c.ids) }];
  return { ...body, id: c.ids(), createdAt: c.now, updatedAt: c.now, updatedBy: c.author };
}

/** A new persona from a template: its content with fresh ids for the persona, sections and items. */
export function createFromTemplate(template: PersonaTemplate, c: Creation): PersonaDoc {
  const body = reidBody(template.body, c.ids);
  return personaFromBody({ ...body, status: 'draft', owner: c.author || body.owner }, c.ids, c.now, c.author);
}

/**
 * A copy of a persona to modify: new ids throughout, back to draft, "(copy)" after the name. Journey
 * links and datasets stay with the original (the copy is not yet part of any journey); the photo is
 * shared by asset id, which is safe because assets are never modified.
 */
export function clonePersona(doc: PersonaDoc, c: Creation): PersonaDoc {
  const suffix = ' (copy)';
  const name = doc.name.slice(0, personaLimits.name - suffix.length) + suffix;
  const body = reidBody(bodyOf(doc), c.ids);
  return personaFromBody({ ...body, name, status: 'draft', journeyIds: [] }, c.ids, c.now, c.author);
}

/** Saves a persona's content as a custom template (the persona's identity and links are left out). */
export function templateFromPersona(doc: PersonaDoc, meta: { id: string; name: string; description: string; category?: string }): PersonaTemplate {
  const body: PersonaBody = { ...bodyOf(structuredClone(doc)), status: 'draft', journeyIds: [], datasetIds: [] };
  return { id: meta.id, name: meta.name, description: meta.description, category: meta.category ?? 'Custom', builtIn: false, body };
}

/** A persona's content without identity and timestamps. */
export function bodyOf(doc: PersonaDoc): PersonaBody {
  const { id: _id, createdAt: _c, updatedAt: _u, updatedBy: _b, ...body } = doc;
  return body;
}

/** A deep copy of a body with new ids for every section and list item; layout kept inside the grid. */
export function reidBody(body: PersonaBody, ids: IdSource): PersonaBody {
  const cols = gridColumns[body.orientation];
  const sections = body.sections.map((s) => {
    const copy = reidSection(s, ids);
    return { ...copy, layout: { ...copy.layout, w: Math.min(copy.layout.w, cols) } };
  });
  return { ...structuredClone(body), sections };
}
