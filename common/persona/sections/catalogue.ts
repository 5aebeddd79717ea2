import type { IdSource } from '../ids';
import { barChartSection, channelsSection, pieChartSection, scalesSection } from './chartSections';
import { listSections, textSections } from './listSections';
import {
  customSection, demographicsSection, headerSection, liveMetricsSection, mediaSection, personalitySection,
  quoteSection, technologySection,
} from './profileSections';
import type { SectionDef } from './types';

/**
 * Every section type the canvas offers, in palette order. Types are stored in documents and files,
 * so a key is never renamed or reused; retiring one means teaching `restorePersona` to convert it.
 */
export const sectionCatalogue: readonly SectionDef[] = [
  headerSection,
  quoteSection,
  ...listSections.filter((s) => s.group === 'lists'),
  ...textSections,
  demographicsSection,
  personalitySection,
  technologySection,
  ...listSections.filter((s) => s.group === 'profile'),
  pieChartSection,
  barChartSection,
  channelsSection,
  scalesSection,
  mediaSection,
  liveMetricsSection,
  customSection,
] as SectionDef[];

const byType = new Map(sectionCatalogue.map((def) => [def.type, def]));

/** The stored type keys of all sections, in palette order. */
export const sectionTypes: readonly string[] = sectionCatalogue.map((d) => d.type);

/** The definition of a section type, or undefined for a type this version does not know. */
export function getSectionDef(type: string): SectionDef | undefined {
  return byType.get(type);
}

/** Whether `type` is a section type this version knows. */
export function isSectionType(type: unknown): type is string {
  return typeof type === 'string' && byType.has(type);
}

/** Fresh default data for a known section type, with new item ids. */
export function defaultSectionData(type: string, ids: IdSource): Record<string, unknown> {
  const def = byType.get(type);
  if (!def) throw new Error(`Unknown section type "${type}"`);
  return def.defaultData(ids);
}
