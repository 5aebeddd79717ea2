/**
 * Size limits of persona content. They keep a document well inside what sync and the version history
 * handle comfortably, and match the bounds of the `personas` collection schema.
 */
export const personaLimits = {
  /** Name of a persona, as shown on cards and in the header. */
  name: 120,
  /** Role, owner and domain lines. */
  shortField: 120,
  /** Persona type, e.g. "Primary" or "Anti-persona". */
  personaType: 60,
  /** A section's title. */
  sectionTitle: 200,
  /** A one-line field inside a section (demographic value, chart label, scale pole). */
  line: 200,
  /** A list item's text. */
  itemText: 500,
  /** A free-text section's body. */
  longText: 5000,
  /** Items in one list, chart or scale set. */
  items: 50,
  /** Sections on one canvas. */
  sections: 100,
  /** Tags per persona and characters per tag. */
  tags: 50,
  tag: 60,
  /** An evidence note's source. */
  evidenceSource: 500,
  /** A link in a media section. */
  url: 2000,
} as const;
