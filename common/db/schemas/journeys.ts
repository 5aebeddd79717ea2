import { idField, shortText, tagsField, timeField } from './shared';

/**
 * Journey documents: the current draft's map (stages × lanes) and flow (nodes and edges), its
 * status and persona links. Published versions are immutable documents in `history`.
 */
export const journeysSchema = {
  title: 'journeys',
  /**
   * 1: stages may carry event-matching rules (`map.stages[].events`, issue 14). The bump makes an older
   * app set such a document aside and ask for an update instead of reading it and dropping the rules
   * on its next save.
   * 2: the map may carry analytics settings (`map.analytics`: event log, joined survey and its id
   * column, stage questions); bumped for the same reason.
   * 3: cards may carry event-matching rules (`map.cells[lane][stage][].events`); bumped for the same reason.
   */
  version: 3,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: idField,
    name: shortText(200),
    description: shortText(5000),
    /** draft until first published, active once published, archived when retired. */
    status: { type: 'string', enum: ['draft', 'active', 'archived'], maxLength: 10 },
    tags: tagsField,
    /** Personas this journey is mapped for (the brief's cjm_links); a persona lists journeys by querying this. */
    personaIds: { type: 'array', maxItems: 100, items: idField },
    /** The map view: stages, lanes and cells (shaped and checked by common/journey). */
    map: { type: 'object' },
    /** The flow view: nodes and edges (shaped and checked by common/journey). */
    flow: { type: 'object' },
    /** Number of the latest published version, 0 when never published. */
    publishedVersion: { type: 'integer', minimum: 0, maximum: 1000000 },
    /** When the latest version was published. */
    publishedAt: timeField,
    /** The template this journey was created from, if any (built-ins start with `tpl_`). */
    templateId: idField,
    /** Creation time. */
    createdAt: timeField,
    /** Last change; indexed because the journey list sorts by it. */
    updatedAt: timeField,
    /** Who changed it last. */
    updatedBy: shortText(120),
  },
  required: ['id', 'name', 'status', 'tags', 'personaIds', 'map', 'flow', 'publishedVersion', 'createdAt', 'updatedAt'],
  indexes: ['updatedAt'],
} as const;
